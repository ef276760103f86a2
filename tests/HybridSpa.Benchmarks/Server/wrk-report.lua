-- wrk's report for the page-throughput benchmark (item 3), in lines the benchmark parses: the totals, then every latency
-- wrk recorded (microseconds) with its count, so that slices can be merged into one distribution.
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("wrk-summary requests=%d duration_us=%d bytes=%d connect=%d read=%d write=%d status=%d timeout=%d\n",
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout))
  for i = 1, #latency do
    local microseconds, count = latency(i)
    io.write(string.format("wrk-latency %d %d\n", microseconds, count))
  end
end
