#!/usr/bin/env bash
# Installs what the tool and its tests need on a fresh Debian machine (run as root; uses sudo otherwise).
# Idempotent: packages already present are left alone. Usage: scripts/install-deps.sh [--for-tests | --for-native]
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libopenblas0-pthread fonts-dejavu-core)   # fast LAPACK for the native backend; fonts for the PDF report
if [[ "${1:-}" == "--for-tests" || "${1:-}" == "--for-native" ]]; then
  packages+=(clang zlib1g-dev)  # the linker driver and zlib headers of the ahead-of-time build (scripts/publish-native.sh)
fi
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

# all-MiniLM-L6-v2 and its derived variants for the loader's transformer tests (.cache/minilm, not committed).
if [[ "${1:-}" == "--for-tests" ]]; then
  scripts/minilm/setup.sh || echo "warning: MiniLM could not be restored; the tests that need it will fail and say so"
fi
