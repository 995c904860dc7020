# frozen_string_literal: true

# Return the smallest number of tokens (any number of each value in coins) adding up to x, or -1.
def fewest_tokens(x, coins)
  # TODO: write your solution here
  0
end

tokens = $stdin.read.split
n = Integer(tokens.shift)
x = Integer(tokens.shift)
coins = tokens.shift(n).map { |x| Integer(x) }
result = fewest_tokens(x, coins)
puts result
