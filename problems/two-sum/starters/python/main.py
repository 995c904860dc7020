import sys


def two_sum(target: int, a: list[int]) -> list[int]:
    """Return [i, j] (1-based) for the pair with the smallest j, then the smallest i, whose values add up to target; [] if none."""
    # TODO: write your solution here
    return []


def main() -> None:
    tokens = iter(sys.stdin.read().split())
    n = int(next(tokens))
    target = int(next(tokens))
    a = [int(next(tokens)) for _ in range(n)]
    result = two_sum(target, a)
    if not result:
        print("-1")
        return
    print(" ".join(map(str, result)))


if __name__ == "__main__":
    main()
