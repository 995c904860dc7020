# Greedy: always takes the largest token that still fits. Right for coin systems like 1, 2, 5, 10,
# wrong for 1, 3, 4 (6 = 4 + 1 + 1 instead of 3 + 3) and gives up where a smaller token would help.
import sys

data = list(map(int, sys.stdin.read().split()))
n, x = data[0], data[1]
count = 0
for c in sorted(data[2:2 + n], reverse=True):
    count += x // c
    x %= c
print(count if x == 0 else -1)
