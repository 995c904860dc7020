-- Return the cheapest total toll from depot 1 to each depot 1..n (-1 where unreachable).
local function cheapest_tolls(n, roads)
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
local m = math.tointeger(tonumber(next_token()))
local roads = {}
for i = 1, m do
  roads[i] = {}
  for j = 1, 3 do
    roads[i][j] = math.tointeger(tonumber(next_token()))
  end
end
local result = cheapest_tolls(n, roads)
print(table.concat(result, "\n"))
