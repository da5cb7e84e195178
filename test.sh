#!/usr/bin/env bash
# Runs every test of ZkInference from a clean clone: installs what the tests need, builds, tests.
# Usage: ./test.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")"

# npm packages for the interop tests (snarkjs, circom2, solc, a local EVM), pinned by the lock file.
if [ -f tests/interop/package-lock.json ]; then
  (cd tests/interop && npm ci --no-audit --no-fund --loglevel=error)
fi

# Debian packages some tests read (the ONNX backend node tests), when a later issue needs them.
if [ -f tests/apt-packages.txt ] && command -v apt-get >/dev/null; then
  missing=$(while read -r p; do [ -n "$p" ] && ! dpkg -s "$p" >/dev/null 2>&1 && echo "$p"; done < tests/apt-packages.txt || true)
  if [ -n "$missing" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  fi
fi

# The native prover build (tests/native/smoke.sh) links with the system C toolchain.
if ! command -v cc >/dev/null && command -v apt-get >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gcc >/dev/null
fi

dotnet build ZkInference.sln -c Release -nologo -v quiet
log=$(mktemp)
status=0
dotnet test ZkInference.sln -c Release --no-build -nologo "$@" 2>&1 | tee "$log" || status=$?
# One plain closing line over all test assemblies.
awk '/(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Passed:") p += $(i+1); if ($i == "Failed:") f += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { gsub(",", "", p); printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"

# The ahead-of-time compiled zkinfer, published and run on real files.
tests/native/smoke.sh || status=$?
exit $status
