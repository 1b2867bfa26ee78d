#!/usr/bin/env python3
"""Fails on an #include that goes the wrong way between src/ folders.

  layers.py ROOT

Each folder of ROOT/src is one library (see docs/architecture.md); a library
may include its own headers, the public headers in include/tact/ that belong
to its layer or below, and the headers of the libraries below it, never one
above or beside it. Prints FILE:LINE: error: ... for each wrong-way include and
exits 1; prints the layer table and exits 0 when every include goes downward.
"""
import os
import re
import sys

# Each library and the libraries it may include (directly); what those may
# include comes with them. Keep in step with CMakeLists.txt and
# docs/architecture.md.
LAYERS = {
    "common": [],
    "text": ["common"],
    "input": ["common", "text"],
    "match": ["common", "text"],
    "rules": ["common", "text", "match"],
    "score": ["rules"],
    "eval": ["score"],
    "agreement": ["common"],
    "summary": ["common"],
    "report": ["summary", "agreement", "text"],
    "run": ["eval", "report", "input"],
    "cli": ["run"],
    "tools": ["rules"],
}
# The public headers, by the library that implements them.
PUBLIC = {
    "tact/conversation.h": "common",
    "tact/diagnostic.h": "common",
    "tact/result.h": "common",
    "tact/rule_set.h": "rules",
    "tact/analyzer.h": "eval",
}


def closure(lib, seen=None):
    seen = set() if seen is None else seen
    for dep in LAYERS[lib]:
        if dep not in seen:
            seen.add(dep)
            closure(dep, seen)
    return seen


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    src = os.path.join(root, "src")
    errors = 0
    folders = sorted(d for d in os.listdir(src) if os.path.isdir(os.path.join(src, d)))
    for folder in folders:
        if folder not in LAYERS:
            print(f"{os.path.join(src, folder)}: error: folder '{folder}' is in no layer "
                  "(add it to tests/tools/layers.py and docs/architecture.md)")
            errors += 1
            continue
        allowed = closure(folder) | {folder}
        for dirpath, _, files in os.walk(os.path.join(src, folder)):
            for f in sorted(files):
                path = os.path.join(dirpath, f)
                for n, line in enumerate(open(path, encoding="utf-8"), 1):
                    m = re.match(r'\s*#\s*include\s+"([^"]+)"', line)
                    if not m:
                        continue
                    inc = m.group(1)
                    lib = PUBLIC.get(inc, inc.split("/")[0] if "/" in inc else folder)
                    if lib not in LAYERS:
                        continue  # generated or third-party
                    if lib not in allowed:
                        print(f"{path}:{n}: error: '{folder}' includes \"{inc}\" from '{lib}', "
                              f"which is not below it (allowed: {', '.join(sorted(allowed))})")
                        errors += 1
    if errors:
        print(f"{errors} wrong-way include(s)")
        return 1
    for lib in LAYERS:
        print(f"  {lib:10s} -> {', '.join(sorted(closure(lib))) or '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
