# Reads all four sides of every layer without checking whether the layer is a single row or
# column, so such a layer is read twice.
import sys

data = sys.stdin.read().split()
r, c = int(data[0]), int(data[1])
g = [data[2 + i * c:2 + (i + 1) * c] for i in range(r)]
top, bottom, left, right = 0, r - 1, 0, c - 1
out = []
while top <= bottom and left <= right:
    out += [g[top][j] for j in range(left, right + 1)]
    out += [g[i][right] for i in range(top + 1, bottom + 1)]
    out += [g[bottom][j] for j in range(right - 1, left - 1, -1)]
    out += [g[i][left] for i in range(bottom - 1, top, -1)]
    top, bottom, left, right = top + 1, bottom - 1, left + 1, right - 1
print(" ".join(out))
