#!/usr/bin/env bash
# Golden-file tests: the reports of every file in examples/ in every format
# (text, json, csv, markdown, junit, sarif, html) must equal
# tests/golden/<name>.<format> (junit: .junit.xml) byte for byte, and the HTML
# report of the whole folder (its summary across languages) tests/golden/examples.html;
# and the cases of the table below (a golden file, then the arguments of `tact check`).
#   tests/golden/run.sh build/tact            compare (CTest runs this)
#   tests/golden/run.sh build/tact --update   rewrite the golden files after a deliberate change
# Run from the project root: sources in reports are relative paths.
set -u
tact=${1:?path to the tact binary}
update=${2:-}
cd "$(dirname "$0")/../.." || exit 2
export NO_COLOR=1 LC_ALL=C.UTF-8
status=0
count=0
diff_file=$(mktemp)
trap 'rm -f "$diff_file"' EXIT
# Reports with other options: GOLDEN|ARGUMENTS (split at spaces).
cases=(
  "tests/golden/dated.week.csv|--summary --format csv --group-by period:week tests/data/dated/tickets.jsonl"
  "tests/golden/dated.week.markdown|--summary --format markdown --group-by period:week,agent tests/data/dated/tickets.jsonl"
  "tests/golden/dated.week.json|--summary --format json --group-by period:week --worst 1 tests/data/dated/tickets.jsonl"
  "tests/golden/dated.wide.csv|--format csv --csv-layout wide tests/data/dated/tickets.jsonl"
  "tests/golden/dated.week.wide.csv|--summary --format csv --csv-layout wide --group-by period:week,agent tests/data/dated/tickets.jsonl"
  "tests/golden/examples.wide.csv|--format csv --csv-layout wide --only empathy,blame,resolved examples/"
)
# compare GOLDEN FORMAT INPUT: the report of INPUT in FORMAT against GOLDEN.
compare() {
  compare_args "$1" --format "$2" "$3"
}
# compare_args GOLDEN ARGS...: the report `tact check ARGS...` prints against GOLDEN.
compare_args() {
  local golden=$1 actual
  shift
  actual=$("$tact" check --color never "$@" 2>&1; echo "exit $?")
  if [ "$update" = "--update" ]; then
    printf '%s\n' "$actual" >"$golden"
    return
  fi
  count=$((count + 1))
  if [ ! -f "$golden" ]; then
    echo "missing golden file $golden (run: tests/golden/run.sh $tact --update)"
    status=1
  elif ! diff -u "$golden" <(printf '%s\n' "$actual") >"$diff_file"; then
    echo "report differs from $golden:"
    head -40 "$diff_file"
    status=1
  fi
}
while IFS= read -r f; do
  name=$(basename "${f%.*}")
  for fmt in text json csv markdown junit sarif html; do
    ext=$fmt
    [ "$fmt" = junit ] && ext=junit.xml
    compare "tests/golden/$name.$ext" "$fmt" "$f"
  done
done < <(find examples -maxdepth 1 -type f \( -name '*.txt' -o -name '*.json' -o -name '*.jsonl' -o -name '*.csv' -o -name '*.vtt' -o -name '*.srt' \) | LC_ALL=C sort)
compare tests/golden/examples.html html examples/
for c in "${cases[@]}"; do
  read -ra args <<<"${c#*|}"
  compare_args "${c%%|*}" "${args[@]}"
done
# Golden files whose example is gone are stale.
for g in tests/golden/*.text tests/golden/*.json tests/golden/*.csv tests/golden/*.markdown tests/golden/*.junit.xml tests/golden/*.sarif tests/golden/*.html; do
  [ -e "$g" ] || continue
  name=$(basename "${g%.junit.xml}")
  name=${name%.*}
  [ "$name" = examples ] && continue
  printf '%s\n' "${cases[@]}" | grep -qF "$g|" && continue
  if ! ls examples/"$name".* >/dev/null 2>&1; then
    echo "stale golden file $g (no examples/$name.*)"
    status=1
  fi
done
[ "$update" = "--update" ] && { echo "golden files updated"; exit 0; }
echo "$count golden report(s) compared"
exit $status
