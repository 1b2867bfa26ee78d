#!/usr/bin/env python3
"""Turn-level agreement of tact's English rules with ESConv's human strategy labels.

ESConv (../shared/corpus/esconv/) holds emotional-support chats in which every supporter
("sys") turn carries one strategy label. Four of them correspond to tact behaviours:

    Question                      -> open_question
    Restatement or Paraphrasing   -> active_listening
    Reflection of feelings        -> empathy
    Affirmation and Reassurance   -> reassurance

Each dialog is written as a plain-text transcript (one line per turn, "Agent: " for sys and
"Customer: " for usr, newlines inside a text collapsed to spaces so turn numbers stay aligned),
tact checks them all in one run (--format jsonl --lang en), and every evidence turn of the four
behaviours is a positive prediction for that supporter turn. Precision, recall and F1 are
computed per behaviour over supporter turns, plus their macro average.

Tune on --split train or valid only; test is kept for the final measurement.

    python3 bench/esconv_eval.py --split valid
    python3 bench/esconv_eval.py --split valid --tact /work/bin/tact --no-builtin --rules rules/en
    python3 bench/esconv_eval.py --split train --show-errors 10

Python 3 standard library only.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

MAPPING = (
    ("open_question", "Question"),
    ("active_listening", "Restatement or Paraphrasing"),
    ("empathy", "Reflection of feelings"),
    ("reassurance", "Affirmation and Reassurance"),
)

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "corpus", "esconv"))


def one_line(text):
    """A turn's text on one line: any line break or run of whitespace becomes one space."""
    return " ".join((text or "").split())


def load_dialogs(path, limit):
    dialogs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            dialogs.append(json.loads(line)["dialog"])
            if limit and len(dialogs) >= limit:
                break
    return dialogs


def write_transcripts(dialogs, outdir):
    """One file per dialog; returns {conversation id: [(speaker, strategy, text), ...]}."""
    turns_by_id = {}
    for i, dialog in enumerate(dialogs):
        cid = "esconv%05d" % (i + 1)
        lines, turns = [], []
        for t in dialog:
            sys_turn = t.get("speaker") == "sys"
            text = one_line(t.get("text"))
            if not text:
                text = "..."  # keep the turn so later turn numbers stay aligned
            lines.append(("Agent: " if sys_turn else "Customer: ") + text)
            turns.append(("sys" if sys_turn else "usr", t.get("strategy"), text))
        with open(os.path.join(outdir, cid + ".txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        turns_by_id[cid] = turns
    return turns_by_id


def run_tact(args, indir):
    cmd = [args.tact, "check", "--format", "jsonl", "--lang", "en"]
    if args.no_builtin:
        cmd.append("--no-builtin-rules")
    for d in args.rules or []:
        cmd += ["--rules", d]
    cmd.append(indir)
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stderr.decode("utf-8", "replace"))
        sys.exit("tact failed (exit %d): %s" % (proc.returncode, " ".join(cmd)))
    reports = {}
    for line in proc.stdout.decode("utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        rep = json.loads(line)
        cid = rep.get("id") or os.path.splitext(os.path.basename(rep.get("source", "")))[0]
        reports[cid] = rep
    return reports, cmd


def predictions(report, behaviour):
    turns = set()
    for b in report.get("behaviours", []):
        if b.get("id") == behaviour:
            for ev in b.get("evidence", []):
                turns.add(int(ev["turn"]))
    return turns


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=("train", "valid", "test"), default="valid")
    ap.add_argument("--tact", default="build/tact", help="tact binary (default build/tact)")
    ap.add_argument("--rules", action="append", help="rule directory passed as --rules (repeatable)")
    ap.add_argument("--no-builtin", action="store_true", help="pass --no-builtin-rules")
    ap.add_argument("--corpus", default=DEFAULT_CORPUS, help="folder with train/valid/test.txt")
    ap.add_argument("--limit", type=int, default=0, help="only the first N dialogs")
    ap.add_argument("--show-errors", type=int, default=0, metavar="K",
                    help="print K false positives and K false negatives per behaviour")
    ap.add_argument("--only", help="comma-separated behaviours for --show-errors")
    ap.add_argument("--seed", type=int, default=1, help="sampling seed for --show-errors")
    ap.add_argument("--keep", metavar="DIR", help="write the transcripts to DIR and keep them")
    args = ap.parse_args()

    if args.no_builtin and not args.rules:
        ap.error("--no-builtin needs --rules DIR")
    dialogs = load_dialogs(os.path.join(args.corpus, args.split + ".txt"), args.limit)

    tmp = None
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
        outdir = args.keep
    else:
        tmp = tempfile.TemporaryDirectory(prefix="esconv-")
        outdir = tmp.name
    turns_by_id = write_transcripts(dialogs, outdir)
    reports, cmd = run_tact(args, outdir)

    mismatched = 0
    counts = {b: [0, 0, 0] for b, _ in MAPPING}  # tp, fp, fn
    errors = {b: ([], []) for b, _ in MAPPING}  # false positives, false negatives
    for cid, turns in turns_by_id.items():
        rep = reports.get(cid)
        if rep is None:
            sys.exit("no report for %s" % cid)
        if rep.get("turn_count") != len(turns):
            mismatched += 1
        for behaviour, strategy in MAPPING:
            pred = predictions(rep, behaviour)
            for n, (speaker, strat, text) in enumerate(turns, 1):
                if speaker != "sys":
                    continue
                gold = strat == strategy
                hit = n in pred
                if gold and hit:
                    counts[behaviour][0] += 1
                elif hit:
                    counts[behaviour][1] += 1
                    errors[behaviour][0].append((cid, n, strat, text))
                elif gold:
                    counts[behaviour][2] += 1
                    errors[behaviour][1].append((cid, n, strat, text))

    sys_turns = sum(1 for t in turns_by_id.values() for s in t if s[0] == "sys")
    print("ESConv %s: %d dialogs, %d supporter turns" % (args.split, len(turns_by_id), sys_turns))
    print("command: %s" % " ".join(cmd[:-1] + ["<transcripts>"]))
    if mismatched:
        print("warning: %d conversations with a turn count different from the dialog" % mismatched)
    print()
    print("%-18s %6s %6s %6s %7s %7s %7s" % ("behaviour", "gold", "pred", "tp", "prec", "recall", "F1"))
    f1s = []
    for behaviour, _ in MAPPING:
        tp, fp, fn = counts[behaviour]
        p, r, f = prf(tp, fp, fn)
        f1s.append(f)
        print("%-18s %6d %6d %6d %7.3f %7.3f %7.3f" % (behaviour, tp + fn, tp + fp, tp, p, r, f))
    print("%-18s %6s %6s %6s %7s %7s %7.3f" % ("macro F1", "", "", "", "", "", sum(f1s) / len(f1s)))

    if args.show_errors:
        only = set(args.only.split(",")) if args.only else None
        rng = random.Random(args.seed)
        for behaviour, _ in MAPPING:
            if only and behaviour not in only:
                continue
            fps, fns = errors[behaviour]
            for label, items in (("false positives", fps), ("false negatives", fns)):
                sample = items if len(items) <= args.show_errors else rng.sample(items, args.show_errors)
                print("\n== %s: %s (%d of %d)" % (behaviour, label, len(sample), len(items)))
                for cid, n, strat, text in sample:
                    print("  %s:%d [%s] %s" % (cid, n, strat, text))
    if tmp:
        tmp.cleanup()


if __name__ == "__main__":
    main()
