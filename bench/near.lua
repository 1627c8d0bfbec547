-- GET /events?near=…&within=10: the event list searched near a city-centre postcode,
-- a different city on each request.
local places = {
  "SW1A+1AA", "M1+1AE", "B1+1BB", "LS1+4AP", "G1+1DU", "CF10+1EP", "EH1+1YZ", "BS1+5DB",
  "NE1+7JB", "L1+8JQ", "S1+2HH", "NG1+5FS", "LE1+5YA", "SO14+7LP", "NR2+1NH", "BN1+1UG",
  "AB10+1AQ", "SA1+3SN", "PL1+2AA", "HU1+2AA", "OX1+1DP", "YO1+7HH", "IV1+1JJ", "EX1+1JG",
}
local n = 0

request = function()
  n = n + 1
  local place = places[(n % #places) + 1]
  return wrk.format("GET", "/events?near=" .. place .. "&within=10", { ["Accept"] = "text/html" })
end
