#!/usr/bin/env python3
"""What the represented features (||w_i|| > 0.5) of a toy model are: their D_i against all features and against the
represented ones only, how many of their pairs are antipodal (cos < -0.9), triangle-like (cos within 0.08 of -1/2) or
tetrahedron-like (within 0.08 of -1/3), and the median norm of the unrepresented background.
Reads the ONNX files written by `superposition toy sweep` (W is the [m, n] or [n, m] initializer) or the .pt files of
torch_tms_dimensionality.py (all instances).
Usage: /usr/bin/python3 benchmarks/reference/represented_structure.py FILE.onnx|FILE.pt ...
"""
import sys

import numpy as np


def weights(path):
    if path.endswith(".pt"):
        import torch
        W = torch.load(path)["W"].double().numpy()
        return [(f"{path}[{i}]", W[i]) for i in range(W.shape[0])]
    import onnx
    from onnx import numpy_helper
    model = onnx.load(path)
    W = [numpy_helper.to_array(t) for t in model.graph.initializer if len(t.dims) == 2][0].astype(np.float64)
    return [(path, W.T if W.shape[0] < W.shape[1] else W)]


def describe(name, W, min_norm=0.5):
    norms = np.linalg.norm(W, axis=1)
    rep = norms > min_norm
    G = W @ W.T
    d_all = norms ** 4 / (G ** 2).sum(1)
    k = int(rep.sum())
    if k == 0:
        print(f"{name}: represented 0, background median norm {np.median(norms):.3f}")
        return
    Gr = G[np.ix_(rep, rep)]
    d_rep = norms[rep] ** 4 / (Gr ** 2).sum(1)
    U = W[rep] / norms[rep, None]
    C = U @ U.T
    iu = np.triu_indices(k, 1)
    c = C[iu]
    print(f"{name}: represented {k}, median D_i {np.median(d_all[rep]):.3f} (all features) / "
          f"{np.median(d_rep):.3f} (represented only); pairs antipodal {int((c < -0.9).sum())}, "
          f"~-1/2 {int((np.abs(c + 0.5) < 0.08).sum())}, ~-1/3 {int((np.abs(c + 1 / 3) < 0.08).sum())}; "
          f"background median norm {np.median(norms[~rep]):.3f}")


if __name__ == "__main__":
    for path in sys.argv[1:]:
        for name, W in weights(path):
            describe(name, W)
