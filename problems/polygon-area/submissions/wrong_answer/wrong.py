# Forgets the absolute value: a border walked clockwise gives a negative area.
import sys

data = sys.stdin.read().split()
n = int(data[0])
xs = [float(v) for v in data[1:2 * n + 1:2]]
ys = [float(v) for v in data[2:2 * n + 2:2]]
twice = sum(xs[i] * ys[(i + 1) % n] - xs[(i + 1) % n] * ys[i] for i in range(n))
print(f"{twice / 2:.9f}")
