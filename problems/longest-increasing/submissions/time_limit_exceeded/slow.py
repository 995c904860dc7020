# The O(n^2) dynamic programme: correct, too slow for n = 15 000.
import sys

data = list(map(int, sys.stdin.read().split()))
t = data[1:1 + data[0]]
best = [1] * len(t)
for i in range(len(t)):
    for j in range(i):
        if t[j] < t[i] and best[j] + 1 > best[i]:
            best[i] = best[j] + 1
print(max(best))
