#!/usr/bin/env bash
# Agreement of the built-in packs with the hand-labelled dev set in
# ../shared/corpus/devset (data outside the repository; skipped when absent):
# every language's accuracy and every behaviour's F1 must stay at the bar.
#   tests/devset_eval.sh TACT [MIN_ACCURACY] [MIN_F1]
set -u
tact=${1:?tact binary}
min_acc=${2:-0.93}
min_f1=${3:-0.85}
devset=$(cd "$(dirname "$0")/../.." && pwd)/shared/corpus/devset
[ -d "$devset" ] || { echo "skipped: $devset not found (data outside the repository)"; exit 77; }
labels=()
for f in "$devset"/labels-*.json; do labels+=(--labels "$f"); done
"$tact" eval "${labels[@]}" --min-accuracy "$min_acc" --min-f1 "$min_f1" --no-disagreements
