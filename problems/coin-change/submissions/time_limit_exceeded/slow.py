# Tries every combination recursively without remembering results: exponential time.
import sys

sys.setrecursionlimit(100_000)
data = list(map(int, sys.stdin.read().split()))
n, x = data[0], data[1]
coins = sorted(set(data[2:2 + n]), reverse=True)


def fewest(amount: int) -> int:
    if amount == 0:
        return 0
    best = -1
    for c in coins:
        if c <= amount:
            rest = fewest(amount - c)
            if rest != -1 and (best == -1 or rest + 1 < best):
                best = rest + 1
    return best


print(fewest(x))
