import sys


def spiral_order(grid: list[list[int]]) -> list[int]:
    """Return the readings of grid in clockwise spiral order, starting at the top left."""
    # TODO: write your solution here
    return []


def main() -> None:
    tokens = iter(sys.stdin.read().split())
    r = int(next(tokens))
    c = int(next(tokens))
    grid = [[int(next(tokens)) for _ in range(c)] for _ in range(r)]
    result = spiral_order(grid)
    print(" ".join(map(str, result)))


if __name__ == "__main__":
    main()
