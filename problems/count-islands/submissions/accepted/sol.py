import sys


def main() -> None:
    data = sys.stdin.read().split()
    h, w = int(data[0]), int(data[1])
    land = bytearray(c == "#" for row in data[2:2 + h] for c in row)
    islands = 0
    for start in range(h * w):
        if not land[start]:
            continue
        islands += 1
        land[start] = 0
        stack = [start]
        while stack:
            cell = stack.pop()
            r, c = divmod(cell, w)
            if r > 0 and land[cell - w]:
                land[cell - w] = 0
                stack.append(cell - w)
            if r + 1 < h and land[cell + w]:
                land[cell + w] = 0
                stack.append(cell + w)
            if c > 0 and land[cell - 1]:
                land[cell - 1] = 0
                stack.append(cell - 1)
            if c + 1 < w and land[cell + 1]:
                land[cell + 1] = 0
                stack.append(cell + 1)
    print(islands)


main()
