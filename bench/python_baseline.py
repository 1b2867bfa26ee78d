#!/usr/bin/env python3
"""The comparison point for tact's speed: a straightforward Python script that
applies the same rules as regular expressions to every turn of a JSONL corpus,
honestly optimized (precompiled, one alternation per language and behaviour,
case-insensitive), and prints per behaviour how many conversations matched.

  bench/python_baseline.py behaviours.json corpus.jsonl
"""
import collections
import json
import re
import sys


def main():
    spec = json.load(open(sys.argv[1], encoding="utf-8"))
    compiled = {}
    for lang, behaviours in spec.items():
        compiled[lang] = []
        for b, rx in behaviours.items():
            try:
                compiled[lang].append((b, re.compile(rx, re.IGNORECASE)))
            except re.error:
                pass
    hits = collections.Counter()
    n = 0
    with open(sys.argv[2], encoding="utf-8") as f:
        for line in f:
            conv = json.loads(line)
            n += 1
            rules = compiled.get(conv.get("language", "en"), compiled.get("en", []))
            for b, rx in rules:
                for t in conv["turns"]:
                    if rx.search(t["text"]):
                        hits[b] += 1
                        break
    print(n, "conversations;", sum(hits.values()), "behaviour hits")


if __name__ == "__main__":
    main()
