-- wrk script for the load benchmarks (subworkflow-invoke.sh, compensation-dispatch.sh): POSTs at a
-- constant arrival rate and prints the achieved rate, p50/p95/p99 latency and every kind of error.
--   BENCH_PATH     the route, e.g. /api/workflows/<id>/versions/%5E1.0/invoke
--   BENCH_TOKEN    a bearer token with the operator role
--   BENCH_RATE     requests per second, over all threads
--   BENCH_THREADS  wrk's -t (each thread sends its share of the rate)
--
-- Open loop: each thread keeps a schedule of send times `threads / rate` apart and every request
-- takes the next slot, whenever the response before it came back. (Pausing a fixed time after each
-- response instead makes the rate fall as latency grows, so a slow server is offered less load.)
-- A request can only leave when one of wrk's connections is free; the script counts the requests
-- that left more than 5 ms after their slot, so a run without enough connections shows up.
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clock, bench_timespec *time);
]]
local clock = ffi.new("bench_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end

local path = os.getenv("BENCH_PATH")
local token = os.getenv("BENCH_TOKEN")
local rate = tonumber(os.getenv("BENCH_RATE") or "100")
local threads = tonumber(os.getenv("BENCH_THREADS") or "1")
local interval = threads * 1000 / rate
local counter = 0
local next_slot = nil
-- Read from each thread by done().
late = 0
worst_lag = 0

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token

local all_threads = {}
function setup(thread)
  table.insert(all_threads, thread)
end

function request()
  counter = counter + 1
  return wrk.format(nil, path, nil, '{"input": {"n": ' .. counter .. '}}')
end

function delay()
  local now = now_ms()
  if next_slot == nil then next_slot = now end
  local slot = next_slot
  next_slot = next_slot + interval
  local wait = slot - now
  if wait < 0 then
    if -wait > 5 then late = late + 1 end
    if -wait > worst_lag then worst_lag = -wait end
    return 0
  end
  return math.floor(wait)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local behind, worst = 0, 0
  for _, thread in ipairs(all_threads) do
    behind = behind + (thread:get("late") or 0)
    worst = math.max(worst, thread:get("worst_lag") or 0)
  end
  io.write(string.format("requests: %d in %.1f s (%.0f/s of %d/s offered)\n", summary.requests, seconds, summary.requests / seconds, rate))
  io.write(string.format("sent late (> 5 ms after their slot): %d, at most %.0f ms\n", behind, worst))
  io.write(string.format("errors: connect %d, read %d, write %d, timeout %d, non-2xx %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout, summary.errors.status))
  for _, p in ipairs({50, 95, 99, 99.9}) do
    io.write(string.format("p%g: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("max: %.2f ms\n", latency.max / 1000))
end
