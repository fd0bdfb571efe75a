#!/bin/sh
# Interleaved timing of the same ?syevd call from C# (NativeBackend, P/Invoke) and from numpy, on the same
# matrices and the same OpenBLAS: rounds alternate the two, so load from other processes on a shared
# machine hits both alike; the minimum per side is kept. Prints one line per run and a summary table.
# Usage: benchmarks/reference/native_vs_numpy.sh   (env: ROUNDS=3 REPS=2 SIZES="1024 2048 4096")
set -eu
cd "$(dirname "$0")/../.."
ROUNDS=${ROUNDS:-3}
REPS=${REPS:-2}
SIZES=${SIZES:-"1024 2048 4096"}
out=$(mktemp)
for n in $SIZES; do
  for op in values vectors; do
    for dtype in float64 float32; do
      r=1
      while [ "$r" -le "$ROUNDS" ]; do
        dotnet run benchmarks/reference/native_eigh.cs -- "$n" "$op" "$dtype" "$REPS" | tee -a "$out"
        /usr/bin/python3 benchmarks/reference/numpy_eigh.py --once "$n" "$op" "$dtype" "$REPS" | tee -a "$out"
        r=$((r + 1))
      done
    done
  done
done
echo
echo "| n | op | dtype | native min (s) | numpy min (s) | native / numpy |"
echo "|---|---|---|---|---|---|"
awk '{ key = $2 " " $3 " " $4; k = $1 SUBSEP key; if (!(k in m) || $5 < m[k]) m[k] = $5; keys[key] = 1 }
     END { for (key in keys) { split(key, p, " "); nat = m["native" SUBSEP key]; ref = m["numpy" SUBSEP key];
           printf "| %s | %s | %s | %.3f | %.3f | %.2f |\n", p[1], p[2], p[3], nat, ref, nat / ref } }' "$out" | sort -t'|' -k2,2n -k3,3 -k4,4
rm -f "$out"
