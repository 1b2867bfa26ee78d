#!/usr/bin/env bash
# `cmake --install` of a build into a fresh prefix, checked as a user meets it:
# every file in its place; the installed tact runs from another folder; each
# man page renders (man -l, 80 columns) with NAME, SYNOPSIS and EXAMPLES and no
# troff warning, and names every option `tact help COMMAND` lists; the bash
# completion loads and completes commands, options, --format and --lang values
# and files, and offers every option the help lists; the zsh and fish scripts
# parse and register (fish also completes).
#   tests/cli/install_test.sh BUILD_DIR [CMAKE]
# Exits 77 (CTest: skipped) when man (Debian package man-db) is not installed,
# and says which of zsh and fish it could not check; with TACT_NO_SKIP=1 (as in
# .ci/run) any missing tool is a failure.
set -u
build=$(cd "${1:?build folder}" && pwd)
cmake=${2:-cmake}
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
# cmake --install rewrites BUILD_DIR/install_manifest.txt: keep the one a real
# install left (what uninstalling it reads).
manifest=$build/install_manifest.txt
[ -f "$manifest" ] && cp -p "$manifest" "$tmp/install_manifest.txt"
restore() {
  if [ -f "$tmp/install_manifest.txt" ]; then
    cp -p "$tmp/install_manifest.txt" "$manifest"
  else
    rm -f "$manifest"
  fi
  rm -rf "$tmp"
}
trap restore EXIT
export HOME=$tmp XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data XDG_CACHE_HOME=$tmp/cache

skip() {  # skip TOOL PACKAGE
  echo "SKIPPED: $1 not found (Debian package '$2'; bash .ci/setup --tests installs it)"
  [ "${TACT_NO_SKIP:-}" = 1 ] && exit 1
  exit 77
}
command -v man >/dev/null 2>&1 || skip man man-db

status=0
fail() {
  echo "FAIL: $*"
  status=1
}
has_word() {  # has_word WORD LIST...: LIST holds WORD
  local w=$1
  shift
  for x in "$@"; do [ "$x" = "$w" ] && return 0; done
  return 1
}

prefix=$tmp/prefix
if ! "$cmake" --install "$build" --prefix "$prefix" >"$tmp/install.log" 2>&1; then
  cat "$tmp/install.log"
  echo "FAIL: cmake --install $build --prefix $prefix"
  exit 1
fi
tact=$prefix/bin/tact
man1=$prefix/share/man/man1
bash_completion=$prefix/share/bash-completion/completions/tact
zsh_completion=$prefix/share/zsh/vendor-completions/_tact
fish_completion=$prefix/share/fish/vendor_completions.d/tact.fish
for f in "$tact" "$bash_completion" "$zsh_completion" "$fish_completion" \
  "$prefix/share/doc/tact/README.md" "$prefix/share/doc/tact/LICENSE"; do
  [ -s "$f" ] || fail "not installed: ${f#"$prefix"/}"
done
for f in "$root"/docs/*.md; do
  [ -s "$prefix/share/doc/tact/docs/$(basename "$f")" ] || fail "not installed: docs/$(basename "$f")"
done
[ -x "$tact" ] || {
  echo "FAIL: no executable $tact"
  exit 1
}

# The installed binary works from any folder: the packs are in it.
mkdir -p "$tmp/elsewhere"
cd "$tmp/elsewhere" || exit 2
version=$("$tact" --version) || fail "tact --version failed"
[[ $version == "tact "[0-9]* ]] || fail "tact --version printed: $version"
printf 'Customer: my order is late\nAgent: I am so sorry, let me check that right away\n' >chat.txt
"$tact" check chat.txt >/dev/null || fail "the installed tact check chat.txt failed"

# The commands and options as the help lists them: the reference for the man
# pages and completions. `commands HELP_ARGS...` lists the subcommands,
# `options HELP_ARGS...` every option name (-f and --format of '-f,--format').
commands() { "$tact" help "$@" | sed -n '/^Subcommands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p'; }
options() { "$tact" help "$@" | sed -n '/^Options:/,/^$/s/^  \(-[^ ]*\).*/\1/p' | tr ',' '\n'; }
mapfile -t top < <(commands)
[ ${#top[@]} -ge 6 ] || fail "tact help lists ${#top[@]} commands: ${top[*]}"
# The pack codes, from --version's "built-in rule packs: en (English) es (Spanish) ...".
mapfile -t packs < <(sed -n 's/^built-in rule packs://p' <<<"$version" | tr ' ' '\n' | grep -E '^[a-z]+$')
[ ${#packs[@]} -ge 5 ] || fail "--version names ${#packs[@]} packs: $version"

# --- man pages ---------------------------------------------------------------
expected=(tact.1)
for c in "${top[@]}"; do expected+=("tact-$c.1"); done
mapfile -t installed < <(cd "$man1" && ls)
[ "$(printf '%s\n' "${expected[@]}" | sort)" = "$(printf '%s\n' "${installed[@]}" | sort)" ] ||
  fail "man pages: expected ${expected[*]}, installed ${installed[*]}"
for page in "${expected[@]}"; do
  src=$man1/$page
  [ -s "$src" ] || continue
  warnings=$(MANWIDTH=80 man --warnings -l "$src" 2>&1 >/dev/null)
  [ -z "$warnings" ] || fail "$page: man --warnings: $warnings"
  MANWIDTH=80 man -l "$src" >"$tmp/$page.txt" 2>/dev/null || fail "$page: man -l failed"
  for section in NAME SYNOPSIS EXAMPLES; do
    grep -q "^$section\$" "$tmp/$page.txt" || fail "$page: no $section section"
  done
done
# Every command and every option its help lists is on its page.
for c in "${top[@]}"; do
  grep -qE "^ +$c( |$)" "$tmp/tact.1.txt" || fail "tact.1 does not list the command $c"
  text=$tmp/tact-$c.1.txt
  [ -f "$text" ] || continue
  for sub in "" $(commands "$c"); do
    for o in $(options "$c" $sub); do
      grep -qE -- "(^|[ ,])$o( |,|$)" "$text" || fail "tact-$c.1 does not name $o of 'tact help $c${sub:+ $sub}'"
    done
  done
done

# --- bash ----------------------------------------------------------------------
# complete WORDS...: what the completion offers for the last word, one a line.
cat >"$tmp/complete.bash" <<EOF
source "$bash_completion" || exit 1
COMP_WORDS=("\$@")
COMP_CWORD=\$((\${#COMP_WORDS[@]} - 1))
COMPREPLY=()
_tact
printf '%s\n' "\${COMPREPLY[@]}"
EOF
complete_bash() { bash "$tmp/complete.bash" "$@"; }
expect_bash() {  # expect_bash "EXPECTED" WORDS...: the offer is exactly EXPECTED (one a line)
  local want=$1 got
  shift
  got=$(complete_bash "$@")
  [ "$got" = "$want" ] || fail "bash: '$*' completes to '${got//$'\n'/ }', expected '${want//$'\n'/ }'"
}
spec=$(bash -c 'source "$1" && complete -p tact' _ "$bash_completion") || fail "bash: sourcing the completion failed"
[[ $spec == "complete -F _tact tact" ]] || fail "bash: complete -p tact printed '$spec'"
expect_bash check tact ch
expect_bash --format tact check --fo
expect_bash chat.txt tact check cha
expect_bash "$(printf '%s\n' "${packs[@]}")" tact rules list --lang ""
mapfile -t offered < <(complete_bash tact "")
for c in "${top[@]}"; do has_word "$c" "${offered[@]}" || fail "bash: 'tact <TAB>' does not offer $c"; done
mapfile -t offered < <(complete_bash tact check --lang "")
for l in auto "${packs[@]}"; do has_word "$l" "${offered[@]}" || fail "bash: --lang does not offer $l"; done
# --format: the values `tact help check` prints as TEXT:{text,json,...}.
mapfile -t formats < <("$tact" help check | sed -n 's/.*--format TEXT:{\([^}]*\)}.*/\1/p' | tr ',' '\n')
[ ${#formats[@]} -ge 8 ] || fail "tact help check lists ${#formats[@]} formats"
expect_bash "$(printf '%s\n' "${formats[@]}")" tact check --format ""
expect_bash "$(printf '%s\n' "${formats[@]}")" tact check -f ""
for c in "${top[@]}"; do
  for sub in "" $(commands "$c"); do
    mapfile -t offered < <(complete_bash tact "$c" $sub -)
    for o in $(options "$c" $sub); do
      has_word "$o" "${offered[@]}" || fail "bash: 'tact $c${sub:+ $sub} -<TAB>' does not offer $o"
    done
  done
done

# --- zsh and fish: checked where installed --------------------------------------
unchecked=()
if command -v zsh >/dev/null 2>&1; then
  zsh -n "$zsh_completion" || fail "zsh -n: the zsh completion does not parse"
  # compinit finds it on the fpath by its #compdef line.
  got=$(zsh -f -c 'fpath=("$1" $fpath); autoload -Uz compinit; compinit -u -d "$2"; print -r -- "$_comps[tact]"' \
    _ "$(dirname "$zsh_completion")" "$tmp/zcompdump" 2>&1)
  [ "$got" = _tact ] || fail "zsh: compinit does not register _tact for tact: $got"
else
  unchecked+=(zsh)
fi
if command -v fish >/dev/null 2>&1; then
  fish -n "$fish_completion" || fail "fish -n: the fish completion does not parse"
  complete_fish() { fish --no-config -c 'source $argv[1]; complete -C"$argv[2]"' "$fish_completion" "$1" | cut -f1; }
  [ "$(complete_fish 'tact ch')" = check ] || fail "fish: 'tact ch' completes to '$(complete_fish 'tact ch')'"
  [ "$(complete_fish 'tact check --fo')" = --format ] || fail "fish: 'tact check --fo' does not complete to --format"
  [ "$(complete_fish 'tact check cha')" = chat.txt ] || fail "fish: 'tact check cha' does not complete to chat.txt"
  mapfile -t offered < <(complete_fish 'tact check --lang ')
  for l in auto "${packs[@]}"; do has_word "$l" "${offered[@]}" || fail "fish: --lang does not offer $l"; done
else
  unchecked+=(fish)
fi

if [ $status -ne 0 ]; then
  exit 1
fi
echo "installed into a temporary prefix and checked: tact, ${#installed[@]} man pages, the completions, docs"
if [ ${#unchecked[@]} -gt 0 ]; then
  echo "NOT CHECKED: the ${unchecked[*]} completion(s), ${unchecked[*]} not installed (Debian packages of the same names)"
  [ "${TACT_NO_SKIP:-}" = 1 ] && exit 1
fi
