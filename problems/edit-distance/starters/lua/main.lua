-- Return the smallest number of single-letter inserts, deletes and replacements that turn a into b.
local function typo_distance(a, b)
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

local a = next_token()
local b = next_token()
local result = typo_distance(a, b)
print(result)
