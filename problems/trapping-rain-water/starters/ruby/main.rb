# frozen_string_literal: true

# Return the total units of rain water trapped between the buildings of the given heights.
def trapped_water(heights)
  # TODO: write your solution here
  0
end

tokens = $stdin.read.split
n = Integer(tokens.shift)
heights = tokens.shift(n).map { |x| Integer(x) }
result = trapped_water(heights)
puts result
