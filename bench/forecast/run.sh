#!/usr/bin/env bash
# Forecasting benchmark, one run: rolling-origin accuracy of every method on the real seed panel (stunting 2013-2024:
# nation, 34 provinces, kabupaten/kota; MAE and MASE beside naive, drift, Theta and the AARR (log-linear) projection,
# 80%/95% coverage, per level), then training + backtest time and accuracy on a generated regency panel, then the
# latency of a forecast query, first (model cached, forecast computed) and repeated (answer cached), against a plain
# GraphQL query on the same server as the baseline.
# Usage: bash bench/forecast/run.sh            # everything (about two minutes on two idle cores)
#        bash bench/forecast/run.sh --real     # the real-data backtest only (a few seconds)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
bin="$root/src/Server/bin/Release/net10.0/Kencana.Server"
out=bench/out/forecast
mkdir -p "$out"
echo "building (Release)" >&2
dotnet build src/Server -c Release -v quiet -nologo >&2
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "### STUNTING, real seed: rolling origins over every series (2013 -> 2018, 2018 -> 2021/2022, 2021 -> 2022, ...),"
echo "### each origin's forecasts from what was known then; MAE in percentage points, xNaive = MAE / naive's MAE"
(cd "$out" && rm -rf seed && mkdir seed && cd seed && "$bin" backtest --indicator STUNTING) 2>&1 | grep -v '^\['
if [[ "${1:-}" == "--real" ]]; then
  echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
  exit 0
fi

echo "generating a regency x year panel 2015-2024 (synthetic)" >&2
"$bin" generate --level regency --years 2015-2024 --granularity year --seed 1 --indicators STUNTING,UNMET_NEED --out "$out/regency-year.duckdb" >&2

for indicator in STUNTING UNMET_NEED; do
  echo "### $indicator, generated regency panel (514 kabupaten/kota + provinces + nation, synthetic)"
  (cd "$out" && /usr/bin/time -f "wall %e s, max RSS %M KiB" "$bin" backtest --indicator $indicator --warehouse regency-year.duckdb) 2>&1 | grep -v '^\['
done

port=5097
echo "starting the server on the generated panel, 127.0.0.1:$port" >&2
(cd "$out" && ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning Forecasting__ModelDirectory=models \
  "$bin" --warehouse regency-year.duckdb --urls http://127.0.0.1:$port --RateLimits:Enabled=false) &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf -o /dev/null "http://127.0.0.1:$port/graphql?query=%7BdataVersion%7Bnumber%7D%7D" && break; sleep 1; done

time_query() { # prints seconds for one POST
  curl -s -o /dev/null -w '%{time_total}\n' -H 'Content-Type: application/json' -d "$1" "http://127.0.0.1:$port/graphql"
}
forecast='{"query":"{ forecast(indicator: \"STUNTING\", region: \"64.74\", targetYear: 2029, target: 14) { points { year value lower80 upper80 } outlook { probability } } }"}'
plain='{"query":"{ series(indicator: \"STUNTING\", region: \"64.74\") { points { year value } } }"}'
first=$(time_query "$forecast")
for _ in $(seq 1 5); do time_query "$forecast" >/dev/null; time_query "$plain" >/dev/null; done
cached=$(for _ in $(seq 1 100); do time_query "$forecast"; done | sort -n | awk '{a[NR]=$1} END {print a[int(NR/2)], a[int(NR*0.99)]}')
baseline=$(for _ in $(seq 1 100); do time_query "$plain"; done | sort -n | awk '{a[NR]=$1} END {print a[int(NR/2)], a[int(NR*0.99)]}')
echo "### Forecast query latency (Kota Bontang, STUNTING, target 14 by 2029), 100 sequential requests"
echo "| query | p50 s | p99 s |"
echo "|---|---|---|"
echo "| first forecast (model trained at start-up, forecast computed) | $first | - |"
echo "| cached forecast | ${cached% *} | ${cached#* } |"
echo "| baseline: series query, same region | ${baseline% *} | ${baseline#* } |"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
