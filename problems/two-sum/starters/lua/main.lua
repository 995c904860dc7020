-- Return [i, j] (1-based) for the pair with the smallest j, then the smallest i, whose values add up to target; [] if none.
local function two_sum(target, a)
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
local target = math.tointeger(tonumber(next_token()))
local a = {}
for i = 1, n do
  a[i] = math.tointeger(tonumber(next_token()))
end
local result = two_sum(target, a)
if #result == 0 then
  print("-1")
else
  print(table.concat(result, " "))
end
