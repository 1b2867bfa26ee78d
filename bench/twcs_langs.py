#!/usr/bin/env python3
"""Languages tact gives the twcs-head tweet threads (English customer care on Twitter).

Threads ../shared/corpus/twcs-head/twcs_head_subset.csv by in_response_to_tweet_id into tact
JSONL conversations, runs `tact check` on them and prints how many were detected per language
and method, the unsupported ones with their first words (they should be non-English or
truly empty of language) and the mixed-language ones.

  bench/twcs_langs.py [--tact build/tact] [--csv PATH]
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


def threads(path):
    rows = list(csv.DictReader(open(path, newline="", encoding="utf-8")))
    ids = {r["tweet_id"] for r in rows}
    parent = {}
    for r in rows:
        p = r["in_response_to_tweet_id"]
        if p and str(int(float(p))) in ids:
            parent[r["tweet_id"]] = str(int(float(p)))

    def root(t):
        seen = set()
        while t in parent and t not in seen:
            seen.add(t)
            t = parent[t]
        return t

    by_root = collections.defaultdict(list)
    for r in rows:
        by_root[root(r["tweet_id"])].append(r)
    for rid, rs in by_root.items():
        rs.sort(key=lambda r: int(r["tweet_id"]))
        turns = [{"speaker": r["author_id"], "role": "customer" if r["inbound"] == "True" else "agent",
                  "text": r["text"] or ""} for r in rs]
        yield {"id": "twcs-" + rid, "channel": "chat", "turns": turns}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tact", default=os.path.join(ROOT, "build", "tact"))
    ap.add_argument("--csv", default=os.path.join(ROOT, "..", "shared", "corpus", "twcs-head",
                                                  "twcs_head_subset.csv"))
    args = ap.parse_args()
    convs = {c["id"]: c for c in threads(args.csv)}
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for c in convs.values():
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    out = subprocess.run([args.tact, "check", "--format", "jsonl", f.name], capture_output=True, text=True)
    os.unlink(f.name)
    results = [json.loads(l) for l in out.stdout.splitlines()]
    if not results:
        sys.exit("tact reported nothing: " + out.stderr[-2000:])
    counts = collections.Counter((r["language"], r["language_method"]) for r in results)
    print(f"{len(results)} threads")
    for (lang, method), n in counts.most_common():
        print(f"  {lang:>4} {method:<12} {n}")
    print("\nunsupported:")
    for r in results:
        if r["language_method"] == "unsupported":
            first = " / ".join(t["text"][:60].replace("\n", " ") for t in convs[r["id"]]["turns"][:2])
            print(f"  {r['id']:<11} {r['language']:<4} {first}")
    print("\nmixed:")
    for r in results:
        if r.get("customer_language"):
            print(f"  {r['id']:<11} agent {r['language']}, customer {r['customer_language']}")


if __name__ == "__main__":
    main()
