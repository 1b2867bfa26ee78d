#!/usr/bin/env bash
# tact's speed and memory against comparison points, on this machine:
#   * cat and wc -w over the same file (the floor: reading it, and counting
#     its words, which is the least a word-level analyzer must do),
#   * ripgrep counting the rules' literal phrases (no tokenization, stemming,
#     scoping or reporting: the ratio is tact's overhead),
#   * bench/python_baseline.py applying the same rules as Python regexes.
# Needs hyperfine and ripgrep (Debian packages); generates its corpora with
# ../shared/bench/gen_corpus.py. Prints a Markdown table; bench/RESULTS.md keeps
# the latest one.
#   bench/run.sh [SIZE_MB] [TACT]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
size=${1:-100}
tact=${2:-$root/build/tact}
gen=$(cd "$root/.." && pwd)/shared/bench/gen_corpus.py
for tool in hyperfine rg python3; do command -v $tool >/dev/null || { echo "needs $tool (apt-get install -y hyperfine ripgrep)"; exit 2; }; done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$gen" --size-mb "$size" --format jsonl --seed 1 --out "$tmp/corpus.jsonl" --quiet
python3 "$gen" --size-mb 5 --format jsonl --seed 2 --out "$tmp/small.jsonl" --quiet
python3 "$root/bench/rules_to_regex.py" regex "$root/rules" >"$tmp/behaviours.json"
python3 "$root/bench/rules_to_regex.py" phrases "$root/rules" >"$tmp/phrases.txt"
mb=$(python3 -c "import os,sys; print(os.path.getsize(sys.argv[1]) / 1e6)" "$tmp/corpus.jsonl")
small_mb=$(python3 -c "import os,sys; print(os.path.getsize(sys.argv[1]) / 1e6)" "$tmp/small.jsonl")
"$root/bench/../build/tact" --version >/dev/null 2>&1 || true
cp "$root/examples/en_strong_chat.txt" "$tmp/one-chat.txt"
run() {  # name runs command... -> mean seconds (STAT=median for the median)
  local name=$1 runs=$2
  shift 2
  hyperfine --style none --runs "$runs" --warmup 1 --export-json "$tmp/$name.json" "$@" >/dev/null 2>&1
  python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['results'][0][sys.argv[2]])" \
    "$tmp/$name.json" "${STAT:-mean}"
}
rss() {  # command... -> peak RSS in MB
  /usr/bin/time -f "%M" "$@" >/dev/null 2>"$tmp/rss" || true
  echo "$(( $(tail -1 "$tmp/rss") / 1024 ))"
}
tcat=$(run cat 3 "cat $tmp/corpus.jsonl > /dev/null")
twc=$(run wc 3 "wc -w $tmp/corpus.jsonl > /dev/null")
t1=$(run tact_j1 3 "$tact check -j1 --format json --progress never $tmp/corpus.jsonl > /dev/null")
t2=$(run tact_j2 3 "$tact check -j2 --format json --progress never $tmp/corpus.jsonl > /dev/null")
# ripgrep with thousands of case-insensitive phrases (many Cyrillic) runs well
# under 1 MB/s here, so it is timed on the small corpus, as tact is for the ratio.
trg=$(run rg 1 "rg -c -i -F -f $tmp/phrases.txt $tmp/small.jsonl > /dev/null || true")
tpy_small=$(run python 1 "python3 $root/bench/python_baseline.py $tmp/behaviours.json $tmp/small.jsonl > /dev/null")
t1_small=$(run tact_small 3 "$tact check -j1 --format json --progress never $tmp/small.jsonl > /dev/null")
# One chat: the median of 20 runs (a start-up is at the mercy of the host's noise).
tone=$(STAT=median run one_chat 20 "$tact check --format text --color never $tmp/one-chat.txt > /dev/null")
rss1=$(rss "$tact" check -j1 --format json --progress never "$tmp/corpus.jsonl")
rss2=$(rss "$tact" check -j2 --format json --progress never "$tmp/corpus.jsonl")
rss_one=$(rss "$tact" check --format text "$tmp/one-chat.txt")
python3 - "$mb" "$small_mb" "$t1" "$t2" "$trg" "$tpy_small" "$t1_small" "$tone" "$tcat" "$twc" "$rss1" "$rss2" "$rss_one" "$(wc -l <"$tmp/phrases.txt")" <<'PY'
import sys
mb, small_mb, t1, t2, trg, tpy, t1s, tone, tcat, twc = map(float, sys.argv[1:11])
rss1, rss2, rss_one, phrases = sys.argv[11:15]
print(f"| measure | value | target |")
print(f"|---|---:|---|")
print(f"| cat, {mb:.0f} MB JSONL to /dev/null | {mb / tcat:.0f} MB/s ({tcat:.2f} s) | |")
print(f"| wc -w, {mb:.0f} MB JSONL | {mb / twc:.0f} MB/s ({twc:.2f} s) | |")
print(f"| tact -j1 (one thread), {mb:.0f} MB JSONL, JSON to /dev/null | {mb / t1:.1f} MB/s ({t1:.1f} s) | >= 50 MB/s, then 150 |")
print(f"| tact -j1 time / wc -w time | {t1 / twc:.1f}x | |")
print(f"| tact -j2 | {mb / t2:.1f} MB/s, {t1 / t2:.2f}x -j1 | >= 1.8x |")
print(f"| ripgrep -c -i -F -f ({phrases} literal phrases), {small_mb:.0f} MB | {small_mb / trg:.2f} MB/s ({trg:.1f} s) | |")
print(f"| tact -j1 time / ripgrep time ({small_mb:.0f} MB) | {t1s / trg:.2f}x | <= 3x |")
print(f"| Python regex baseline, {small_mb:.0f} MB | {small_mb / tpy:.2f} MB/s | |")
print(f"| tact -j1 speed / Python speed ({small_mb:.0f} MB) | {tpy / t1s:.1f}x | >= 20x |")
print(f"| tact check one-chat.txt, end to end (median of 20) | {tone * 1000:.0f} ms | < 20 ms |")
print(f"| peak RSS, -j1 / -j2 on {mb:.0f} MB | {rss1} / {rss2} MB | < 64 MB |")
print(f"| peak RSS, one chat | {rss_one} MB | < 16 MB + input |")
PY
# Google Benchmark micro-benchmarks, when built (cmake -DTACT_BUILD_BENCH=ON, the default).
bench_dir=$(dirname "$tact")/bench
if [ -x "$bench_dir/text_bench" ]; then
  echo
  echo '```'
  for b in text_bench reader_bench matcher_bench; do
    "$bench_dir/$b" --benchmark_min_time=0.5 2>/dev/null | grep -E '^BM_'
  done
  echo '```'
fi
