# frozen_string_literal: true

# Return the maximum of every window of k consecutive readings, first window first.
def window_maxima(k, loads)
  # TODO: write your solution here
  []
end

tokens = $stdin.read.split
n = Integer(tokens.shift)
k = Integer(tokens.shift)
loads = tokens.shift(n).map { |x| Integer(x) }
result = window_maxima(k, loads)
puts result.join(' ')
