-- Return the courses in an order that respects every prerequisite [a, b] (a before b); [] if there is none.
local function plan_courses(n, prerequisites)
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
local m = math.tointeger(tonumber(next_token()))
local prerequisites = {}
for i = 1, m do
  prerequisites[i] = {}
  for j = 1, 2 do
    prerequisites[i][j] = math.tointeger(tonumber(next_token()))
  end
end
local result = plan_courses(n, prerequisites)
if #result == 0 then
  print("IMPOSSIBLE")
else
  print(table.concat(result, " "))
end
