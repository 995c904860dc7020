-- Return the length of the longest substring of s without a repeated character.
local function longest_fresh(s)
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

local s = next_token()
local result = longest_fresh(s)
print(result)
