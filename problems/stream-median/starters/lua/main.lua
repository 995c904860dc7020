-- Return the median after each value, formatted as "3", "-2" or "2.5".
local function running_medians(values)
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
local values = {}
for i = 1, n do
  values[i] = math.tointeger(tonumber(next_token()))
end
local result = running_medians(values)
print(table.concat(result, "\n"))
