#!/usr/bin/env bash
set -euo pipefail

# Return the cheapest total toll from depot 1 to each depot 1..n (-1 where unreachable).
# Reads the globals n, m, roads (array of m*3, row by row); prints the answer.
cheapest_tolls() {
  # TODO: write your solution here
  echo ""
}

# The whole input as words; read -a does not expand globs, so brackets and stars stay as they are.
IFS=$' \t\n' read -r -d '' -a tokens || true
pos=0
n=${tokens[pos]}; pos=$((pos + 1))
m=${tokens[pos]}; pos=$((pos + 1))
roads=("${tokens[@]:pos:m * 3}"); pos=$((pos + m * 3))
cheapest_tolls
