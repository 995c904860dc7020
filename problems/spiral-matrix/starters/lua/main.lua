-- Return the readings of grid in clockwise spiral order, starting at the top left.
local function spiral_order(grid)
  -- TODO: write your solution here
  return {}
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

local r = math.tointeger(tonumber(next_token()))
local c = math.tointeger(tonumber(next_token()))
local grid = {}
for i = 1, r do
  grid[i] = {}
  for j = 1, c do
    grid[i][j] = math.tointeger(tonumber(next_token()))
  end
end
local result = spiral_order(grid)
print(table.concat(result, " "))
