-- Return the merged blocks [l, r], sorted by start; blocks that overlap or touch are merged.
local function merge_blocks(blocks)
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
local blocks = {}
for i = 1, n do
  blocks[i] = {}
  for j = 1, 2 do
    blocks[i][j] = math.tointeger(tonumber(next_token()))
  end
end
local result = merge_blocks(blocks)
for _, row in ipairs(result) do
  print(table.concat(row, " "))
end
