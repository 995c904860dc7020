# frozen_string_literal: true

# Return how many runs of consecutive changes add up to exactly k.
def count_streaks(k, changes)
  # TODO: write your solution here
  0
end

tokens = $stdin.read.split
n = Integer(tokens.shift)
k = Integer(tokens.shift)
changes = tokens.shift(n).map { |x| Integer(x) }
result = count_streaks(k, changes)
puts result
