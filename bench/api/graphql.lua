-- wrk script: POSTs one GraphQL request, taken from the GRAPHQL_BODY environment variable (a JSON body such as
-- {"query":"{ __typename }"}), and counts the answers that are not 200 or carry GraphQL errors.
-- Used by bench/api/run.sh:  GRAPHQL_BODY='...' wrk -t2 -c16 -d15s -s bench/api/graphql.lua http://127.0.0.1:5095/graphql

wrk.method = "POST"
wrk.body = os.getenv("GRAPHQL_BODY") or error("set GRAPHQL_BODY to the JSON request body")
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  checked = 0
  failed = 0
end

function response(status, headers, body)
  checked = checked + 1
  if status ~= 200 or string.find(body, '"errors"', 1, true) then
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local checked_total, failed_total = 0, 0
  for _, thread in ipairs(threads) do
    checked_total = checked_total + thread:get("checked")
    failed_total = failed_total + thread:get("failed")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "WRKRESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f " ..
    "connect_errors=%d read_errors=%d write_errors=%d timeouts=%d non2xx=%d checked=%d failed=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout, summary.errors.status,
    checked_total, failed_total))
end
