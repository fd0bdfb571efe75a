#!/usr/bin/env python3
"""Independent reference for the power-law exponent alpha under WeightWatcher 0.7.5.5's rule (its WWFit).

Written from the rule as MATH.md section 4 states it (WeightWatcher's formulas are facts; none of its code is used):
eigenvalues lambda = sigma^2 of the weight matrix (numpy's SVD), those above 1e-5 kept and sorted ascending; every
value but the largest is a candidate x_min; for a tail of n values alpha = 1 + n / sum(ln(tail / x_min)),
D = max_j |1 - (tail_j / x_min)^(1 - alpha) - j / n|; the first smallest D wins; sigma = (alpha - 1) / sqrt(n).

Usage: ww_alpha.py FOLDER. FOLDER/manifest.json lists {"name", "m", "n", "file"}; each file holds the m*n float64
little-endian entries of a frame, column-major (feature i is entries [i*m, (i+1)*m)). An entry with "dims"
[out, in, k...] and "norm" instead is a conv kernel (row-major float64): WeightWatcher's conv treatment takes the
slices W[:, :, taps] ([out, in] each), multiplies each by "norm" (its conv2d_norm) and pools their eigenvalues.
Prints one JSON object mapping each name to {"alpha", "xmin", "ks", "tail", "sigma"}, or {"error": reason}.
"""
import json
import os
import sys

import numpy as np

FLOOR = 1e-5


def fit(evals):
    data = np.sort(np.asarray(evals, dtype=np.float64))
    data = data[data > FLOOR]
    if len(data) < 2:
        return {"error": f"{len(data)} eigenvalues above {FLOOR}"}
    logs = np.log(data)
    best = None
    for i in range(len(data) - 1):
        tail = data[i:]
        n = len(tail)
        s = np.sum(logs[i:]) - n * logs[i]
        if s <= n * 1e-12:  # equal to rounding: no finite exponent (MATH.md: reported as failed)
            alpha, d = np.inf, (n - 1) / n
        else:
            alpha = 1.0 + n / s
            d = np.max(np.abs(1.0 - (tail / data[i]) ** (1.0 - alpha) - np.arange(n) / n))
        if best is None or d < best[1]:
            best = (alpha, d, i)
    alpha, d, i = best
    if not np.isfinite(alpha):
        return {"error": "flat tail"}
    n = len(data) - i
    return {"alpha": float(alpha), "xmin": float(data[i]), "ks": float(d), "tail": int(n),
            "sigma": float((alpha - 1.0) / np.sqrt(n))}


def main(folder):
    with open(os.path.join(folder, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    out = {}
    for entry in manifest:
        data = np.fromfile(os.path.join(folder, entry["file"]), dtype="<f8")
        if "dims" in entry:
            dims = entry["dims"]
            kernel = data.reshape(dims[0], dims[1], -1)
            evals = []
            for tap in range(kernel.shape[2]):
                sv = np.linalg.svd(entry["norm"] * kernel[:, :, tap], compute_uv=False)
                evals.extend(sv * sv)
            out[entry["name"]] = fit(evals)
            continue
        m, n = entry["m"], entry["n"]
        sv = np.linalg.svd(data.reshape(n, m), compute_uv=False)
        out[entry["name"]] = fit(sv * sv)
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
