import heapq
import sys


def main() -> None:
    data = list(map(int, sys.stdin.buffer.read().split()))
    n, m = data[0], data[1]
    roads: list[list[tuple[int, int]]] = [[] for _ in range(n + 1)]
    for i in range(m):
        u, v, w = data[2 + 3 * i], data[3 + 3 * i], data[4 + 3 * i]
        roads[u].append((v, w))
    dist = [-1] * (n + 1)
    heap = [(0, 1)]
    while heap:
        d, u = heapq.heappop(heap)
        if dist[u] != -1:
            continue  # a stale entry: u was settled with a smaller cost
        dist[u] = d
        for v, w in roads[u]:
            if dist[v] == -1:
                heapq.heappush(heap, (d + w, v))
    print("\n".join(map(str, dist[1:])))


main()
