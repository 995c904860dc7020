# Starts the first row at 0 instead of j, so letters inserted before the start of a are free.
import sys

a, b = sys.stdin.read().split()[:2]
prev = [0] * (len(b) + 1)
for i, ca in enumerate(a, start=1):
    cur = [i] + [0] * len(b)
    for j, cb in enumerate(b, start=1):
        cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
    prev = cur
print(prev[-1])
