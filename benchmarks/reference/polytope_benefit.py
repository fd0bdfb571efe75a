#!/usr/bin/env python3
"""Loss benefit per hidden dimension of each sticking structure of the 200 -> 20 toy (docs/toys.md, "Why 1 and 3/4").

With constant importance and more features than dimensions, a solution made of separate blocks (k features sharing a
d-dimensional subspace, the other features unrepresented at their optimal bias) has total loss
n*Var - sum over blocks of k*(Var - L_block), Var = p/3 - p^2/4 the loss of an unrepresented feature (x = U[0,1)
present with probability p, best constant output p/2). So the structure with the largest benefit per dimension
k*(Var - L_block)/d wins. Each block here has unit directions u_1..u_k (a known polytope; D_i = d/k for each), one
common norm a and one common bias c, output_i = ReLU(a^2 sum_j (u_i.u_j) x_j + c); (a, c) minimise the Monte Carlo
loss on a fixed sample (seeded; common random numbers: the same draws for every structure), by a grid refined three times.
The trained runs' own benefit per dimension is (n*Var - n*loss)/m from their evaluation loss (sweep.md).
Usage: OPENBLAS_NUM_THREADS=1 /usr/bin/python3 benchmarks/reference/polytope_benefit.py [--samples 100000] [--p 1 0.854 ...]
"""
import argparse

import numpy as np


def polygon(k):
    t = 2 * np.pi * np.arange(k) / k
    return np.stack([np.cos(t), np.sin(t)], 1)


def simplex(d):
    """d+1 unit vectors in d dimensions with pairwise cosine -1/d (regular simplex)."""
    e = np.eye(d + 1) - 1.0 / (d + 1)
    q, _ = np.linalg.qr(e.T)  # basis of the sum-zero hyperplane
    v = e @ q[:, :d]
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def square_antiprism():
    """Two squares rotated by 45 degrees at heights +-h with h^2 = 1/3: a tight frame of 8 vectors in 3 dims (D = 3/8)."""
    h = np.sqrt(1 / 3)
    r = np.sqrt(1 - h * h)
    top = [(r * np.cos(t), r * np.sin(t), h) for t in np.pi / 2 * np.arange(4)]
    bottom = [(r * np.cos(t), r * np.sin(t), -h) for t in np.pi / 2 * np.arange(4) + np.pi / 4]
    return np.array(top + bottom)


STRUCTURES = [
    ("1 (dedicated)", np.array([[1.0]])),
    ("3/4 (tetrahedron)", simplex(3)),
    ("2/3 (triangle)", polygon(3)),
    ("1/2 (antipodal pair)", np.array([[1.0], [-1.0]])),
    ("2/5 (pentagon)", polygon(5)),
    ("3/8 (square antiprism)", square_antiprism()),
]


def block_loss(G, x, a, c):
    out = np.maximum(a * a * (x @ G) + c, 0.0)
    return ((x - out) ** 2).mean()


def best(G, x):
    a_lo, a_hi, c_lo, c_hi = 0.3, 1.5, -1.0, 0.6
    for _ in range(4):
        grid = [(block_loss(G, x, a, c), a, c) for a in np.linspace(a_lo, a_hi, 13) for c in np.linspace(c_lo, c_hi, 13)]
        loss, a, c = min(grid)
        da, dc = (a_hi - a_lo) / 6, (c_hi - c_lo) / 6
        a_lo, a_hi, c_lo, c_hi = a - da, a + da, c - dc, c + dc
    return loss, a, c


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--samples", type=int, default=100000)
    ap.add_argument("--p", type=float, nargs="+", default=[1.0, 0.9, 0.8541, 0.8, 0.7295, 0.6231, 0.5322, 0.4546, 0.3883])
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    print("benefit per dimension k*(Var - L)/d (larger wins); a = norm, c = bias at the optimum")
    print("| p | 1/(1-S) | " + " | ".join(name for name, _ in STRUCTURES) + " | winner |")
    print("|---:|---:|" + "---:|" * len(STRUCTURES) + "---|")
    for p in a.p:
        # Common random numbers: every structure sees the first k columns of the same sample.
        rng = np.random.default_rng(a.seed)
        kmax = max(U.shape[0] for _, U in STRUCTURES)
        xs = np.where(rng.random((a.samples, kmax)) < p, rng.random((a.samples, kmax)), 0.0)
        cells, scores = [], []
        for name, U in STRUCTURES:
            k, d = U.shape
            x = np.ascontiguousarray(xs[:, :k])
            G = U @ U.T
            loss, na, c = best(G, x)
            score = k * (x.var(axis=0).mean() - loss) / d  # the sample's own Var: the same draws on both sides
            scores.append(score)
            cells.append(f"{score:.5f} (a {na:.2f}, c {c:+.2f})")
        win = STRUCTURES[int(np.argmax(scores))][0]
        print(f"| {p:.4f} | {1 / p:.3f} | " + " | ".join(cells) + f" | {win} |", flush=True)


if __name__ == "__main__":
    main()
