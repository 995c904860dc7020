def main() -> None:
    n = int(input())
    # TODO: guess until the judge answers "correct" (flush after every guess)
    guess = 1
    print(guess, flush=True)
    reply = input().strip()  # "lower", "higher" or "correct"


if __name__ == "__main__":
    main()
