import sys


def main() -> None:
    data = sys.stdin.read().split()
    n = int(data[0])
    xs = [float(v) for v in data[1:2 * n + 1:2]]
    ys = [float(v) for v in data[2:2 * n + 2:2]]
    # Shoelace formula; the sign only says which way round the border was walked.
    twice = sum(xs[i] * ys[(i + 1) % n] - xs[(i + 1) % n] * ys[i] for i in range(n))
    print(f"{abs(twice) / 2:.9f}")


main()
