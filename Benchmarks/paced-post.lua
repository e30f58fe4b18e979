-- wrk script for the load benchmarks (subworkflow-invoke.sh, compensation-dispatch.sh): POSTs at a paced rate
-- and prints p50/p95/p99 latency and every kind of error.
--   BENCH_PATH      the route, e.g. /api/workflows/<id>/versions/%5E1.0/invoke
--   BENCH_TOKEN     a bearer token with the operator role
--   BENCH_DELAY_MS  pause before each request on a connection (connections / rate - latency)
local path = os.getenv("BENCH_PATH")
local token = os.getenv("BENCH_TOKEN")
local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
local counter = 0

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token

function request()
  counter = counter + 1
  return wrk.format(nil, path, nil, '{"input": {"n": ' .. counter .. '}}')
end

function delay()
  return pause
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("requests: %d in %.1f s (%.0f/s)\n", summary.requests, seconds, summary.requests / seconds))
  io.write(string.format("errors: connect %d, read %d, write %d, timeout %d, non-2xx %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout, summary.errors.status))
  for _, p in ipairs({50, 95, 99, 99.9}) do
    io.write(string.format("p%g: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("max: %.2f ms\n", latency.max / 1000))
end
