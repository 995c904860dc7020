# Binary search with a floating-point midpoint: right for small n, but (lo + hi) / 2 loses digits
# near 10^18, so the search wanders and needs more guesses than allowed on a large test.
import sys

n = int(sys.stdin.readline())
lo, hi = 1, n
while True:
    mid = int((lo + hi) / 2)
    print(mid, flush=True)
    reply = sys.stdin.readline().strip()
    if reply in ("correct", ""):
        break
    if reply == "higher":
        lo = mid + 1
    else:
        hi = mid - 1
