#!/usr/bin/env bash
# The SQL API against DuckDB itself, in one run, on the generated national village x month warehouse (87M rows):
#   1. the server, run as its own process on loopback with SqlApi__Port, SqlApi__User and SqlApi__Password, on a
#      copy of the warehouse (the original is never opened); it builds the SQL API's snapshot on start;
#   2. the helper (SqlApiBench) runs each query through the wire (Npgsql: extended protocol, binary values) and
#      directly in DuckDB on the same snapshot file (read-only, the API's memory limit), taking turns round after
#      round, and samples the server's resident memory from /proc while the wire side reads.
# Queries: an aggregate over all 87M observations, and a 10M-row SELECT streamed to the client.
# The Markdown table goes to standard output, progress to standard error:
#   bash bench/sqlapi/run.sh > results.md
# Environment: WAREHOUSE (default /work/main/bench/out/village-month.duckdb, only read: copied first), ROUNDS
# (default 5, plus one warm-up round), PORT (5092), SQL_PORT (5433), OUT (scratch directory, default a new temp
# directory, deleted at the end).
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$bench_dir/../.." && pwd)"
source_warehouse="${WAREHOUSE:-/work/main/bench/out/village-month.duckdb}"
rounds="${ROUNDS:-5}"
port="${PORT:-5092}"
sql_port="${SQL_PORT:-5433}"
out="${OUT:-}"
if [ -z "$out" ]; then
  out="$(mktemp -d -t kencana-sqlapi-bench-XXXXXX)"
fi
password="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
log() { echo "[$(date +%T)] $*" >&2; }
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  [ -n "${OUT:-}" ] || rm -rf "$out"
}
trap cleanup EXIT

[ -f "$source_warehouse" ] || { log "no warehouse at $source_warehouse: generate one with 'kencana generate --level village --years 2015-2024 --granularity month --out FILE' and set WAREHOUSE"; exit 1; }

log "building the server and the bench helper (Release)"
dotnet build "$root/src/Server/Server.csproj" -c Release --nologo -v quiet 1>&2
dotnet build "$bench_dir/SqlApiBench/SqlApiBench.csproj" -c Release --nologo -v quiet 1>&2
server_dll="$root/src/Server/bin/Release/net10.0/Kencana.Server.dll"
helper_dll="$bench_dir/SqlApiBench/bin/Release/net10.0/Kencana.SqlApiBench.dll"

log "copying $source_warehouse to $out (the original is never opened)"
cp --reflink=auto "$source_warehouse" "$out/village.duckdb"

log "starting the server: SQL API on 127.0.0.1:$sql_port"
SqlApi__Port="$sql_port" SqlApi__User=analyst SqlApi__Password="$password" Flight__Enabled=false \
  dotnet "$server_dll" --warehouse "$out/village.duckdb" --urls "http://127.0.0.1:$port" --RateLimits:Enabled=false \
  --Logging:LogLevel:Default=Warning --Logging:LogLevel:Kencana.Server.SqlApi=Information >"$out/server.log" 2>&1 &
pid=$!

log "waiting for the SQL API's snapshot of 87M rows (minutes)"
export PGPASSWORD="$password"
for i in $(seq 1 1800); do
  if psql -X -A -t "host=127.0.0.1 port=$sql_port user=analyst dbname=kencana" -c "select 1" >/dev/null 2>&1; then break; fi
  kill -0 "$pid" 2>/dev/null || { log "the server stopped:"; tail -20 "$out/server.log" >&2; exit 1; }
  sleep 1
done
snapshot="$(find "$out/sql-snapshots" -name '*.duckdb' -printf '%T@ %p\n' | sort -n | tail -1 | cut -d' ' -f2)"
log "snapshot: $snapshot ($(du -h "$snapshot" | cut -f1)); server RSS $(awk '$1 == "VmRSS:" { print int($2 / 1024) " MiB" }' /proc/$pid/status)"
bash "$root/bench/wait-idle.sh" "$pid" 120

aggregate="select indicator, year, count(*) as n, avg(value) as mean, min(value) as lo, max(value) as hi from observations group by indicator, year order by indicator, year"
stream="select indicator, region_code, year, period, value, source_id from observations where indicator = 'STUNTING' and level = 'village'"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
results="$(dotnet "$helper_dll" "Host=127.0.0.1;Port=$sql_port;Username=analyst;Password=$password;Database=kencana;Command Timeout=0" \
  "$snapshot" "$pid" "$rounds" "aggregate=$aggregate" "stream=$stream")"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

echo "# SQL API benchmark"
echo
echo "Warehouse: $(basename "$source_warehouse") (copy), $(nproc) cores, load before $load_before, after $load_after; $rounds rounds after a warm-up, p50."
echo "Wire: Npgsql 10 (extended protocol, binary) through the server's SQL API. Direct: DuckDB.NET on the same snapshot file, read-only, memory_limit 2GiB."
echo
echo "| query | rows | wire p50 (s) | DuckDB p50 (s) | wire / DuckDB | server peak RSS while reading (MiB) | server RSS before (MiB) |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
echo "$results" | while read -r name rows wire direct ratio peak before; do
  echo "| $name | $rows | $wire | $direct | ${ratio}x | $peak | $before |"
done
echo
echo "aggregate: \`$aggregate\`"
echo
echo "stream: \`$stream\`"
