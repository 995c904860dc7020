import sys


def plan_courses(n: int, prerequisites: list[list[int]]) -> list[int]:
    """Return the courses in an order that respects every prerequisite [a, b] (a before b); [] if there is none."""
    # TODO: write your solution here
    return []


def main() -> None:
    tokens = iter(sys.stdin.read().split())
    n = int(next(tokens))
    m = int(next(tokens))
    prerequisites = [[int(next(tokens)) for _ in range(2)] for _ in range(m)]
    result = plan_courses(n, prerequisites)
    if not result:
        print("IMPOSSIBLE")
        return
    print(" ".join(map(str, result)))


if __name__ == "__main__":
    main()
