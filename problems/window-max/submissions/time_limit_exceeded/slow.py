# Scans every window with a Python loop: O(n k), too slow for n = 20 000 and k = 10 000.
import sys

data = list(map(int, sys.stdin.read().split()))
n, k = data[0], data[1]
a = data[2:2 + n]
out = []
for start in range(n - k + 1):
    best = a[start]
    for j in range(start + 1, start + k):
        if a[j] > best:
            best = a[j]
    out.append(best)
print(" ".join(map(str, out)))
