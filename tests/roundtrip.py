#!/usr/bin/env python3
"""Round trip: the same conversations written by ../shared/bench/gen_corpus.py as
jsonl, csv, txt, vtt and srt must get identical behaviour statuses from tact.

  tests/roundtrip.py TACT [--count 200] [--seed 9]

Exits 1 and prints the differences otherwise. CTest runs it.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(tact, path):
    r = subprocess.run([tact, "check", "--format", "jsonl", path], capture_output=True, text=True)
    if r.returncode not in (0, 1):
        sys.exit(f"tact failed on {path}:\n{r.stderr[-2000:]}")
    out = {}
    for line in r.stdout.splitlines():
        c = json.loads(line)
        out[c["id"]] = {b["id"]: b["status"] for b in c["behaviours"]}
        out[c["id"]]["_language"] = c["language"]
        out[c["id"]]["_turns"] = c["turn_count"]
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tact")
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--seed", type=int, default=9)
    args = ap.parse_args()
    gen = os.path.join(ROOT, "..", "shared", "bench", "gen_corpus.py")
    if not os.path.exists(gen):
        # A skip, not a pass (CTest SKIP_RETURN_CODE 77); CI (TACT_NO_SKIP) fails.
        print(f"skipped: {gen} not found")
        return 1 if os.environ.get("TACT_NO_SKIP") else 77
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in ["jsonl", "csv", "txt", "vtt", "srt"]:
            out = os.path.join(tmp, fmt + ("." + fmt if fmt in ("jsonl", "csv") else ""))
            subprocess.run([sys.executable, gen, "--count", str(args.count), "--format", fmt, "--seed", str(args.seed),
                            "--out", out, "--quiet"], check=True)
            results[fmt] = run(args.tact, out)
    base = results["jsonl"]
    failures = 0
    for fmt, res in results.items():
        if set(res) != set(base):
            print(f"{fmt}: conversations differ: {sorted(set(base) ^ set(res))[:10]}")
            failures += 1
            continue
        for cid, statuses in base.items():
            diff = {k: (v, res[cid].get(k)) for k, v in statuses.items() if res[cid].get(k) != v}
            if diff:
                failures += 1
                if failures <= 20:
                    print(f"{fmt} {cid}: {diff}")
    total = len(base) * (len(results) - 1)
    print(f"{len(base)} conversations x {len(results)} formats: {failures} difference(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
