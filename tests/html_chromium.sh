#!/usr/bin/env bash
# The HTML report of examples/ in a real browser: headless Chromium loads it,
# and the DOM it dumps must hold the charts — one bar per behaviour in the
# behaviour chart, the agent and language heat tables, the histograms with
# their median and p90 marks, every conversation — for the full report and
# the --summary one; a screenshot of the page must not be blank. On dated
# tickets: the trend charts, and the index script's filters and sorting
# (TACT_SHOTS=DIR keeps the screenshots).
#   tests/html_chromium.sh build/tact
# Exits 77 (CTest: skipped) only when Chromium is not installed (1 with
# TACT_NO_SKIP=1, as in .ci/run); set CHROMIUM=/path/to/chrome to use another
# binary.
set -u
tact=${1:?path to the tact binary}
root=$(cd "$(dirname "$0")/.." && pwd)
browser=${CHROMIUM:-}
if [ -z "$browser" ]; then
  for b in chromium chromium-browser google-chrome; do
    if command -v "$b" >/dev/null 2>&1; then
      browser=$(command -v "$b")
      break
    fi
  done
fi
if [ -z "$browser" ] || [ ! -x "$browser" ]; then
  echo "SKIPPED: chromium not found (Debian package 'chromium'; or set CHROMIUM=/path/to/browser)"
  [ "${TACT_NO_SKIP:-}" = 1 ] && exit 1
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME=$tmp XDG_CONFIG_HOME=$tmp/config XDG_CACHE_HOME=$tmp/cache
cd "$root" || exit 2

# browser OUTFILE ARGS...: headless Chromium, no network, a fresh profile.
run_browser() {
  local out=$1
  shift
  timeout 60 "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
    --disable-quic --no-first-run --disable-background-networking --disable-component-update \
    --disable-sync --disable-extensions --hide-scrollbars --user-data-dir="$(mktemp -d -p "$tmp")" \
    "$@" >"$out" 2>>"$tmp/browser.log"
}

status=0
fail() {
  echo "FAIL: $*"
  status=1
}
# count FILE STRING: occurrences of a fixed string.
count() { grep -oF -- "$2" "$1" | wc -l; }
expect() {  # expect FILE STRING N
  local n
  n=$(count "$1" "$2")
  [ "$n" -eq "$3" ] || fail "$(basename "$1"): expected $3 × '$2', found $n"
}

"$tact" check --format html examples/ -o "$tmp/report.html" || fail "tact check --format html failed"
"$tact" check --summary --format html examples/ -o "$tmp/summary.html" ||
  fail "tact check --summary --format html failed"
behaviours=$("$tact" check --summary --format json examples/ | grep -oF '"kind":"' | wc -l)
conversations=$(find examples -maxdepth 1 -type f -name '*.txt' | wc -l)
[ "$behaviours" -gt 0 ] || fail "no behaviours in the summary"

for page in report summary; do
  dom=$tmp/$page.dom.html
  run_browser "$dom" --dump-dom "file://$tmp/$page.html" || fail "$page: chromium --dump-dom failed"
  [ -s "$dom" ] || { fail "$page: empty DOM (see below)"; tail -5 "$tmp/browser.log"; continue; }
  # The bars are inside the chart's <svg>, one per behaviour.
  chart=$tmp/$page.chart
  sed -n '/<svg id="behaviour-chart"/,/<\/svg>/p' "$dom" >"$chart"
  expect "$chart" '<svg id="behaviour-chart"' 1
  expect "$chart" '<g class="bar" ' "$behaviours"
  expect "$chart" 'class="bar-fill"' "$behaviours"
  expect "$chart" '<title>' "$behaviours"
  expect "$dom" '<table class="heat" id="heat-agent">' 1
  expect "$dom" '<table class="heat" id="heat-language">' 1
  [ "$(count "$dom" 'class="heat-row')" -ge 6 ] || fail "$page: fewer than 6 heat-table rows"
  expect "$dom" '<svg class="histogram" id="hist-score"' 1
  hists=$(count "$dom" '<svg class="histogram"')
  [ "$hists" -ge 2 ] || fail "$page: $hists histogram(s)"
  expect "$dom" 'class="q50"' "$hists"
  expect "$dom" 'class="q90"' "$hists"
  [ "$(count "$dom" '<svg')" -eq "$(count "$dom" '</svg>')" ] || fail "$page: unbalanced <svg>"
  expect "$dom" '<div class="card" id="card-' 6
  if [ "$page" = report ]; then
    expect "$dom" '<script' 2  # the index's data and the script that sorts and filters it
    expect "$dom" '<section class="conv"' "$conversations"
    [ "$(count "$dom" '<mark>')" -ge "$conversations" ] || fail "report: too few <mark> highlights"
  else
    expect "$dom" '<script' 0
    expect "$dom" '<section class="conv"' 0
    expect "$dom" 'id="summary-only"' 1
  fi
done

# The dashboard on dated tickets: the trend charts appear (and not for the
# undated examples above); the script's filters and sorting, driven by the
# page's hash as a trend point's link does, change the visible rows as the
# wide CSV of the same run says they should.
dated=tests/data/dated/tickets.jsonl
"$tact" check --format html -q --group-by agent,period:week "$dated" -o "$tmp/dated.html" ||
  fail "tact check --format html (dated) failed"
"$tact" check --format csv --csv-layout wide -q "$dated" >"$tmp/dated.csv"
expect "$tmp/report.dom.html" '<svg class="trend"' 0
# rows DOM: the index rows the script shows, one per line ("n score").
rows() { grep -o '<tr class="row" data-n="[0-9]*">.*' "$1" | sed 's#</tr>#&\n#g' |
  sed -n 's#^.*<tr class="row" data-n="\([0-9]*\)">.*<span class="score [^"]*">\([^<]*\)</span>.*#\1 \2#p'; }
view() {  # view NAME HASH: the DOM of the dated report at #HASH
  run_browser "$tmp/$1.dom" --dump-dom "file://$tmp/dated.html#$2" || fail "$1: chromium failed"
  rows "$tmp/$1.dom" >"$tmp/$1.rows"
}
view all ''
expect "$tmp/all.dom" '<svg class="trend" id="trend-score"' 1
expect "$tmp/all.dom" '<svg class="trend" id="trend-empathy"' 1
[ "$(wc -l <"$tmp/all.rows")" -eq 28 ] || fail "dated: $(wc -l <"$tmp/all.rows") rows shown, expected 28"
# Worst first: the scores never go down.
sort -s -k2,2n "$tmp/all.rows" | cmp -s - "$tmp/all.rows" || fail "dated: rows not worst first"
view agent 'filter?agent=agent-10'
want=$(awk -F, '$4 == "agent-10"' "$tmp/dated.csv" | wc -l)
[ "$want" -gt 0 ] && [ "$(wc -l <"$tmp/agent.rows")" -eq "$want" ] ||
  fail "agent filter: $(wc -l <"$tmp/agent.rows") rows, expected $want"
# The drill-down of a trend point: empathy missed in 2024-W48.
col=$(head -1 "$tmp/dated.csv" | tr -d '\r' | tr , '\n' | grep -nx empathy | cut -d: -f1)
want=$(awk -F, -v c="$col" '$3 >= "2024-11-25" && $3 <= "2024-12-01" && $c == "missed"' "$tmp/dated.csv" | wc -l)
view week 'filter?behaviour=empathy&status=bad&from=2024-11-25&to=2024-12-01'
[ "$want" -gt 0 ] && [ "$(wc -l <"$tmp/week.rows")" -eq "$want" ] ||
  fail "behaviour and date filter: $(wc -l <"$tmp/week.rows") rows, expected $want"
view sorted 'filter?sort=score&dir=desc'
best=$(cut -d, -f7 "$tmp/dated.csv" | sed 1d | sort -n | tail -1)
[ "$(head -1 "$tmp/sorted.rows" | cut -d' ' -f2)" = "$(printf '%.0f' "$best")" ] ||
  fail "sort by score, descending: first row $(head -1 "$tmp/sorted.rows"), best score $best"
sort -s -k2,2nr "$tmp/sorted.rows" | cmp -s - "$tmp/sorted.rows" || fail "rows not sorted by score"
echo "dated: $(wc -l <"$tmp/all.rows") rows, agent-10 $(wc -l <"$tmp/agent.rows"), empathy missed in 2024-W48 $(wc -l <"$tmp/week.rows"), best score $(head -1 "$tmp/sorted.rows" | cut -d' ' -f2)"
run_browser "$tmp/shot2.out" --window-size=1200,2400 --screenshot="$tmp/dated.png" \
  "file://$tmp/dated.html" || fail "chromium --screenshot (dated) failed"
[ "$(wc -c <"$tmp/dated.png" 2>/dev/null || echo 0)" -ge 40000 ] || fail "the dated screenshot looks blank"

# A screenshot of the top of the page: a PNG with more than a blank page's bytes.
run_browser "$tmp/shot.out" --window-size=1200,2000 --screenshot="$tmp/report.png" \
  "file://$tmp/report.html" || fail "chromium --screenshot failed"
if [ ! -s "$tmp/report.png" ]; then
  fail "no screenshot"
elif [ "$(head -c 8 "$tmp/report.png" | od -An -tx1 | tr -d ' \n')" != 89504e470d0a1a0a ]; then
  fail "the screenshot is not a PNG"
elif [ "$(wc -c <"$tmp/report.png")" -lt 40000 ]; then
  fail "the screenshot looks blank ($(wc -c <"$tmp/report.png") bytes)"
fi
[ -z "${TACT_SHOTS:-}" ] || cp "$tmp"/*.png "$TACT_SHOTS/"
if [ $status -ne 0 ]; then
  echo "--- chromium stderr (last lines)"
  tail -5 "$tmp/browser.log"
  exit 1
fi
echo "chromium rendered the html report: $behaviours bars, $hists histograms, $conversations conversations, screenshot $(wc -c <"$tmp/report.png") bytes"
