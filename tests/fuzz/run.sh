#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for SECONDS (default
# 60) on a seed corpus from tests/data, examples/ and rules/. Crashes are
# saved as tests/fuzz/crash-* (add them to tests/data/regressions/ with a test).
#   tests/fuzz/run.sh [SECONDS] [BUILD_DIR]
# FUZZ_TARGETS="rules pattern" limits the run to some targets; FUZZ_LOGS=DIR keeps their logs;
# FUZZ_PARALLEL=N runs N targets at a time.
set -eu
seconds=${1:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${2:-$root/build-fuzz}
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DTACT_FUZZ=ON -DTACT_BUILD_TESTS=OFF -DTACT_BUILD_BENCH=OFF >/dev/null
# Quiet on success; on a failed build, its last lines (the compiler's errors).
if ! log=$(cmake --build "$build" 2>&1); then
  printf '%s\n' "$log" | tail -40 >&2
  echo "tests/fuzz/run.sh: the fuzz build failed" >&2
  exit 1
fi
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
mkdir -p "$corpus"/{text,json,jsonl,csv,vtt,srt,rules,pattern,timestamp}
mkdir -p "$corpus"/{vendor,html,csv_options,sniff,analyze,gates,merge,rule_folder}
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
# fuzz_vendor: the vendor exports.
for f in ccai contact_lens intercom intercom_email transcribe zendesk; do
  cp "$root/tests/data/formats/$f.json" "$corpus/vendor/"
done
# fuzz_html: message bodies.
printf '<p>Hi&nbsp;there,</p><div>I&#39;m <b>sorry</b> &amp; &#x1F600;<br/>thanks&hellip;</div>' >"$corpus/html/1"
printf '<blockquote>a &lt;b&gt; &#233;&#0;&#xD800;&bogus; &#99999999;</blockquote><li>x</li>\n\n<p' >"$corpus/html/2"
# fuzz_csv_options: a flags byte, a --csv-columns line, the file.
{ printf '\000\n'; cat "$root/tests/data/formats/tickets.csv"; } >"$corpus/csv_options/default"
{ printf '\002id=ticket_id,time=created_at,speaker=author,text=body\n'; cat "$root/tests/data/formats/tickets.csv"; } >"$corpus/csv_options/unsorted"
printf '\015id=conv,text=msg,role=who,end=stop,language=lang,channel=ch,agent=ag\nconv\twho\tmsg\tstop\tlang\tch\tag\nc1\tcustomer\thello\t00:00:05\ten\tcall\tbob\nc2\tagent\thi there\t1714644600\tes\tchat\tann\nc1\tagent\t"a\ttab"\t\ten\t\t\n' >"$corpus/csv_options/tsv"
{ printf '\006\nid,speaker,text\n'; for i in $(seq 1 30); do echo "c$((i % 3)),$([ $((i % 2)) = 0 ] && echo agent || echo customer),row $i of an interleaved export"; done; } >"$corpus/csv_options/passes"
# fuzz_sniff: every format, named by no extension.
cp "$root"/tests/data/formats/* "$root"/examples/en_*.txt "$corpus/sniff/"
printf '\357\273\277WEBVTT\n\n00:00.000 --> 00:01.000\n<v Agent>Hi\n' >"$corpus/sniff/bom-vtt"
# fuzz_analyze: a flags byte (JSON Lines, detected language, summary only, all evidence), the file.
for f in "$root"/examples/*.txt; do
  { printf '\000'; cat "$f"; } >"$corpus/analyze/$(basename "$f")"
done
{ printf '\003'; cat "$root/tests/data/formats/chats.jsonl"; } >"$corpus/analyze/chats.jsonl"
{ printf '\014'; cat "$root/examples/en_poor_call.txt"; } >"$corpus/analyze/summary-en_poor_call.txt"
printf '\000Customer: my email is jo@example.com, call +44 20 7946 0958\nAgent: I am sorry, card 4111 1111 1111 1111 is noted\n' >"$corpus/analyze/pii"
# fuzz_gates: --fail-on expressions and --threshold values, one a line.
printf 'violated>0\nmissed:empathy>0\nrate:apology<0.8\nscore<70\nmin_score<=50\nmetric:first_response_time.p90>60\nfirst_response_time.chat=90\ninterruption_min=1.5\n' >"$corpus/gates/1"
printf 'rate:empahty < 0.8\nmet:thanks>=1e3\nmetric:talk_ratio.mean!=0.5\nhandle_time.call = 600 # x\nsilence_min=-1\n' >"$corpus/gates/2"
# fuzz_merge: summaries of tact check --summary --format json (two shards, and both in one input).
"$build/tact" check "$root/examples" --summary --format json -o "$corpus/merge/all" >/dev/null 2>&1 || true
"$build/tact" check "$root/examples" --summary --format json --shard 1/2 -o "$corpus/merge/s1" >/dev/null 2>&1 || true
"$build/tact" check "$root/examples" --summary --format json --shard 2/2 -o "$corpus/merge/s2" >/dev/null 2>&1 || true
[ -s "$corpus/merge/s1" ] && [ -s "$corpus/merge/s2" ] && { cat "$corpus/merge/s1"; printf '\n%%%%\n'; cat "$corpus/merge/s2"; } >"$corpus/merge/s1+s2"
# fuzz_rule_folder: pack.rules, then files split on lines "%%" (b1.rules, lists/l2.rules, b3.rules, ...).
{ cat "$root/rules/en/pack.rules"; printf '\n%%%%\ninclude lists/l2.rules\n'; cat "$root/rules/en/thanks.rules"
  printf '\n%%%%\nlexicon feeling\n  ~frustrating sad (fed up)\n%%%%\ninclude lists/l4.rules\n'; cat "$root/rules/en/empathy.rules"
  printf '\n%%%%\ninclude ../l2.rules\nlexicon other\n  a b\n'; } >"$corpus/rule_folder/en"
{ printf 'pack zz\n  name Fuzz\n  alphabet abc\n%%%%\nbehaviour b\n  kind expected\n  match (a|b) ...2 @w\n  + a x b\n%%%%\nlexicon w\n  c ~d\n%%%%\ninclude lists/l2.rules\n'; } >"$corpus/rule_folder/zz"
# Inputs that once crashed a target stay in its seeds: tests/data/regressions/TARGET-NAME.
for f in "$root"/tests/data/regressions/*; do
  name=${f##*/}
  [ -d "$corpus/${name%%-*}" ] && cp "$f" "$corpus/${name%%-*}/$name"
done
# One target: runs it, prints its line, keeps its log; exit 1 on a crash.
run_target() {
  local t=$1 start=$SECONDS runs last cov corp
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
    return 1
  fi
  # FUZZ_LOGS=DIR keeps each target's libFuzzer log.
  if [ -n "${FUZZ_LOGS:-}" ]; then mkdir -p "$FUZZ_LOGS" && cp "$corpus/$t.log" "$FUZZ_LOGS/"; fi
}
# FUZZ_PARALLEL=N runs up to N targets at once (long local runs on a
# machine with cores to spare); the default runs them one after another.
parallel=${FUZZ_PARALLEL:-1}
status=0
pids=()
for t in ${FUZZ_TARGETS:-text json jsonl csv vtt srt rules pattern timestamp vendor html csv_options sniff analyze gates merge rule_folder}; do
  if [ "$parallel" -le 1 ]; then
    run_target "$t" || status=1
    continue
  fi
  run_target "$t" &
  pids+=($!)
  if [ "${#pids[@]}" -ge "$parallel" ]; then
    wait "${pids[0]}" || status=1
    pids=("${pids[@]:1}")
  fi
done
for p in "${pids[@]}"; do wait "$p" || status=1; done
exit $status
