-- Return the number of words in the shortest ladder from begin_word to end_word (0 if none).
local function ladder_length(begin_word, end_word, words)
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

local begin_word = next_token()
local end_word = next_token()
local n = math.tointeger(tonumber(next_token()))
local words = {}
for i = 1, n do
  words[i] = next_token()
end
local result = ladder_length(begin_word, end_word, words)
print(result)
