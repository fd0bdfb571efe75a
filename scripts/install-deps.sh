#!/usr/bin/env bash
# Installs what the tool and its tests need on a fresh Debian machine (run as root; uses sudo otherwise).
# Idempotent: packages already present are left alone. Usage: scripts/install-deps.sh [--for-tests]
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libopenblas0-pthread fonts-dejavu-core)   # fast LAPACK for the native backend; fonts for the PDF report
if [[ "${1:-}" == "--for-tests" ]]; then
  # ONNX conformance models; pdftotext/pdftoppm for report tests; the onnx checker as an independent reference;
  # AFL++ for the loader's fuzz smoke (fuzz/run.sh); headless Chromium for the HTML report tests
  packages+=(libonnx-testdata poppler-utils python3-onnx python3-numpy afl++ chromium)
  packages+=(slurm-wlm munge)  # a single-node Slurm (scripts/slurm-local.sh) for the sharded-run test
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  echo "installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# ONNX Runtime's official native library (for `probe` and the runtime tests), pinned by sha256.
if [[ -x scripts/fetch-onnxruntime.sh ]]; then
  scripts/fetch-onnxruntime.sh || echo "warning: ONNX Runtime could not be fetched; 'probe' and the runtime tests will say so"
fi
