import sys


def main() -> None:
    data = list(map(int, sys.stdin.buffer.read().split()))
    n = data[0]
    # +1 when a meeting starts, -1 when one ends; at equal times the end sorts first (-1 < +1),
    # so a room freed at minute t can be reused by a meeting starting at t.
    events = sorted([(data[1 + 2 * i], 1) for i in range(n)] + [(data[2 + 2 * i], -1) for i in range(n)])
    rooms = busiest = 0
    for _, change in events:
        rooms += change
        busiest = max(busiest, rooms)
    print(busiest)


main()
