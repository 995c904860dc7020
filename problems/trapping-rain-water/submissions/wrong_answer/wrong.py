# Fills each basin between two neighbouring local peaks up to the lower peak, missing water that
# stands above a small peak between two taller buildings.
import sys

data = list(map(int, sys.stdin.read().split()))
h = data[1:1 + data[0]]
n = len(h)
peaks = [i for i in range(n) if (i == 0 or h[i] >= h[i - 1]) and (i == n - 1 or h[i] >= h[i + 1])]
water = 0
for a, b in zip(peaks, peaks[1:]):
    level = min(h[a], h[b])
    water += sum(max(0, level - h[i]) for i in range(a + 1, b))
print(water)
