#!/usr/bin/env bash
set -euo pipefail

# Return the area of the simple polygon whose corners are given in order (either way round).
# Reads the globals n, corners (array of n*2, row by row); prints the answer.
plot_area() {
  # TODO: write your solution here
  echo 0.000000
}

# The whole input as words; read -a does not expand globs, so brackets and stars stay as they are.
IFS=$' \t\n' read -r -d '' -a tokens || true
pos=0
n=${tokens[pos]}; pos=$((pos + 1))
corners=("${tokens[@]:pos:n * 2}"); pos=$((pos + n * 2))
plot_area
