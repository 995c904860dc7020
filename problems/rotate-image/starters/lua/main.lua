-- Return the tile turned by k quarter turns clockwise (counter-clockwise when k is negative).
local function rotate_tile(k, tile)
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

local n = math.tointeger(tonumber(next_token()))
local k = math.tointeger(tonumber(next_token()))
local tile = {}
for i = 1, n do
  tile[i] = {}
  for j = 1, n do
    tile[i][j] = math.tointeger(tonumber(next_token()))
  end
end
local result = rotate_tile(k, tile)
for _, row in ipairs(result) do
  print(table.concat(row, " "))
end
