#!/usr/bin/env bash
# The report must be byte-identical for -j1 and -jN (output follows input order).
set -eu
tact=${1:?tact binary}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gen=$(cd "$(dirname "$0")/../.." && pwd)/shared/bench/gen_corpus.py
root=$(cd "$(dirname "$0")/.." && pwd)
if [ -f "$gen" ]; then
  python3 "$gen" --count 600 --format jsonl --seed 4 --out "$tmp/c.jsonl" --quiet
  inputs=("$tmp/c.jsonl" "$root/examples")
else
  inputs=("$root/examples")
fi
for fmt in json jsonl text junit sarif; do
  "$tact" check -j1 --color never --format $fmt "${inputs[@]}" >"$tmp/j1.$fmt" 2>/dev/null || true
  for j in 2 3 8; do
    "$tact" check -j$j --color never --format $fmt "${inputs[@]}" >"$tmp/j$j.$fmt" 2>/dev/null || true
    cmp "$tmp/j1.$fmt" "$tmp/j$j.$fmt" || { echo "-j1 and -j$j differ for --format $fmt"; exit 1; }
  done
done
echo "identical output for -j1, -j2, -j3, -j8 ($(wc -c <"$tmp/j1.json") bytes of JSON)"
