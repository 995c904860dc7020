import sys


def plot_area(corners: list[list[float]]) -> float:
    """Return the area of the simple polygon whose corners are given in order (either way round)."""
    # TODO: write your solution here
    return 0.0


def main() -> None:
    tokens = iter(sys.stdin.read().split())
    n = int(next(tokens))
    corners = [[float(next(tokens)) for _ in range(2)] for _ in range(n)]
    result = plot_area(corners)
    print(f"{result:.6f}")


if __name__ == "__main__":
    main()
