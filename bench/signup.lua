-- POSTs the sign-up form (as a browser script does) to one slot with a new email each
-- time. BENCH_SLOT: the slot; BENCH_ORIGIN: the server's address, for the Origin check.
local slot = os.getenv("BENCH_SLOT")
-- Each server's wrk gets its own port in the emails, so two nodes never send the same one.
local port = string.match(os.getenv("BENCH_ORIGIN") or "", ":(%d+)$") or "0"
local headers = {
  ["Origin"] = os.getenv("BENCH_ORIGIN"),
  ["Content-Type"] = "application/x-www-form-urlencoded",
  ["Accept"] = "application/json",
}
local threads = 0
local run = os.time()
local counter = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_no", threads)
end

request = function()
  counter = counter + 1
  local email = "bench-" .. run .. "-" .. port .. "-" .. slot .. "-" .. thread_no .. "-" .. counter .. "%40example.net"
  local body = "slot_id=" .. slot .. "&name=Bench+Runner&email=" .. email
  return wrk.format("POST", "/api/events/sign-up", headers, body)
end
