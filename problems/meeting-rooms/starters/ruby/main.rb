# frozen_string_literal: true

# Return the smallest number of rooms that host all meetings [start, end) without overlap in a room.
def min_rooms(meetings)
  # TODO: write your solution here
  0
end

tokens = $stdin.read.split
n = Integer(tokens.shift)
meetings = Array.new(n) { tokens.shift(2).map { |x| Integer(x) } }
result = min_rooms(meetings)
puts result
