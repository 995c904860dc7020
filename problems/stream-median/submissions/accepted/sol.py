import heapq
import sys


def show(twice_median: int) -> str:
    """Formats a median given as twice its value, so halves stay exact."""
    whole, half = divmod(abs(twice_median), 2)
    sign = "-" if twice_median < 0 else ""
    return f"{sign}{whole}.5" if half else f"{sign}{whole}"


def main() -> None:
    data = list(map(int, sys.stdin.buffer.read().split()))
    n = data[0]
    low: list[int] = []  # max-heap (negated) of the smaller half; may hold one extra value
    high: list[int] = []  # min-heap of the larger half
    out = []
    for v in data[1:1 + n]:
        if low and v > -low[0]:
            heapq.heappush(high, v)
        else:
            heapq.heappush(low, -v)
        if len(low) > len(high) + 1:
            heapq.heappush(high, -heapq.heappop(low))
        elif len(high) > len(low):
            heapq.heappush(low, -heapq.heappop(high))
        out.append(show(-2 * low[0] if len(low) > len(high) else high[0] - low[0]))
    print("\n".join(out))


main()
