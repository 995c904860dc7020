#!/usr/bin/env bash
set -euo pipefail

# Return the number of islands: groups of # cells connected up, down, left or right.
# Reads the globals h, w, grid (array of h); prints the answer.
count_islands() {
  # TODO: write your solution here
  echo 0
}

# The whole input as words; read -a does not expand globs, so brackets and stars stay as they are.
IFS=$' \t\n' read -r -d '' -a tokens || true
pos=0
h=${tokens[pos]}; pos=$((pos + 1))
w=${tokens[pos]}; pos=$((pos + 1))
grid=("${tokens[@]:pos:h}"); pos=$((pos + h))
count_islands
