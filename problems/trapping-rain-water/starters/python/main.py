import sys


def trapped_water(heights: list[int]) -> int:
    """Return the total units of rain water trapped between the buildings of the given heights."""
    # TODO: write your solution here
    return 0


def main() -> None:
    tokens = iter(sys.stdin.read().split())
    n = int(next(tokens))
    heights = [int(next(tokens)) for _ in range(n)]
    result = trapped_water(heights)
    print(result)


if __name__ == "__main__":
    main()
