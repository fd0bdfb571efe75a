#!/usr/bin/env bash
# Screenshots of the bundled sample's HTML audit in a real browser (headless Chromium), at 1280 and 390 px wide,
# into samples/: the committed html-*.png. Usage: scripts/html-screenshots.sh [PAGE.html]
set -euo pipefail
cd "$(dirname "$0")/.."
page="${1:-out/sample-report.html}"
if [[ ! -f "$page" ]]; then
  dotnet build src/Superposition.Cli -c Release -nologo -v quiet
  mkdir -p out
  dotnet src/Superposition.Cli/bin/Release/net10.0/superposition.dll audit -o out/sample-report.pdf --html "$page"
fi
dotnet run --project scripts/html-screenshots -c Release -- "$page" samples
