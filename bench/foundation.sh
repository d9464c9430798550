#!/usr/bin/env bash
# Builds the benchmark in Release and runs it from the repository root. Arguments pass through, for example
#   bash bench/foundation.sh --generator village --keep
# The Markdown table goes to standard output, progress and build output to standard error, so
#   bash bench/foundation.sh > results.md
# captures only the table.
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench_dir")"
project="$bench_dir/Kencana.Bench/Kencana.Bench.csproj"

dotnet build "$project" -c Release --nologo -v quiet 1>&2

cd "$root"
exec dotnet "$bench_dir/Kencana.Bench/bin/Release/net10.0/Kencana.Bench.dll" "$@"
