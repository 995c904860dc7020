#!/usr/bin/env bash
set -euo pipefail

# A cache of at most $capacity entries that evicts the least recently used one.
# Keep its state in globals (for example an associative array and a recency counter).
declare -A values=()

# Prints the value cached under key $1 (and marks it used), or -1.
lru_get() {
  # TODO: write your solution here
  echo -1
}

# Stores value $2 under key $1, evicting the least recently used entry when full.
lru_put() {
  # TODO: write your solution here
  :
}

read -r capacity q
for ((i = 0; i < q; i++)); do
  read -r op key value || true
  if [[ $op == GET ]]; then
    lru_get "$key"
  else
    lru_put "$key" "$value"
  fi
done
