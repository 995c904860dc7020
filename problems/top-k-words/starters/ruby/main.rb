# frozen_string_literal: true

# Return the k most frequent tags, most frequent first, ties in alphabetical order.
def top_tags(k, tags)
  # TODO: write your solution here
  []
end

tokens = $stdin.read.split
n = Integer(tokens.shift)
k = Integer(tokens.shift)
tags = tokens.shift(n)
result = top_tags(k, tags)
puts result.join("\n")
