#!/usr/bin/env bash
set -euo pipefail

# Return the number of words in the shortest ladder from begin_word to end_word (0 if none).
# Reads the globals begin_word, end_word, n, words (array of n); prints the answer.
ladder_length() {
  # TODO: write your solution here
  echo 0
}

# The whole input as words; read -a does not expand globs, so brackets and stars stay as they are.
IFS=$' \t\n' read -r -d '' -a tokens || true
pos=0
begin_word=${tokens[pos]}; pos=$((pos + 1))
end_word=${tokens[pos]}; pos=$((pos + 1))
n=${tokens[pos]}; pos=$((pos + 1))
words=("${tokens[@]:pos:n}"); pos=$((pos + n))
ladder_length
