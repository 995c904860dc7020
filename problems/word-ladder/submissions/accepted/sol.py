import sys
from collections import defaultdict, deque


def main() -> None:
    data = sys.stdin.read().split()
    start, end, n = data[0], data[1], int(data[2])
    words = set(data[3:3 + n])
    if end not in words:
        print(0)
        return
    # Words that differ in one letter share a pattern with that letter replaced by "*".
    by_pattern: defaultdict[str, list[str]] = defaultdict(list)
    for w in words | {start}:
        for i in range(len(w)):
            by_pattern[w[:i] + "*" + w[i + 1:]].append(w)
    ladder = {start: 1}
    queue = deque([start])
    while queue:
        w = queue.popleft()
        if w == end:
            print(ladder[w])
            return
        for i in range(len(w)):
            pattern = w[:i] + "*" + w[i + 1:]
            for nxt in by_pattern.pop(pattern, ()):  # each pattern is expanded only once
                if nxt not in ladder and nxt in words:
                    ladder[nxt] = ladder[w] + 1
                    queue.append(nxt)
    print(0)


main()
