#!/usr/bin/env bash
# The native prover build (ahead-of-time compiled zkinfer, src/ZkInference.Cli/ZkInference.Cli.csproj): publishes it,
# then runs each proof-system command family through it on real files and checks the results, with snarkjs
# (tests/interop/node_modules) verifying what it produced. Reflection or trimming breaks only show at run time in such
# a build, so this is the test that it works. Called by ./test.sh; needs a C toolchain (cc), which ./test.sh installs.
#
# Usage: tests/native/smoke.sh [output folder for the binary, default artifacts/native]
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
out=${1:-"$root/artifacts/native"}
shared="$root/../shared"
snarkjs="$root/tests/interop/node_modules/snarkjs/build/cli.cjs"

echo "native build: publishing zkinfer ahead of time to $out"
dotnet publish src/ZkInference.Cli -c Release -r linux-x64 -p:PublishAot=true -o "$out" -nologo -v quiet >/dev/null
# The publish restored every project for linux-x64 with the AOT compiler; put the assets files back as a plain build
# (and `dotnet pack --no-build` after this script) expect them.
dotnet restore ZkInference.sln -nologo -v quiet >/dev/null
z="$out/zkinfer"
work=$(mktemp -d "${TMPDIR:-/tmp}/native-smoke.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
pass() { echo "  ok    $1"; }
fail() { echo "  FAIL  $1" >&2; failures=$((failures + 1)); }
# check NAME COMMAND...: the command must exit 0.
check() { local name=$1; shift; if "$@" >"$work/out" 2>&1; then pass "$name"; else fail "$name"; sed 's/^/        /' "$work/out" >&2; fi; }
# refuse NAME COMMAND...: the command must exit 1 with an error message and a non-empty explanation.
refuse() {
  local name=$1; shift; local rc=0
  "$@" >"$work/out" 2>&1 || rc=$?
  if [ "$rc" -eq 1 ] && grep -q . "$work/out"; then pass "$name (exit 1: $(head -c 100 "$work/out" | tr '\n' ' '))"; else fail "$name (exit $rc)"; sed 's/^/        /' "$work/out" >&2; fi
}

m="$shared/fixtures/multiplier"
check "version" "$z" --version

# Groth16 on circom/snarkjs files: our proof verified by snarkjs and by us; a tampered proof refused.
check "groth16 prove (snarkjs zkey, circom witness)" "$z" groth16 prove "$m/circuit_final.zkey" "$m/witness.wtns" "$work/proof.json" "$work/public.json"
check "groth16 verify (our proof)" "$z" groth16 verify "$m/verification_key.json" "$work/public.json" "$work/proof.json"
check "snarkjs verifies the native build's proof" node "$snarkjs" groth16 verify "$m/verification_key.json" "$work/public.json" "$work/proof.json"
refuse "groth16 verify refuses a tampered proof" "$z" groth16 verify "$m/verification_key.json" "$m/public.json" "$m/proof_bad.json"
refuse "groth16 prove refuses a truncated zkey" bash -c "head -c 3000 '$m/circuit_final.zkey' > '$work/bad.zkey' && '$z' groth16 prove '$work/bad.zkey' '$m/witness.wtns' '$work/p.json' '$work/q.json'"
check "zkey export verificationkey" "$z" zkey export verificationkey "$m/circuit_final.zkey" "$work/vk.json"
check "zkey export solidityverifier" "$z" zkey export solidityverifier "$m/circuit_final.zkey" "$work/Verifier.sol"
check "zkey export soliditycalldata" "$z" zkey export soliditycalldata "$work/public.json" "$work/proof.json"

# Powers of tau and the circuit-specific setup: our ceremony files verified by snarkjs, our zkey used by snarkjs.
check "powersoftau new" "$z" powersoftau new bn128 6 "$work/p0.ptau"
check "powersoftau contribute" "$z" powersoftau contribute "$work/p0.ptau" "$work/p1.ptau" --name=smoke -e=native-smoke-entropy
check "powersoftau prepare phase2" "$z" powersoftau prepare phase2 "$work/p1.ptau" "$work/pf.ptau"
check "snarkjs verifies the prepared ptau" node "$snarkjs" powersoftau verify "$work/pf.ptau"
check "groth16 setup" "$z" groth16 setup "$m/circuit.r1cs" "$work/pf.ptau" "$work/c0.zkey"
check "zkey contribute" "$z" zkey contribute "$work/c0.zkey" "$work/c1.zkey" --name=smoke -e=more-entropy
check "zkey verify" "$z" zkey verify "$m/circuit.r1cs" "$work/pf.ptau" "$work/c1.zkey"
check "snarkjs proves with the native build's zkey" node "$snarkjs" groth16 prove "$work/c1.zkey" "$m/witness.wtns" "$work/sp.json" "$work/spub.json"
check "zkey export verificationkey (own zkey)" "$z" zkey export verificationkey "$work/c1.zkey" "$work/vk1.json"
check "groth16 verify (snarkjs proof, own zkey)" "$z" groth16 verify "$work/vk1.json" "$work/spub.json" "$work/sp.json"

# ONNX: compile (settings.json through the source-generated serializer, ONNX Runtime for the accuracy report),
# witness, prove, verify with the decoded output.
d="$shared/models/digits_linear"
node -e 'const s = require(process.argv[1]); process.stdout.write(JSON.stringify({ input: s.inputs[0] }))' "$d/sample_inputs.json" > "$work/input.json"
if "$z" onnx compile "$d/model.onnx" "$work/model" --calibration "$d/sample_inputs.json" >"$work/out" 2>&1 && grep -q 'against ONNX Runtime on 5 samples' "$work/out"; then
  pass "onnx compile (calibration, accuracy against ONNX Runtime)"
else
  fail "onnx compile"; sed 's/^/        /' "$work/out" >&2
fi
check "groth16 setup --dev (onnx circuit)" "$z" groth16 setup --dev "$work/model/circuit.r1cs" "$work/model/circuit.zkey"
check "onnx prove" "$z" onnx prove "$work/model" "$work/model/circuit.zkey" "$work/input.json" "$work/op.json" "$work/opub.json"
check "zkey export verificationkey (onnx)" "$z" zkey export verificationkey "$work/model/circuit.zkey" "$work/ovk.json"
if "$z" onnx verify "$work/model" "$work/ovk.json" "$work/opub.json" "$work/op.json" >"$work/out" 2>&1 && grep -q '"output"' "$work/out"; then
  pass "onnx verify prints the decoded output"
else
  fail "onnx verify"; sed 's/^/        /' "$work/out" >&2
fi
check "snarkjs verifies the native build's ONNX proof" node "$snarkjs" groth16 verify "$work/ovk.json" "$work/opub.json" "$work/op.json"

check "demo circuit" "$z" demo circuit --dir "$work/demo"
refuse "marketplace commands point to the .NET tool" "$z" market status

if [ "$failures" -gt 0 ]; then echo "native build: $failures check(s) failed" >&2; exit 1; fi
echo "native build: every check passed"
