import sys


def fewest_tokens(x: int, coins: list[int]) -> int:
    """Return the smallest number of tokens (any number of each value in coins) adding up to x, or -1."""
    # TODO: write your solution here
    return 0


def main() -> None:
    tokens = iter(sys.stdin.read().split())
    n = int(next(tokens))
    x = int(next(tokens))
    coins = [int(next(tokens)) for _ in range(n)]
    result = fewest_tokens(x, coins)
    print(result)


if __name__ == "__main__":
    main()
