#!/usr/bin/env bash
set -euo pipefail

# Return the merged blocks [l, r], sorted by start; blocks that overlap or touch are merged.
# Reads the globals n, blocks (array of n*2, row by row); prints the answer.
merge_blocks() {
  # TODO: write your solution here
  echo ""
}

# The whole input as words; read -a does not expand globs, so brackets and stars stay as they are.
IFS=$' \t\n' read -r -d '' -a tokens || true
pos=0
n=${tokens[pos]}; pos=$((pos + 1))
blocks=("${tokens[@]:pos:n * 2}"); pos=$((pos + n * 2))
merge_blocks
