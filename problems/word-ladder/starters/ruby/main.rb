# frozen_string_literal: true

# Return the number of words in the shortest ladder from start to end (0 if none).
def ladder_length(start, end, words)
  # TODO: write your solution here
  0
end

tokens = $stdin.read.split
start = tokens.shift
end = tokens.shift
n = Integer(tokens.shift)
words = tokens.shift(n)
result = ladder_length(start, end, words)
puts result
