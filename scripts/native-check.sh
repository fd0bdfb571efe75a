#!/usr/bin/env bash
# Checks that the ahead-of-time build (scripts/publish-native.sh) writes what the JIT build writes: every command's
# JSON byte for byte once the "seconds" fields and the install folder are masked, the toy models' files byte for
# byte, and the same exit code and message on a bad file. Needs the Release build (dotnet build -c Release).
# Usage: scripts/native-check.sh [NATIVE_DIR]   (prints the commands that differ; exit status 0 when none does)
#   NATIVE_DIR: an existing publish-native.sh output to check instead of publishing a fresh one
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
work=$(mktemp -d)
if [[ -n "${1:-}" ]]; then
  native=$(cd "$1" && pwd)
  trap 'rm -rf "$work"' EXIT
else
  native=$(mktemp -d)
  trap 'rm -rf "$native" "$work"' EXIT
  scripts/publish-native.sh "$native" native >/dev/null || { echo "native build failed"; exit 1; }
fi

jit_dir="$repo/src/Superposition.Cli/bin/Release/net10.0"
failures=0
compared=0
run() { # run BUILD NAME ARGS...: the command in $work/BUILD/NAME, its exit code and error output kept
  local build=$1 name=$2; shift 2
  local dir="$work/$build/$name"; mkdir -p "$dir"
  if [[ $build == jit ]]; then (cd "$dir" && dotnet "$jit_dir/superposition.dll" "$@" >stdout 2>stderr; echo $? >status)
  else (cd "$dir" && "$native/superposition" "$@" >stdout 2>stderr; echo $? >status); fi
}
mask() { sed -E -e 's/"seconds": [-0-9.eE+]+/"seconds": X/g' -e "s#$jit_dir#BIN#g" -e "s#$native#BIN#g" "$1"; }
same() { # same NAME: every JSON and toy file of both runs equal after masking, and the exit codes
  local name=$1 a="$work/jit/$1" b="$work/aot/$1" f
  [[ $(cat "$a/status") == 0 ]] || { echo "$name: the JIT build failed: $(tail -1 "$a/stderr")"; failures=$((failures + 1)); return; }
  cmp -s "$a/status" "$b/status" || { echo "$name: exit $(cat "$a/status") (JIT) against $(cat "$b/status") (native)"; failures=$((failures + 1)); return; }
  for f in $(cd "$a" && find . -type f \( -name '*.json' -o -name '*.onnx' -o -name '*.csv' -o -name '*.md' \) | sort); do
    compared=$((compared + 1))
    if ! cmp -s <(mask "$a/$f") <(mask "$b/$f"); then echo "$name: $f differs"; failures=$((failures + 1)); fi
  done
}

models=(models/openwakeword/hello_deepa.onnx models/silero-vad-v5/silero_vad_v5.onnx models/ppocr-v4-rec/ch_PP-OCRv4_rec_infer.onnx)
for build in jit aot; do
  run "$build" inspect inspect "$repo/${models[2]}" --json inspect.json
  for m in "${models[@]}"; do run "$build" "analyze-$(basename "$m" .onnx)" analyze "$repo/$m" --per-feature --json out.json; done
  run "$build" audit audit "$repo/${models[0]}" -o audit.pdf --html audit.html --json audit.json
  run "$build" probe probe "$repo/${models[0]}" --json probe.json
  run "$build" toy toy train --out toys --steps 300
  run "$build" diff diff "$repo/${models[1]}" "$repo/${models[1]}" --json diff.json
  run "$build" shard1 analyze "$repo/${models[2]}" --shard 1/2 --json part1.json
  run "$build" shard2 analyze "$repo/${models[2]}" --shard 2/2 --json part2.json
  run "$build" merge merge "$work/$build/shard1/part1.json" "$work/$build/shard2/part2.json" --json merged.json
  run "$build" bad-file analyze "$repo/README.md"
done
for name in inspect analyze-hello_deepa analyze-silero_vad_v5 analyze-ch_PP-OCRv4_rec_infer audit probe toy diff merge; do same "$name"; done
[[ $(cat "$work/jit/bad-file/status") != 0 ]] || { echo "bad-file: the JIT build accepted README.md"; failures=$((failures + 1)); }
cmp -s "$work/jit/bad-file/stderr" "$work/aot/bad-file/stderr" && cmp -s "$work/jit/bad-file/status" "$work/aot/bad-file/status" \
  || { echo "bad-file: the error differs"; failures=$((failures + 1)); }
for f in audit/audit.pdf audit/audit.html; do
  [[ -s "$work/aot/$f" ]] || { echo "native build wrote no $f"; failures=$((failures + 1)); }
done
[[ $(head -c 5 "$work/aot/audit/audit.pdf") == "%PDF-" ]] || { echo "native audit.pdf is not a PDF"; failures=$((failures + 1)); }

if (( failures )); then echo "native build check: $failures difference(s)"; exit 1; fi
(( compared >= 20 )) || { echo "native build check: only $compared files compared"; exit 1; }
echo "native build check: the native build writes what the JIT build writes ($compared files of 9 commands, a bad file)"
