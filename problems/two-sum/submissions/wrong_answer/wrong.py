# Overwrites the position of a repeated value, so with duplicates it reports a later i than the
# earliest one.
import sys

data = sys.stdin.read().split()
n, target = int(data[0]), int(data[1])
seen = {}
for j in range(n):
    x = int(data[2 + j])
    if target - x in seen:
        print(seen[target - x] + 1, j + 1)
        break
    seen[x] = j
else:
    print(-1)
