import sys


def main() -> None:
    data = list(map(int, sys.stdin.buffer.read().split()))
    n = data[0]
    blocks = sorted(zip(data[1:2 * n + 1:2], data[2:2 * n + 2:2]))
    merged: list[list[int]] = []
    for l, r in blocks:
        if merged and l <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], r)
        else:
            merged.append([l, r])
    print("\n".join(f"{l} {r}" for l, r in merged))


main()
