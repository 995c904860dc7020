# frozen_string_literal: true

# Return the number of words in the shortest ladder from begin_word to end_word (0 if none).
def ladder_length(begin_word, end_word, words)
  # TODO: write your solution here
  0
end

tokens = $stdin.read.split
begin_word = tokens.shift
end_word = tokens.shift
n = Integer(tokens.shift)
words = tokens.shift(n)
result = ladder_length(begin_word, end_word, words)
puts result
