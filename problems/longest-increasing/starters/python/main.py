import sys


def longest_rising(temps: list[int]) -> int:
    """Return the length of the longest strictly increasing subsequence of temps."""
    # TODO: write your solution here
    return 0


def main() -> None:
    tokens = iter(sys.stdin.read().split())
    n = int(next(tokens))
    temps = [int(next(tokens)) for _ in range(n)]
    result = longest_rising(temps)
    print(result)


if __name__ == "__main__":
    main()
