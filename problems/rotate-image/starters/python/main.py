import sys


def rotate_tile(k: int, tile: list[list[int]]) -> list[list[int]]:
    """Return the tile turned by k quarter turns clockwise (counter-clockwise when k is negative)."""
    # TODO: write your solution here
    return []


def main() -> None:
    tokens = iter(sys.stdin.read().split())
    n = int(next(tokens))
    k = int(next(tokens))
    tile = [[int(next(tokens)) for _ in range(n)] for _ in range(n)]
    result = rotate_tile(k, tile)
    print("\n".join(" ".join(map(str, row)) for row in result))


if __name__ == "__main__":
    main()
