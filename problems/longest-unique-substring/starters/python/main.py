import sys


def longest_fresh(s: str) -> int:
    """Return the length of the longest substring of s without a repeated character."""
    # TODO: write your solution here
    return 0


def main() -> None:
    tokens = iter(sys.stdin.read().split())
    s = next(tokens)
    result = longest_fresh(s)
    print(result)


if __name__ == "__main__":
    main()
