# A sliding window that shrinks while the sum is too big: only right when no change is negative
# (and misses runs of zeros).
import sys

data = list(map(int, sys.stdin.read().split()))
n, k = data[0], data[1]
a = data[2:2 + n]
left = total = streaks = 0
for right in range(n):
    total += a[right]
    while total > k and left <= right:
        total -= a[left]
        left += 1
    if total == k and left <= right:
        streaks += 1
print(streaks)
