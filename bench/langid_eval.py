#!/usr/bin/env python3
"""Language detection accuracy of tact, as confusion matrices.

Two sets:
  * bench: conversations from ../shared/bench/gen_corpus.py written as plain
    text (so the language is not given and must be detected), checked against
    the generator's manifest;
  * short: held-out chats of 3-6 turns in tests/data/langid/<lang>/*.txt,
    written for this purpose and never used to tune the stop-word profiles.

  bench/langid_eval.py [--tact build/tact] [--count 2000] [--seed 11] [--min-accuracy 0.95]

Exit status 1 when an accuracy is below --min-accuracy (CTest uses this on
the short set with --skip-bench).
"""
import argparse
import collections
import csv
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LANGS = ["en", "es", "no", "sv", "ru"]


def detect(tact, paths):
    out = subprocess.run([tact, "check", "--format", "jsonl", "--only", "greeting"] + paths,
                         capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit("tact failed: " + out.stderr[-2000:])
    return {r["source"]: (r["language"], r["language_method"], r["language_confidence"])
            for r in map(json.loads, out.stdout.splitlines())}


def matrix(title, pairs):
    counts = collections.Counter(pairs)
    total = len(pairs)
    right = sum(n for (g, p), n in counts.items() if g == p)
    cols = LANGS + ["other"]
    print(f"\n{title}: {right}/{total} = {right / max(total, 1):.2%}")
    print("gold\\detected " + " ".join(f"{c:>6}" for c in cols))
    for g in LANGS:
        row = [counts.get((g, c), 0) for c in LANGS]
        row.append(sum(n for (gg, p), n in counts.items() if gg == g and p not in LANGS))
        print(f"{g:>13} " + " ".join(f"{n:>6}" for n in row))
    return right / max(total, 1)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tact", default=os.path.join(ROOT, "build", "tact"))
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--skip-bench", action="store_true")
    ap.add_argument("--min-accuracy", type=float, default=0.0)
    args = ap.parse_args()
    ok = True
    if not args.skip_bench:
        gen = os.path.join(ROOT, "..", "shared", "bench", "gen_corpus.py")
        with tempfile.TemporaryDirectory() as tmp:
            d = os.path.join(tmp, "txt")
            manifest = os.path.join(tmp, "manifest.csv")
            subprocess.run([sys.executable, gen, "--count", str(args.count), "--format", "txt", "--seed",
                            str(args.seed), "--out", d, "--manifest", manifest, "--quiet"], check=True)
            gold = {row["id"]: row["language"] for row in csv.DictReader(open(manifest))}
            found = detect(args.tact, [d])
            pairs = [(gold[os.path.splitext(os.path.basename(s))[0]], lang) for s, (lang, method, conf) in found.items()]
            unsure = sum(1 for (_, m, _) in found.values() if m != "detected")
            acc = matrix(f"bench: gen_corpus.py --count {args.count} --seed {args.seed} (txt, language not given)", pairs)
            print(f"below the confidence threshold (fallback used): {unsure}")
            ok &= acc >= args.min_accuracy
    base = os.path.join(ROOT, "tests", "data", "langid")
    paths, gold = [], {}
    for lang in sorted(os.listdir(base)):
        for f in sorted(os.listdir(os.path.join(base, lang))):
            p = os.path.join(base, lang, f)
            paths.append(p)
            gold[p] = lang
    found = detect(args.tact, paths)
    pairs = [(gold[s], lang if method == "detected" else "other") for s, (lang, method, conf) in found.items()]
    acc = matrix(f"short held-out chats (tests/data/langid, 3-6 turns)", pairs)
    ok &= acc >= args.min_accuracy
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
