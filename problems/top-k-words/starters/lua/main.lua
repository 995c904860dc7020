-- Return the k most frequent tags, most frequent first, ties in alphabetical order.
local function top_tags(k, tags)
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
local tags = {}
for i = 1, n do
  tags[i] = next_token()
end
local result = top_tags(k, tags)
print(table.concat(result, "\n"))
