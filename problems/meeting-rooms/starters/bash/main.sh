#!/usr/bin/env bash
set -euo pipefail

# Return the smallest number of rooms that host all meetings [start, end) without overlap in a room.
# Reads the globals n, meetings (array of n*2, row by row); prints the answer.
min_rooms() {
  # TODO: write your solution here
  echo 0
}

# The whole input as words; read -a does not expand globs, so brackets and stars stay as they are.
IFS=$' \t\n' read -r -d '' -a tokens || true
pos=0
n=${tokens[pos]}; pos=$((pos + 1))
meetings=("${tokens[@]:pos:n * 2}"); pos=$((pos + n * 2))
min_rooms
