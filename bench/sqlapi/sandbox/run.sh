#!/usr/bin/env bash
# The SQL API sandbox on the generated village x month warehouse (87 million observations): snapshot build time and
# size, and the national aggregate through the sandbox against the same aggregate on the warehouse directly, in turns.
#   bash bench/sqlapi/sandbox/run.sh > results.md
# Environment: WAREHOUSE (default bench/out/village-month.duckdb of the repository; never modified: the bench works
# on a copy), ROUNDS (default 7 timed rounds after one warm-up), OUT (scratch directory for the copy and the
# snapshot, default a new temp directory, deleted at the end; needs about twice the warehouse's size).
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$bench_dir/../../.." && pwd)"
warehouse="${WAREHOUSE:-$root/bench/out/village-month.duckdb}"
rounds="${ROUNDS:-7}"
out="${OUT:-}"
if [ -z "$out" ]; then
  out="$(mktemp -d -t kencana-sandbox-bench-XXXXXX)"
  trap 'rm -rf "$out"' EXIT
fi
log() { echo "[$(date +%T)] $*" >&2; }
[ -f "$warehouse" ] || { echo "No warehouse at $warehouse: generate one (see bench/export/README.md) or set WAREHOUSE." >&2; exit 2; }

log "building the bench helper (Release)"
dotnet build "$bench_dir/SandboxBench/SandboxBench.csproj" -c Release --nologo -v quiet 1>&2
log "copying $warehouse to $out"
cp --reflink=auto "$warehouse" "$out/warehouse.duckdb"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
dotnet "$bench_dir/SandboxBench/bin/Release/net10.0/Kencana.SandboxBench.dll" "$out/warehouse.duckdb" "$rounds"
echo
echo "$(nproc) cores, $(date -u +%Y-%m-%d); load average (1, 5, 15 min) $load_before at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end."
