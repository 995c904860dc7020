#!/usr/bin/env bash
set -euo pipefail

# Return how many runs of consecutive changes add up to exactly k.
# Reads the globals n, k, changes (array of n); prints the answer.
count_streaks() {
  # TODO: write your solution here
  echo 0
}

# The whole input as words; read -a does not expand globs, so brackets and stars stay as they are.
IFS=$' \t\n' read -r -d '' -a tokens || true
pos=0
n=${tokens[pos]}; pos=$((pos + 1))
k=${tokens[pos]}; pos=$((pos + 1))
changes=("${tokens[@]:pos:n}"); pos=$((pos + n))
count_streaks
