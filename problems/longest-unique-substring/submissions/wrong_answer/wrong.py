# Moves the window's start to just after the previous copy of the character even when that copy
# is already outside the window, so the start can jump backwards ("abba" gives 3, not 2).
import sys

s = sys.stdin.read().split()[0]
last = {}
start = best = 0
for i, ch in enumerate(s):
    if ch in last:
        start = last[ch] + 1
    last[ch] = i
    best = max(best, i - start + 1)
print(best)
