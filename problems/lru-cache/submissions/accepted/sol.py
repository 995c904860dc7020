import sys
from collections import OrderedDict


def main() -> None:
    data = sys.stdin.read().split()
    capacity, q = int(data[0]), int(data[1])
    cache: OrderedDict[int, int] = OrderedDict()  # least recently used first
    out = []
    pos = 2
    for _ in range(q):
        op, key = data[pos], int(data[pos + 1])
        if op == "GET":
            pos += 2
            if key in cache:
                cache.move_to_end(key)
                out.append(str(cache[key]))
            else:
                out.append("-1")
        else:
            value = int(data[pos + 2])
            pos += 3
            if key in cache:
                cache.move_to_end(key)
            elif len(cache) == capacity:
                cache.popitem(last=False)
            cache[key] = value
    print("\n".join(out))


main()
