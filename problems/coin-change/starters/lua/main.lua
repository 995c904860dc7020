-- Return the smallest number of tokens (any number of each value in coins) adding up to x, or -1.
local function fewest_tokens(x, coins)
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
local x = math.tointeger(tonumber(next_token()))
local coins = {}
for i = 1, n do
  coins[i] = math.tointeger(tonumber(next_token()))
end
local result = fewest_tokens(x, coins)
print(result)
