import sys


def ladder_length(begin_word: str, end_word: str, words: list[str]) -> int:
    """Return the number of words in the shortest ladder from begin_word to end_word (0 if none)."""
    # TODO: write your solution here
    return 0


def main() -> None:
    tokens = iter(sys.stdin.read().split())
    begin_word = next(tokens)
    end_word = next(tokens)
    n = int(next(tokens))
    words = [next(tokens) for _ in range(n)]
    result = ladder_length(begin_word, end_word, words)
    print(result)


if __name__ == "__main__":
    main()
