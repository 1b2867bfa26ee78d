#!/usr/bin/env python3
"""Translates tact rule packs into the comparison points of bench/run.sh.

  bench/rules_to_regex.py regex   rules/   > behaviours.json   # one regex alternation per language and behaviour
  bench/rules_to_regex.py phrases rules/   > phrases.txt       # the literal phrases, one per line (for rg -F -f)

The regexes follow the rule language as closely as Python's re allows:
literals become \\bword\\b, ~stem and prefix* become \\bstem\\w*, groups and
'?' carry over, '...N' becomes up to N words, lexicons are expanded, classes
and /regex/ atoms map to equivalent character classes. Vetoes, scopes and
sentences are left out (that is tact's extra work). The phrase list keeps only
patterns made of plain words and small alternatives, expanded.
"""
import glob
import itertools
import json
import os
import re
import sys


def tokenize(p):
    out, i = [], 0
    while i < len(p):
        c = p[i]
        if c in " \t":
            i += 1
        elif c == "#" and (i == 0 or p[i - 1] in " \t"):
            break
        elif c in "()|?":
            out.append(c)
            i += 1
        elif c == '"':
            j = p.index('"', i + 1)
            out.append(("lit", p[i + 1:j]))
            i = j + 1
        elif c == "/":
            j = i + 1
            while p[j] != "/":
                j += 2 if p[j] == "\\" else 1
            out.append(("re", p[i + 1:j]))
            i = j + 1
        else:
            j = i
            while j < len(p) and p[j] not in " \t()|?\"":
                j += 1
            out.append(("w", p[i:j]))
            i = j
    return out


def word_regex(w, lexicons):
    if w.startswith("@"):
        return "(?:" + "|".join(item_regex(x, lexicons) for x in lexicons.get(w[1:], ["(?!)"])) + ")"
    if w.startswith("..."):
        n = int(w[3:])
        return r"(?:\W+\w+){0,%d}" % n
    if w in ("^", "$"):
        return ""
    if w.startswith("!"):
        return r"\w+"
    if w.startswith("<"):
        return r"[A-ZА-ЯÆØÅÄÖ]{2,}" if w.startswith("<caps") else r"\S+"
    if w.startswith("~"):
        stem = w[1:]
        stem = stem[: max(3, len(stem) - 3)] if len(stem) > 4 else stem
        return r"\b" + re.escape(stem) + r"\w*"
    if w.endswith("*"):
        return r"\b" + re.escape(w[:-1]) + r"\w*"
    return r"\b" + re.escape(w) + r"\b"


def item_regex(item, lexicons):
    return pattern_regex(item, lexicons)


def pattern_regex(pattern, lexicons):
    toks = tokenize(pattern)
    pos = 0

    def alt():
        nonlocal pos
        parts = [seq()]
        while pos < len(toks) and toks[pos] == "|":
            pos += 1
            parts.append(seq())
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    def seq():
        nonlocal pos
        items = []
        while pos < len(toks) and toks[pos] not in ("|", ")"):
            t = toks[pos]
            pos += 1
            if t == "(":
                r = alt()
                pos += 1  # ')'
            elif isinstance(t, str):
                continue  # a stray '?' (already applied)
            elif t[0] == "lit":
                r = re.escape(t[1])
            elif t[0] == "re":
                r = "(?:" + t[1] + ")"
            else:
                r = word_regex(t[1], lexicons)
            if pos < len(toks) and toks[pos] == "?":
                pos += 1
                r = "(?:" + r + r"\W*)?"
            if r:
                items.append(r)
        return r"\W*".join(items)

    return alt()


def load(rules_dir):
    packs = {}
    for path in sorted(glob.glob(os.path.join(rules_dir, "*", "*.rules"))):
        lang = os.path.basename(os.path.dirname(path))
        p = packs.setdefault(lang, {"lexicons": {}, "matches": {}})
        block, name = None, None
        for line in open(path, encoding="utf-8"):
            s = line.strip()
            if not s or s.startswith("#"):
                continue
            word, _, rest = s.partition(" ")
            rest = rest.strip()
            if word in ("behaviour", "lexicon", "pack"):
                block, name = word, rest
                continue
            if block == "lexicon":
                depth, cur = 0, ""
                for ch in rest + " ":
                    if ch == "(":
                        depth += 1
                    if ch == ")":
                        depth -= 1
                    if ch in " \t" and depth == 0:
                        if cur:
                            p["lexicons"].setdefault(name, []).append(cur)
                        cur = ""
                    else:
                        cur += ch
            elif block == "behaviour" and word == "match":
                p["matches"].setdefault(name, []).append(rest)
    return packs


def phrases(pattern):
    toks = tokenize(pattern)
    if any(t in ("?",) or (isinstance(t, tuple) and t[0] in ("re",)) for t in toks):
        return []
    if any(isinstance(t, tuple) and t[1][:1] in "~@<!^$." or (isinstance(t, tuple) and t[1].endswith("*")) for t in toks):
        return []
    slots, i = [], 0
    while i < len(toks):
        t = toks[i]
        if t == "(":
            j = toks.index(")", i)
            inner = toks[i + 1:j]
            if "(" in inner:
                return []
            alts, cur = [], []
            for x in inner:
                if x == "|":
                    alts.append(" ".join(cur))
                    cur = []
                else:
                    cur.append(x[1])
            alts.append(" ".join(cur))
            slots.append(alts)
            i = j + 1
        else:
            slots.append([t[1]])
            i += 1
    combos = 1
    for s in slots:
        combos *= len(s)
    if combos > 64:
        return []
    return [" ".join(x for x in c if x) for c in itertools.product(*slots)]


def main():
    mode, rules_dir = sys.argv[1], sys.argv[2]
    packs = load(rules_dir)
    if mode == "regex":
        out = {}
        for lang, p in packs.items():
            out[lang] = {b: "|".join("(?:%s)" % pattern_regex(m, p["lexicons"]) for m in ms) for b, ms in p["matches"].items()}
        json.dump(out, sys.stdout, ensure_ascii=False)
    else:
        seen = set()
        for lang, p in packs.items():
            for ms in p["matches"].values():
                for m in ms:
                    for ph in phrases(m):
                        if len(ph) >= 3 and ph not in seen:
                            seen.add(ph)
                            print(ph)


if __name__ == "__main__":
    main()
