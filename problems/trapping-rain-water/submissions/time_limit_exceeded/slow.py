# Looks left and right from every building: O(n^2), too slow for n = 15 000.
import sys

data = list(map(int, sys.stdin.read().split()))
h = data[1:1 + data[0]]
water = 0
for i in range(len(h)):
    left = right = 0
    for j in range(i + 1):
        if h[j] > left:
            left = h[j]
    for j in range(i, len(h)):
        if h[j] > right:
            right = h[j]
    water += min(left, right) - h[i]
print(water)
