#!/usr/bin/env bash
# Submits a sharded analysis: an array of N shard jobs and a merge job that starts when all of them succeeded.
#   deploy/slurm/submit.sh MODEL OUT N [extra sbatch arguments...]
# Prints the two job ids ("ARRAY_ID MERGE_ID"). Environment: SUPERPOSITION (the command, default
# "superposition"), ANALYZE_ARGS / MERGE_ARGS (extra options, e.g. ANALYZE_ARGS=--per-feature).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
model=$(realpath "${1:?MODEL}"); out=$(mkdir -p "${2:?OUT}" && cd "$2" && pwd); n=${3:?N shards}; shift 3
[[ $n =~ ^[1-9][0-9]*$ ]] || { echo "N must be a positive integer, got '$n'" >&2; exit 2; }
export MODEL=$model OUT=$out
array=$(sbatch --parsable --chdir="$out" --array="1-$n" --export=ALL "$@" "$here/analyze-array.sbatch")
array=${array%%;*}
merge=$(sbatch --parsable --chdir="$out" --dependency="afterok:$array" --kill-on-invalid-dep=yes --export=ALL "$@" "$here/merge.sbatch")
echo "$array ${merge%%;*}"
