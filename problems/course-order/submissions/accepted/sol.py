import sys
from collections import deque


def main() -> None:
    data = list(map(int, sys.stdin.buffer.read().split()))
    n, m = data[0], data[1]
    after: list[list[int]] = [[] for _ in range(n + 1)]
    waiting = [0] * (n + 1)  # number of prerequisites not yet taken
    for i in range(m):
        a, b = data[2 + 2 * i], data[3 + 2 * i]
        after[a].append(b)
        waiting[b] += 1
    ready = deque(c for c in range(1, n + 1) if waiting[c] == 0)
    order = []
    while ready:
        course = ready.popleft()
        order.append(course)
        for nxt in after[course]:
            waiting[nxt] -= 1
            if waiting[nxt] == 0:
                ready.append(nxt)
    # Courses on a cycle never become ready.
    print(" ".join(map(str, order)) if len(order) == n else "IMPOSSIBLE")


main()
