-- wrk script: GET /api/search by a random item of ids.txt with one of five conditions; prints
-- p50/p95/p99 at the end. Item ids come from the file named by the environment (IDS).
local ids = {}
for line in io.lines(os.getenv("IDS")) do ids[#ids + 1] = line end
local conditions = {"*", "collection:photos", "collection:art%20AND%20year:%5B1800%20TO%201900%5D",
  "NOT%20collection:clipart", "subject:animal%20OR%20subject:plant"}
local path = os.getenv("WRK_PATH") or "api/search?k=24&item=%s&condition=%s"
math.randomseed(7)
request = function()
  local id = ids[math.random(#ids)]
  local c = conditions[math.random(#conditions)]
  return wrk.format("GET", "/" .. string.format(path, id, c))
end
done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors %d (status %d, timeout %d), %.1f req/s\n",
    summary.requests, summary.errors.status + summary.errors.timeout + summary.errors.connect
      + summary.errors.read + summary.errors.write, summary.errors.status, summary.errors.timeout,
    summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
