#!/usr/bin/env bash
# The main job on a fresh machine: installs dependencies, builds, and audits the bundled sample model,
# writing out/sample-report.pdf (and .json, .html). Extra arguments go to `superposition audit`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
dotnet build src/Superposition.Cli -c Release -nologo -v quiet
mkdir -p out
dotnet src/Superposition.Cli/bin/Release/net10.0/superposition.dll audit -o out/sample-report.pdf --json out/sample-report.json --html out/sample-report.html "$@"
