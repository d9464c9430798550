#!/usr/bin/env bash
# Waits until a process has finished its start-up work: its CPU time grew by at most 3 ticks a second for 3 seconds
# in a row, or the time cap passed. Used by the benchmarks before they time a freshly started server.
#   bash bench/wait-idle.sh <pid> [max-seconds, default 180]
set -euo pipefail
pid="$1"
max="${2:-180}"
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
previous="$(ticks)"; quiet=0
for _ in $(seq 1 "$max"); do
  sleep 1
  now="$(ticks)" || exit 0 # the process ended: nothing left to wait for
  if (( now - previous <= 3 )); then quiet=$((quiet + 1)); else quiet=0; fi
  previous="$now"
  (( quiet >= 3 )) && exit 0
done
