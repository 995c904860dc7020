import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, target = int(data[0]), int(data[1])
    first_seen: dict[int, int] = {}
    for j in range(n):
        x = int(data[2 + j])
        i = first_seen.get(target - x)
        if i is not None:
            print(i + 1, j + 1)
            return
        # Keep the earliest position of each value: ties on j go to the smallest i.
        if x not in first_seen:
            first_seen[x] = j
    print(-1)


main()
