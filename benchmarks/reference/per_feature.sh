#!/usr/bin/env bash
# Whole-process wall and CPU time of `superposition analyze MODEL --per-feature --json OUT` against the numpy reference
# of the same metrics (benchmarks/reference/frame_metrics_model.py), the two commands alternated in one run so that the
# machine's load hits both alike. Writes one TSV row per command and repetition (model, command, rep, wall s, user s,
# sys s, peak RSS KB) to OUT.tsv; summarise with per_feature_table.py. With BEFORE=EXECUTABLE in the environment, a
# third command (an older build of the tool, same arguments) is alternated with the two.
# Usage: [BEFORE=EXE] per_feature.sh OUT.tsv REPS SUPERPOSITION MODEL...   (SUPERPOSITION: the tool's executable)
set -euo pipefail
out=$1 reps=$2 tool=$3
shift 3
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
: > "$out"
for rep in $(seq 1 "$reps"); do
  for model in "$@"; do
    for cmd in ours numpy ${BEFORE:+before}; do
      if [[ $cmd != numpy ]]; then
        exe=$tool
        [[ $cmd == before ]] && exe=$BEFORE
        /usr/bin/time -o "$work/time" -f "%e\t%U\t%S\t%M" "$exe" analyze "$model" --per-feature --json "$work/out.json" > /dev/null 2> "$work/err" \
          || { cat "$work/err" >&2; exit 1; }
      else
        /usr/bin/time -o "$work/time" -f "%e\t%U\t%S\t%M" /usr/bin/python3 "$here/frame_metrics_model.py" "$model" > "$work/out.jsonl"
      fi
      printf '%s\t%s\t%s\t%s\n' "$model" "$cmd" "$rep" "$(tail -1 "$work/time")" >> "$out"
    done
  done
done
