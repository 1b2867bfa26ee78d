#!/usr/bin/env python3
"""Lists the longest C++ function bodies under a folder, and fails on one over a limit.

  function_lengths.py SRC [--max 80] [--top 5] [--allow FILE:NAME ...]

A function is a brace block opened at namespace or class scope after a
parameter list (lambdas and local classes count towards the function around
them). Its length is the number of lines from its signature's last line to its
closing brace. Comments, strings and character literals are blanked first, so
braces inside them do not count. Exit 1 lists each function over --max that is
not allowed by --allow (the rule parser's grammar tables, say).
"""
import argparse
import os
import re
import sys


def blank(text):
    """Comments, string and char literals replaced by spaces (newlines kept)."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == "R" and text.startswith('R"', i) and (i == 0 or not text[i - 1].isalnum()):
            m = re.match(r'R"([^(\s]*)\(', text[i:])
            if not m:
                out.append(c)
                i += 1
                continue
            end = text.find(")" + m.group(1) + '"', i)
            j = n if end < 0 else end + len(m.group(1)) + 2
            out.append('""' + re.sub(r"[^\n]", " ", text[i + 2:j]))
            i = j
        elif c in "\"'":
            if c == "'" and i > 0 and text[i - 1].isalnum():  # digit separator 1'000
                out.append(" ")
                i += 1
                continue
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            out.append(c + " " * (j - i - 2) + c if j - i >= 2 else c)
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


SCOPE = re.compile(r"\b(namespace|class|struct|union|enum)\b[^;()]*$|\bextern\s*$", re.S)
NAME = re.compile(r"([~\w:<>]+)\s*\([^()]*(\([^()]*\)[^()]*)*\)[^()]*$", re.S)


def functions(path):
    text = blank(open(path, encoding="utf-8", errors="replace").read())
    # Preprocessor lines are not code.
    text = re.sub(r"(?m)^[ \t]*#.*(\\\n.*)*", lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    stack = []  # (kind, start_line, name)
    head_start = 0
    line = 1
    for i, c in enumerate(text):
        if c == "\n":
            line += 1
        elif c == "{":
            head = text[head_start:i]
            in_function = any(k == "function" for k, _, _ in stack)
            if in_function:
                stack.append(("block", line, ""))
            elif SCOPE.search(head) or "(" not in head or re.search(r"=\s*$", head):
                stack.append(("scope", line, ""))
            else:
                m = NAME.search(head)
                stack.append(("function", line, m.group(1) if m else "?"))
            head_start = i + 1
        elif c == "}":
            if stack:
                kind, start, name = stack.pop()
                if kind == "function" and not any(k == "function" for k, _, _ in stack):
                    yield name, start, line - start + 1
            head_start = i + 1
        elif c == ";":
            head_start = i + 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("src")
    ap.add_argument("--max", type=int, default=80)
    ap.add_argument("--top", type=int, default=5)
    ap.add_argument("--allow", nargs="*", default=[], help="FILE:NAME pairs exempt from --max")
    args = ap.parse_args()
    found = []
    for root, _, files in os.walk(args.src):
        for f in sorted(files):
            if f.endswith((".cc", ".h")):
                p = os.path.join(root, f)
                rel = os.path.relpath(p, args.src)
                for name, start, length in functions(p):
                    found.append((length, rel, start, name))
    found.sort(key=lambda t: (-t[0], t[1], t[2]))
    print(f"longest functions in {args.src} ({len(found)} functions):")
    for length, rel, start, name in found[: args.top]:
        print(f"  {length:4d} lines  {rel}:{start}  {name}")
    allowed = set(args.allow)
    over = [t for t in found if t[0] > args.max and f"{t[1]}:{t[3]}" not in allowed]
    for length, rel, start, name in over:
        print(f"{os.path.join(args.src, rel)}:{start}: error: {name} is {length} lines "
              f"(limit {args.max}): split it into named steps")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
