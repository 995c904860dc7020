#!/usr/bin/env python3
"""Output validator for Course Planner (Kattis convention).

Usage: validate.py input_file answer_file feedback_dir < team_output
Exit 42 when the team's order is valid, 43 otherwise, with the reason in
feedback_dir/judgemessage.txt. Any valid order is accepted; whether an order exists at all is
taken from the answer file.
"""
import os
import sys

ACCEPT, WRONG = 42, 43


def verdict(code: int, message: str) -> None:
    with open(os.path.join(sys.argv[3], "judgemessage.txt"), "w") as feedback:
        feedback.write(message + "\n")
    sys.exit(code)


def main() -> None:
    if len(sys.argv) < 4:
        sys.stderr.write("usage: validate.py input_file answer_file feedback_dir < team_output\n")
        sys.exit(1)  # neither 42 nor 43: the judge reports a judge error
    with open(sys.argv[1]) as f:
        data = list(map(int, f.read().split()))
    n, m = data[0], data[1]
    edges = [(data[2 + 2 * i], data[3 + 2 * i]) for i in range(m)]
    with open(sys.argv[2]) as f:
        possible = f.read().split() != ["IMPOSSIBLE"]
    team = sys.stdin.read().split()

    if not possible:
        if [t.upper() for t in team] == ["IMPOSSIBLE"]:
            verdict(ACCEPT, "correctly reported IMPOSSIBLE")
        verdict(WRONG, "the prerequisites contain a cycle, expected IMPOSSIBLE")
    if [t.upper() for t in team] == ["IMPOSSIBLE"]:
        verdict(WRONG, "an order exists, but the output says IMPOSSIBLE")
    if len(team) != n:
        verdict(WRONG, f"expected {n} course numbers, got {len(team)} tokens")
    position = [0] * (n + 1)
    for index, token in enumerate(team, start=1):
        if not token.lstrip("-").isdigit() or not 1 <= int(token) <= n:
            verdict(WRONG, f"token {index} ({token[:20]!r}) is not a course number between 1 and {n}")
        course = int(token)
        if position[course]:
            verdict(WRONG, f"course {course} appears twice (tokens {position[course]} and {index})")
        position[course] = index
    for a, b in edges:
        if position[a] > position[b]:
            verdict(WRONG, f"course {a} must come before course {b}")
    verdict(ACCEPT, "valid order")


main()
