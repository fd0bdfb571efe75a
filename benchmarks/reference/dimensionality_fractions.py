#!/usr/bin/env python3
"""Counts features whose D_i lies within TOL of each sticking fraction, in features.csv files (the format written by
`superposition toy sweep` and by torch_tms_dimensionality.py), with and without the norm filter ||w_i|| > MIN_NORM.
Prints one markdown row per file: counts for all features / represented features, and the instances (by p) holding them.
Usage: /usr/bin/python3 benchmarks/reference/dimensionality_fractions.py [--tol 0.005] [--min-norm 0.5] FILE.csv ...
"""
import argparse
import csv

FRACTIONS = [("1", 1.0), ("3/4", 0.75), ("2/3", 2 / 3), ("1/2", 0.5), ("4/9", 4 / 9), ("2/5", 0.4), ("3/8", 0.375)]


def load(path):
    with open(path) as f:
        return [(int(r["instance"]), float(r["feature_probability"]), float(r["norm"]), float(r["dimensionality"]))
                for r in csv.DictReader(f)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tol", type=float, default=0.005)
    ap.add_argument("--min-norm", type=float, default=0.5)
    ap.add_argument("--per-instance", action="store_true", help="also print represented features and max D per instance")
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    print("| file | " + " | ".join(name for name, _ in FRACTIONS) + " |")
    print("|---|" + "---:|" * len(FRACTIONS))
    for path in a.files:
        rows = load(path)
        cells = []
        for _, v in FRACTIONS:
            near = [r for r in rows if abs(r[3] - v) <= a.tol]
            rep = [r for r in near if r[2] > a.min_norm]
            inst = sorted({r[0] for r in rep})
            cells.append(f"{len(near)} / {len(rep)}" + (f" (i {','.join(map(str, inst))})" if inst else ""))
        print(f"| {path} | " + " | ".join(cells) + " |")
        if a.per_instance:
            for i in sorted({r[0] for r in rows}):
                rs = [r for r in rows if r[0] == i]
                rep = [r for r in rs if r[2] > a.min_norm]
                ds = sorted((r[3] for r in rep), reverse=True)
                dstar = 20.0 / sum(r[2] ** 2 for r in rs)  # m / ||W||_F^2 with m = 20 (the 200-20 preset)
                print(f"    inst {i} p={rs[0][1]:.4f} D*={dstar:.3f} represented {len(rep)} "
                      f"max-norm {max(r[2] for r in rs):.3f} top D {[round(d, 3) for d in ds[:6]]}")


if __name__ == "__main__":
    main()
