#!/usr/bin/env bash
# What hostile or merely heavy requests cost the server, against a trivial query measured in the same run:
#   bash bench/robustness/run.sh              # about a minute
#   bash bench/robustness/run.sh > report.md  # only the Markdown report goes to standard output
# Builds the server in Release, serves the seed warehouse from a temporary directory on 127.0.0.1:5096, runs
# run.py (Python 3 standard library only), stops the server. Progress goes to standard error.
set -euo pipefail
bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$bench_dir/../.." && pwd)"
port=5096
work="$(mktemp -d -t kencana-robustness-XXXXXX)"
server_pid=""
cleanup() { [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

echo "building the server (Release)..." >&2
dotnet build "$root/src/Server" -c Release -v quiet -nologo >&2
echo "generating graphql-js's introspection query..." >&2
(cd "$root/tests/node" && [[ -d node_modules ]] || npm ci --no-audit --no-fund >&2)
(cd "$root/tests/node" && node --input-type=module -e "import { getIntrospectionQuery } from 'graphql'; console.log(getIntrospectionQuery({ descriptions: true, directiveIsRepeatable: true, inputValueDeprecation: true, schemaDescription: true, specifiedByUrl: true }))") > "$work/introspection.graphql"

echo "starting the server on 127.0.0.1:$port..." >&2
(cd "$work" && exec dotnet "$root/src/Server/bin/Release/net10.0/Kencana.Server.dll" --urls "http://127.0.0.1:$port" --RateLimits:Enabled=false \
  --Logging:LogLevel:Default=Warning --Flight:Enabled=false > "$work/server.log" 2>&1) &
server_pid=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/health/live" > /dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$port/health/live" > /dev/null || { echo "the server did not start; see $work/server.log" >&2; cat "$work/server.log" >&2; exit 1; }

python3 "$bench_dir/run.py" "http://127.0.0.1:$port" "$work/introspection.graphql"
