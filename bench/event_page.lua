-- GET /events/{id} for random events, so requests read from all over the database.
-- BENCH_EVENTS: how many events there are (ids 1..n). Headers given with -H (a session
-- cookie, for the signed-in row) go with every request.
local events = tonumber(os.getenv("BENCH_EVENTS") or "1000")
local threads = 0
local headers = { ["Accept"] = "text/html" }

function setup(thread)
  threads = threads + 1
  thread:set("thread_no", threads)
end

function init(args)
  math.randomseed(os.time() * 100 + thread_no)
  for name, value in pairs(wrk.headers) do
    headers[name] = value
  end
end

request = function()
  return wrk.format("GET", "/events/" .. math.random(1, events), headers)
end
