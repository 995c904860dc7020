import sys


class LruCache:
    """A cache of at most `capacity` entries that evicts the least recently used one."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        # TODO: choose the data structures

    def get(self, key: int) -> int:
        """Return the value cached under key (and mark it used), or -1."""
        # TODO: write your solution here
        return -1

    def put(self, key: int, value: int) -> None:
        """Store value under key, evicting the least recently used entry when full."""
        # TODO: write your solution here


def main() -> None:
    tokens = iter(sys.stdin.read().split())
    capacity, q = int(next(tokens)), int(next(tokens))
    cache = LruCache(capacity)
    out = []
    for _ in range(q):
        op, key = next(tokens), int(next(tokens))
        if op == "GET":
            out.append(str(cache.get(key)))
        else:
            cache.put(key, int(next(tokens)))
    print("\n".join(out))


if __name__ == "__main__":
    main()
