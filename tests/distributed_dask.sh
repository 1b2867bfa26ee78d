#!/usr/bin/env bash
# examples/distributed/tact_dask.py on a LocalCluster of 2 workers gives the
# same summary as one process, byte for byte. Skipped (77) without Dask.
set -eu
tact=${1:?tact binary}
root=$(cd "$(dirname "$0")/.." && pwd)
/usr/bin/python3 -c "import distributed" 2>/dev/null || {
  echo "skipped: python3-distributed not installed"
  [ "${TACT_NO_SKIP:-}" = 1 ] && exit 1
  exit 77
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
inputs=("$root/examples" "$root/tests/data/formats")
gen=$(cd "$root/.." && pwd)/shared/bench/gen_corpus.py
if [ -f "$gen" ]; then
  python3 "$gen" --count 800 --format jsonl --seed 44 --out "$tmp/c.jsonl" --quiet
  inputs+=("$tmp/c.jsonl")
fi
"$tact" check --summary --format json --progress never "${inputs[@]}" >"$tmp/single.json" 2>/dev/null || true
/usr/bin/python3 "$root/examples/distributed/tact_dask.py" --tact "$tact" --shards 6 --local 2 "${inputs[@]}" \
  >"$tmp/dask.json" 2>"$tmp/dask.err" || { tail -20 "$tmp/dask.err"; exit 1; }
cmp "$tmp/single.json" "$tmp/dask.json"
echo "Dask LocalCluster (2 workers, 6 shards): merged summary identical to the single run ($(wc -c <"$tmp/single.json") bytes)"
