import sys
from bisect import bisect_left


def main() -> None:
    data = list(map(int, sys.stdin.buffer.read().split()))
    n = data[0]
    # tails[k] is the smallest possible last value of a rising streak of length k + 1.
    tails: list[int] = []
    for t in data[1:1 + n]:
        k = bisect_left(tails, t)  # bisect_left: an equal value does not extend a streak
        if k == len(tails):
            tails.append(t)
        else:
            tails[k] = t
    print(len(tails))


main()
