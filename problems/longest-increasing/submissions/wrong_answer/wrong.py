# Uses bisect_right, which lets equal temperatures extend a streak (non-decreasing, not rising).
import sys
from bisect import bisect_right

data = list(map(int, sys.stdin.read().split()))
tails = []
for t in data[1:1 + data[0]]:
    k = bisect_right(tails, t)
    if k == len(tails):
        tails.append(t)
    else:
        tails[k] = t
print(len(tails))
