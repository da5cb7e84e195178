#!/usr/bin/env bash
# Times `zkinfer powersoftau prepare phase2` (the native build, as bench/compare-snarkjs.sh publishes it; --jit for the
# .NET tool's Release build) against `snarkjs powersoftau prepare phase2` (tests/interop/node_modules) on the same
# contributed ptau of the given power, alternating, RUNS times each (default 1: snarkjs takes about 70 s at power 12);
# prints every run's wall and CPU time and peak memory, the median CPU times and their ratio, and checks that the
# two outputs are byte for byte the same file.
#
# Usage (from the repository root, after ./test.sh has installed the npm tools):
#   bench/compare-phase2.sh [--power P] [--runs N] [--jit]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

power=12
runs=1
jit=0
while [ $# -gt 0 ]; do
  case "$1" in
    --power) power="$2"; shift ;;
    --runs) runs="$2"; shift ;;
    --jit) jit=1 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (usage: bench/compare-phase2.sh [--power P] [--runs N] [--jit])" >&2; exit 2 ;;
  esac
  shift
done
[ "$runs" -ge 1 ] 2>/dev/null || { echo "--runs needs a positive number" >&2; exit 2; }
[ "$power" -ge 1 ] && [ "$power" -le 20 ] 2>/dev/null || { echo "--power must be 1 to 20" >&2; exit 2; }

snarkjs="$root/tests/interop/node_modules/snarkjs/build/cli.cjs"
[ -f "$snarkjs" ] || { echo "snarkjs is not installed in tests/interop/node_modules: run ./test.sh first" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time (GNU time) is needed for CPU time and peak memory" >&2; exit 1; }
source "$root/bench/zkinfer-command.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/compare-phase2.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "== power $power: a new ceremony with one contribution (zkinfer)…"
"${zkinfer[@]}" powersoftau new bn128 "$power" "$work/p0.ptau" >/dev/null
"${zkinfer[@]}" powersoftau contribute "$work/p0.ptau" "$work/p1.ptau" --name=bench -e=compare-phase2 >/dev/null

cpu_seconds() { awk -F': ' '/User time \(seconds\)|System time \(seconds\)/ { s += $2 } END { printf "%.2f\n", s }' "$1"; }
wall_seconds() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.2f\n", s }' "$1"; }
peak_mib() { awk -F': ' '/Maximum resident set size/ { printf "%.0f\n", $2 / 1024 }' "$1"; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "   load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
for i in $(seq 1 "$runs"); do
  for tool in zkinfer snarkjs; do
    log="$work/$tool-$i.time"
    if [ "$tool" = zkinfer ]; then
      /usr/bin/time -v -o "$log" "${zkinfer[@]}" powersoftau prepare phase2 "$work/p1.ptau" "$work/$tool.ptau" >/dev/null
    else
      /usr/bin/time -v -o "$log" node "$snarkjs" powersoftau prepare phase2 "$work/p1.ptau" "$work/$tool.ptau" >/dev/null
    fi
    printf '  %-8s run %d: %7.2f s wall  %7.2f s CPU  %6d MiB\n' "$tool" "$i" "$(wall_seconds "$log")" "$(cpu_seconds "$log")" "$(peak_mib "$log")"
    cpu_seconds "$log" >> "$work/$tool.cpu"
  done
  cmp -s "$work/zkinfer.ptau" "$work/snarkjs.ptau" || { echo "  the two prepared files differ" >&2; exit 1; }
done
zc=$(median < "$work/zkinfer.cpu"); sc=$(median < "$work/snarkjs.cpu")
printf '   median CPU time: zkinfer %.2f s, snarkjs %.2f s; snarkjs/zkinfer = %.1fx; outputs identical\n' "$zc" "$sc" "$(echo "$sc $zc" | awk '{ print $1 / $2 }')"
echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
