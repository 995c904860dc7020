-- Return the smallest number of rooms that host all meetings [start, end) without overlap in a room.
local function min_rooms(meetings)
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
local meetings = {}
for i = 1, n do
  meetings[i] = {}
  for j = 1, 2 do
    meetings[i][j] = math.tointeger(tonumber(next_token()))
  end
end
local result = min_rooms(meetings)
print(result)
