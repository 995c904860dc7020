#!/usr/bin/env bash
set -euo pipefail

# Return the readings of grid in clockwise spiral order, starting at the top left.
# Reads the globals r, c, grid (array of r*c, row by row); prints the answer.
spiral_order() {
  # TODO: write your solution here
  echo ""
}

# The whole input as words; read -a does not expand globs, so brackets and stars stay as they are.
IFS=$' \t\n' read -r -d '' -a tokens || true
pos=0
r=${tokens[pos]}; pos=$((pos + 1))
c=${tokens[pos]}; pos=$((pos + 1))
grid=("${tokens[@]:pos:r * c}"); pos=$((pos + r * c))
spiral_order
