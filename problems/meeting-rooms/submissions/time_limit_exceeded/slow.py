# Counts, for every meeting, the meetings in progress at its start: O(n^2).
import sys

data = list(map(int, sys.stdin.read().split()))
n = data[0]
meetings = [(data[1 + 2 * i], data[2 + 2 * i]) for i in range(n)]
busiest = 0
for s, _ in meetings:
    busiest = max(busiest, sum(1 for a, b in meetings if a <= s < b))
print(busiest)
