#!/usr/bin/env python3
"""The example outputs in docs/*.md are real: each fenced block right after a comment
`<!-- output of: COMMAND -->` must equal what COMMAND prints, run with bash from the repository
root with the built `tact` first on the PATH. A test fails when a doc has gone stale;
`--update` rewrites the blocks from real runs.

    tests/docs_examples.py build/tact [--update]
"""

import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MARK = re.compile(r"<!-- output of: (.+?) -->\n(```[a-z]*\n)(.*?)(```)", re.S)


def run(cmd, tact_dir):
    env = dict(os.environ, PATH=tact_dir + os.pathsep + os.environ.get("PATH", ""), NO_COLOR="1")
    p = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], cwd=ROOT, env=env,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode not in (0, 1):  # 1: a gate failed or findings, which examples may show
        sys.exit(f"docs example failed ({p.returncode}): {cmd}\n{p.stderr}")
    return p.stdout


def main():
    tact = os.path.abspath(sys.argv[1])
    update = "--update" in sys.argv[2:]
    tact_dir = os.path.dirname(tact)
    stale, count = [], 0
    docs = os.path.join(ROOT, "docs")
    for name in sorted(os.listdir(docs)):
        if not name.endswith(".md"):
            continue
        path = os.path.join(docs, name)
        text = open(path, encoding="utf-8").read()

        def replace(m):
            nonlocal count
            count += 1
            out = run(m.group(1), tact_dir)
            if not out.endswith("\n"):
                out += "\n"
            if out != m.group(3):
                stale.append(f"docs/{name}: {m.group(1)}")
            return m.group(0)[: m.start(3) - m.start(0)] + out + m.group(4)

        new = MARK.sub(replace, text)
        if update and new != text:
            open(path, "w", encoding="utf-8").write(new)
    if count == 0:
        sys.exit("no '<!-- output of: ... -->' examples found in docs/")
    if stale and not update:
        print("stale examples (run tests/docs_examples.py build/tact --update and review):")
        for s in stale:
            print("  " + s)
        sys.exit(1)
    print(f"{count} docs example(s) {'updated' if update else 'match real output'}")


if __name__ == "__main__":
    main()
