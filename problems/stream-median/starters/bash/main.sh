#!/usr/bin/env bash
set -euo pipefail

# Return the median after each value, formatted as "3", "-2" or "2.5".
# Reads the globals n, values (array of n); prints the answer.
running_medians() {
  # TODO: write your solution here
  echo ""
}

# The whole input as words; read -a does not expand globs, so brackets and stars stay as they are.
IFS=$' \t\n' read -r -d '' -a tokens || true
pos=0
n=${tokens[pos]}; pos=$((pos + 1))
values=("${tokens[@]:pos:n}"); pos=$((pos + n))
running_medians
