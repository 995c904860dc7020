# frozen_string_literal: true

# Return the courses in an order that respects every prerequisite [a, b] (a before b); [] if there is none.
def plan_courses(n, prerequisites)
  # TODO: write your solution here
  []
end

tokens = $stdin.read.split
n = Integer(tokens.shift)
m = Integer(tokens.shift)
prerequisites = Array.new(m) { tokens.shift(2).map { |x| Integer(x) } }
result = plan_courses(n, prerequisites)
puts(result.empty? ? 'IMPOSSIBLE' : result.join(' '))
