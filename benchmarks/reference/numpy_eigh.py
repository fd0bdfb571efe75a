#!/usr/bin/env python3
"""numpy reference timings for benchmarks/results/eigen.md.

Builds bit for bit the matrices of EigenBenchmarks (BenchmarkMatrices.cs: SplitMix64 of seed + i + j*n,
i >= j, mapped to [-1, 1)) and times numpy's eigvalsh / eigh (LAPACK ?syevd underneath) in float64 and
float32, plus a GEMM of the same size, with the same shape of run as the C# job: 1 warm-up, 3 timed runs.

Usage: /usr/bin/python3 benchmarks/reference/numpy_eigh.py [n ...]   (default 256 512 1024 2048 4096)
Prints a markdown table (mean and min seconds) and, per size, the largest eigenvalue as a cross-check.
       /usr/bin/python3 benchmarks/reference/numpy_eigh.py --once N values|vectors float64|float32 REPS
times one operation (the numpy half of native_vs_numpy.sh) and prints "numpy N OP DTYPE min mean".
"""
import sys
import time

import numpy as np

SEED = 20260101
WARMUP, RUNS = 1, 3


def splitmix_uniform(counter):
    """SplitMix64 finalizer, top 53 bits as a double in [-1, 1); uint64 arithmetic wraps like C#'s unchecked."""
    with np.errstate(over="ignore"):
        z = counter * np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z ^= z >> np.uint64(31)
    return (z >> np.uint64(11)).astype(np.float64) * (1.0 / (1 << 53)) * 2.0 - 1.0


def symmetric(n):
    i = np.arange(n, dtype=np.uint64)[:, None]
    j = np.arange(n, dtype=np.uint64)[None, :]
    lo, hi = np.minimum(i, j), np.maximum(i, j)
    return np.asfortranarray(splitmix_uniform(np.uint64(SEED) + hi + lo * np.uint64(n)))


def timed(fn):
    for _ in range(WARMUP):
        fn()
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return float(np.mean(times)), float(np.min(times))


def once(n, op, dtype, reps):
    a = symmetric(n).astype(np.float32 if dtype == "float32" else np.float64)
    fn = np.linalg.eigh if op == "vectors" else np.linalg.eigvalsh
    fn(a)
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        fn(a)
        times.append(time.perf_counter() - start)
    print(f"numpy {n} {op} {dtype} {min(times):.4f} {np.mean(times):.4f}")


def main():
    if sys.argv[1:2] == ["--once"]:
        n, op, dtype, reps = sys.argv[2:6]
        once(int(n), op, dtype, int(reps))
        return
    sizes = [int(s) for s in sys.argv[1:]] or [256, 512, 1024, 2048, 4096]
    print(f"numpy {np.__version__}, {WARMUP} warm-up + {RUNS} runs; seconds as mean (min)")
    print()
    print("| n | op | float64 | float32 | float64 vs GEMM64 (min) | float32 vs GEMM32 (min) |")
    print("|---|---|---|---|---|---|")
    checks = []
    for n in sizes:
        a64 = symmetric(n)
        a32 = a64.astype(np.float32)
        # Same GEMM operands as the C# benchmark: B is A's column-major storage reversed.
        b64 = np.asfortranarray(a64.ravel(order="F")[::-1].reshape((n, n), order="F"))
        b32 = b64.astype(np.float32)
        ops = {
            "values": (lambda: np.linalg.eigvalsh(a64), lambda: np.linalg.eigvalsh(a32)),
            "vectors": (lambda: np.linalg.eigh(a64), lambda: np.linalg.eigh(a32)),
            "GEMM": (lambda: a64 @ b64, lambda: a32 @ b32),
        }
        results = {name: (timed(f64), timed(f32)) for name, (f64, f32) in ops.items()}
        # Ratios of minimums, like the C# table's "vs GEMM" column: the fastest run is the least disturbed.
        g64, g32 = results["GEMM"][0][1], results["GEMM"][1][1]
        for name, ((m64, n64), (m32, n32)) in results.items():
            print(f"| {n} | {name} | {m64:.4f} ({n64:.4f}) | {m32:.4f} ({n32:.4f}) | {n64 / g64:.1f} | {n32 / g32:.1f} |")
        checks.append((n, float(np.linalg.eigvalsh(a64)[-1])))
    print()
    for n, top in checks:
        print(f"n = {n}: largest eigenvalue {top:.12f}")


if __name__ == "__main__":
    main()
