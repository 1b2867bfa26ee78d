#!/usr/bin/env bash
# Golden-file tests: the text, JSON, JUnit and SARIF reports of every file in
# examples/ must equal tests/golden/<name>.{text,json,junit.xml,sarif} byte for byte.
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
while IFS= read -r f; do
  name=$(basename "${f%.*}")
  for fmt in text json csv markdown junit sarif; do
    case $fmt in
      junit) golden="tests/golden/$name.junit.xml" ;;
      *) golden="tests/golden/$name.$fmt" ;;
    esac
    actual=$("$tact" check --color never --format "$fmt" "$f" 2>&1; echo "exit $?")
    if [ "$update" = "--update" ]; then
      printf '%s\n' "$actual" >"$golden"
      continue
    fi
    count=$((count + 1))
    if [ ! -f "$golden" ]; then
      echo "missing golden file $golden (run: tests/golden/run.sh $tact --update)"
      status=1
    elif ! diff -u "$golden" <(printf '%s\n' "$actual") >/tmp/tact-golden-diff.$$; then
      echo "report differs from $golden:"
      head -40 /tmp/tact-golden-diff.$$
      status=1
    fi
  done
done < <(find examples -maxdepth 1 -type f \( -name '*.txt' -o -name '*.json' -o -name '*.jsonl' -o -name '*.csv' -o -name '*.vtt' -o -name '*.srt' \) | LC_ALL=C sort)
rm -f /tmp/tact-golden-diff.$$
# Golden files whose example is gone are stale.
for g in tests/golden/*.text tests/golden/*.json tests/golden/*.csv tests/golden/*.markdown tests/golden/*.junit.xml tests/golden/*.sarif; do
  [ -e "$g" ] || continue
  name=$(basename "${g%.junit.xml}")
  name=${name%.*}
  if ! ls examples/"$name".* >/dev/null 2>&1; then
    echo "stale golden file $g (no examples/$name.*)"
    status=1
  fi
done
[ "$update" = "--update" ] && { echo "golden files updated"; exit 0; }
echo "$count golden report(s) compared"
exit $status
