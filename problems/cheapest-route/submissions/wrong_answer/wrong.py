# Fixes a depot's cost the first time a road reaches it (as in BFS) instead of when it leaves the
# heap, so a cheaper route found later is ignored.
import heapq
import sys

data = list(map(int, sys.stdin.read().split()))
n, m = data[0], data[1]
roads = [[] for _ in range(n + 1)]
for i in range(m):
    roads[data[2 + 3 * i]].append((data[3 + 3 * i], data[4 + 3 * i]))
dist = [-1] * (n + 1)
dist[1] = 0
heap = [(0, 1)]
while heap:
    d, u = heapq.heappop(heap)
    for v, w in roads[u]:
        if dist[v] == -1:
            dist[v] = d + w
            heapq.heappush(heap, (d + w, v))
print("\n".join(map(str, dist[1:])))
