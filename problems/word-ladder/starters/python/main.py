import sys


def ladder_length(start: str, end: str, words: list[str]) -> int:
    """Return the number of words in the shortest ladder from start to end (0 if none)."""
    # TODO: write your solution here
    return 0


def main() -> None:
    tokens = iter(sys.stdin.read().split())
    start = next(tokens)
    end = next(tokens)
    n = int(next(tokens))
    words = [next(tokens) for _ in range(n)]
    result = ladder_length(start, end, words)
    print(result)


if __name__ == "__main__":
    main()
