import sys


def merge_blocks(blocks: list[list[int]]) -> list[list[int]]:
    """Return the merged blocks [l, r], sorted by start; blocks that overlap or touch are merged."""
    # TODO: write your solution here
    return []


def main() -> None:
    tokens = iter(sys.stdin.read().split())
    n = int(next(tokens))
    blocks = [[int(next(tokens)) for _ in range(2)] for _ in range(n)]
    result = merge_blocks(blocks)
    print("\n".join(" ".join(map(str, row)) for row in result))


if __name__ == "__main__":
    main()
