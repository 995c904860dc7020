#!/usr/bin/env bash
set -euo pipefail

# Return the tile turned by k quarter turns clockwise (counter-clockwise when k is negative).
# Reads the globals n, k, tile (array of n*n, row by row); prints the answer.
rotate_tile() {
  # TODO: write your solution here
  echo ""
}

# The whole input as words; read -a does not expand globs, so brackets and stars stay as they are.
IFS=$' \t\n' read -r -d '' -a tokens || true
pos=0
n=${tokens[pos]}; pos=$((pos + 1))
k=${tokens[pos]}; pos=$((pos + 1))
tile=("${tokens[@]:pos:n * n}"); pos=$((pos + n * n))
rotate_tile
