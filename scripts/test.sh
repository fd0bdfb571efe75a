#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs test dependencies, builds, runs every test project,
# and ends with the plain summary line "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh --for-tests || { echo "dependency installation failed"; echo "0 passed, 1 failed"; exit 1; }
dotnet build Superposition.sln -c Release -nologo -v quiet || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }

log=$(mktemp)
dotnet test Superposition.sln -c Release --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Each test assembly prints: "Passed!  - Failed: 0, Passed: 41, Skipped: 0, Total: 41, ..." (or "Failed!").
read -r passed failed skipped assemblies < <(awk '
  /^(Passed|Failed)! +- Failed: / {
    gsub(",", ""); for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1)
    }
    a++
  }
  END { printf "%d %d %d %d\n", p, f, s, a }' "$log")
rm -f "$log"

# Fuzz smoke: a fixed number of AFL++ executions of the loader from the committed corpus (fuzz/README.md).
smoke_out=$(mktemp -d)
if fuzz/run.sh --execs 100000 --out "$smoke_out" 2>&1 | tail -1; then
  echo "fuzz smoke: passed"; passed=$((passed + 1))
else
  echo "fuzz smoke: FAILED (findings in $smoke_out)"; failed=$((failed + 1))
fi

# The ahead-of-time build writes what the JIT build writes (docs/native.md): published, then 9 commands run in both.
if scripts/native-check.sh 2>&1 | tail -3; then
  echo "native build check: passed"; passed=$((passed + 1))
else
  echo "native build check: FAILED"; failed=$((failed + 1))
fi

expected=$(ls tests/*/*.Tests.csproj | wc -l)
if (( assemblies < expected )); then
  echo "only $assemblies of $expected test assemblies reported results (a test host crashed?)"
  failed=$((failed + expected - assemblies))
fi
if (( status != 0 && failed == 0 )); then failed=1; fi

echo "$passed passed, $failed failed, $skipped skipped"
(( failed == 0 ))
