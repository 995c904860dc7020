# frozen_string_literal: true

# Return the smallest number of steps from S to E, or -1 if E cannot be reached.
def shortest_route(grid)
  # TODO: write your solution here
  0
end

tokens = $stdin.read.split
h = Integer(tokens.shift)
w = Integer(tokens.shift)
grid = tokens.shift(h)
result = shortest_route(grid)
puts result
