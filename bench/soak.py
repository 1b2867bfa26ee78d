#!/usr/bin/env python3
"""Soak test: tact over ~SIZE MB of valid and mutated inputs with -j2.

Writes a folder of generated conversations in every format, then mutated
copies: truncated files and lines, flipped and random bytes, NUL bytes, 20 MB
single lines, JSON nested 100,000 deep, binary noise named .txt/.json/.csv,
empty files. Runs `tact check -j2 --format jsonl` on it under /usr/bin/time and
checks: no crash or hang (exit 0 or 3, within the timeout), every JSONL line
counted (analyzed or skipped), and the peak RSS.

  bench/soak.py [--size-mb 1000] [--tact build/tact] [--seed 7]
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size-mb", type=float, default=1000)
    ap.add_argument("--tact", default=os.path.join(ROOT, "build", "tact"))
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--timeout", type=int, default=3600)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    gen = os.path.join(ROOT, "..", "shared", "bench", "gen_corpus.py")
    with tempfile.TemporaryDirectory() as tmp:
        d = os.path.join(tmp, "soak")
        os.makedirs(d)
        valid_mb = args.size_mb * 0.8
        subprocess.run([sys.executable, gen, "--size-mb", str(valid_mb), "--format", "jsonl", "--seed", str(args.seed),
                        "--out", os.path.join(d, "valid.jsonl"), "--quiet"], check=True)
        for fmt in ("txt", "vtt", "srt"):
            subprocess.run([sys.executable, gen, "--count", "300", "--format", fmt, "--seed", str(args.seed),
                            "--out", os.path.join(d, fmt), "--quiet"], check=True)
        subprocess.run([sys.executable, gen, "--count", "3000", "--format", "csv", "--seed", str(args.seed),
                        "--out", os.path.join(d, "valid.csv"), "--quiet"], check=True)
        # Mutated JSON Lines: a line of every kind of damage, repeated.
        lines = open(os.path.join(d, "valid.jsonl"), encoding="utf-8").read().splitlines()
        mutated_lines = 0
        with open(os.path.join(d, "mutated.jsonl"), "wb") as f:
            target = args.size_mb * 0.2 * 1e6
            written = 0
            while written < target:
                line = rng.choice(lines).encode("utf-8")
                kind = rng.randrange(8)
                if kind == 0:
                    line = line[: rng.randrange(1, len(line))]  # truncated
                elif kind == 1:
                    b = bytearray(line)
                    for _ in range(rng.randrange(1, 20)):
                        b[rng.randrange(len(b))] = rng.randrange(256)  # flipped bytes
                    line = bytes(b)
                elif kind == 2:
                    line = line.replace(b'"text":"', b'"text":"\\u0000', 1)  # NUL in a text
                elif kind == 3:
                    line = b"[" * 100000 + b"]" * 100000  # deep nesting
                elif kind == 4 and rng.random() < 0.02:
                    line = b'{"id":"huge","turns":[{"speaker":"agent","text":"' + b"x" * (20 << 20) + b'"}]}'
                elif kind == 5:
                    line = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400))).replace(b"\n", b" ")
                f.write(line + b"\n")
                written += len(line) + 1
                mutated_lines += 1
        # Broken single-document files.
        for i in range(200):
            name = rng.choice(["noise.txt", "noise.json", "noise.csv", "noise.vtt", "noise.srt"])
            with open(os.path.join(d, f"{i}-{name}"), "wb") as f:
                kind = i % 4
                if kind == 0:
                    f.write(bytes(rng.randrange(256) for _ in range(rng.randrange(0, 5000))))
                elif kind == 1:
                    src = os.path.join(d, "txt", sorted(os.listdir(os.path.join(d, "txt")))[i % 300])
                    data = open(src, "rb").read()
                    f.write(data[: rng.randrange(0, len(data) + 1)])
                elif kind == 2:
                    f.write(b"")
                else:
                    f.write(b'{"turns":' + b"[" * 50000)
        total_mb = sum(os.path.getsize(os.path.join(r, x)) for r, _, fs in os.walk(d) for x in fs) / 1e6
        valid_lines = len(lines)
        start = time.time()
        p = subprocess.run(["/usr/bin/time", "-f", "%M %e", args.tact, "check", "-j2", "--format", "jsonl",
                            "--progress", "never", "--summary", d], capture_output=True, text=True,
                           timeout=args.timeout)
        elapsed = time.time() - start
        rss_kb, wall = p.stderr.strip().splitlines()[-1].split()
        summary = json.loads(p.stdout.strip().splitlines()[-1])["summary"]
        t = summary["totals"]
        errors = sum(1 for l in p.stderr.splitlines() if ": error: " in l)
        print(f"inputs: {total_mb:.0f} MB in {t['inputs']} files ({valid_lines} valid JSONL lines, "
              f"{mutated_lines} mutated lines, 200 broken files, 900 txt/vtt/srt, a 3000-conversation CSV)")
        print(f"exit {p.returncode} in {elapsed:.0f} s, peak RSS {int(rss_kb) / 1024:.0f} MB")
        print(f"read {t['read']}, analyzed {t['analyzed']}, skipped {t['skipped']} (errors printed: {errors})")
        ok = p.returncode in (0, 3) and t["read"] == t["analyzed"] and t["skipped"] == errors
        ok &= t["analyzed"] >= valid_lines  # every valid conversation made it
        print("OK" if ok else "FAILED")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
