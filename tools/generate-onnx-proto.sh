#!/usr/bin/env bash
# Regenerates src/ZkInference.Onnx/Generated/Onnx.cs from the official onnx.proto.
# The proto comes from Debian's python3-onnx (installed here when missing; needs root and apt-get), protoc from
# the pinned Google.Protobuf.Tools NuGet package. The generated C# is committed, so building needs neither;
# CI runs this script and fails when the result differs from the committed file.
set -euo pipefail
cd "$(dirname "$0")/.."

proto=/usr/lib/python3/dist-packages/onnx/onnx.proto
if [ ! -f "$proto" ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-onnx >/dev/null
fi

version=$(sed -n 's/.*Include="Google.Protobuf.Tools" Version="\([^"]*\)".*/\1/p' Directory.Packages.props)
packages=${NUGET_PACKAGES:-$HOME/.nuget/packages}
protoc="$packages/google.protobuf.tools/$version/tools/linux_x64/protoc"
if [ ! -x "$protoc" ]; then
  dotnet restore src/ZkInference.Onnx -nologo -v quiet >/dev/null
  chmod +x "$protoc" 2>/dev/null || true
fi

# The proto declares `package onnx`; put its classes in our namespace without editing the source file.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sed 's/^package onnx;/package onnx;\noption csharp_namespace = "ZkInference.Onnx.Protobuf";/' "$proto" > "$work/onnx.proto"
"$protoc" --proto_path="$work" --csharp_out="$work" --csharp_opt=internal_access "$work/onnx.proto"
mkdir -p src/ZkInference.Onnx/Generated
cp "$work/Onnx.cs" src/ZkInference.Onnx/Generated/Onnx.cs
