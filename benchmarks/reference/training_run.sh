#!/bin/sh
# One benchmark run for benchmarks/results/training.md: the toy trainer and the SGEMM peak references
# (BenchmarkDotNet, class TrainingBenchmarks), then the PyTorch CPU reference of the notebook's model, back to back,
# with the load average before, between and after (the machine may be shared).
# Usage: sh benchmarks/reference/training_run.sh [torch steps, default 30]
set -e
cd "$(dirname "$0")/../.."
steps=${1:-30}
echo "== $(date -u +%FT%TZ) load: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet run -c Release --project benchmarks/Superposition.Benchmarks -- --filter '*TrainingBenchmarks*'
echo "== $(date -u +%FT%TZ) load: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/python3 benchmarks/reference/torch_tms.py --steps "$steps" --threads 1 2 --presets 5-2 100-20 200-20
echo "== $(date -u +%FT%TZ) load: $(cut -d' ' -f1-3 /proc/loadavg)"
