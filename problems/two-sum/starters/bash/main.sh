#!/usr/bin/env bash
set -euo pipefail

# Return [i, j] (1-based) for the pair with the smallest j, then the smallest i, whose values add up to target; [] if none.
# Reads the globals n, target, a (array of n); prints the answer.
two_sum() {
  # TODO: write your solution here
  echo "-1"
}

# The whole input as words; read -a does not expand globs, so brackets and stars stay as they are.
IFS=$' \t\n' read -r -d '' -a tokens || true
pos=0
n=${tokens[pos]}; pos=$((pos + 1))
target=${tokens[pos]}; pos=$((pos + 1))
a=("${tokens[@]:pos:n}"); pos=$((pos + n))
two_sum
