import sys


def main() -> None:
    data = sys.stdin.read().split()
    n, k = int(data[0]), int(data[1])
    tile = [data[2 + i * n:2 + (i + 1) * n] for i in range(n)]
    for _ in range(k % 4):  # Python's % is never negative: -1 % 4 == 3 clockwise turns
        tile = [list(row) for row in zip(*tile[::-1])]
    print("\n".join(" ".join(row) for row in tile))


main()
