#!/usr/bin/env bash
# Fetches the official ONNX Runtime shared library (linux-x64) for the Runtime binding.
#
# Microsoft.ML.OnnxRuntime is not served by the NuGet source here, but the npm package
# onnxruntime-node ships the same official build. We `npm pack` it (no install scripts run), keep only
# bin/napi-v*/linux/x64/libonnxruntime.so.1, check its pinned sha256, and place it in
# <repo>/.cache/onnxruntime/ (gitignored), where the binding looks for it.
#
# Idempotent: does nothing when the cached file already has the pinned hash.
# Usage: scripts/fetch-onnxruntime.sh [destination-dir]
set -euo pipefail

readonly ORT_NPM_PACKAGE="onnxruntime-node"
readonly ORT_VERSION="1.30.0"
readonly LIB_NAME="libonnxruntime.so.1"
# Measured once from onnxruntime-node-1.30.0.tgz (package/bin/napi-v6/linux/x64/libonnxruntime.so.1, 45,828,512 bytes).
readonly LIB_SHA256="ffb75a925ba05e47b235bb66e3e3911714a80b328a9c9425539feb204aa32a23"

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest_dir="${1:-$repo_root/.cache/onnxruntime}"
dest="$dest_dir/$LIB_NAME"

if [[ "$(uname -s)" != "Linux" || "$(uname -m)" != "x86_64" ]]; then
  echo "fetch-onnxruntime: only linux-x64 is handled (this is $(uname -s)/$(uname -m))." >&2
  exit 1
fi

sha_of() { sha256sum "$1" | cut -d' ' -f1; }

if [[ -f "$dest" && "$(sha_of "$dest")" == "$LIB_SHA256" ]]; then
  echo "fetch-onnxruntime: $dest is present and verified (ONNX Runtime $ORT_VERSION)."
  exit 0
fi

command -v npm >/dev/null || { echo "fetch-onnxruntime: npm is needed (apt-get install npm)." >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "fetch-onnxruntime: npm pack $ORT_NPM_PACKAGE@$ORT_VERSION (about 113 MB) ..."
(cd "$work" && npm pack --silent "$ORT_NPM_PACKAGE@$ORT_VERSION" >/dev/null)
tarball="$work/$ORT_NPM_PACKAGE-$ORT_VERSION.tgz"
[[ -f "$tarball" ]] || { echo "fetch-onnxruntime: npm pack did not produce $tarball." >&2; exit 1; }

# Extract only the linux-x64 library (the napi-v* folder name changes between releases).
member="$(tar -tzf "$tarball" | grep -E '^package/bin/napi-v[0-9]+/linux/x64/libonnxruntime\.so\.1$' | head -n1 || true)"
[[ -n "$member" ]] || { echo "fetch-onnxruntime: no linux/x64/$LIB_NAME in the package." >&2; exit 1; }
tar -xzf "$tarball" -C "$work" "$member"

actual="$(sha_of "$work/$member")"
if [[ "$actual" != "$LIB_SHA256" ]]; then
  echo "fetch-onnxruntime: sha256 mismatch for $member: got $actual, expected $LIB_SHA256." >&2
  exit 1
fi

mkdir -p "$dest_dir"
install -m 0644 "$work/$member" "$dest.tmp"
mv -f "$dest.tmp" "$dest"
echo "fetch-onnxruntime: installed $dest (ONNX Runtime $ORT_VERSION, sha256 verified)."
