#!/usr/bin/env bash
# Export throughput and memory, in one run, on a generated village x month warehouse:
#   1. the baselines, DuckDB's own COPY (the export's query) TO x.csv (FORMAT csv) and TO x.parquet
#      (FORMAT parquet), each in a separate process;
#   2. the server, run as its own process on loopback, streaming the same rows as Parquet, Arrow, CSV and
#      CSV excel-id over HTTP (curl) and as Arrow Flight (the .NET Flight client), one request each,
#      while /proc/<pid>/status is sampled for the server's resident memory.
# Every output's speed is printed as a ratio to both baselines of the same run.
# The Markdown table goes to standard output, progress to standard error:
#   bash bench/export/run.sh > results.md
# Environment: WAREHOUSE (default /tmp/kencana-bench/village.duckdb, generated when missing: about 5 minutes,
# 1 GB), TICKET (default observations?indicator=STUNTING&level=village, 10,051,440 rows), REPEAT (default 1: how
# many times each baseline and each export runs; the median is reported), PORT (5090), FLIGHT_PORT (5091),
# OUT (scratch directory for the baseline files, default a new temp directory).
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$bench_dir/../.." && pwd)"
warehouse="${WAREHOUSE:-/tmp/kencana-bench/village.duckdb}"
ticket="${TICKET:-observations?indicator=STUNTING&level=village}"
port="${PORT:-5090}"
flight_port="${FLIGHT_PORT:-5091}"
repeat="${REPEAT:-1}"
out="${OUT:-}"
if [ -z "$out" ]; then
  out="$(mktemp -d -t kencana-export-bench-XXXXXX)"
  trap 'rm -rf "$out"' EXIT
fi
dataset="${ticket%%\?*}"
query="${ticket#*\?}"
log() { echo "[$(date +%T)] $*" >&2; }

log "building the server and the bench helper (Release)"
dotnet build "$root/src/Server/Server.csproj" -c Release --nologo -v quiet 1>&2
dotnet build "$bench_dir/ExportBench/ExportBench.csproj" -c Release --nologo -v quiet 1>&2
server_dll="$root/src/Server/bin/Release/net10.0/Kencana.Server.dll"
helper_dll="$bench_dir/ExportBench/bin/Release/net10.0/Kencana.ExportBench.dll"

if [ ! -f "$warehouse" ]; then
  log "generating $warehouse (village x month, 2015-2024; takes minutes)"
  mkdir -p "$(dirname "$warehouse")"
  dotnet "$server_dll" generate --level village --years 2015-2024 --granularity month --seed 1 --out "$warehouse" 1>&2
fi

# Median of the second field over lines "a seconds c [d]": prints the whole median line.
median_line() { sort -k2,2 -g | awk '{ line[NR] = $0 } END { print line[int((NR + 1) / 2)] }'; }

# The baselines open the file themselves, so they run before the server holds it. A first run warms the OS file
# cache for every later step; the runs after it are the ones reported.
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
log "baselines: DuckDB COPY ... TO csv and TO parquet (a warm-up, then $repeat run(s) each)"
dotnet "$helper_dll" copy "$warehouse" "$ticket" "$out/baseline.parquet" parquet >/dev/null
declare -A base_rows base_seconds base_bytes
for format in csv parquet; do
  runs=""
  for i in $(seq 1 "$repeat"); do
    line=$(dotnet "$helper_dll" copy "$warehouse" "$ticket" "$out/baseline.$format" "$format")
    log "baseline COPY $format run $i: $line (rows seconds bytes)"
    runs+="$line"$'\n'
    rm -f "$out/baseline.$format"
  done
  read -r base_rows[$format] base_seconds[$format] base_bytes[$format] < <(printf '%s' "$runs" | median_line)
done

log "starting the server on 127.0.0.1:$port (Flight on 127.0.0.1:$flight_port)"
dotnet "$server_dll" --warehouse "$warehouse" --urls "http://127.0.0.1:$port" --Flight:Url="http://127.0.0.1:$flight_port" \
  --Logging:LogLevel:Default=Warning >"$out/server.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; [ -n "${OUT:-}" ] || rm -rf "$out"' EXIT
for _ in $(seq 1 120); do
  curl -sf -o /dev/null "http://127.0.0.1:$port/api/v1/export" && break
  sleep 0.5
done
kib() { awk -v k="$1" '$1 == k":" { print $2 }' "/proc/$pid/status"; }
idle_rss=$(kib VmRSS)

# Runs one export while sampling the server's memory; prints: bytes seconds peak_rss_kib.
measure() {
  echo 5 > "/proc/$pid/clear_refs"   # resets VmHWM, the peak resident set
  local samples="$out/rss.samples"
  : > "$samples"
  ( while kill -0 "$pid" 2>/dev/null; do kib VmRSS >> "$samples"; sleep 0.1; done ) &
  local sampler=$!
  local result
  result=$("$@")
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  local hwm sampled
  hwm=$(kib VmHWM)
  sampled=$(sort -n "$samples" | tail -1)
  echo "$result $(( hwm > sampled ? hwm : sampled ))"
}
http_get() {
  curl -sS -o /dev/null -w '%{http_code} %{size_download} %{time_total}\n' "$1" | {
    read -r status bytes seconds
    [ "$status" = 200 ] || { echo "HTTP $status for $1" >&2; exit 1; }
    echo "$bytes $seconds"
  }
}
flight_get() {
  dotnet "$helper_dll" flight "http://127.0.0.1:$flight_port" "$ticket" | { read -r _ seconds bytes; echo "$bytes $seconds"; }
}

# Runs an export REPEAT times; prints the median run's "bytes seconds peak_rss_kib".
measure_median() {
  local runs="" line
  for i in $(seq 1 "$repeat"); do
    line=$(measure "$@")
    log "  run $i: $line (bytes seconds peak_kib)"
    runs+="x $(echo "$line" | awk '{ print $2, $1, $3 }')"$'\n'
  done
  printf '%s' "$runs" | median_line | awk '{ print $3, $2, $4 }'
}

declare -a rows_md
add_row() { # name bytes seconds peak_kib ("-" for none)
  rows_md+=("$(awk -v name="$1" -v rows="${base_rows[parquet]}" -v bytes="$2" -v s="$3" -v peak="$4" \
    -v csv="${base_seconds[csv]}" -v parquet="${base_seconds[parquet]}" \
    'BEGIN { printf "| %s | %.2f | %.0f | %.1f | %.1f | %.2f | %.2f | %s |", name, s, rows / s, bytes / s / 1e6, bytes / 1e6, csv / s, parquet / s, peak == "-" ? "-" : sprintf("%.0f", peak / 1024) }')")
}
add_row "DuckDB COPY ... TO csv (baseline, own process)" "${base_bytes[csv]}" "${base_seconds[csv]}" -
add_row "DuckDB COPY ... TO parquet (baseline, own process)" "${base_bytes[parquet]}" "${base_seconds[parquet]}" -

for format in parquet arrow csv csv-excel; do
  case $format in
    csv-excel) url="http://127.0.0.1:$port/api/v1/export/$dataset.csv?$query&dialect=excel-id" ;;
    *) url="http://127.0.0.1:$port/api/v1/export/$dataset.$format?$query" ;;
  esac
  log "HTTP $format: $url"
  read -r bytes seconds peak < <(measure_median http_get "$url")
  add_row "HTTP $format" "$bytes" "$seconds" "$peak"
done
log "Arrow Flight DoGet $ticket"
read -r bytes seconds peak < <(measure_median flight_get)
add_row "Flight DoGet (Arrow buffers)" "$bytes" "$seconds" "$peak"

load_after=$(cut -d' ' -f1-3 /proc/loadavg)

cat <<TABLE
Export of \`$ticket\`: ${base_rows[parquet]} rows, from $(basename "$warehouse") ($(du -h "$warehouse" | cut -f1)) on $(nproc) cores
($(date -u +%Y-%m-%d), $(uname -m), DuckDB.NET.Data.Full $(grep -o 'DuckDB.NET.Data.Full" Version="[^"]*' "$root/Directory.Packages.props" | cut -d'"' -f3)), median of $repeat run(s) each. Server idle RSS before the exports: $(( idle_rss / 1024 )) MiB. Load average (1, 5, 15 min) $load_before at the start, $load_after at the end: on a shared machine, compare the ratios rather than the seconds.

Speed is the baseline's seconds over the output's: 1.00 is as fast as DuckDB's COPY of the same rows. CSV compares with COPY csv, Parquet with COPY parquet; DuckDB has no Arrow COPY of its own (Arrow IPC needs an extension), so Arrow and Flight are shown against both.

| Output | Seconds | Rows/s | MB/s | MB | Speed vs COPY csv | Speed vs COPY parquet | Peak server RSS (MiB) |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
$(printf '%s\n' "${rows_md[@]}")
TABLE
