#!/usr/bin/env python3
"""Agreement of tact's English rules with EPITOME's human empathy labels.

EPITOME (../shared/corpus/epitome-reddit/) holds (seeker post, response) pairs from Reddit,
each response rated 0 (none), 1 (weak) or 2 (strong) on three mechanisms of empathy:

    emotional reactions  -> empathy            (warmth, compassion, concern)
    interpretations      -> active_listening   (understanding the seeker's feelings/experience)
    explorations         -> open_question      (exploring what the seeker has not said)

Each pair becomes a two-turn transcript ("Customer: " the post, "Agent: " the response); tact
checks them in one run (--format jsonl --lang en) and a behaviour with evidence in the agent turn
is a positive prediction. Gold is positive at level >= 1 (and, in a second row, level 2 only).
Precision, recall and F1 per mechanism. The corpus is for measurement only: do not tune on it.

    python3 bench/epitome_eval.py [--tact build/tact] [--rules DIR --no-builtin] [--limit N]

Python 3 standard library only.
"""

import argparse
import csv
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from esconv_eval import one_line, prf, run_tact  # noqa: E402

MAPPING = (
    ("empathy", "emotional-reactions"),
    ("active_listening", "interpretations"),
    ("open_question", "explorations"),
)
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "corpus", "epitome-reddit"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tact", default="build/tact")
    ap.add_argument("--rules", action="append")
    ap.add_argument("--no-builtin", action="store_true")
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    print("EPITOME (Reddit): tact --lang en, gold positive at level >= 1 / level 2\n")
    print("%-18s %-20s %6s %6s %6s %7s %7s %7s" % ("behaviour", "mechanism", "gold", "pred", "tp",
                                                   "prec", "recall", "F1"))
    for behaviour, mechanism in MAPPING:
        path = os.path.join(args.corpus, mechanism + "-reddit.csv")
        rows = list(csv.DictReader(open(path, encoding="utf-8")))
        if args.limit:
            rows = rows[: args.limit]
        with tempfile.TemporaryDirectory() as tmp:
            for i, r in enumerate(rows):
                with open(os.path.join(tmp, "ep%05d.txt" % i), "w", encoding="utf-8") as f:
                    f.write("Customer: %s\nAgent: %s\n" % (one_line(r["seeker_post"]) or "...",
                                                          one_line(r["response_post"]) or "..."))
            reports, _ = run_tact(args, tmp)
        pred = []
        for i in range(len(rows)):
            rep = reports.get("ep%05d" % i, {})
            hit = False
            for b in rep.get("behaviours", []):
                if b.get("id") == behaviour:
                    hit = any(int(e["turn"]) == 2 for e in b.get("evidence", []))
            pred.append(hit)
        for label, threshold in (("level>=1", 1), ("level=2", 2)):
            gold = [int(r["level"]) >= threshold for r in rows]
            tp = sum(g and p for g, p in zip(gold, pred))
            fp = sum(p and not g for g, p in zip(gold, pred))
            fn = sum(g and not p for g, p in zip(gold, pred))
            p, rc, f = prf(tp, fp, fn)
            print("%-18s %-20s %6d %6d %6d %7.3f %7.3f %7.3f" % (
                behaviour, mechanism + " " + label, sum(gold), sum(pred), tp, p, rc, f))


if __name__ == "__main__":
    main()
