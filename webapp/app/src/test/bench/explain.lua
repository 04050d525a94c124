-- wrk script: POST one explanation that is already cached; prints p50/p95/p99 at the end.
wrk.method = "POST"
wrk.path = "/api/explanations"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = os.getenv("FORM")
done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors %d, %.1f req/s\n", summary.requests,
    summary.errors.status + summary.errors.timeout + summary.errors.connect
      + summary.errors.read + summary.errors.write, summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
