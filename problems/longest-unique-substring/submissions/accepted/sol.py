import sys


def main() -> None:
    s = sys.stdin.read().split()[0]
    last: dict[str, int] = {}  # character -> its latest position
    start = best = 0  # the window s[start..i] has no repeat
    for i, ch in enumerate(s):
        if last.get(ch, -1) >= start:  # only a repeat inside the window moves its start
            start = last[ch] + 1
        last[ch] = i
        best = max(best, i - start + 1)
    print(best)


main()
