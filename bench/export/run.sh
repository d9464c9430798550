#!/usr/bin/env bash
# Export throughput and memory, in one run, on a generated village x month warehouse:
#   1. the baselines, DuckDB's own COPY (the export's query) TO x.csv (FORMAT csv) and TO x.parquet
#      (FORMAT parquet), each in a separate process on a copy of the warehouse file (the server holds the original);
#   2. the server, run as its own process on loopback, streaming the same rows as Parquet, Arrow, CSV and
#      CSV excel-id over HTTP (curl) and as Arrow Flight (the .NET Flight client, which decodes every batch, and a
#      client that counts the gRPC messages without decoding them, as curl counts bytes), one request each,
#      reading the server's peak resident memory (VmHWM, reset before each) from /proc/<pid>/status.
# The baselines and the exports take turns, round after round, so that a neighbour's load hits both sides of a
# ratio alike. Every output's speed is printed as a ratio to both baselines.
# The Markdown table goes to standard output, progress to standard error:
#   bash bench/export/run.sh > results.md
# Environment: WAREHOUSE (default /tmp/kencana-bench/village.duckdb, generated when missing: about 5 minutes,
# 1 GB), TICKET (default observations?indicator=STUNTING&level=village, 10,051,440 rows), REPEAT (default 1: how
# many rounds; each output's median is reported), PORT (5090), FLIGHT_PORT (5091), OUT (scratch directory for the
# warehouse copy and the baseline files, default a new temp directory), READY_SECONDS (900: how long to wait for
# the server to finish warming up).
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

# DuckDB lets one process open a file while another writes it, so the baselines read a copy, and can run between
# the server's exports. One run of each, not measured, warms the OS file cache.
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
log "copying the warehouse for the baselines"
cp --reflink=auto "$warehouse" "$out/baseline-warehouse.duckdb"
baseline() { # format: prints "rows seconds bytes"
  local line
  line=$(dotnet "$helper_dll" copy "$out/baseline-warehouse.duckdb" "$ticket" "$out/baseline.$1" "$1")
  rm -f "$out/baseline.$1"
  echo "$line"
}
log "warm-up: DuckDB COPY ... TO parquet and TO csv"
baseline parquet >/dev/null
baseline csv >/dev/null

log "starting the server on 127.0.0.1:$port (Flight on 127.0.0.1:$flight_port)"
dotnet "$server_dll" --warehouse "$warehouse" --urls "http://127.0.0.1:$port" --RateLimits:Enabled=false --Flight:Url="http://127.0.0.1:$flight_port" \
  --Logging:LogLevel:Default=Warning >"$out/server.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; [ -n "${OUT:-}" ] || rm -rf "$out"' EXIT
for _ in $(seq 1 120); do
  curl -sf -o /dev/null "http://127.0.0.1:$port/api/v1/export" && break
  sleep 0.5
done
# A fresh server builds its pre-aggregates, loads its upper levels and trains its forecast models in the background,
# which takes both cores for a while on a national warehouse: measured then, the first exports ran at half speed (and
# before readiness covered the upper levels, the first round's baseline took twice as long as the others). Wait for /health/ready to
# say Healthy (up to READY_SECONDS, default 900), so the exports are measured on the server as it runs.
ready_deadline=$((SECONDS + ${READY_SECONDS:-900}))
until curl -sf "http://127.0.0.1:$port/health/ready" | grep -q '^{"status":"Healthy"'; do
  if [ "$SECONDS" -ge "$ready_deadline" ]; then
    log "the server is still warming up after ${READY_SECONDS:-900} s; measuring anyway: $(curl -s "http://127.0.0.1:$port/health/ready")"
    break
  fi
  [ $((SECONDS % 15)) -eq 0 ] && log "waiting for the server to finish warming up (pre-aggregates, upper levels, forecast models)"
  sleep 1
done
kib() { awk -v k="$1" '$1 == k":" { print $2 }' "/proc/$pid/status"; }
idle_rss=$(kib VmRSS)

# Runs one export and reads the server's peak resident set; prints: bytes seconds peak_rss_kib. The kernel keeps the
# peak (VmHWM) since it was reset through clear_refs, so nothing samples the server during the export: a shell loop
# reading /proc/<pid>/status every 0.1 s had slowed the CSV download by a tenth (5.7-6.0 s against 5.1-5.3 s).
measure() {
  echo 5 > "/proc/$pid/clear_refs"
  local result
  result=$("$@")
  echo "$result $(kib VmHWM)"
}
http_get() {
  curl -sS -o /dev/null -w '%{http_code} %{size_download} %{time_total}\n' "$1" | {
    read -r status bytes seconds
    [ "$status" = 200 ] || { echo "HTTP $status for $1" >&2; exit 1; }
    echo "$bytes $seconds"
  }
}
flight_get() { # mode: flight (the .NET Flight client, decoding every batch) or flight-bytes (messages counted, as curl counts bytes)
  dotnet "$helper_dll" "$1" "http://127.0.0.1:$flight_port" "$ticket" | { read -r _ seconds bytes; echo "$bytes $seconds"; }
}

declare -A runs secs
record() { # output "x seconds bytes peak": keeps the run for median_line and its seconds for the round's ratios
  runs[$1]+="$2"$'\n'
  secs[$1]+="$(echo "$2" | awk '{ print $2 }') "
}
for round in $(seq 1 "$repeat"); do
  for output in copy-csv csv csv-excel copy-parquet parquet arrow flight flight-bytes; do
    case $output in
      copy-*)
        format=${output#copy-}
        read -r rows seconds bytes < <(baseline "$format")
        base_rows=$rows
        log "round $round: DuckDB COPY ... TO $format: $rows rows, $seconds s, $bytes bytes"
        record "$output" "x $seconds $bytes -"
        ;;
      flight*)
        log "round $round: Arrow Flight DoGet $ticket ($output)"
        read -r bytes seconds peak < <(measure flight_get "$output")
        log "  $bytes bytes, $seconds s, peak RSS $peak KiB"
        record "$output" "x $seconds $bytes $peak"
        ;;
      *)
        case $output in
          csv-excel) url="http://127.0.0.1:$port/api/v1/export/$dataset.csv?$query&dialect=excel-id" ;;
          *) url="http://127.0.0.1:$port/api/v1/export/$dataset.$output?$query" ;;
        esac
        log "round $round: HTTP $output: $url"
        read -r bytes seconds peak < <(measure http_get "$url")
        log "  $bytes bytes, $seconds s, peak RSS $peak KiB"
        record "$output" "x $seconds $bytes $peak"
        ;;
    esac
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# The median over the rounds of one baseline's seconds over the output's, each pair from the same round.
median_ratio() { # baseline output
  awk -v base="${secs[$1]}" -v out="${secs[$2]}" 'BEGIN {
    n = split(base, b, " "); split(out, o, " ")
    for (i = 1; i <= n; i++) r[i] = b[i] / o[i]
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (r[j] < r[i]) { t = r[i]; r[i] = r[j]; r[j] = t }
    printf "%.2f", r[int((n + 1) / 2)] }'
}
row() { # output label
  printf '%s' "${runs[$1]}" | median_line | awk -v name="$2" -v rows="$base_rows" -v csv="$(median_ratio copy-csv "$1")" -v parquet="$(median_ratio copy-parquet "$1")" \
    '{ s = $2; bytes = $3; peak = $4
       printf "| %s | %.2f | %.0f | %.1f | %.1f | %s | %s | %s |\n", name, s, rows / s, bytes / s / 1e6, bytes / 1e6, csv, parquet, peak == "-" ? "-" : sprintf("%.0f", peak / 1024) }'
}

cat <<TABLE
Export of \`$ticket\`: $base_rows rows, from $(basename "$warehouse") ($(du -h "$warehouse" | cut -f1)) on $(nproc) cores
($(date -u +%Y-%m-%d), $(uname -m), DuckDB.NET.Data.Full $(grep -o 'DuckDB.NET.Data.Full" Version="[^"]*' "$root/Directory.Packages.props" | cut -d'"' -f3)), median of $repeat round(s). Server idle RSS before the exports: $(( idle_rss / 1024 )) MiB. Load average (1, 5, 15 min) $load_before at the start, $load_after at the end: on a shared machine, compare the ratios rather than the seconds.

Speed is the baseline's seconds over the output's, from the same round, the median over the rounds: 1.00 is as fast as DuckDB's COPY of the same rows. Seconds, rows/s and MB/s are the output's median run. CSV compares with COPY csv, Parquet with COPY parquet; DuckDB has no Arrow COPY of its own (Arrow IPC needs an extension), so Arrow and Flight are shown against both.

| Output | Seconds | Rows/s | MB/s | MB | Speed vs COPY csv | Speed vs COPY parquet | Peak server RSS (MiB) |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
$(row copy-csv "DuckDB COPY ... TO csv (baseline, own process)")
$(row copy-parquet "DuckDB COPY ... TO parquet (baseline, own process)")
$(row parquet "HTTP parquet")
$(row arrow "HTTP arrow")
$(row csv "HTTP csv")
$(row csv-excel "HTTP csv-excel")
$(row flight "Flight DoGet, .NET client decoding batches (Arrow buffers)")
$(row flight-bytes "Flight DoGet, messages counted as curl counts bytes (gRPC messages)")
TABLE
