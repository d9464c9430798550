#!/usr/bin/env bash
# The GraphQL API benchmark in one command, from any directory:
#   bash bench/api/run.sh                      # the full run, 10 to 15 minutes on 2 busy cores
#   bash bench/api/run.sh > api-report.md      # only the Markdown report goes to standard output
#   bash bench/api/run.sh --requests 50 --duration 5 --skip-test   # a quick look
# Builds the server in Release, generates the regency x month x 10 years warehouse once into bench/out/ (gitignored),
# serves it on 127.0.0.1:5095, times representative queries against the same SQL through DuckDB.NET, loads two of
# them with wrk at 16 and 64 connections, stops the server and prints one Markdown report (also saved as
# bench/out/api-report.md). Progress goes to standard error. See bench/api/README.md.
set -euo pipefail

requests=300
duration=15
regenerate=0
skip_test=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --requests) requests="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --regenerate) regenerate=1; shift ;;
    --skip-test) skip_test=1; shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (use --requests N, --duration S, --regenerate, --skip-test)" >&2; exit 2 ;;
  esac
done
[[ "$requests" =~ ^[0-9]+$ && "$requests" -ge 1 && "$requests" -le 100000 ]] || { echo "--requests must be 1 to 100000" >&2; exit 2; }
[[ "$duration" =~ ^[0-9]+$ && "$duration" -ge 1 && "$duration" -le 600 ]] || { echo "--duration must be 1 to 600 seconds" >&2; exit 2; }

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$bench_dir/../.." && pwd)"
out="$root/bench/out"
port=5095
host=127.0.0.1
endpoint="http://$host:$port/graphql"
warehouse="$out/regency-month.duckdb"
sql_copy="$out/regency-month.sql.duckdb"
cold_copy="$out/regency-month.sql-cold.duckdb"
server_dll="$root/src/Server/bin/Release/net10.0/Kencana.Server.dll"
harness_dll="$bench_dir/Kencana.Bench.Api/bin/Release/net10.0/Kencana.Bench.Api.dll"
report="$out/api-report.md"
started=$SECONDS

say() { printf '[api-bench %4ds] %s\n' "$((SECONDS - started))" "$*" >&2; }

cd "$root"
mkdir -p "$out"
load_start="$(cat /proc/loadavg)"
date_start="$(date -u '+%Y-%m-%d %H:%M UTC')"
say "load average at start: $load_start"

say "building the server and the harness in Release"
dotnet build src/Server -c Release --nologo -v quiet 1>&2
dotnet build "$bench_dir/Kencana.Bench.Api" -c Release --nologo -v quiet 1>&2

if [[ ! -f "$warehouse" || "$regenerate" -eq 1 ]]; then
  say "generating $warehouse (regency x month x 2015-2024, seed 1)"
  dotnet run -c Release --no-build --project src/Server -- generate --level regency --years 2015-2024 --granularity month --seed 1 --out "$warehouse" 1>&2
else
  say "reusing $warehouse (pass --regenerate to rebuild it)"
fi
# Copies for the direct SQL side, taken before the server opens the file: DuckDB lets one process open a file at a time.
cp "$warehouse" "$sql_copy"
cp "$warehouse" "$cold_copy"

if curl -s -o /dev/null --max-time 2 "http://$host:$port/"; then
  echo "Something already listens on $host:$port; stop it first." >&2
  exit 1
fi

server_pid=""
stop_server() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    say "stopping the server (pid $server_pid)"
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$server_pid" 2>/dev/null && kill -9 "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}
trap stop_server EXIT

say "starting the server on $endpoint"
# Started from bench/out so that whatever the server writes relative to its working directory (trained models) stays there.
(
  cd "$out"
  ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    exec dotnet "$server_dll" --warehouse "$warehouse" --urls "http://$host:$port" --RateLimits:Enabled=false
) > "$out/server.log" 2>&1 &
server_pid=$!

up=0
for _ in $(seq 1 120); do
  if curl -s -o /dev/null --max-time 5 -H 'Content-Type: application/json' -d '{"query":"{ __typename }"}' "$endpoint"; then up=1; break; fi
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 1
done
if [[ "$up" -ne 1 ]]; then
  echo "The server did not answer on $endpoint; its log:" >&2
  tail -n 40 "$out/server.log" >&2
  exit 1
fi
say "server up (pid $server_pid); waiting until its start-up work is done (CPU idle for 3 s, at most 180 s)"
bash "$root/bench/wait-idle.sh" "$server_pid" 180

say "latency harness: $requests timed requests per query"
latency_md="$(dotnet "$harness_dll" --url "$endpoint" --warehouse "$sql_copy" --cold-warehouse "$cold_copy" --requests "$requests")"

# wrk: two representative queries, 2 threads, 16 and 64 connections.
if ! command -v wrk >/dev/null; then
  say "wrk is missing; installing it with apt-get"
  apt-get install -y wrk >&2 || say "apt-get could not install wrk"
fi
declare -A bodies=(
  [researcher]='{"query":"{ series(indicator: \"STUNTING\", region: \"64.74\") { points { year period value isPreferred source { id } } targets { year value } } }"}'
  [cube]='{"query":"{ aggregate(where: { indicators: [\"STUNTING\"], ancestorCode: \"64\" }, groupBy: [YEAR]) { year count mean median p25 p75 weightedMean } }"}'
)
wrk_md="| Query | Connections | Requests | Seconds | Requests/s | p50 ms | p90 ms | p99 ms | max ms | Timeouts | Socket errors | Non-200 or GraphQL errors |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
if command -v wrk >/dev/null; then
  wrk_version="$( (wrk -v 2>&1 || true) | head -n 1 | awk '{print $1, $2}')"
  for query in researcher cube; do
    answer="$(curl -s --max-time 60 -H 'Content-Type: application/json' -d "${bodies[$query]}" "$endpoint")"
    if [[ "$answer" == *'"errors"'* || "$answer" != *'"data"'* ]]; then
      say "the $query request fails, so it is not loaded: ${answer:0:300}"
      wrk_md+=$'\n'"| $query | - | - | - | - | - | - | - | - | - | - | the request fails |"
      continue
    fi
    for connections in 16 64; do
      say "wrk: $query, $connections connections, 2 threads, ${duration} s"
      line="$(GRAPHQL_BODY="${bodies[$query]}" timeout $((duration + 60)) wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s \
        -s "$bench_dir/graphql.lua" "$endpoint" | grep '^WRKRESULT' || true)"
      if [[ -z "$line" ]]; then
        wrk_md+=$'\n'"| $query | $connections | wrk failed | | | | | | | | | |"
        continue
      fi
      get() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
      wrk_md+=$'\n'"| $query | $connections | $(get requests) | $(get seconds) | $(get rps) | $(get p50_ms) | $(get p90_ms) | $(get p99_ms) | $(get max_ms) | $(get timeouts) | $(( $(get connect_errors) + $(get read_errors) + $(get write_errors) )) | $(get failed) of $(get checked) |"
      sleep 2
    done
  done
else
  wrk_version="none"
  wrk_md+=$'\n'"| (wrk unavailable) | | | | | | | | | | | |"
fi

stop_server

# The N+1 statement count: the server exposes none over HTTP; the test suite counts it.
if [[ "$skip_test" -eq 1 ]]; then
  statements_md="Not measured (--skip-test)."
else
  say "counting SQL statements for the N+1 query with the test suite"
  test_log="$out/nplus1-test.log"
  if timeout 900 dotnet test tests/Server.Tests --filter "FullyQualifiedName~Nested_series" --logger "console;verbosity=detailed" > "$test_log" 2>&1; then
    count_line="$(grep -m1 'SQL statements for 416 kabupaten' "$test_log" || true)"
    statements_md="${count_line:-The test passed but printed no statement count (see bench/out/nplus1-test.log).}"
  else
    statements_md="The test did not run to completion (exit code $?; concurrent edits to src/ or tests/ may have broken the build); see bench/out/nplus1-test.log."
  fi
fi

load_end="$(cat /proc/loadavg)"
say "load average at end: $load_end"
revision="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
dirty="$(git -C "$root" status --porcelain -- src 2>/dev/null | wc -l | tr -d ' ')"

{
  echo "## GraphQL API benchmark"
  echo
  echo "One run on $date_start. Warehouse: \`generate --level regency --years 2015-2024 --granularity month --seed 1\` ($(du -h "$warehouse" | cut -f1) on disk; 514 kabupaten/kota x 8 indicators x 120 months plus roll-ups, about 0.5M synthetic rows). Server: Release build of commit $revision with $dirty uncommitted change(s) under src/, \`ASPNETCORE_ENVIRONMENT=Production\`, logging at Warning, on http://$host:$port. Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo), .NET $(dotnet --version), $wrk_version; shared with other builds, so absolute numbers are noisy and the ratios matter more."
  echo
  echo "Load average (1, 5, 15 min) at start: \`$(cut -d' ' -f1-3 <<<"$load_start")\`; at end: \`$(cut -d' ' -f1-3 <<<"$load_end")\`."
  echo
  echo "$latency_md"
  echo
  echo "### Throughput under load (wrk)"
  echo
  echo "wrk, 2 threads, ${duration} s per run, keep-alive connections POSTing the same JSON GraphQL body (bench/api/graphql.lua); every answer is checked for status 200 and no \`errors\`. Latencies are wrk's, per request, under load."
  echo
  echo "$wrk_md"
  echo
  echo "### SQL statements for the N+1 query"
  echo
  echo "From \`dotnet test tests/Server.Tests --filter FullyQualifiedName~Nested_series\`, on the seed warehouse the tests build (its query also selects \`parent { name }\`, \`childCount\` and \`targets\`, so it runs more statements than the benchmark's N+1 query; the count the server reported for that one, in its \`X-Kencana-Sql-Statements\` header, is in the *Statements* column above):"
  echo
  echo "> $statements_md"
} > "$report"
cat "$report"
say "done in $((SECONDS - started)) s; report saved to $report"
