# Treats the meetings as closed intervals: a meeting ending at minute t still holds its room
# for a meeting starting at t.
import sys

data = list(map(int, sys.stdin.read().split()))
n = data[0]
events = sorted([(data[1 + 2 * i], 0) for i in range(n)] + [(data[2 + 2 * i], 1) for i in range(n)])
rooms = busiest = 0
for _, kind in events:
    rooms += 1 if kind == 0 else -1
    busiest = max(busiest, rooms)
print(busiest)
