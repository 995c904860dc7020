# Checks every streak with a running sum: O(n^2), fine for groups 1 and 2, too slow for group 3.
import sys

data = list(map(int, sys.stdin.read().split()))
n, k = data[0], data[1]
a = data[2:2 + n]
streaks = 0
for left in range(n):
    total = 0
    for right in range(left, n):
        total += a[right]
        if total == k:
            streaks += 1
print(streaks)
