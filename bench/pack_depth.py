#!/usr/bin/env python3
"""Pack depth: match lines per behaviour in each language pack against the English pack,
and whether each behaviour uses Snowball stems (~word).

  python3 bench/pack_depth.py [rules-dir] [--min-share 0.9]

Prints a table (lines and share of en per behaviour and language). A behaviour below
--min-share is flagged unless its file carries a '# depth:' note saying why fewer
lines cover the same ground. Exit 1 when a flagged behaviour remains."""
import argparse, collections, os, re, sys

def scan(pack_dir):
    counts = collections.Counter()
    stems = collections.Counter()
    notes = set()
    for name in sorted(os.listdir(pack_dir)):
        if not name.endswith('.rules'):
            continue
        current = None
        for line in open(os.path.join(pack_dir, name), encoding='utf-8'):
            s = line.strip()
            m = re.match(r'behaviour\s+(\w+)', s)
            if m:
                current = m.group(1)
                continue
            if re.match(r'(lexicon|pack)\s', s):
                current = None
                continue
            if current and s.startswith('# depth:'):
                notes.add(current)
            if current and re.match(r'match(-turn)?\s', s):
                counts[current] += 1
                if '~' in s or '@' in s:
                    stems[current] += 1
        # a file-level note applies to the behaviours of the file
    return counts, stems, notes

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('rules', nargs='?', default=os.path.join(os.path.dirname(__file__), '..', 'rules'))
    ap.add_argument('--min-share', type=float, default=0.9)
    a = ap.parse_args()
    langs = [l for l in ('en', 'es', 'no', 'sv', 'ru') if os.path.isdir(os.path.join(a.rules, l))]
    data = {l: scan(os.path.join(a.rules, l)) for l in langs}
    en = data['en'][0]
    flagged = 0
    print(f"{'behaviour':22}" + ''.join(f"{l:>14}" for l in langs))
    for b in sorted(en):
        row = f"{b:22}"
        for l in langs:
            c, st, notes = data[l]
            share = c[b] / en[b] if en[b] else 1
            mark = ''
            if l != 'en' and share < a.min_share:
                mark = ' n' if b in notes else ' !'
                flagged += b not in notes
            row += f"{c[b]:>6} {share:>5.0%}{mark:2}"
        print(row)
    print(f"{'total':22}" + ''.join(f"{sum(data[l][0].values()):>6} {sum(data[l][0].values())/sum(en.values()):>5.0%}  " for l in langs))
    print("\n'!' below the share without a '# depth:' note in the behaviour; 'n' noted.")
    return 1 if flagged else 0

if __name__ == '__main__':
    sys.exit(main())
