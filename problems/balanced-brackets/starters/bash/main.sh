#!/usr/bin/env bash
set -euo pipefail

# Return "YES" or "NO" for each string: whether its brackets are balanced.
# Reads the globals t, strings (array of t); prints the answer.
check_brackets() {
  # TODO: write your solution here
  echo ""
}

# The whole input as words; read -a does not expand globs, so brackets and stars stay as they are.
IFS=$' \t\n' read -r -d '' -a tokens || true
pos=0
t=${tokens[pos]}; pos=$((pos + 1))
strings=("${tokens[@]:pos:t}"); pos=$((pos + t))
check_brackets
