#!/usr/bin/env bash
# `tact merge` of --shard K/N summaries equals the single-run summary, byte for
# byte, including totals of inputs and skipped (broken) conversations.
set -eu
tact=${1:?tact binary}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
root=$(cd "$(dirname "$0")/.." && pwd)
gen=$(cd "$root/.." && pwd)/shared/bench/gen_corpus.py
inputs=("$root/examples" "$root/tests/data/formats")
if [ -f "$gen" ]; then
  python3 "$gen" --count 1500 --format jsonl --seed 12 --out "$tmp/c.jsonl" --quiet
  printf '{"broken":\n{"id":"x","turns":[{"speaker":"agent","text":"sorry"}]}\n' >>"$tmp/c.jsonl"
  inputs+=("$tmp/c.jsonl")
fi
full_rc=0
"$tact" check --summary --format json --group-by agent,language,channel,metadata.queue "${inputs[@]}" >"$tmp/full.json" 2>/dev/null || full_rc=$?
parts=()
for k in 1 2 3 4; do
  "$tact" check --summary --format json --group-by agent,language,channel,metadata.queue --shard $k/4 "${inputs[@]}" \
    >"$tmp/s$k.json" 2>/dev/null || true
  parts+=("$tmp/s$k.json")
done
# The merged exit code is the single run's too (3 when it skipped broken input).
merged_rc=0
"$tact" merge --format json "${parts[@]}" >"$tmp/merged.json" 2>/dev/null || merged_rc=$?
[ "$merged_rc" = "$full_rc" ] || { echo "merge exited $merged_rc, the single run $full_rc"; exit 1; }
cmp "$tmp/full.json" "$tmp/merged.json" || { diff <(tr ',' '\n' <"$tmp/full.json") <(tr ',' '\n' <"$tmp/merged.json") | head -20; exit 1; }
echo "merged 4 shards: identical to the single run ($(wc -c <"$tmp/full.json") bytes)"
