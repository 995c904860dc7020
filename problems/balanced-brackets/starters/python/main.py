import sys


def check_brackets(strings: list[str]) -> list[str]:
    """Return "YES" or "NO" for each string: whether its brackets are balanced."""
    # TODO: write your solution here
    return []


def main() -> None:
    tokens = iter(sys.stdin.read().split())
    t = int(next(tokens))
    strings = [next(tokens) for _ in range(t)]
    result = check_brackets(strings)
    print("\n".join(result))


if __name__ == "__main__":
    main()
