# frozen_string_literal: true

# Return the smallest number of single-letter inserts, deletes and replacements that turn a into b.
def typo_distance(a, b)
  # TODO: write your solution here
  0
end

tokens = $stdin.read.split
a = tokens.shift
b = tokens.shift
result = typo_distance(a, b)
puts result
