-- Return the area of the simple polygon whose corners are given in order (either way round).
local function plot_area(corners)
  -- TODO: write your solution here
  return 0.0
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
local corners = {}
for i = 1, n do
  corners[i] = {}
  for j = 1, 2 do
    corners[i][j] = tonumber(next_token())
  end
end
local result = plot_area(corners)
print(string.format("%.6f", result))
