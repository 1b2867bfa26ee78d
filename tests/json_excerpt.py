#!/usr/bin/env python3
"""Prints an excerpt of tact's JSON output for the docs: one member (--select a.b.0), arrays and
objects cut to --keep N items (an elided rest is shown as "…"), top-level members one per line.
Reads a JSON document, or the first line of JSON Lines, from stdin. Used by tests/docs_examples.py,
so the examples in docs/ are real output.

    tact check --format jsonl --only blame examples/en_poor_call.txt | tests/json_excerpt.py --keep 1
"""

import argparse
import json
import sys


def cut(v, keep, depth=0):
    if isinstance(v, list):
        out = [cut(x, keep, depth + 1) for x in v[:keep]]
        if len(v) > keep:
            out.append("…")
        return out
    if isinstance(v, dict):
        items = list(v.items())
        # A map of objects (metrics by id) is cut like an array; a record keeps every member.
        is_map = depth > 0 and items and all(isinstance(x, dict) for _, x in items)
        limit = min(len(items), keep) if is_map else len(items)
        out = {k: cut(x, keep, depth + 1) for k, x in items[:limit]}
        if len(items) > limit:
            out["…"] = "…"
        return out
    return v


def compact(v):
    return json.dumps(v, ensure_ascii=False, separators=(",", ":"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--select", default="", help="dotted path: summary, behaviours.0, metrics")
    ap.add_argument("--keep", type=int, default=2)
    args = ap.parse_args()
    text = sys.stdin.read()
    try:
        doc = json.loads(text)
    except json.JSONDecodeError:
        doc = json.loads(text.splitlines()[0])
    for part in filter(None, args.select.split(".")):
        doc = doc[int(part)] if isinstance(doc, list) else doc[part]
    doc = cut(doc, args.keep)
    if isinstance(doc, dict):
        print("{" + ",\n ".join(compact(k) + ":" + compact(v) for k, v in doc.items()) + "}")
    else:
        print(compact(doc))


if __name__ == "__main__":
    main()
