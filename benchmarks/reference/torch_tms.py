#!/usr/bin/env python3
"""PyTorch CPU reference for the toy-model trainer (benchmarks/results/training.md).

The model, data, loss and optimizer of Anthropic's "Toy Models of Superposition" notebook, written from its
description (MATH.md section 7): W of shape [instances, n, m] with nn.init.xavier_normal_ on the whole tensor,
b = 0; h = einsum(x, W), x' = ReLU(einsum(h, W) + b); x_i ~ U[0,1) present with probability p (torch.rand <= p);
loss = importance * (x - x')^2 averaged over batch and features per instance, summed over instances;
torch.optim.AdamW(params, lr=1e-3) with its defaults (weight decay 0.01); batch 1024; constant lr.

Usage: /usr/bin/python3 benchmarks/reference/torch_tms.py [--steps 60] [--threads 1 2] [--presets 100-20 200-20]
Prints steps/s per preset, thread count and layout: "notebook" is the notebook's einsum over [batch, instances, n];
"bmm" is the same model as two batched GEMMs over [instances, batch, n] (faster; not the notebook's code).
Data generation, forward, backward and the optimizer step are all timed, after warm-up steps.
"""
import argparse
import time

import torch


def preset(name):
    lin = lambda k: torch.linspace(0, 1, k)
    if name == "5-2":
        return 5, 2, 10, 0.9 ** torch.arange(5), 20 ** -lin(10)
    if name == "100-20":
        return 100, 20, 20, 100 ** -lin(100), 20 ** -lin(20)
    if name == "200-20":
        return 200, 20, 20, torch.ones(()), 20 ** -lin(20)
    raise ValueError(name)


class Toy(torch.nn.Module):
    def __init__(self, n, m, instances, importance, probability, layout):
        super().__init__()
        self.W = torch.nn.Parameter(torch.empty(instances, n, m))
        torch.nn.init.xavier_normal_(self.W)  # fans of a 3-D tensor: (n*m, instances*m)
        self.b = torch.nn.Parameter(torch.zeros(instances, n))
        self.layout = layout
        self.instances, self.n = instances, n
        if layout == "notebook":
            self.importance = importance if importance.dim() == 0 else importance[None, :]
            self.probability = probability[:, None]
        else:
            self.importance = importance if importance.dim() == 0 else importance[None, None, :]
            self.probability = probability[:, None, None]

    def batch(self, rows):
        shape = (rows, self.instances, self.n) if self.layout == "notebook" else (self.instances, rows, self.n)
        values = torch.rand(shape)
        return torch.where(torch.rand(shape) <= self.probability, values, torch.zeros(()))

    def forward(self, x):
        if self.layout == "notebook":
            h = torch.einsum("...if,ifh->...ih", x, self.W)
            return torch.relu(torch.einsum("...ih,ifh->...if", h, self.W) + self.b)
        h = torch.bmm(x, self.W)
        return torch.relu(torch.bmm(h, self.W.transpose(1, 2)) + self.b[:, None, :])

    def loss(self, x, out):
        error = self.importance * (x.abs() - out) ** 2
        dims = (0, 2) if self.layout == "notebook" else (1, 2)
        return error.mean(dim=dims).sum()


def bench(name, layout, steps, batch=1024):
    n, m, instances, importance, probability = preset(name)
    torch.manual_seed(0)
    model = Toy(n, m, instances, importance, probability, layout)
    opt = torch.optim.AdamW(list(model.parameters()), lr=1e-3)

    def step():
        opt.zero_grad(set_to_none=True)
        x = model.batch(batch)
        loss = model.loss(x, model(x))
        loss.backward()
        opt.step()

    for _ in range(max(5, steps // 5)):
        step()
    t0 = time.perf_counter()
    for _ in range(steps):
        step()
    dt = time.perf_counter() - t0
    flops = 10.0 * batch * n * m * instances
    return steps / dt, flops * steps / dt / 1e9


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=60)
    ap.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--presets", nargs="+", default=["5-2", "100-20", "200-20"])
    ap.add_argument("--layouts", nargs="+", default=["notebook", "bmm"])
    args = ap.parse_args()
    print(f"torch {torch.__version__}; steps/s per preset (10*B*n*m*instances flops per step)")
    for threads in args.threads:
        torch.set_num_threads(threads)
        for layout in args.layouts:
            for name in args.presets:
                sps, gf = bench(name, layout, args.steps)
                print(f"threads={threads} layout={layout:8s} preset={name:7s} {sps:9.2f} steps/s {gf:7.2f} GFLOP/s", flush=True)
