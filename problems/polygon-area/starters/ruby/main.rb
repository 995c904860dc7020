# frozen_string_literal: true

# Return the area of the simple polygon whose corners are given in order (either way round).
def plot_area(corners)
  # TODO: write your solution here
  0.0
end

tokens = $stdin.read.split
n = Integer(tokens.shift)
corners = Array.new(n) { tokens.shift(2).map { |x| Float(x) } }
result = plot_area(corners)
puts format('%.6f', result)
