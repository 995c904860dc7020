# Also joins cells that touch only at a corner (8 neighbours instead of 4).
import sys

data = sys.stdin.read().split()
h, w = int(data[0]), int(data[1])
grid = [list(row) for row in data[2:2 + h]]
islands = 0
for r0 in range(h):
    for c0 in range(w):
        if grid[r0][c0] != "#":
            continue
        islands += 1
        grid[r0][c0] = "."
        stack = [(r0, c0)]
        while stack:
            r, c = stack.pop()
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    nr, nc = r + dr, c + dc
                    if 0 <= nr < h and 0 <= nc < w and grid[nr][nc] == "#":
                        grid[nr][nc] = "."
                        stack.append((nr, nc))
print(islands)
