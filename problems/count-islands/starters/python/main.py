import sys


def count_islands(grid: list[str]) -> int:
    """Return the number of islands: groups of # cells connected up, down, left or right."""
    # TODO: write your solution here
    return 0


def main() -> None:
    tokens = iter(sys.stdin.read().split())
    h = int(next(tokens))
    w = int(next(tokens))
    grid = [next(tokens) for _ in range(h)]
    result = count_islands(grid)
    print(result)


if __name__ == "__main__":
    main()
