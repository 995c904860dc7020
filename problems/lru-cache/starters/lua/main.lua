-- A cache of at most `capacity` entries that evicts the least recently used one.
local LruCache = {}
LruCache.__index = LruCache

function LruCache.new(capacity)
  local self = setmetatable({}, LruCache)
  self.capacity = capacity
  -- TODO: choose the data structures
  return self
end

-- Returns the value cached under key (and marks it used), or -1.
function LruCache:get(key)
  -- TODO: write your solution here
  return -1
end

-- Stores value under key, evicting the least recently used entry when full.
function LruCache:put(key, value)
  -- TODO: write your solution here
end

local tokens = {}
for token in io.read("a"):gmatch("%S+") do
  tokens[#tokens + 1] = token
end
local pos = 0
local function next_token()
  pos = pos + 1
  return tokens[pos]
end

local capacity = math.tointeger(tonumber(next_token()))
local q = math.tointeger(tonumber(next_token()))
local cache = LruCache.new(capacity)
local out = {}
for _ = 1, q do
  local op = next_token()
  local key = math.tointeger(tonumber(next_token()))
  if op == "GET" then
    out[#out + 1] = cache:get(key)
  else
    cache:put(key, math.tointeger(tonumber(next_token())))
  end
end
print(table.concat(out, "\n"))
