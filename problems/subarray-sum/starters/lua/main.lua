-- Return how many runs of consecutive changes add up to exactly k.
local function count_streaks(k, changes)
  -- TODO: write your solution here
  return 0
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

local n = math.tointeger(tonumber(next_token()))
local k = math.tointeger(tonumber(next_token()))
local changes = {}
for i = 1, n do
  changes[i] = math.tointeger(tonumber(next_token()))
end
local result = count_streaks(k, changes)
print(result)
