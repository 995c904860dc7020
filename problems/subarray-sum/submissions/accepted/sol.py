import sys
from collections import defaultdict


def main() -> None:
    data = list(map(int, sys.stdin.buffer.read().split()))
    n, k = data[0], data[1]
    seen: defaultdict[int, int] = defaultdict(int)  # prefix sum -> how many times so far
    seen[0] = 1
    prefix = streaks = 0
    for a in data[2:2 + n]:
        prefix += a
        streaks += seen[prefix - k]
        seen[prefix] += 1
    print(streaks)


main()
