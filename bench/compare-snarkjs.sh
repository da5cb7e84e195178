#!/usr/bin/env bash
# Times `zkinfer groth16 prove` (the native build: zkinfer compiled ahead of time, as tests/native/smoke.sh publishes it;
# with --jit the .NET tool's Release build, zkinfer.dll on the JIT) against `snarkjs groth16 prove` (tests/interop/node_modules)
# on the same .zkey and .wtns, alternating, RUNS times each (default 3); prints every run, the medians, the
# ratio, the CPU time and each one's peak memory (/usr/bin/time -v, Maximum resident set size), and verifies every proof with
# snarkjs. Runs on fixtures/scale_2e16; with --with-2e18 also on a 2^18-constraint circuit, built first if
# needed (circom2 compile, about 8–11 minutes, then a development setup; timing only, never for use).
#
# Usage (from the repository root, after ./test.sh has installed the npm tools):
#   bench/compare-snarkjs.sh [--with-2e18] [--runs N] [--jit]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

runs=3
with_2e18=0
jit=0
while [ $# -gt 0 ]; do
  case "$1" in
    --with-2e18) with_2e18=1 ;;
    --runs) runs="$2"; shift ;;
    --jit) jit=1 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (usage: bench/compare-snarkjs.sh [--with-2e18] [--runs N] [--jit])" >&2; exit 2 ;;
  esac
  shift
done
[ "$runs" -ge 1 ] 2>/dev/null || { echo "--runs needs a positive number" >&2; exit 2; }

fixtures="$root/../shared/fixtures"
interop="$root/tests/interop"
snarkjs="$interop/node_modules/snarkjs/build/cli.cjs"

[ -f "$snarkjs" ] || { echo "snarkjs is not installed in tests/interop/node_modules: run ./test.sh first" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time (GNU time) is needed for the peak memory" >&2; exit 1; }
[ -d "$fixtures/scale_2e16" ] || { echo "fixtures not found at $fixtures" >&2; exit 1; }
source "$root/bench/zkinfer-command.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/compare-snarkjs.XXXXXX")
trap 'rm -rf "$work"' EXIT

# Seconds of wall clock from /usr/bin/time -v output ("h:mm:ss" or "m:ss.ss").
wall_seconds() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.2f\n", s }' "$1"; }
cpu_seconds() { awk -F': ' '/User time \(seconds\)|System time \(seconds\)/ { s += $2 } END { printf "%.2f\n", s }' "$1"; }
peak_mib() { awk -F': ' '/Maximum resident set size/ { printf "%.0f\n", $2 / 1024 }' "$1"; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
max() { sort -n | tail -1; }

# One timed prove: tool name, zkey, wtns, verification key, run index. Appends "seconds MiB" to $work/<tool>.txt.
prove_once() {
  local tool=$1 zkey=$2 wtns=$3 vk=$4 i=$5 out="$work/$1-$5" log="$work/$1-$5.time"
  mkdir -p "$out"
  if [ "$tool" = zkinfer ]; then
    /usr/bin/time -v -o "$log" "${zkinfer[@]}" groth16 prove "$zkey" "$wtns" "$out/proof.json" "$out/public.json" >/dev/null
  else
    /usr/bin/time -v -o "$log" node "$snarkjs" groth16 prove "$zkey" "$wtns" "$out/proof.json" "$out/public.json" >/dev/null
  fi
  if ! node "$snarkjs" groth16 verify "$vk" "$out/public.json" "$out/proof.json" >/dev/null 2>&1; then
    echo "  $tool run $i: the proof does NOT verify with snarkjs" >&2
    exit 1
  fi
  local s m c
  s=$(wall_seconds "$log"); m=$(peak_mib "$log"); c=$(cpu_seconds "$log")
  printf '  %-8s run %d: %7.2f s wall  %7.2f s CPU  %6d MiB  proof verified by snarkjs\n' "$tool" "$i" "$s" "$c" "$m"
  echo "$s $m $c" >> "$work/$tool.txt"
}

compare() {
  local label=$1 zkey=$2 wtns=$3 vk=$4
  rm -f "$work/zkinfer.txt" "$work/snarkjs.txt"
  echo "== $label: $(basename "$(dirname "$zkey")")/$(basename "$zkey") + $(basename "$wtns"), $runs runs each, alternating"
  echo "   load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
  for i in $(seq 1 "$runs"); do
    prove_once zkinfer "$zkey" "$wtns" "$vk" "$i"
    prove_once snarkjs "$zkey" "$wtns" "$vk" "$i"
  done
  local zt st zm sm
  zt=$(cut -d' ' -f1 "$work/zkinfer.txt" | median); st=$(cut -d' ' -f1 "$work/snarkjs.txt" | median)
  zm=$(cut -d' ' -f2 "$work/zkinfer.txt" | max);    sm=$(cut -d' ' -f2 "$work/snarkjs.txt" | max)
  printf '   median wall time: zkinfer %.2f s, snarkjs %.2f s; snarkjs/zkinfer = %.2fx\n' "$zt" "$st" "$(echo "$st $zt" | awk '{ print $1 / $2 }')"
  printf '   median CPU time (user + sys): zkinfer %.2f s, snarkjs %.2f s\n' "$(cut -d' ' -f3 "$work/zkinfer.txt" | median)" "$(cut -d' ' -f3 "$work/snarkjs.txt" | median)"
  printf '   peak memory (max RSS over runs): zkinfer %d MiB, snarkjs %d MiB\n' "$zm" "$sm"
  echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
}

compare "2^16" "$fixtures/scale_2e16/circuit_final.zkey" "$fixtures/scale_2e16/witness.wtns" "$fixtures/scale_2e16/verification_key.json"

if [ "$with_2e18" = 1 ]; then
  # The r1cs and zkey of 2^18 are not kept in the fixtures; build them once under tests/interop/work (git-ignored).
  # circom2 runs from the folder holding node_modules, with a path free of "..".
  build="$interop/work/scale_2e18"
  mkdir -p "$build"
  if [ ! -f "$build/circuit.r1cs" ]; then
    echo "== 2^18: compiling fixtures/scale_2e18/circuit.circom with circom2 (about 11 minutes on 2 cores)…"
    cp "$fixtures/scale_2e18/circuit.circom" "$build/circuit.circom"
    (cd "$interop" && node_modules/.bin/circom2 work/scale_2e18/circuit.circom --r1cs -o work/scale_2e18 >/dev/null)
  fi
  if [ ! -f "$build/circuit_final.zkey" ]; then
    # A development key (groth16 setup --dev: random toxic waste, timing only). The ceremony route needs a
    # power-19 prepare phase2 (about half an hour of CPU here) and proves exactly the same amount of work.
    echo "== 2^18: development setup with zkinfer (timing only, insecure)…"
    "${zkinfer[@]}" groth16 setup --dev "$build/circuit.r1cs" "$build/circuit_final.zkey" >/dev/null
  fi
  "${zkinfer[@]}" zkey export verificationkey "$build/circuit_final.zkey" "$build/verification_key.json" >/dev/null
  compare "2^18" "$build/circuit_final.zkey" "$fixtures/scale_2e18/witness.wtns" "$build/verification_key.json"
fi
