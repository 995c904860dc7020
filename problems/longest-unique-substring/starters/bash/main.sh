#!/usr/bin/env bash
set -euo pipefail

# Return the length of the longest substring of s without a repeated character.
# Reads the globals s; prints the answer.
longest_fresh() {
  # TODO: write your solution here
  echo 0
}

# The whole input as words; read -a does not expand globs, so brackets and stars stay as they are.
IFS=$' \t\n' read -r -d '' -a tokens || true
pos=0
s=${tokens[pos]}; pos=$((pos + 1))
longest_fresh
