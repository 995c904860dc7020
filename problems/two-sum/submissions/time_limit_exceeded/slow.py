# Tries every pair: O(n^2), too slow for n = 15 000.
import sys

data = sys.stdin.read().split()
n, target = int(data[0]), int(data[1])
a = [int(x) for x in data[2:2 + n]]
for j in range(n):
    for i in range(j):
        if a[i] + a[j] == target:
            print(i + 1, j + 1)
            sys.exit(0)
print(-1)
