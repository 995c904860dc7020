import sys


def top_tags(k: int, tags: list[str]) -> list[str]:
    """Return the k most frequent tags, most frequent first, ties in alphabetical order."""
    # TODO: write your solution here
    return []


def main() -> None:
    tokens = iter(sys.stdin.read().split())
    n = int(next(tokens))
    k = int(next(tokens))
    tags = [next(tokens) for _ in range(n)]
    result = top_tags(k, tags)
    print("\n".join(result))


if __name__ == "__main__":
    main()
