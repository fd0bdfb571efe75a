#!/usr/bin/env python3
"""PyTorch reference for the feature-dimensionality experiment (docs/toys.md, samples/toy/torch_reference.md).

Trains the model of Anthropic's "Toy Models of Superposition" notebook for its feature-geometry experiment, written
from its description (MATH.md section 7; the model class is the one in torch_tms.py): n = 200 features, m = 20 hidden,
20 instances, constant importance, p = 20^(-linspace(0,1,20)), W [instances, n, m] with nn.init.xavier_normal_ on
the whole tensor, b = 0, x' = ReLU(W^T W x + b), x_i ~ U[0,1) present with probability p, loss averaged over batch
and features and summed over instances, torch.optim.AdamW(lr=1e-3) defaults (weight decay 0.01), batch 1024,
float32, constant lr.

The batch is drawn in the notebook's shape [batch, instances, n] (the same random stream as the notebook's code for
a given seed) and transposed to [instances, batch, n] for two batched GEMMs (the same arithmetic as its einsums).

--instances K trains only instances K..: instances do not interact (the loss is a sum over instances and AdamW acts
per element), but the init std is still the whole [20, 200, 20] tensor's. The random stream then differs from the
full run's. --probability overrides p (a stated departure); --steps changes the length (a stated departure unless
10000); --checkpoints writes features at intermediate steps.

Writes OUT_step{S}.csv (instance, feature_probability, feature, norm, dimensionality; the format of
`superposition toy sweep`'s features.csv) at each checkpoint and prints the fraction counts.
Usage: /usr/bin/python3 benchmarks/reference/torch_tms_dimensionality.py --seed 0 --out /tmp/torch200 [--steps 10000]
"""
import argparse
import os
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from torch_tms import Toy  # noqa: E402

FRACTIONS = [("1", 1.0), ("3/4", 0.75), ("2/3", 2 / 3), ("1/2", 0.5), ("4/9", 4 / 9), ("2/5", 0.4), ("3/8", 0.375)]


def dimensionality(W):
    """D_i = |w_i|^4 / sum_j (w_i . w_j)^2 per instance, in float64; w_i the feature's row of W [n, m]."""
    W = W.double()
    gram = torch.einsum("inh,ikh->ink", W, W)
    norms2 = torch.diagonal(gram, dim1=1, dim2=2)
    denom = (gram ** 2).sum(-1)
    return norms2.sqrt(), torch.where(denom > 0, norms2 ** 2 / denom, torch.zeros(()))


def write_csv(path, probs, norms, dims):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write("instance,feature_probability,feature,norm,dimensionality\n")
        for i in range(norms.shape[0]):
            for k in range(norms.shape[1]):
                f.write(f"{i},{float(probs[i]):.17g},{k},{float(norms[i, k]):.17g},{float(dims[i, k]):.17g}\n")
    os.replace(tmp, path)


def counts(norms, dims, tol=0.005, min_norm=None):
    keep = torch.ones_like(norms, dtype=torch.bool) if min_norm is None else norms > min_norm
    return {name: int(((dims - v).abs() <= tol).logical_and(keep).sum()) for name, v in FRACTIONS}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--steps", type=int, default=10000)
    ap.add_argument("--checkpoints", type=int, nargs="*", default=[])
    ap.add_argument("--instances", type=int, nargs="*", default=None, help="train only these instance indices")
    ap.add_argument("--probability", type=float, nargs="*", default=None, help="override p (departure)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    n, m, full_instances = 200, 20, 20
    probs = 20 ** -torch.linspace(0, 1, full_instances)
    if a.probability:
        probs = torch.tensor(a.probability)
    elif a.instances:
        probs = probs[a.instances]
    instances = probs.numel()
    model = Toy(n, m, instances, torch.ones(()), probs, "bmm")
    if instances != full_instances:  # keep the whole preset tensor's xavier std: sqrt(2 / ((n*m) + (20*m)))
        with torch.no_grad():
            model.W.normal_(0.0, (2.0 / (n * m + full_instances * m)) ** 0.5)
    opt = torch.optim.AdamW(list(model.parameters()), lr=1e-3)
    p_nb = probs[None, :, None]
    t0 = time.time()
    for step in range(1, a.steps + 1):
        shape = (1024, instances, n)
        values = torch.rand(shape)
        x = torch.where(torch.rand(shape) <= p_nb, values, torch.zeros(())).transpose(0, 1).contiguous()
        opt.zero_grad(set_to_none=True)
        loss = model.loss(x, model(x))
        loss.backward()
        opt.step()
        if step % 1000 == 0:
            print(f"step {step} loss {loss.item():.6f} {time.time() - t0:.0f}s", flush=True)
        if step in a.checkpoints or step == a.steps:
            norms, dims = dimensionality(model.W.detach())
            write_csv(f"{a.out}_step{step}.csv", probs, norms, dims)
            torch.save({"W": model.W.detach(), "b": model.b.detach(), "p": probs}, f"{a.out}_step{step}.pt")
            print(f"step {step} all: {counts(norms, dims)}  norm>0.5: {counts(norms, dims, min_norm=0.5)}", flush=True)


if __name__ == "__main__":
    main()
