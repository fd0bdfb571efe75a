#!/usr/bin/env bash
# Publishes the tool compiled ahead of time (NativeAOT): one native executable that starts without a JIT, so a small
# model's analysis takes a tenth of a second instead of half a second (docs/native.md, benchmarks/results/per-feature.md).
# Usage: scripts/publish-native.sh [OUT_DIR [INSTRUCTION_SET]]
#   OUT_DIR          where the executable, its native libraries and the shipped baselines go (default: out/native)
#   INSTRUCTION_SET  the CPU instruction sets compiled for (default: native, this machine's; x86-64-v3 for any AVX2
#                    machine). With "native" the executable takes the same vector paths as the JIT build on this
#                    machine, so it writes the same numbers; on another CPU it may refuse to start.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-out/native}
isa=${2:-native}
scripts/install-deps.sh --for-native
dotnet publish src/Superposition.Cli -c Release -r linux-x64 -nologo -v quiet \
  -p:PublishAot=true -p:IlcInstructionSet="$isa" -o "$out"
echo "published $out/superposition (instruction sets: $isa)"
