#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for SECONDS (default
# 60) on a seed corpus from tests/data, examples/ and rules/. Crashes are
# saved as tests/fuzz/crash-* (add them to tests/data/regressions/ with a test).
#   tests/fuzz/run.sh [SECONDS] [BUILD_DIR]
# FUZZ_TARGETS="rules pattern" limits the run to some targets; FUZZ_LOGS=DIR keeps their logs.
set -eu
seconds=${1:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${2:-$root/build-fuzz}
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DTACT_FUZZ=ON -DTACT_BUILD_TESTS=OFF -DTACT_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" >/dev/null
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
mkdir -p "$corpus"/{text,json,jsonl,csv,vtt,srt,rules,pattern,timestamp}
cp "$root"/examples/*.txt "$root"/tests/data/langid/en/*.txt "$corpus/text/"
cp "$root"/tests/data/formats/*.json "$corpus/json/"
cp "$root"/tests/data/formats/*.jsonl "$corpus/jsonl/"
cp "$root"/tests/data/formats/*.csv "$corpus/csv/"
cp "$root"/tests/data/formats/*.vtt "$corpus/vtt/"
cp "$root"/tests/data/formats/*.srt "$corpus/srt/"
for f in "$root"/rules/*/*.rules; do cp "$f" "$corpus/rules/$(basename "$(dirname "$f")")_$(basename "$f")"; done
printf 'i (really|totally)? understand ...3 @l\nI really understand the alpha\n' >"$corpus/pattern/1"
printf '^ !~beta <caps:3> /a+b/ "?" $\nNO WAY aab?\n' >"$corpus/pattern/2"
printf '2024-05-02T10:00:00.250+02:00' >"$corpus/timestamp/1"
printf '01:02:03,500' >"$corpus/timestamp/2"
# Inputs that once crashed a target stay in its seeds: tests/data/regressions/TARGET-NAME.
for f in "$root"/tests/data/regressions/*; do
  name=${f##*/}
  [ -d "$corpus/${name%%-*}" ] && cp "$f" "$corpus/${name%%-*}/$name"
done
status=0
for t in ${FUZZ_TARGETS:-text json jsonl csv vtt srt rules pattern timestamp}; do
  start=$SECONDS
  if "$build/fuzz/fuzz_$t" -max_total_time="$seconds" -rss_limit_mb=1024 -timeout=10 -print_final_stats=1 \
      -artifact_prefix="$root/tests/fuzz/crash-$t-" "$corpus/$t" >"$corpus/$t.log" 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$corpus/$t.log" | grep -o '[0-9]*$')
    # The last status line: "#N DONE cov: C ft: F corp: E/SIZE ...".
    last=$(grep -E '^#[0-9]+' "$corpus/$t.log" | tail -1)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
    corp=$(sed -n 's/.* corp: \([0-9]*\/[0-9a-zA-Z]*\).*/\1/p' <<<"$last")
    echo "fuzz_$t: ${runs:-?} runs in $((SECONDS - start)) s, cov ${cov:-?}, corpus ${corp:-?}, no crash"
  else
    echo "fuzz_$t: FAILED (see tests/fuzz/crash-$t-*)"
    tail -30 "$corpus/$t.log"
    status=1
  fi
  # FUZZ_LOGS=DIR keeps each target's libFuzzer log.
  if [ -n "${FUZZ_LOGS:-}" ]; then mkdir -p "$FUZZ_LOGS" && cp "$corpus/$t.log" "$FUZZ_LOGS/"; fi
done
exit $status
