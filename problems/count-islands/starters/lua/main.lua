-- Return the number of islands: groups of # cells connected up, down, left or right.
local function count_islands(grid)
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

local h = math.tointeger(tonumber(next_token()))
local w = math.tointeger(tonumber(next_token()))
local grid = {}
for i = 1, h do
  grid[i] = next_token()
end
local result = count_islands(grid)
print(result)
