"""Compares the step losses of a hand-off chain with the uninterrupted lightattn run.

    python3 scripts/torch/compare_runs.py REFERENCE_METRICS NAME=LOSSES [NAME=LOSSES ...] [--tolerance 1e-4]

REFERENCE_METRICS is the uninterrupted run's metrics.jsonl (lightattn train); each LOSSES file is
either a lightattn metrics.jsonl or continue_training.py's --log (both hold {"step", "loss"} lines; a
lightattn log marks them "type": "train"). Every step of every LOSSES file must match the reference
within the relative tolerance. Prints a Markdown table; exits 1 on a mismatch.
"""
import argparse
import json
import sys


def losses(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r.get("type", "train") == "train" and "loss" in r:
                out[r["step"]] = r["loss"]
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("reference")
    p.add_argument("legs", nargs="+", help="NAME=PATH")
    p.add_argument("--tolerance", type=float, default=1e-4)
    args = p.parse_args()
    ref = losses(args.reference)
    ok = True
    print("| leg | steps | first step: ours / reference | largest relative difference |")
    print("| --- | --- | --- | ---: |")
    for leg in args.legs:
        name, path = leg.split("=", 1)
        got = losses(path)
        if not got:
            print(f"| {name} | none | - | - |")
            ok = False
            continue
        steps = sorted(got)
        worst = max(abs(got[s] - ref[s]) / max(1.0, abs(ref[s])) for s in steps)
        first = steps[0]
        print(f"| {name} | {steps[0]}-{steps[-1]} | {got[first]:.7f} / {ref[first]:.7f} | {worst:.2e} |")
        ok &= worst <= args.tolerance and all(s in ref for s in steps)
    print("equal within", args.tolerance if ok else "NOT within", args.tolerance)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
