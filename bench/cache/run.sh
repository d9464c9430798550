#!/usr/bin/env bash
# The response cache against the same server with the cache off, in one run:
#   bash bench/cache/run.sh              # about two minutes
# Builds the server in Release, generates the regency x month x 10 years warehouse (synthetic, 526,200 rows) into
# bench/out/ once, serves it twice on 127.0.0.1:5097 (cache on, then off) and times repeated requests with run.py
# over one kept-alive connection.
set -euo pipefail
bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$bench_dir/../.." && pwd)"
out="$root/bench/out"
port=5097
warehouse="$out/regency-month.duckdb"
dll="$root/src/Server/bin/Release/net10.0/Kencana.Server.dll"
mkdir -p "$out"
server_pid=""
cleanup() { [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true; }
trap cleanup EXIT

echo "building the server (Release)..." >&2
dotnet build "$root/src/Server" -c Release -v quiet -nologo >&2
if [[ ! -f "$warehouse" ]]; then
  echo "generating $warehouse..." >&2
  dotnet "$dll" generate --level regency --years 2015-2024 --granularity month --seed 1 --out "$warehouse" >&2
fi

serve() {
  (cd "$out" && exec dotnet "$dll" --warehouse "$warehouse" --urls "http://127.0.0.1:$port" --RateLimits:Enabled=false --Flight:Enabled=false \
    --Logging:LogLevel:Default=Warning --GraphQL:ResponseCache:Enabled="$1" > "$out/cache-server.log" 2>&1) &
  server_pid=$!
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/health/live" > /dev/null 2>&1 && return; sleep 0.5; done
  echo "the server did not start; see $out/cache-server.log" >&2; exit 1
}

serve true
python3 "$bench_dir/run.py" "http://127.0.0.1:$port" on > "$out/cache-on.json"
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
serve false
python3 "$bench_dir/run.py" "http://127.0.0.1:$port" off > "$out/cache-off.json"
python3 "$bench_dir/run.py" --report "$out/cache-on.json" "$out/cache-off.json"
