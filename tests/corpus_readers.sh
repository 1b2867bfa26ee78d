#!/usr/bin/env bash
# Reads the public real-world samples in ../shared/corpus with each reader and
# checks the turn counts verified by hand (see the closing note of issue 4).
set -u
tact=${1:?tact binary}
corpus=$(cd "$(dirname "$0")/../.." && pwd)/shared/corpus
[ -d "$corpus" ] || { echo "skipped: $corpus not found (data outside the repository)"; exit 77; }
status=0
check() {  # file expected_turns expected_format
  local got
  got=$("$tact" check --format jsonl "$corpus/$1" 2>/dev/null | python3 -c 'import sys,json; r=json.loads(sys.stdin.readline()); print(r["turn_count"], r["input_format"])')
  if [ "$got" != "$2 $3" ]; then echo "FAIL $1: got '$got', expected '$2 $3'"; status=1; else echo "ok   $1: $got"; fi
}
check format-amazon-connect-contact-lens/contact-lens-example-output-files.1.json 10 contact_lens
check format-amazon-connect-contact-lens/contact-lens-example-output-files-chat.1.json 31 contact_lens
check format-amazon-connect-contact-lens/contact-lens-example-output-files-chat.2.json 31 contact_lens
check format-amazon-transcribe/diarization-output-batch.1.json 2 transcribe
check format-amazon-transcribe/channel-id-output-batch.1.json 2 transcribe
check format-webvtt-voice/spec-example.vtt 5 vtt
check format-webvtt-voice/cycle-collector-talk.vtt 3 vtt
check format-webvtt-voice/cuetext-voice/with-closing-span.vtt 1 vtt
exit $status
