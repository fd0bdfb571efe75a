#!/usr/bin/python3
"""numpy reference of `superposition analyze MODEL --per-feature` on whole real models (benchmarks/results/per-feature.md).

Frames: every frame the tool's loader extracts from the models this benchmark uses, found here independently with
python3-onnx (frame_metrics_model_frames.py): initializers of the main graph and of every subgraph (If/Loop/Scan
branches), Constant-node tensors; the consumer reached through pass-through ops (Identity, Cast, Transpose,
Reshape, Slice, Concat, Squeeze, Unsqueeze, DequantizeLinear); MatMul [in, out], Gemm (transA/transB), Gather tables
(tokens are the features, always), Conv kernels [out, in·taps], LSTM/GRU/RNN weights per direction and gate (or, for a
2-D weight reaching the op through Slice/Concat, gate blocks in stored order), a MatMul whose output is cut by Split
(fused q/k/v) in column blocks; fp32/fp16/bf16/fp64 raw, typed or external data, int8 DequantizeLinear (per tensor or
axis), MatMulInteger with the weight scale of the downstream Cast -> Mul, MatMulNBits 4-bit blocks (zero points packed
or the default 8). Orientation as the tool's default: the larger side holds the features; on a tie the read frame
(MatMul: columns; Gemm transB, Conv, recurrent: rows).

Metrics per frame X (n features × m hidden), float64 unless stated:
  svd        thin SVD X = P S Qᵀ (LAPACK gesdd)
  measures   p_ik = (P_ik s_k)² / |x_i|², κ_i, D_i = |x_i|²/κ_i (Gram-free), leverage ℓ_i = Σ_{k<r} P_ik², capacity
             identity residual, q / entropy / PR on 60 log-spaced bins; the per-feature arrays (D, q, κ, ℓ, norm)
  coherence  exact blocked |cos| of the unit features over all pairs (float64 Gemm up to 4096 features, float32 above,
             as the tool; the float32 maximum rechecked in float64): max, mean |cos|, mean cos², 50-bin histogram,
             near-duplicate pairs (|cos| ≥ 0.99) joined into clusters; the mean squared coherence from ‖ŴᵀŴ‖_F²
  shuffle    all entries shuffled (seeded), all eigenvalues of the smaller-side operator, λ_max ratio and L1
             distance of the spectra (5 shuffles when fewer than 100 eigenvalues, as the tool)
  powerlaw   WeightWatcher's power-law fit on the eigenvalues > 1e-5 (every eigenvalue but the largest an x_min
             candidate): α, x_min, D_KS
Not computed (the tool computes them, so this reference does less work): eigenspace grouping and its sensitivity
table, the per-eigenspace measures, localized clusters and polytopes, the Marchenko–Pastur fit and spikes, the ESD
distance of the shuffle null, the norms and ranks of section 4 beyond α, tables and JSON of the same size.
Prints one JSON line per frame; --list prints the frames only. Usage: frame_metrics_model.py MODEL.onnx [--list]
"""
import argparse
import json
import resource
import sys
import time

import numpy as np

from frame_metrics_model_frames import frames


def spectral_measures(x, bins=60):
    n, m = x.shape
    p, s, _ = np.linalg.svd(x, full_matrices=False)
    norm2 = np.einsum("ij,ij->i", x, x)
    lam = s * s
    pik = (p * s) ** 2 / norm2[:, None]
    kappa = pik @ lam
    d = norm2 / kappa
    r = int(np.sum(lam > 1e-8 * lam[0]))
    leverage = np.sum(p[:, :r] ** 2, axis=1)
    pos = lam[:r]
    edges = np.logspace(np.log10(pos.min()), np.log10(pos.max()), bins + 1)
    which = np.clip(np.searchsorted(edges, pos, side="right") - 1, 0, bins - 1)
    mu = np.zeros((n, bins))
    np.add.at(mu.T, which, pik[:, :r].T)
    q = mu.max(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        entropy = -np.sum(np.where(mu > 0, mu * np.log(np.where(mu > 0, mu, 1.0)), 0.0), axis=1)
    pr = 1.0 / np.sum(mu * mu, axis=1)
    residual = abs((m - d.sum()) - ((m - r) + (leverage - d).sum()))
    return lam, {"sum_d": float(d.sum()), "sum_leverage": float(leverage.sum()), "rank": r, "identity_residual": residual,
                 "mean_q": float(q.mean()), "mean_entropy": float(entropy.mean()), "mean_pr": float(pr.mean()),
                 "per_feature": {"d": d, "q": q, "kappa": kappa, "leverage": leverage, "norm": np.sqrt(norm2)}}


def components(n, ii, jj):
    """Connected components among the features joined by near-duplicate links (minimum-label propagation)."""
    if ii.size == 0:
        return 0
    labels = np.arange(n)
    while True:
        low = np.minimum(labels[ii], labels[jj])
        new = labels.copy()
        np.minimum.at(new, ii, low)
        np.minimum.at(new, jj, low)
        new = new[new]
        if np.array_equal(new, labels):
            break
        labels = new
    return int(np.unique(labels[np.unique(np.concatenate([ii, jj]))]).size)


def coherence(x, block=1024, single_above=4096, duplicate=0.99):
    n, m = x.shape
    unit = x / np.linalg.norm(x, axis=1, keepdims=True)
    small = unit.T @ unit if n >= m else unit @ unit.T
    mean_sq = (float(np.sum(small * small)) - n) / (n * (n - 1.0)) if n > 1 else 0.0
    single = n > single_above
    work = unit.astype(np.float32) if single else unit
    bound = (m + 2) * 2.0 ** -24 * 1.01 if single else 0.0
    best, sum_abs, sum_sq, count, rechecked = 0.0, 0.0, 0.0, 0, 0
    hist = np.zeros(50, dtype=np.int64)
    links_i, links_j = [], []
    for i0 in range(0, n, block):
        a = work[i0:i0 + block]
        for j0 in range(i0, n, block):
            c = np.abs(a @ work[j0:j0 + block].T)
            if j0 == i0:
                values = c[np.triu_indices(c.shape[0], 1)]
            else:
                values = c.ravel()
            values = np.minimum(values, 1.0)
            top = float(values.max()) if values.size else 0.0
            if single and top >= best - 2 * bound:
                # float64 recheck of every pair of this block that could be the maximum
                ii, jj = np.nonzero(c >= max(best, top) - 2 * bound)
                keep = (i0 + ii) < (j0 + jj)
                exact = np.abs(np.einsum("ij,ij->i", unit[i0 + ii[keep]], unit[j0 + jj[keep]]))
                rechecked += int(keep.sum())
                top = float(exact.max()) if exact.size else top
            best = max(best, top)
            sum_abs += float(values.sum(dtype=np.float64))
            sum_sq += float(np.dot(values.astype(np.float64), values.astype(np.float64)))
            count += values.size
            hist += np.bincount(np.minimum((values * 50 + 1e-9).astype(np.int64), 49), minlength=50)
            ii, jj = np.nonzero(c >= duplicate)
            keep = (i0 + ii) < (j0 + jj)
            links_i.append(i0 + ii[keep])
            links_j.append(j0 + jj[keep])
    clusters = components(n, np.concatenate(links_i), np.concatenate(links_j))
    return {"max_coherence": best, "mean_abs_cos": sum_abs / max(count, 1), "mean_sq_coherence": mean_sq,
            "mean_sq_pairs": sum_sq / max(count, 1), "pairs": count, "rechecked": rechecked,
            "histogram": hist.tolist(), "duplicate_clusters": clusters}


def shuffle_null(x, lam, seed=4242):
    """Shuffled spectrum, L1 distance over Σλ and λ_max ratio; 5 seeded shuffles when fewer than 100 eigenvalues (the
    tool pools them for its trap count, as WeightWatcher)."""
    count = min(x.shape)
    replicas = 5 if count < 100 else 1
    flat = x.ravel()
    spectra = []
    for r in range(replicas):
        shuffled = flat.copy()
        np.random.default_rng(seed + r).shuffle(shuffled)
        xs = shuffled.reshape(x.shape)
        small = xs.T @ xs if x.shape[0] >= x.shape[1] else xs @ xs.T
        spectra.append(np.linalg.eigvalsh(small)[::-1][:count])
    first = spectra[0]
    return {"shuffled_lambda_max": float(first[0]), "shuffled_ratio": float(first[0] / lam[0]),
            "spectrum_distance": float(np.abs(lam[:count] - first).sum() / lam[:count].sum()), "replicas": replicas}


def power_law(lam, floor=1e-5):
    ev = np.sort(lam[lam > floor])
    if ev.size < 2:
        return {"alpha": None, "reason": "fewer than two eigenvalues above the floor"}
    logs = np.log(ev)
    best = (np.inf, None, None)
    for k in range(ev.size - 1):           # every eigenvalue but the largest is an x_min candidate
        tail = ev[k:]
        count = tail.size
        alpha = 1 + count / np.sum(logs[k:] - logs[k])
        cdf = 1 - (tail / ev[k]) ** (1 - alpha)
        ks = np.max(np.abs(cdf - np.arange(count) / count))
        if ks < best[0]:
            best = (ks, alpha, ev[k])
    return {"alpha": float(best[1]), "xmin": float(best[2]), "dks": float(best[0])}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model")
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()
    start_all = time.perf_counter()
    for f in frames(args.model):
        if args.list:
            print(json.dumps({"tensor": f.tensor, "block": f.block, "op": f.op, "n": f.x.shape[0], "m": f.x.shape[1]}))
            continue
        seconds = {}
        x = f.x
        alive = np.einsum("ij,ij->i", x, x) > 1e-14
        x = x[alive] if not alive.all() else x
        start = time.perf_counter()
        lam, result = spectral_measures(x)
        seconds["svd_measures"] = time.perf_counter() - start
        start = time.perf_counter()
        result.update(coherence(x))
        seconds["coherence"] = time.perf_counter() - start
        start = time.perf_counter()
        result.update(shuffle_null(x, lam))
        result.update(power_law(lam))
        seconds["shuffle_powerlaw"] = time.perf_counter() - start
        per = result.pop("per_feature")
        result["per_feature_sums"] = {k: float(v.sum()) for k, v in per.items()}
        result.update({"tensor": f.tensor, "block": f.block, "op": f.op, "n": x.shape[0], "m": x.shape[1],
                       "dead": int((~alive).sum()), "seconds": seconds})
        print(json.dumps(result), flush=True)
    print(json.dumps({"total_seconds": time.perf_counter() - start_all,
                      "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}), flush=True)


if __name__ == "__main__":
    sys.exit(main())
