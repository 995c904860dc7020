# Explores with a stack (depth first) and keeps the first distance it finds for a cell, which is
# not always the shortest.
import sys

data = sys.stdin.read().split()
h, w = int(data[0]), int(data[1])
grid = "".join(data[2:2 + h])
start, end = grid.index("S"), grid.index("E")
dist = [-1] * (h * w)
dist[start] = 0
stack = [start]
while stack:
    cell = stack.pop()
    r, c = divmod(cell, w)
    for nr, nc in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
        if 0 <= nr < h and 0 <= nc < w:
            nxt = nr * w + nc
            if dist[nxt] == -1 and grid[nxt] != "#":
                dist[nxt] = dist[cell] + 1
                stack.append(nxt)
print(dist[end])
