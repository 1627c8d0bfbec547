-- GET /groups?near=…: the group directory searched near a city-centre outward code (the
-- directory's 25 miles), a different city on each request. Big cities have the most groups.
local places = {
  "SE1", "M1", "B1", "LS1", "G1", "CF10", "EH1", "BS1", "NE1", "L1", "S1", "NG1",
}
local n = 0

request = function()
  n = n + 1
  local place = places[(n % #places) + 1]
  return wrk.format("GET", "/groups?near=" .. place, { ["Accept"] = "text/html" })
end
