#!/usr/bin/python3
"""numpy reference of the frame metrics `superposition analyze` computes, for the scale benchmark.

For each weight matrix (initializer of a MatMul, Gemm or Gather; features = the larger side, as the tool's default):
  read      fp16/bf16/fp32 external or raw data to float64 (numpy memmap of the data file)
  svd       thin SVD X = P S Q^T of the n x m feature matrix (float64, LAPACK gesdd)
  measures  p_ik = (P_ik s_k)^2 / |x_i|^2, kappa_i = sum_k s_k^2 p_ik, D_i = |x_i|^2 / kappa_i (Gram-free),
            leverage l_i = sum_{k<r} P_ik^2, q/entropy/PR on 60 log-spaced eigenvalue bins
  coherence exact blocked |cos| of the unit features in float32 (max, mean |cos|, 50-bin histogram, mean cos^2)
            for n <= 65536, plus the exact mean squared coherence from |Xhat^T Xhat|_F^2 in float64
  shuffle   the randomization null: all entries shuffled (seeded), eigenvalues of the m x m operator
Prints one JSON line per layer: {"layer", "n", "m", "seconds": {phase: s}, "maxrss_mb", "sum_leverage", ...}.
Usage: frame_metrics.py MODEL.onnx [--layer NAME ...] [--block 1024]
"""
import argparse
import json
import os
import resource
import sys
import time

import numpy as np
import onnx
from onnx import TensorProto

DTYPES = {TensorProto.FLOAT16: np.float16, TensorProto.FLOAT: np.float32, TensorProto.DOUBLE: np.float64}


def read_tensor(model_dir, t):
    dtype = DTYPES[t.data_type]
    shape = tuple(t.dims)
    if t.data_location == TensorProto.EXTERNAL:
        info = {e.key: e.value for e in t.external_data}
        offset = int(info.get("offset", 0))
        data = np.memmap(os.path.join(model_dir, info["location"]), dtype=dtype, mode="r", offset=offset, shape=shape)
    else:
        data = np.frombuffer(t.raw_data, dtype=dtype).reshape(shape)
    return np.asarray(data, dtype=np.float64)


def measures(x, s, p, bins=60):
    norm2 = np.einsum("ij,ij->i", x, x)
    lam = s * s
    proj2 = (p * s) ** 2
    pik = proj2 / norm2[:, None]
    kappa = pik @ lam
    d = norm2 / kappa
    r = int(np.sum(lam > 1e-8 * lam[0]))
    leverage = np.sum(p[:, :r] ** 2, axis=1)
    pos = lam[:r]
    edges = np.logspace(np.log10(pos.min()), np.log10(pos.max()), bins + 1)
    which = np.clip(np.searchsorted(edges, pos, side="right") - 1, 0, bins - 1)
    mu = np.zeros((x.shape[0], bins))
    for b in range(bins):
        cols = np.nonzero(which == b)[0]
        if len(cols):
            mu[:, b] = pik[:, cols].sum(axis=1)
    q = mu.max(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        entropy = -np.nansum(np.where(mu > 0, mu * np.log(mu), 0.0), axis=1)
    pr = 1.0 / np.sum(mu * mu, axis=1)
    return {"sum_d": float(d.sum()), "sum_leverage": float(leverage.sum()), "rank": r, "mean_q": float(q.mean()),
            "mean_entropy": float(entropy.mean()), "mean_pr": float(pr.mean())}


def coherence(x, block):
    n, m = x.shape
    unit = (x / np.linalg.norm(x, axis=1, keepdims=True))
    s = unit.T @ unit
    mean_sq = (float(np.sum(s * s)) - n) / (n * (n - 1.0))
    u32 = unit.astype(np.float32)
    best, sum_abs, sum_sq, count = 0.0, 0.0, 0.0, 0
    hist = np.zeros(50, dtype=np.int64)
    for i0 in range(0, n, block):
        a = u32[i0:i0 + block]
        for j0 in range(i0, n, block):
            c = np.abs(a @ u32[j0:j0 + block].T)
            if j0 == i0:
                c = c[np.triu_indices(c.shape[0], 1, c.shape[1])]
            best = max(best, float(c.max()))
            sum_abs += float(c.sum(dtype=np.float64))
            sum_sq += float(np.sum(c.astype(np.float64) ** 2))
            count += c.size
            hist += np.bincount(np.minimum((c * 50).astype(np.int64), 49).ravel(), minlength=50)
    return {"max_coherence": best, "mean_abs_cos": sum_abs / count, "mean_sq_coherence": mean_sq, "pairs": count}


def shuffle_null(x, seed=4242):
    flat = x.ravel().copy()
    np.random.default_rng(seed).shuffle(flat)
    xs = flat.reshape(x.shape)
    return float(np.linalg.eigvalsh(xs.T @ xs)[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model")
    ap.add_argument("--layer", action="append", default=[])
    ap.add_argument("--block", type=int, default=1024)
    args = ap.parse_args()
    model = onnx.load(args.model, load_external_data=False)
    used = {}
    for node in model.graph.node:
        if node.op_type in ("MatMul", "Gemm"):
            used.setdefault(node.input[1], node.op_type)
        elif node.op_type == "Gather":
            used.setdefault(node.input[0], node.op_type)
    model_dir = os.path.dirname(os.path.abspath(args.model))
    for t in model.graph.initializer:
        if t.name not in used or len(t.dims) != 2 or (args.layer and t.name not in args.layer):
            continue
        seconds = {}
        start = time.perf_counter()
        w = read_tensor(model_dir, t)
        x = w if w.shape[0] >= w.shape[1] else np.ascontiguousarray(w.T)   # rows are the features (n >= m)
        seconds["read"] = time.perf_counter() - start
        start = time.perf_counter()
        p, s, _ = np.linalg.svd(x, full_matrices=False)
        seconds["svd"] = time.perf_counter() - start
        start = time.perf_counter()
        result = measures(x, s, p)
        del p
        seconds["measures"] = time.perf_counter() - start
        start = time.perf_counter()
        result.update(coherence(x, args.block))
        seconds["coherence"] = time.perf_counter() - start
        start = time.perf_counter()
        result["shuffled_lambda_max"] = shuffle_null(x)
        seconds["shuffle"] = time.perf_counter() - start
        seconds["total"] = sum(seconds.values())
        result.update({"layer": t.name, "n": x.shape[0], "m": x.shape[1], "seconds": seconds,
                       "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})
        print(json.dumps(result), flush=True)
        del x, w


if __name__ == "__main__":
    sys.exit(main())
