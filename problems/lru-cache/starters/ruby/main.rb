# frozen_string_literal: true

# A cache of at most `capacity` entries that evicts the least recently used one.
class LruCache
  def initialize(capacity)
    @capacity = capacity
    # TODO: choose the data structures
  end

  # Returns the value cached under key (and marks it used), or -1.
  def get(_key)
    # TODO: write your solution here
    -1
  end

  # Stores value under key, evicting the least recently used entry when full.
  def put(key, value)
    # TODO: write your solution here
  end
end

tokens = $stdin.read.split
capacity = Integer(tokens.shift)
q = Integer(tokens.shift)
cache = LruCache.new(capacity)
out = []
q.times do
  op = tokens.shift
  key = Integer(tokens.shift)
  if op == 'GET'
    out << cache.get(key)
  else
    cache.put(key, Integer(tokens.shift))
  end
end
puts out.join("\n")
