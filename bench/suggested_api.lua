-- POSTs the suggestions server function (as the browser does when the page hydrates).
-- BENCH_ORIGIN: the server's address, for the Origin check; the session cookie comes
-- from wrk's -H, kept because these headers are added to wrk's own.
local headers = {}

init = function()
  for name, value in pairs(wrk.headers) do headers[name] = value end
  headers["Origin"] = os.getenv("BENCH_ORIGIN")
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  headers["Accept"] = "application/json"
end

request = function()
  return wrk.format("POST", "/api/events/suggested", headers, "limit=20")
end
