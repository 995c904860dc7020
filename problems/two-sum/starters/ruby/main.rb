# frozen_string_literal: true

# Return [i, j] (1-based) for the pair with the smallest j, then the smallest i, whose values add up to target; [] if none.
def two_sum(target, a)
  # TODO: write your solution here
  []
end

tokens = $stdin.read.split
n = Integer(tokens.shift)
target = Integer(tokens.shift)
a = tokens.shift(n).map { |x| Integer(x) }
result = two_sum(target, a)
puts(result.empty? ? '-1' : result.join(' '))
