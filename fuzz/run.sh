#!/usr/bin/env bash
# Runs a coverage-guided fuzz campaign of the loader with AFL++ and SharpFuzz.
#   fuzz/run.sh [--execs N | --seconds N] [--out DIR] [--cores K]
# Defaults: one hour (3600 s), findings in fuzz/findings/ (gitignored), one fuzzer per core (main + secondaries).
# A finding (crashes/ or hangs/ not empty) makes the script exit 1; minimise it with
#   afl-tmin -i FILE -o fuzz/regressions/NAME -- dotnet fuzz/.instrumented/afl/Superposition.Fuzz.dll
# and it becomes a regression input that the test suite replays.
set -euo pipefail
cd "$(dirname "$0")/.."
limit=(-V 3600); out=fuzz/findings; cores=1
while (($#)); do
  case "$1" in
    --execs) limit=(-E "$2"); shift 2 ;;
    --seconds) limit=(-V "$2"); shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --cores) cores="$2"; shift 2 ;;
    *) echo "usage: fuzz/run.sh [--execs N | --seconds N] [--out DIR] [--cores K]" >&2; exit 2 ;;
  esac
done

command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: apt-get install afl++ (scripts/install-deps.sh --for-tests)" >&2; exit 2; }
bin=fuzz/.instrumented/afl replay=fuzz/.instrumented/plain
rm -rf fuzz/.instrumented
dotnet build fuzz/Superposition.Fuzz -c Release -nologo -v quiet -o "$bin" >/dev/null
# Instrumented code runs only under AFL (it writes to AFL's shared memory): replays use a plain copy.
rm -rf "$replay"; mkdir -p "$replay"; cp -r "$bin"/*.dll "$bin"/*.json "$replay"/
dotnet tool restore >/dev/null
# Instrument only the code under test: the loader (Google.Protobuf's parser is someone else's code).
dotnet tool run sharpfuzz "$bin/Superposition.Onnx.dll" >/dev/null

data=$(mktemp -d); trap 'rm -rf "$data"' EXIT
cp fuzz/weights.bin "$data/"
export SUPERPOSITION_FUZZ_DATA="$data" AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_QUIET=1
mkdir -p "$out"
common=(-i fuzz/corpus -o "$out" -x fuzz/onnx.dict -t 5000 -m none "${limit[@]}")
pids=()
for ((k = 1; k < cores; k++)); do
  afl-fuzz "${common[@]}" -S "secondary$k" -- dotnet "$bin/Superposition.Fuzz.dll" >"$out/secondary$k.log" 2>&1 &
  pids+=($!)
done
afl-fuzz "${common[@]}" -M main -- dotnet "$bin/Superposition.Fuzz.dll" >"$out/main.log" 2>&1 || true
for p in "${pids[@]}"; do wait "$p" || true; done

execs=0; paths=0; crashes=0; hangs=0
for stats in "$out"/*/fuzzer_stats; do
  [[ -f "$stats" ]] || continue
  execs=$((execs + $(awk -F': *' '$1 ~ /^execs_done/ {print $2}' "$stats")))
  paths=$((paths + $(awk -F': *' '$1 ~ /^corpus_count/ {print $2}' "$stats")))
done
# Confirm each saved input outside AFL: a crash must throw again in a replay, a hang must still exceed 20 s
# (on a loaded machine AFL's 5 s limit can catch a slow execution that is no hang).
crashes=0; hangs=0; unconfirmed=0
while IFS= read -r -d '' file; do
  if [[ "$file" == */hangs/* ]]; then
    if timeout 20 dotnet "$replay/Superposition.Fuzz.dll" replay "$file" >/dev/null 2>&1 || (($? != 124)); then
      unconfirmed=$((unconfirmed + 1))
    else
      hangs=$((hangs + 1)); echo "hang: $file"
    fi
  elif ! dotnet "$replay/Superposition.Fuzz.dll" replay "$file" >/dev/null 2>&1; then
    crashes=$((crashes + 1)); echo "crash: $file"
  else
    unconfirmed=$((unconfirmed + 1))
  fi
done < <(find "$out" \( -path '*/crashes/id:*' -o -path '*/hangs/id:*' \) -print0)
echo "fuzz campaign: $execs executions, $paths corpus entries, $crashes crashes, $hangs hangs ($unconfirmed saved inputs did not reproduce outside AFL)"
((crashes == 0 && hangs == 0))
