import sys
from collections import Counter


def main() -> None:
    data = sys.stdin.read().split()
    n, k = int(data[0]), int(data[1])
    counts = Counter(data[2:2 + n])
    ranked = sorted(counts, key=lambda tag: (-counts[tag], tag))
    print("\n".join(ranked[:k]))


main()
