-- Return "YES" or "NO" for each string: whether its brackets are balanced.
local function check_brackets(strings)
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

local t = math.tointeger(tonumber(next_token()))
local strings = {}
for i = 1, t do
  strings[i] = next_token()
end
local result = check_brackets(strings)
print(table.concat(result, "\n"))
