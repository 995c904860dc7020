-- Return the total units of rain water trapped between the buildings of the given heights.
local function trapped_water(heights)
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
local heights = {}
for i = 1, n do
  heights[i] = math.tointeger(tonumber(next_token()))
end
local result = trapped_water(heights)
print(result)
