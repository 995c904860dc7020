import sys


def window_maxima(k: int, loads: list[int]) -> list[int]:
    """Return the maximum of every window of k consecutive readings, first window first."""
    # TODO: write your solution here
    return []


def main() -> None:
    tokens = iter(sys.stdin.read().split())
    n = int(next(tokens))
    k = int(next(tokens))
    loads = [int(next(tokens)) for _ in range(n)]
    result = window_maxima(k, loads)
    print(" ".join(map(str, result)))


if __name__ == "__main__":
    main()
