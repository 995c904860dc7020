import sys


def count_streaks(k: int, changes: list[int]) -> int:
    """Return how many runs of consecutive changes add up to exactly k."""
    # TODO: write your solution here
    return 0


def main() -> None:
    tokens = iter(sys.stdin.read().split())
    n = int(next(tokens))
    k = int(next(tokens))
    changes = [int(next(tokens)) for _ in range(n)]
    result = count_streaks(k, changes)
    print(result)


if __name__ == "__main__":
    main()
