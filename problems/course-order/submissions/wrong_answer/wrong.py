# Prints whatever Kahn's algorithm managed to order, without noticing that courses on a cycle
# were left out.
import sys
from collections import deque

data = list(map(int, sys.stdin.read().split()))
n, m = data[0], data[1]
after = [[] for _ in range(n + 1)]
waiting = [0] * (n + 1)
for i in range(m):
    a, b = data[2 + 2 * i], data[3 + 2 * i]
    after[a].append(b)
    waiting[b] += 1
ready = deque(c for c in range(1, n + 1) if waiting[c] == 0)
order = []
while ready:
    c = ready.popleft()
    order.append(c)
    for nxt in after[c]:
        waiting[nxt] -= 1
        if waiting[nxt] == 0:
            ready.append(nxt)
print(" ".join(map(str, order)) if order else "IMPOSSIBLE")
