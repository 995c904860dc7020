# frozen_string_literal: true

# Return the tile turned by k quarter turns clockwise (counter-clockwise when k is negative).
def rotate_tile(k, tile)
  # TODO: write your solution here
  []
end

tokens = $stdin.read.split
n = Integer(tokens.shift)
k = Integer(tokens.shift)
tile = Array.new(n) { tokens.shift(n).map { |x| Integer(x) } }
result = rotate_tile(k, tile)
puts result.map { |row| row.join(' ') }.join("\n")
