#!/usr/bin/env python3
"""Writes tests/data/dated/tickets.jsonl: 28 generated conversations (../shared/bench/gen_corpus.py,
seed 16, English and Spanish, 3 agents per language) spread over four ISO weeks, 2024-W46 to
2024-W49 (11 November to 8 December 2024), two a day on alternate days. Most carry absolute ISO
8601 turn times (the readers keep the first as metadata.started_at); every fifth one instead has
relative times and metadata.date; the last two have no date at all. Deterministic.
  python3 tests/data/dated/make_tickets.py ../shared/bench/gen_corpus.py > tests/data/dated/tickets.jsonl
"""
import datetime
import json
import subprocess
import sys

gen = sys.argv[1]
lines = subprocess.run([sys.executable, gen, "--count", "28", "--seed", "16", "--langs", "en,es",
                        "--agents-per-lang", "3", "--quiet"], check=True, capture_output=True,
                       text=True).stdout.splitlines()
base = datetime.datetime(2024, 11, 11, 8, 0, tzinfo=datetime.timezone.utc)
for i, line in enumerate(lines):
    c = json.loads(line)
    start = base + datetime.timedelta(days=i, hours=(i * 5) % 9, minutes=(i * 17) % 60)
    if i >= len(lines) - 2:
        pass  # undated
    elif i % 5 == 4:
        c["metadata"] = {"date": start.strftime("%Y-%m-%d")}
    else:
        for t in c["turns"]:
            for k in ("start", "end"):
                if k in t:
                    at = start + datetime.timedelta(seconds=t[k])
                    t[k] = at.strftime("%Y-%m-%dT%H:%M:%S.") + f"{at.microsecond // 1000:03d}Z"
    print(json.dumps(c, ensure_ascii=False, separators=(",", ":")))
