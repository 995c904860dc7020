import sys


def main() -> None:
    a, b = sys.stdin.read().split()[:2]
    # prev[j] is the distance between the current prefix of a and b[:j]; one row at a time.
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        left = i
        cur = [left]
        for cb, diagonal, up in zip(b, prev, prev[1:]):
            left = min(up + 1, left + 1, diagonal + (ca != cb))
            cur.append(left)
        prev = cur
    print(prev[-1])


main()
