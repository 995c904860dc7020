# Plain recursion over the three edits without remembering results: exponential time.
import sys

sys.setrecursionlimit(10_000)
a, b = sys.stdin.read().split()[:2]


def distance(i: int, j: int) -> int:
    """Edits that turn a[i:] into b[j:]."""
    if i == len(a):
        return len(b) - j
    if j == len(b):
        return len(a) - i
    if a[i] == b[j]:
        return distance(i + 1, j + 1)
    return 1 + min(distance(i + 1, j), distance(i, j + 1), distance(i + 1, j + 1))


print(distance(0, 0))
