# frozen_string_literal: true

# Return "YES" or "NO" for each string: whether its brackets are balanced.
def check_brackets(strings)
  # TODO: write your solution here
  []
end

tokens = $stdin.read.split
t = Integer(tokens.shift)
strings = tokens.shift(t)
result = check_brackets(strings)
puts result.join("\n")
