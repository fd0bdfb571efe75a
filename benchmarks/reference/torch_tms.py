#!/usr/bin/env python3
"""PyTorch CPU reference for the toy-model trainer (benchmarks/results/training.md).

Same model, data and optimizer as Superposition.Training.Tms.TmsTrainer / Anthropic's notebook:
h = W x, x' = ReLU(W^T h + b); x_i ~ U[0,1] with probability p else 0; loss = mean over batch and
features of I_i (x_i - x'_i)^2 per instance, summed over instances; Xavier-normal W (per m x n matrix),
b = 0; AdamW lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight decay 0; batch 1024; all instances side by side.

Usage: /usr/bin/python3 benchmarks/reference/torch_tms.py [--steps 200] [--threads 2] [--train-5-2]
Prints steps/s per preset for two layouts (the notebook's einsum over [batch, instances, n], and batched
GEMMs over [instances, batch, n]); data generation, forward, backward and optimizer step are all timed. With
--train-5-2 trains the 5-2 preset for 10,000 steps and prints final loss and feature norms per instance.
"""
import argparse
import math
import time

import torch


def preset(name):
    lin = lambda k: torch.linspace(0, 1, k)
    if name == "5-2":
        return 5, 2, 0.9 ** torch.arange(5), 20 ** -lin(10)
    if name == "100-20":
        return 100, 20, 100 ** -lin(100), 20 ** -lin(20)
    if name == "200-20":
        return 200, 20, torch.ones(200), 1000 ** -lin(20)
    raise ValueError(name)


class Tms(torch.nn.Module):
    def __init__(self, n, m, instances):
        super().__init__()
        w = torch.empty(instances, m, n)
        std = math.sqrt(2.0 / (n + m))  # Xavier-normal of each m x n matrix
        torch.nn.init.normal_(w, 0.0, std)
        self.W = torch.nn.Parameter(w)
        self.b = torch.nn.Parameter(torch.zeros(instances, n))

    def forward(self, x):
        if LAYOUT == "einsum":  # the notebook's layout: x [batch, instances, n]
            h = torch.einsum("imn,bin->bim", self.W, x)
            return torch.relu(torch.einsum("imn,bim->bin", self.W, h) + self.b)
        # bmm layout: x [instances, batch, n], two batched GEMMs
        h = torch.bmm(x, self.W.transpose(1, 2))
        return torch.relu(torch.bmm(h, self.W) + self.b[:, None, :])


LAYOUT = "einsum"


def make_batch(batch, probability, n):
    instances = probability.shape[0]
    if LAYOUT == "einsum":
        values = torch.rand(batch, instances, n)
        keep = torch.rand(batch, instances, n) <= probability[None, :, None]
    else:
        values = torch.rand(instances, batch, n)
        keep = torch.rand(instances, batch, n) <= probability[:, None, None]
    return torch.where(keep, values, torch.zeros(()))


def step(model, opt, importance, probability, batch, n):
    x = make_batch(batch, probability, n)
    out = model(x)
    dims = (0, 2) if LAYOUT == "einsum" else (1, 2)
    loss = (importance * (x - out) ** 2).mean(dim=dims).sum()
    opt.zero_grad(set_to_none=True)
    loss.backward()
    opt.step()
    return loss


def bench(name, steps, batch=1024):
    n, m, importance, probability = preset(name)
    torch.manual_seed(0)
    model = Tms(n, m, probability.shape[0])
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0)
    for _ in range(max(5, steps // 10)):
        step(model, opt, importance, probability, batch, n)
    t0 = time.perf_counter()
    for _ in range(steps):
        step(model, opt, importance, probability, batch, n)
    dt = time.perf_counter() - t0
    flops = 10.0 * batch * n * m * probability.shape[0]
    print(f"{LAYOUT:6s} {name:7s} {steps / dt:9.1f} steps/s   {flops * steps / dt / 1e9:7.2f} GFLOP/s (10*B*n*m*instances per step)")


def train_5_2(steps=10_000, seed=0):
    n, m, importance, probability = preset("5-2")
    torch.manual_seed(seed)
    model = Tms(n, m, probability.shape[0])
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=0.0)
    for _ in range(steps):
        step(model, opt, importance, probability, 1024, n)
    with torch.no_grad():
        torch.manual_seed(12345)
        x = make_batch(8192, probability, n)
        per = (importance * (x - model(x)) ** 2).mean(dim=(0, 2))  # einsum layout
        for i in range(probability.shape[0]):
            norms = model.W[i].norm(dim=0)
            print(f"p={probability[i]:.4f} loss={per[i]:.6f} norms=" + " ".join(f"{v:.3f}" for v in norms))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=200)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--train-5-2", action="store_true")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads")
    for layout in ("einsum", "bmm"):
        LAYOUT = layout
        for name in ("5-2", "100-20", "200-20"):
            bench(name, args.steps)
    LAYOUT = "einsum"
    if args.train_5_2:
        train_5_2()
