# frozen_string_literal: true

# Return the cheapest total toll from depot 1 to each depot 1..n (-1 where unreachable).
def cheapest_tolls(n, roads)
  # TODO: write your solution here
  []
end

tokens = $stdin.read.split
n = Integer(tokens.shift)
m = Integer(tokens.shift)
roads = Array.new(m) { tokens.shift(3).map { |x| Integer(x) } }
result = cheapest_tolls(n, roads)
puts result.join("\n")
