# frozen_string_literal: true

# Return the readings of grid in clockwise spiral order, starting at the top left.
def spiral_order(grid)
  # TODO: write your solution here
  []
end

tokens = $stdin.read.split
r = Integer(tokens.shift)
c = Integer(tokens.shift)
grid = Array.new(r) { tokens.shift(c).map { |x| Integer(x) } }
result = spiral_order(grid)
puts result.join(' ')
