-- Return the length of the longest strictly increasing subsequence of temps.
local function longest_rising(temps)
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
local temps = {}
for i = 1, n do
  temps[i] = math.tointeger(tonumber(next_token()))
end
local result = longest_rising(temps)
print(result)
