import sys


def typo_distance(a: str, b: str) -> int:
    """Return the smallest number of single-letter inserts, deletes and replacements that turn a into b."""
    # TODO: write your solution here
    return 0


def main() -> None:
    tokens = iter(sys.stdin.read().split())
    a = next(tokens)
    b = next(tokens)
    result = typo_distance(a, b)
    print(result)


if __name__ == "__main__":
    main()
