-- Return the maximum of every window of k consecutive readings, first window first.
local function window_maxima(k, loads)
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
local loads = {}
for i = 1, n do
  loads[i] = math.tointeger(tonumber(next_token()))
end
local result = window_maxima(k, loads)
print(table.concat(result, " "))
