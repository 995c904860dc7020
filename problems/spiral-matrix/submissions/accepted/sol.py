import sys


def main() -> None:
    data = sys.stdin.read().split()
    r, c = int(data[0]), int(data[1])
    grid = [data[2 + i * c:2 + (i + 1) * c] for i in range(r)]
    top, bottom, left, right = 0, r - 1, 0, c - 1
    out: list[str] = []
    while top <= bottom and left <= right:
        out.extend(grid[top][j] for j in range(left, right + 1))
        out.extend(grid[i][right] for i in range(top + 1, bottom + 1))
        if top < bottom:  # a single remaining row was read already
            out.extend(grid[bottom][j] for j in range(right - 1, left - 1, -1))
        if left < right:  # a single remaining column was read already
            out.extend(grid[i][left] for i in range(bottom - 1, top, -1))
        top, bottom, left, right = top + 1, bottom - 1, left + 1, right - 1
    print(" ".join(out))


main()
