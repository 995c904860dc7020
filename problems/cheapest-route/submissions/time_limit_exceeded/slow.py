# Dijkstra with a linear scan for the next depot: O(n^2), too slow for n = 10 000.
import sys

data = list(map(int, sys.stdin.read().split()))
n, m = data[0], data[1]
roads = [[] for _ in range(n + 1)]
for i in range(m):
    roads[data[2 + 3 * i]].append((data[3 + 3 * i], data[4 + 3 * i]))
INF = float("inf")
dist = [INF] * (n + 1)
dist[1] = 0
done = [False] * (n + 1)
for _ in range(n):
    u, best = -1, INF
    for d in range(1, n + 1):
        if not done[d] and dist[d] < best:
            u, best = d, dist[d]
    if u == -1:
        break
    done[u] = True
    for v, w in roads[u]:
        if dist[u] + w < dist[v]:
            dist[v] = dist[u] + w
print("\n".join(str(d) if d != INF else "-1" for d in dist[1:]))
