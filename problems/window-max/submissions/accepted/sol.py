import sys
from collections import deque


def main() -> None:
    data = list(map(int, sys.stdin.buffer.read().split()))
    n, k = data[0], data[1]
    a = data[2:2 + n]
    window: deque[int] = deque()  # indices whose values decrease from front to back
    out = []
    for i, x in enumerate(a):
        while window and a[window[-1]] <= x:
            window.pop()
        window.append(i)
        if window[0] <= i - k:  # indices, not values: duplicates expire one at a time
            window.popleft()
        if i >= k - 1:
            out.append(a[window[0]])
    print(" ".join(map(str, out)))


main()
