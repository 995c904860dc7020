# Forgets that the end word must be in the dictionary: it stops as soon as a word one letter away
# from the end is reached.
import sys
from collections import deque

data = sys.stdin.read().split()
start, end, n = data[0], data[1], int(data[2])
words = set(data[3:3 + n]) | {end}
ladder = {start: 1}
queue = deque([start])
answer = 0
while queue:
    w = queue.popleft()
    if w == end:
        answer = ladder[w]
        break
    for i in range(len(w)):
        for ch in "abcdefghijklmnopqrstuvwxyz":
            nxt = w[:i] + ch + w[i + 1:]
            if nxt in words and nxt not in ladder:
                ladder[nxt] = ladder[w] + 1
                queue.append(nxt)
print(answer)
