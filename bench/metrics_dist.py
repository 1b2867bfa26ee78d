#!/usr/bin/env python3
"""Distribution (median, p90) of every metric over generated conversations.

  bench/metrics_dist.py [--tact build/tact] [--count 10000] [--seed 5] [--format jsonl|vtt|...]

Generates --count conversations with ../shared/bench/gen_corpus.py, runs
`tact check --format jsonl` on them and prints, per metric and channel, how
many conversations had a value, the median and p90, and the met/missed share.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def pct(values, p):
    v = sorted(values)
    if not v:
        return float("nan")
    k = (len(v) - 1) * p
    lo = int(k)
    hi = min(lo + 1, len(v) - 1)
    return v[lo] + (v[hi] - v[lo]) * (k - lo)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tact", default=os.path.join(ROOT, "build", "tact"))
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--format", default="jsonl")
    args = ap.parse_args()
    gen = os.path.join(ROOT, "..", "shared", "bench", "gen_corpus.py")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "corpus.jsonl" if args.format in ("jsonl", "csv") else "corpus")
        if args.format == "csv":
            out = os.path.join(tmp, "corpus.csv")
        subprocess.run([sys.executable, gen, "--count", str(args.count), "--format", args.format, "--seed",
                        str(args.seed), "--out", out, "--quiet"], check=True)
        t0 = time.time()
        res = subprocess.run([args.tact, "check", "--format", "jsonl", out], capture_output=True, text=True)
        secs = time.time() - t0
    if res.returncode not in (0, 1):
        sys.exit(res.stderr[-3000:])
    values = collections.defaultdict(list)
    status = collections.defaultdict(collections.Counter)
    n = 0
    for line in res.stdout.splitlines():
        r = json.loads(line)
        n += 1
        for mid, m in r["metrics"].items():
            key = (mid, r["channel"])
            status[key][m["status"]] += 1
            if m["value"] is not None:
                values[key].append(m["value"])
    print(f"{n} conversations from gen_corpus.py --format {args.format} --count {args.count} --seed {args.seed} "
          f"({secs:.1f} s in tact)")
    print(f"{'metric':<20} {'channel':<6} {'with value':>10} {'median':>9} {'p90':>9} {'met':>6} {'missed':>7}")
    for key in sorted(status):
        mid, ch = key
        v = values[key]
        s = status[key]
        applicable = s["met"] + s["missed"]
        met = f"{s['met'] / applicable:.0%}" if applicable else "-"
        missed = f"{s['missed'] / applicable:.0%}" if applicable else "-"
        print(f"{mid:<20} {ch:<6} {len(v):>10} {pct(v, .5):>9.2f} {pct(v, .9):>9.2f} {met:>6} {missed:>7}")


if __name__ == "__main__":
    main()
