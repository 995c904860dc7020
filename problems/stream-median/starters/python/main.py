import sys


def running_medians(values: list[int]) -> list[str]:
    """Return the median after each value, formatted as "3", "-2" or "2.5"."""
    # TODO: write your solution here
    return []


def main() -> None:
    tokens = iter(sys.stdin.read().split())
    n = int(next(tokens))
    values = [int(next(tokens)) for _ in range(n)]
    result = running_medians(values)
    print("\n".join(result))


if __name__ == "__main__":
    main()
