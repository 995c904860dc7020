import sys


def cheapest_tolls(n: int, roads: list[list[int]]) -> list[int]:
    """Return the cheapest total toll from depot 1 to each depot 1..n (-1 where unreachable)."""
    # TODO: write your solution here
    return []


def main() -> None:
    tokens = iter(sys.stdin.read().split())
    n = int(next(tokens))
    m = int(next(tokens))
    roads = [[int(next(tokens)) for _ in range(3)] for _ in range(m)]
    result = cheapest_tolls(n, roads)
    print("\n".join(map(str, result)))


if __name__ == "__main__":
    main()
