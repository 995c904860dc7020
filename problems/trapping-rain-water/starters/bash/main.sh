#!/usr/bin/env bash
set -euo pipefail

# Return the total units of rain water trapped between the buildings of the given heights.
# Reads the globals n, heights (array of n); prints the answer.
trapped_water() {
  # TODO: write your solution here
  echo 0
}

# The whole input as words; read -a does not expand globs, so brackets and stars stay as they are.
IFS=$' \t\n' read -r -d '' -a tokens || true
pos=0
n=${tokens[pos]}; pos=$((pos + 1))
heights=("${tokens[@]:pos:n}"); pos=$((pos + n))
trapped_water
