#!/usr/bin/env bash
set -euo pipefail

# Return the smallest number of tokens (any number of each value in coins) adding up to x, or -1.
# Reads the globals n, x, coins (array of n); prints the answer.
fewest_tokens() {
  # TODO: write your solution here
  echo 0
}

# The whole input as words; read -a does not expand globs, so brackets and stars stay as they are.
IFS=$' \t\n' read -r -d '' -a tokens || true
pos=0
n=${tokens[pos]}; pos=$((pos + 1))
x=${tokens[pos]}; pos=$((pos + 1))
coins=("${tokens[@]:pos:n}"); pos=$((pos + n))
fewest_tokens
