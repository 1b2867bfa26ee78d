#!/usr/bin/env python3
"""Draws positive verdicts at random for a precision check by hand.

Runs tact over the inputs (--format jsonl), collects every positive verdict: an expected
behaviour `met`, an avoid behaviour `violated`, a customer signal `present`, each with its first
evidence turn. Draws N of them with a fixed seed, every `violated` one included, and prints them
one per block for a reviewer to judge (the turn, the match in [ ], the rule that fired).

With --judged FILE (lines "NUMBER ok" / "NUMBER wrong [why]", as a reviewer fills them in),
it prints precision per verdict kind and per behaviour instead.

    python3 bench/sample_verdicts.py /tmp/tweets.jsonl --n 100 > /tmp/sample.txt
    python3 bench/sample_verdicts.py /tmp/tweets.jsonl --n 100 --judged /tmp/judged.txt
"""

import argparse
import collections
import json
import random
import subprocess
import sys

POSITIVE = {"met": "met", "violated": "violated", "present": "present"}


def verdicts(tact, inputs, extra):
    cmd = [tact, "check", "--format", "jsonl", "--no-redact"] + extra + inputs
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if proc.returncode not in (0, 1, 3):
        sys.exit(proc.stderr.decode("utf-8", "replace"))
    out = []
    for line in proc.stdout.decode("utf-8").splitlines():
        if not line.strip():
            continue
        rep = json.loads(line)
        for b in rep.get("behaviours", []):
            if b.get("status") in POSITIVE and b.get("evidence"):
                e = b["evidence"][0]
                text = e["text"]
                quote = text  # byte offsets: cut on bytes
                raw = text.encode("utf-8")
                s, t = e.get("span", [0, 0]) if isinstance(e.get("span"), list) else (e.get("begin", 0), e.get("end", 0))
                quote = (raw[:s] + b"[" + raw[s:t] + b"]" + raw[t:]).decode("utf-8", "replace")
                out.append({"id": rep["id"], "behaviour": b["id"], "status": b["status"],
                            "turn": e["turn"], "speaker": e.get("role", ""),
                            "quote": " ".join(quote.split()), "rule": e.get("rule", "")})
    out.sort(key=lambda v: (v["id"], v["behaviour"]))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--tact", default="build/tact")
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--judged")
    ap.add_argument("--tact-arg", action="append", default=[], help="extra tact argument")
    a = ap.parse_args()
    allv = verdicts(a.tact, a.inputs, a.tact_arg)
    violated = [v for v in allv if v["status"] == "violated"]
    rest = [v for v in allv if v["status"] != "violated"]
    rng = random.Random(a.seed)
    k = max(0, a.n - len(violated))
    sample = violated + rng.sample(rest, min(k, len(rest)))
    counts = collections.Counter(v["status"] for v in allv)
    if not a.judged:
        print("# %d positive verdicts (%s); %d drawn, seed %d" % (
            len(allv), ", ".join("%s %d" % kv for kv in sorted(counts.items())), len(sample), a.seed))
        for i, v in enumerate(sample, 1):
            print("\n%d. %s %s %s turn %d (%s) %s\n   %s" % (i, v["id"], v["behaviour"], v["status"],
                                                          v["turn"], v["speaker"], v["rule"], v["quote"]))
        return
    judged = {}
    for line in open(a.judged, encoding="utf-8"):
        parts = line.split(None, 2)
        if len(parts) >= 2 and parts[0].isdigit() and parts[1] in ("ok", "wrong"):
            judged[int(parts[0])] = parts[1] == "ok"
    by_kind, by_beh = collections.defaultdict(list), collections.defaultdict(list)
    for i, v in enumerate(sample, 1):
        if i in judged:
            by_kind[v["status"]].append(judged[i])
            by_beh[v["behaviour"] + " " + v["status"]].append(judged[i])
    print("%-32s %5s %5s %9s" % ("verdict", "n", "ok", "precision"))
    for name, d in sorted(by_kind.items()) + [("all", sum(by_kind.values(), []))] + sorted(by_beh.items()):
        print("%-32s %5d %5d %9.2f" % (name, len(d), sum(d), sum(d) / len(d) if d else 0))


if __name__ == "__main__":
    main()
