#!/usr/bin/python3
"""Markdown table of per_feature.sh's TSV: per model, the minimum and median wall (and CPU = user + sys) seconds of our
command and of the numpy reference, their ratios (numpy ÷ ours, above 1 means we are faster) and peak RSS; with a
"before" command in the run, its median wall and its ratio to ours as the last columns.
Usage: per_feature_table.py RUN.tsv"""
import statistics
import sys
from collections import defaultdict


def main():
    rows = defaultdict(lambda: defaultdict(list))
    for line in open(sys.argv[1]):
        model, cmd, _, wall, user, system, rss = line.rstrip("\n").split("\t")
        rows[model][cmd].append((float(wall), float(user) + float(system), int(rss)))
    print("| model | reps | ours wall min / median s | numpy wall min / median s | numpy ÷ ours (min / median wall) "
          "| ours CPU median s | numpy CPU median s | numpy ÷ ours (CPU) | ours / numpy peak RSS MB |"
          + (" before wall median s | before ÷ ours (median wall) |" if any("before" in c for c in rows.values()) else ""))
    before = any("before" in cmds for cmds in rows.values())
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|" + ("---:|---:|" if before else ""))
    for model, cmds in rows.items():
        ours, numpy = cmds["ours"], cmds["numpy"]
        ow, nw = [r[0] for r in ours], [r[0] for r in numpy]
        oc, nc = statistics.median(r[1] for r in ours), statistics.median(r[1] for r in numpy)
        print(f"| {model} | {len(ours)} | {min(ow):.2f} / {statistics.median(ow):.2f} | {min(nw):.2f} / {statistics.median(nw):.2f} "
              f"| {min(nw) / min(ow):.2f} / {statistics.median(nw) / statistics.median(ow):.2f} | {oc:.2f} | {nc:.2f} | {nc / oc:.2f} "
              f"| {max(r[2] for r in ours) / 1024:.0f} / {max(r[2] for r in numpy) / 1024:.0f} |", end="")
        if before:
            bw = statistics.median(r[0] for r in cmds["before"])
            print(f" {bw:.2f} | {bw / statistics.median(ow):.2f} |", end="")
        print()


if __name__ == "__main__":
    sys.exit(main())
