# Keeps values instead of indices in the deque and expires by value: when a reading repeats, the
# later copy is dropped while the earlier one (already popped) was meant to leave.
import sys
from collections import deque

data = list(map(int, sys.stdin.read().split()))
n, k = data[0], data[1]
a = data[2:2 + n]
window = deque()
out = []
for i, x in enumerate(a):
    while window and window[-1] <= x:
        window.pop()
    window.append(x)
    if i >= k and window[0] == a[i - k]:
        window.popleft()
    if i >= k - 1:
        out.append(window[0])
print(" ".join(map(str, out)))
