-- Return the smallest number of steps from S to E, or -1 if E cannot be reached.
local function shortest_route(grid)
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
local result = shortest_route(grid)
print(result)
