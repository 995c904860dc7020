import sys


def main() -> None:
    data = list(map(int, sys.stdin.buffer.read().split()))
    n, x = data[0], data[1]
    coins = sorted(set(data[2:2 + n]))
    unreachable = x + 1  # more tokens than any real answer can need
    fewest = [0] + [unreachable] * x
    for amount in range(1, x + 1):
        best = unreachable
        for c in coins:
            if c > amount:
                break
            if fewest[amount - c] + 1 < best:
                best = fewest[amount - c] + 1
        fewest[amount] = best
    print(fewest[x] if fewest[x] != unreachable else -1)


main()
