#!/usr/bin/env bash
set -euo pipefail

# Return the length of the longest strictly increasing subsequence of temps.
# Reads the globals n, temps (array of n); prints the answer.
longest_rising() {
  # TODO: write your solution here
  echo 0
}

# The whole input as words; read -a does not expand globs, so brackets and stars stay as they are.
IFS=$' \t\n' read -r -d '' -a tokens || true
pos=0
n=${tokens[pos]}; pos=$((pos + 1))
temps=("${tokens[@]:pos:n}"); pos=$((pos + n))
longest_rising
