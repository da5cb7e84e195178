# Sourced by the bench/compare-*.sh scripts: sets the array `zkinfer` to the command that runs zkinfer.
# With jit=1 it is the .NET tool's Release build on the JIT (built when missing); otherwise the native build,
# published ahead of time for this machine into artifacts/native (needs a C toolchain). Expects $root.
if [ "${jit:-0}" = 1 ]; then
  zkinfer_dll="$root/src/ZkInference.Cli/bin/Release/net10.0/zkinfer.dll"
  if [ ! -f "$zkinfer_dll" ]; then
    echo "building zkinfer (Release)…"
    dotnet build "$root/src/ZkInference.Cli" -c Release -nologo -v quiet >/dev/null
  fi
  zkinfer=(dotnet "$zkinfer_dll")
  echo "zkinfer: the .NET tool's Release build on the JIT ($zkinfer_dll)"
else
  command -v cc >/dev/null || { echo "the native build needs a C toolchain (cc); install gcc, or pass --jit" >&2; exit 1; }
  echo "publishing the native zkinfer (ahead of time, for this machine)…"
  dotnet publish "$root/src/ZkInference.Cli" -c Release -r linux-x64 -p:PublishAot=true -o "$root/artifacts/native" -nologo -v quiet >/dev/null
  zkinfer=("$root/artifacts/native/zkinfer")
  echo "zkinfer: the native build (${zkinfer[0]})"
fi
