#!/usr/bin/env python3
"""Real brand replies as tact conversations: the public Twitter customer-care samples in
../shared/corpus (twcs-head, ibm-twitter-customer-care) written as tact JSON Lines.

twcs-head is a flat list of tweets; a thread is every tweet reachable from a customer's first
tweet through in_response_to_tweet_id, ordered by time. inbound=True is the customer, False the
brand (the agent, author_id the brand's name). ibm-twitter-customer-care holds dialogs whose turns
are client/agent. Threads with no brand reply, or no customer turn, are left out.

    python3 bench/twitter_threads.py -o /tmp/tweets.jsonl       # both corpora
    build/tact check /tmp/tweets.jsonl --summary

The corpora's licences forbid copying their text into this repository: write the output
outside it. Python 3 standard library only.
"""

import argparse
import csv
import json
import os
import sys
from datetime import datetime

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "corpus"))


def twcs(path):
    tweets = {}
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row.get("created_at") and row.get("text") is not None:  # the head cuts one row
                tweets[row["tweet_id"]] = row
    children = {}
    for tid, row in tweets.items():
        parent = row["in_response_to_tweet_id"].split(".")[0] if row["in_response_to_tweet_id"] else ""
        if parent and parent in tweets:
            children.setdefault(parent, []).append(tid)
    roots = [tid for tid, r in tweets.items()
             if not (r["in_response_to_tweet_id"] and r["in_response_to_tweet_id"].split(".")[0] in tweets)]
    for root in sorted(roots, key=int):
        seen, stack = [], [root]
        while stack:
            t = stack.pop()
            seen.append(t)
            stack.extend(children.get(t, []))
        rows = sorted((tweets[t] for t in seen),
                      key=lambda r: datetime.strptime(r["created_at"], "%a %b %d %H:%M:%S %z %Y"))
        turns, brand = [], None
        for r in rows:
            inbound = r["inbound"] == "True"
            if not inbound:
                brand = brand or r["author_id"]
            turns.append({"role": "customer" if inbound else "agent",
                          "speaker": r["author_id"],
                          "time": datetime.strptime(r["created_at"], "%a %b %d %H:%M:%S %z %Y").isoformat(),
                          "text": r["text"]})
        if brand and any(t["role"] == "customer" for t in turns):
            yield {"id": "twcs-" + root, "channel": "chat", "agent": brand,
                   "metadata": {"corpus": "twcs-head"}, "turns": turns}


def ibm(path, split):
    """Dialog turns name their speaker under the key 'client', 'client1', ... or 'agent'; the
    brand's answer that closes the dialog is agentURL.url_utterance when not among them."""
    for d in json.load(open(path, encoding="utf-8")):
        turns, ids = [], set()
        for t in d.get("dialogContent", []):
            key = next((k for k in t if k.startswith("client") or k == "agent"), "client")
            turn = {"role": "agent" if key == "agent" else "customer",
                    "speaker": t.get(key) or key, "text": t.get("message") or ""}
            if t.get("datetime"):
                turn["time"] = t["datetime"]
            turns.append(turn)
            ids.add(t.get("tweet_ID"))
        url = d.get("agentURL") or {}
        company = (d.get("dialogHeader") or {}).get("company") or "brand"
        if url.get("url_utterance") and url.get("tweet_ID") not in ids:
            turns.append({"role": "agent", "speaker": company, "text": url["url_utterance"]})
        if any(t["role"] == "agent" for t in turns) and any(t["role"] == "customer" for t in turns):
            sid = (d.get("dialogHeader") or {}).get("sessionID") or url.get("doc_id") or str(len(turns))
            yield {"id": "ibm-%s-%s" % (split, sid), "channel": "chat", "agent": company,
                   "metadata": {"corpus": "ibm-" + split}, "turns": turns}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--corpus", default=CORPUS)
    a = ap.parse_args()
    n = 0
    seen = set()
    with open(a.output, "w", encoding="utf-8") as out:
        convs = list(twcs(os.path.join(a.corpus, "twcs-head", "twcs_head_subset.csv")))
        for split in ("dev", "test"):
            convs += list(ibm(os.path.join(a.corpus, "ibm-twitter-customer-care", split + ".json"), split))
        for c in convs:
            base, k = c["id"], 1
            while c["id"] in seen:
                k += 1
                c["id"] = "%s-%d" % (base, k)
            seen.add(c["id"])
            out.write(json.dumps(c, ensure_ascii=False) + "\n")
            n += 1
    print("%d conversations -> %s" % (n, a.output), file=sys.stderr)


if __name__ == "__main__":
    main()
