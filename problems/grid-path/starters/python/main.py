import sys


def shortest_route(grid: list[str]) -> int:
    """Return the smallest number of steps from S to E, or -1 if E cannot be reached."""
    # TODO: write your solution here
    return 0


def main() -> None:
    tokens = iter(sys.stdin.read().split())
    h = int(next(tokens))
    w = int(next(tokens))
    grid = [next(tokens) for _ in range(h)]
    result = shortest_route(grid)
    print(result)


if __name__ == "__main__":
    main()
