#!/usr/bin/env bash
set -euo pipefail

# Return the k most frequent tags, most frequent first, ties in alphabetical order.
# Reads the globals n, k, tags (array of n); prints the answer.
top_tags() {
  # TODO: write your solution here
  echo ""
}

# The whole input as words; read -a does not expand globs, so brackets and stars stay as they are.
IFS=$' \t\n' read -r -d '' -a tokens || true
pos=0
n=${tokens[pos]}; pos=$((pos + 1))
k=${tokens[pos]}; pos=$((pos + 1))
tags=("${tokens[@]:pos:n}"); pos=$((pos + n))
top_tags
