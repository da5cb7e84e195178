#!/usr/bin/env bash
# Compiles contracts/ with the solc pinned in tests/interop (npm ci there first) and writes the artifact that
# `zkinfer market deploy` embeds. CI runs this and fails when the checked-in artifact differs.
set -euo pipefail
cd "$(dirname "$0")/../tests/interop"
node evm/compile-market.js ../../src/ZkInference.Market/Chain/Artifacts/ZkInferenceMarket.json
