# frozen_string_literal: true

# Return the length of the longest substring of s without a repeated character.
def longest_fresh(s)
  # TODO: write your solution here
  0
end

tokens = $stdin.read.split
s = tokens.shift
result = longest_fresh(s)
puts result
