# Merges any two overlapping blocks and starts over: quadratic passes, far too slow for n = 8000.
import sys

data = list(map(int, sys.stdin.read().split()))
n = data[0]
blocks = [[data[1 + 2 * i], data[2 + 2 * i]] for i in range(n)]
changed = True
while changed:
    changed = False
    for i in range(len(blocks)):
        for j in range(i + 1, len(blocks)):
            a, b = blocks[i], blocks[j]
            if a[0] <= b[1] and b[0] <= a[1]:
                blocks[i] = [min(a[0], b[0]), max(a[1], b[1])]
                del blocks[j]
                changed = True
                break
        if changed:
            break
print("\n".join(f"{l} {r}" for l, r in sorted(blocks)))
