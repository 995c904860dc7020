# Keeps a sorted list with insertion by a linear scan in Python: O(n^2) for n = 15 000.
import sys

data = list(map(int, sys.stdin.read().split()))
values, out = [], []
for v in data[1:1 + data[0]]:
    i = len(values)
    values.append(v)
    while i > 0 and values[i - 1] > v:
        values[i] = values[i - 1]
        i -= 1
    values[i] = v
    m = len(values)
    twice = 2 * values[m // 2] if m % 2 else values[m // 2 - 1] + values[m // 2]
    sign = "-" if twice < 0 else ""
    out.append(f"{sign}{abs(twice) // 2}.5" if twice % 2 else f"{sign}{abs(twice) // 2}")
print("\n".join(out))
