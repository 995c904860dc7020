import sys


def min_rooms(meetings: list[list[int]]) -> int:
    """Return the smallest number of rooms that host all meetings [start, end) without overlap in a room."""
    # TODO: write your solution here
    return 0


def main() -> None:
    tokens = iter(sys.stdin.read().split())
    n = int(next(tokens))
    meetings = [[int(next(tokens)) for _ in range(2)] for _ in range(n)]
    result = min_rooms(meetings)
    print(result)


if __name__ == "__main__":
    main()
