# frozen_string_literal: true

# Return the median after each value, formatted as "3", "-2" or "2.5".
def running_medians(values)
  # TODO: write your solution here
  []
end

tokens = $stdin.read.split
n = Integer(tokens.shift)
values = tokens.shift(n).map { |x| Integer(x) }
result = running_medians(values)
puts result.join("\n")
