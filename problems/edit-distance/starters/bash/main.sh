#!/usr/bin/env bash
set -euo pipefail

# Return the smallest number of single-letter inserts, deletes and replacements that turn a into b.
# Reads the globals a, b; prints the answer.
typo_distance() {
  # TODO: write your solution here
  echo 0
}

# The whole input as words; read -a does not expand globs, so brackets and stars stay as they are.
IFS=$' \t\n' read -r -d '' -a tokens || true
pos=0
a=${tokens[pos]}; pos=$((pos + 1))
b=${tokens[pos]}; pos=$((pos + 1))
typo_distance
