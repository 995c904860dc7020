#!/usr/bin/env bash
set -euo pipefail

# Return the courses in an order that respects every prerequisite [a, b] (a before b); [] if there is none.
# Reads the globals n, m, prerequisites (array of m*2, row by row); prints the answer.
plan_courses() {
  # TODO: write your solution here
  echo "IMPOSSIBLE"
}

# The whole input as words; read -a does not expand globs, so brackets and stars stay as they are.
IFS=$' \t\n' read -r -d '' -a tokens || true
pos=0
n=${tokens[pos]}; pos=$((pos + 1))
m=${tokens[pos]}; pos=$((pos + 1))
prerequisites=("${tokens[@]:pos:m * 2}"); pos=$((pos + m * 2))
plan_courses
