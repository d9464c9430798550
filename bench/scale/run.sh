#!/usr/bin/env bash
# GraphQL against plain DuckDB SQL at national scale, in one run:
#   bash bench/scale/run.sh                   # about 6 minutes once the warehouse exists; generating it takes 10-25 more
#   bash bench/scale/run.sh > scale.md        # only the Markdown report goes to standard output
#   bash bench/scale/run.sh --requests 10     # a quicker look
# A benchmark, not a test. Uses bench/out/village-month.duckdb (every desa/kelurahan x 8 indicators x 120 months plus
# roll-ups: 86,995,440 synthetic rows, about 2 GB), generating it first if missing. Query by query, times the SQL a
# hand-written client would run (bench/scale/direct-sql.cs, through DuckDB.NET, the server's driver, on a copy of the
# file) and then the same answer through the server's GraphQL endpoint (Release, 127.0.0.1:5096) with the response
# cache off; then a repeated series with it on.
# Reports p50/p95, their ratios, the rows each statement scanned (EXPLAIN ANALYZE) and the server's peak memory.
set -euo pipefail

# A thousand warm-up requests on each side, taking at most half of --max-seconds: a fresh server answers a repeated
# small query about twice as slowly for its first several hundred requests (tiered compilation off as well as on), so a
# handful of warm-ups measured a cold server (a run with 3 had the series at 15 ms where a warm server answers in about 5).
# 300 timed runs: with 50, one village's series moved from 1.39x to 1.97x between two runs an hour apart; the timed
# runs cost seconds next to the warm-up.
requests=300
warmup=1000
max_seconds=120
regenerate=0
threads=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --requests) requests="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --max-seconds) max_seconds="$2"; shift 2 ;;
    --regenerate) regenerate=1; shift ;;
    --threads) threads="$2"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (use --requests N, --warmup N, --max-seconds S, --threads N, --regenerate)" >&2; exit 2 ;;
  esac
done
[[ -z "$threads" || "$threads" =~ ^[1-9][0-9]{0,2}$ ]] || { echo "--threads must be a number from 1 to 999" >&2; exit 2; }
for v in requests warmup max_seconds; do
  [[ "${!v}" =~ ^[0-9]+$ && "${!v}" -ge 1 && "${!v}" -le 100000 ]] || { echo "--${v/_/-} must be a number from 1 to 100000" >&2; exit 2; }
done

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$bench_dir/../.." && pwd)"
out="$root/bench/out"
warehouse="$out/village-month.duckdb"
server_dll="$root/src/Server/bin/Release/net10.0/Kencana.Server.dll"
port=5096
endpoint="http://127.0.0.1:$port/graphql"
results="$out/scale-results"
report="$out/scale-report.md"
started=$SECONDS
say() { printf '[scale-bench %4ds] %s\n' "$((SECONDS - started))" "$*" >&2; }

cd "$root"
mkdir -p "$out"; rm -rf "$results"; mkdir -p "$results"
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
date_start="$(date -u '+%Y-%m-%d %H:%M UTC')"
say "load average at start: $load_start"
say "building the server in Release"
dotnet build src/Server -c Release --nologo -v quiet >&2
if [[ ! -f "$warehouse" || "$regenerate" -eq 1 ]]; then
  say "generating $warehouse (87 million rows; 10 to 25 minutes on 2 cores, progress below)"
  rm -f "$warehouse"
  dotnet "$server_dll" generate --level village --years 2015-2024 --granularity month --seed 1 --out "$warehouse" >&2
fi

# The plain SQL reads a copy: the server holds the warehouse, and DuckDB lets no other process open a file one process
# writes. With the copy, each query's SQL is timed just before the server answers it, so that a neighbour's load falls
# on both sides of a ratio (timing all the SQL first, then all the GraphQL, had moved one ratio from 1.5x to 2.2x).
sql_copy="$out/scale-sql-copy.duckdb"
say "copying the warehouse for the plain SQL"
cp --reflink=auto "$warehouse" "$sql_copy"
: > "$results/sql.jsonl"

server_pid=""
stop_server() { [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null; server_pid=""; }
trap 'stop_server; rm -f "$sql_copy"' EXIT
start_server() {
  local cache="$1"
  (cd "$out" && exec env ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    dotnet "$server_dll" --warehouse "$warehouse" --urls "http://127.0.0.1:$port" --RateLimits:Enabled=false --Flight:Enabled=false \
    --GraphQL:ResponseCache:Enabled="$cache" ${threads:+--Warehouse:Threads=$threads} > "$out/scale-server-cache-$cache.log" 2>&1) &
  server_pid=$!
  for _ in $(seq 1 120); do
    curl -sf -o /dev/null "http://127.0.0.1:$port/health/live" && break
    sleep 1
  done
  # Start-up work (forecast models, the pre-aggregates) runs in the background; measure after it.
  bash "$root/bench/wait-idle.sh" "$server_pid" 300
}

say "GraphQL (response cache off) and plain SQL, query by query"
start_server false
# rollup and achievement ask for December 2024: the generated warehouse holds months, and their default (the whole
# year) would answer with nothing to time.
for q in aggregate series page province-aggregate rollup achievement; do
  say "  $q: plain DuckDB SQL, $warmup warm-up and $requests timed runs (at most $max_seconds s)"
  dotnet run "$bench_dir/direct-sql.cs" -- "$sql_copy" "$warmup" "$requests" "$max_seconds" "$q" >> "$results/sql.jsonl"
  say "  $q: GraphQL"
  node "$root/bench/peer/time.mjs" "$endpoint" "$bench_dir/queries/$q.json" "$warmup" "$requests" "$max_seconds" > "$results/graphql-$q.json"
done
peak_off="$(awk '/VmHWM/ {print $2}' "/proc/$server_pid/status")"
say "the plain SQL's plans (EXPLAIN ANALYZE)"
dotnet run "$bench_dir/direct-sql.cs" -- "$sql_copy" 0 0 1 plans >> "$results/sql.jsonl" 2> "$results/sql-plans.txt"
stop_server
say "GraphQL, response cache on: a repeated series"
start_server true
node "$root/bench/peer/time.mjs" "$endpoint" "$bench_dir/queries/series.json" "$warmup" "$((requests * 10))" "$max_seconds" > "$results/graphql-series-cached.json"
peak_on="$(awk '/VmHWM/ {print $2}' "/proc/$server_pid/status")"
stop_server

revision="$(git rev-parse --short HEAD)"
node "$bench_dir/report.mjs" "$results" "$date_start" "$load_start" "$(cut -d' ' -f1-3 /proc/loadavg)" "$revision" "$peak_off" "$peak_on" "${threads:-one per core}" | tee "$report"
say "done in $((SECONDS - started)) s; report also in $report"
