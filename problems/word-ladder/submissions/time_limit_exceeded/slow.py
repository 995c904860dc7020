# Builds the graph by comparing every pair of words: O(n^2 L), too slow for n = 15 000.
import sys
from collections import deque

data = sys.stdin.read().split()
start, end, n = data[0], data[1], int(data[2])
words = sorted(set(data[3:3 + n]) | {start})
if end not in set(data[3:3 + n]):
    print(0)
    sys.exit(0)
near = {w: [] for w in words}
for i, a in enumerate(words):
    for b in words[i + 1:]:
        if sum(x != y for x, y in zip(a, b)) == 1:
            near[a].append(b)
            near[b].append(a)
ladder = {start: 1}
queue = deque([start])
while queue:
    w = queue.popleft()
    if w == end:
        print(ladder[w])
        sys.exit(0)
    for nxt in near[w]:
        if nxt not in ladder:
            ladder[nxt] = ladder[w] + 1
            queue.append(nxt)
print(0)
