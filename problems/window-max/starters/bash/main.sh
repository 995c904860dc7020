#!/usr/bin/env bash
set -euo pipefail

# Return the maximum of every window of k consecutive readings, first window first.
# Reads the globals n, k, loads (array of n); prints the answer.
window_maxima() {
  # TODO: write your solution here
  echo ""
}

# The whole input as words; read -a does not expand globs, so brackets and stars stay as they are.
IFS=$' \t\n' read -r -d '' -a tokens || true
pos=0
n=${tokens[pos]}; pos=$((pos + 1))
k=${tokens[pos]}; pos=$((pos + 1))
loads=("${tokens[@]:pos:n}"); pos=$((pos + n))
window_maxima
