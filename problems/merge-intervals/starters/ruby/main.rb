# frozen_string_literal: true

# Return the merged blocks [l, r], sorted by start; blocks that overlap or touch are merged.
def merge_blocks(blocks)
  # TODO: write your solution here
  []
end

tokens = $stdin.read.split
n = Integer(tokens.shift)
blocks = Array.new(n) { tokens.shift(2).map { |x| Integer(x) } }
result = merge_blocks(blocks)
puts result.map { |row| row.join(' ') }.join("\n")
