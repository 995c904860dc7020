# frozen_string_literal: true

# Return the number of islands: groups of # cells connected up, down, left or right.
def count_islands(grid)
  # TODO: write your solution here
  0
end

tokens = $stdin.read.split
h = Integer(tokens.shift)
w = Integer(tokens.shift)
grid = tokens.shift(h)
result = count_islands(grid)
puts result
