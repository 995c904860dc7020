# frozen_string_literal: true

# Return the length of the longest strictly increasing subsequence of temps.
def longest_rising(temps)
  # TODO: write your solution here
  0
end

tokens = $stdin.read.split
n = Integer(tokens.shift)
temps = tokens.shift(n).map { |x| Integer(x) }
result = longest_rising(temps)
puts result
