#!/usr/bin/env bash
# Command-line tests: every option and exit code of cyberline, run
# against the fixtures beside this file and the bundled content.
cd "$(dirname "$0")/../.." || exit 2
. tests/lib.sh
F=tests/cli/fixtures
ALPHA=$F/alpha.yaml
ALL="--from 1900 --to 2100"

# --help, --version, usage errors (exit 2, one line + hint)
expect_rc 0 "--help exits 0" "$CYBERLINE" --help
for opt in --list --format --validate --stats --country --match --from --to --search --marked --version "Exit status"; do
	contains "$out" "$opt" "--help mentions $opt"
done
contains "$out" "cyberline -c estonia -c UA --list" "--help teaches with examples"
expect_rc 0 "-V exits 0" "$CYBERLINE" -V
contains "$out" "cyberline " "--version prints the version"
expect_rc 2 "unknown option exits 2" "$CYBERLINE" --bogus
contains "$err" "unknown option '--bogus'" "unknown option is named"
contains "$err" "--help" "usage error hints at --help"
check "usage error is two lines" test "$(wc -l <<<"$err")" -eq 2
expect_rc 2 "unknown country exits 2" "$CYBERLINE" --list -c UK "$ALPHA"
contains "$err" "unknown country 'UK'" "unknown country is named"
contains "$err" "did you mean GB (United Kingdom)?" "UK hints GB"
expect_rc 2 "malformed --from exits 2" "$CYBERLINE" --list --from 2023-13 "$ALPHA"
contains "$err" "--from '2023-13'" "malformed date is quoted"
expect_rc 2 "impossible --to exits 2" "$CYBERLINE" --list --to 2023-02-30 "$ALPHA"
expect_rc 2 "--from after --to exits 2" "$CYBERLINE" --list --from 2024 --to 2023 "$ALPHA"
expect_rc 2 "bad --match exits 2" "$CYBERLINE" --list --match some "$ALPHA"
expect_rc 2 "bad --format exits 2" "$CYBERLINE" --list --format=xml "$ALPHA"
expect_rc 2 "missing option value exits 2" "$CYBERLINE" --list --country

# --list and the default window
expect_rc 0 "--list exits 0 on clean content" "$CYBERLINE" --list "$ALPHA"
contains "$out" "Estonia and Ukraine sign" "--list shows a 2023 event"
lacks "$out" "Outside the default window" "default window hides 2016"
lacks "$out" "A 2025 event" "default window hides 2025"
expect_rc 0 "--from/--to widen the window" "$CYBERLINE" --list $ALL "$ALPHA"
contains "$out" "Outside the default window" "--from 1900 shows 2016"
run "$CYBERLINE" --list --format=tsv --from 2019-08-31 --to 2025 "$ALPHA"
check "--from a day inside a month keeps the month event" grep -q $'^fr-ru-bregancon\t' <<<"$out"
contains "$out" "year-2025" "--to 2025 includes 2025"
run "$CYBERLINE" --list --format=tsv --from 2019-09 --to 2024-12-31 "$ALPHA"
lacks "$(cut -f1 <<<"$out")" "fr-ru-bregancon" "--from after the month hides it"
lacks "$(cut -f1 <<<"$out")" "year-2025" "--to 2024-12-31 hides 2025"

# ordering: date, finer first
run "$CYBERLINE" --list --format=tsv $ALL "$ALPHA"
ids=$(tail -n +2 <<<"$out" | cut -f1 | tr '\n' ' ')
check "events sorted by date" test "$ids" = "old-event fr-ru-bregancon ee-month ee-ua-memo year-2025 "

# countries: codes, names, case, any/all
run "$CYBERLINE" --list --format=tsv -c estonia "$ALPHA"
check "-c by English name" test "$(tail -n +2 <<<"$out" | wc -l)" -eq 2
run "$CYBERLINE" --list --format=tsv -c ee,ua --match all "$ALPHA"
check "--match all needs every country" test "$(tail -n +2 <<<"$out" | cut -f1)" = "ee-ua-memo"
run "$CYBERLINE" --list --format=tsv -c EE -c fr "$ALPHA"
check "-c is repeatable (any)" test "$(tail -n +2 <<<"$out" | wc -l)" -eq 3

# search: case-, accent- and normalisation-blind
for q in bregancon BRÉGANÇON "Bre"$'\xcc\x81'"ganc"$'\xcc\xa7'"on"; do
	run "$CYBERLINE" --list --format=tsv -s "$q" "$ALPHA"
	check "search '$q' finds Brégançon" test "$(tail -n +2 <<<"$out" | cut -f1)" = "fr-ru-bregancon"
done
run "$CYBERLINE" --list --format=tsv -s LIINAMÄE "$ALPHA"
check "search LIINAMÄE finds Liinamäe in an excerpt" test "$(tail -n +2 <<<"$out" | cut -f1)" = "ee-ua-memo"
run "$CYBERLINE" --list --format=tsv -s Київ "$ALPHA"
check "search Київ" test "$(tail -n +2 <<<"$out" | cut -f1)" = "ee-ua-memo"
run "$CYBERLINE" --list --format=tsv -s "example wire" "$ALPHA"
check "search covers the outlet" test "$(tail -n +2 <<<"$out" | cut -f1 | tr '\n' ' ')" = "ee-month ee-ua-memo "

# formats
run "$CYBERLINE" --list --format=tsv "$ALPHA"
check "tsv header names the columns" grep -qE $'^id\tdate\tcountries\ttitle\toutlet' <<<"$out"
check "tsv escapes tabs inside values" grep -qF 'Tab\there' <<<"$out"
run "$CYBERLINE" --list --format=json $ALL "$ALPHA"
check "json: one line per event" test "$(wc -l <<<"$out")" -eq 5
for key in '"id":' '"date":' '"date_note":' '"title":' '"countries":' '"organizations":' '"tags":' '"summary":' '"excerpt":' '"related":' '"source":' '"published":' '"url":' '"language":' '"file":' '"line":'; do
	contains "$(head -1 <<<"$out")" "$key" "json has $key"
done
run "$CYBERLINE" --list --format=markdown $ALL "$ALPHA"
contains "$out" "## 2023" "markdown: year heading"
check "markdown: excerpt quoted" grep -q '^> ' <<<"$out"
contains "$out" "Example Wire" "markdown: source cited"

# yaml round trip: same events, dates with precision, countries, text
run "$CYBERLINE" --list --format=yaml $ALL "$ALPHA"
printf '%s\n' "$out" >"$T/rt.yaml"
"$CYBERLINE" --list --format=json $ALL "$ALPHA" | sed 's/"file":.*//' >"$T/a.json"
expect_rc 0 "yaml output validates" "$CYBERLINE" --validate "$T/rt.yaml"
"$CYBERLINE" --list --format=json $ALL "$T/rt.yaml" | sed 's/"file":.*//' >"$T/b.json"
check "yaml round trip keeps every field" cmp -s "$T/a.json" "$T/b.json"

# --validate and content errors (exit 1, good events still listed)
expect_rc 0 "--validate clean exits 0" "$CYBERLINE" --validate "$ALPHA"
contains "$out" "0 errors" "--validate summary"
expect_rc 1 "--validate with an error exits 1" "$CYBERLINE" --validate "$ALPHA" $F/broken.yaml
contains "$err" "tests/cli/fixtures/broken.yaml:15:17: error:" "diagnostic is file:line:column"
contains "$err" "did you mean GB" "diagnostic hints"
expect_rc 1 "--list with errors exits 1" "$CYBERLINE" --list --format=tsv "$ALPHA" $F/broken.yaml
contains "$out" "good-in-broken" "good event beside a bad one is listed"
contains "$out" "ee-ua-memo" "other file's events are listed"
expect_rc 1 "missing path exits 1" "$CYBERLINE" --list "$F/nope.yaml"
contains "$err" "nope.yaml: error:" "missing path is a diagnostic"

# directories: recursive, sorted
mkdir -p "$T/dir/sub"
cp "$ALPHA" "$T/dir/sub/x.yml"
cp $F/broken.yaml "$T/dir/skip.txt"
expect_rc 0 "directory is searched recursively for .yml" "$CYBERLINE" --list --format=tsv "$T/dir"
contains "$out" "ee-ua-memo" "found the .yml file"

# --stats
expect_rc 0 "--stats exits 0" "$CYBERLINE" --stats $ALL "$ALPHA"
contains "$out" "5 events loaded" "--stats counts events"
contains "$out" "2023" "--stats per year"
contains "$out" "EE  Estonia" "--stats per country with names"
contains "$out" "EE-UA" "--stats country pairs"

# --marked: the marks the UI keeps (m), read and never written here
MARKS=$T/state/cyberline/marks
mkdir -p "$T/state/cyberline"
printf '%s\n' "# cyberline marks v1" ee-ua-memo fr-ru-bregancon gone-id >"$MARKS"
cp "$MARKS" "$T/marks.before"
M="env XDG_STATE_HOME=$T/state $CYBERLINE"
expect_rc 0 "--marked exits 0" $M --list --marked --format=tsv $ALL "$ALPHA"
check "--marked lists only the marked events, in timeline order" \
	test "$(tail -n +2 <<<"$out" | cut -f1 | tr '\n' ' ')" = "fr-ru-bregancon ee-ua-memo "
contains "$err" "1 marked event is not in this content (kept in $MARKS)" \
	"--marked mentions marks the content lacks"
run $M --list --marked --format=tsv -c EE "$ALPHA"
check "--marked combines with the other filters" \
	test "$(tail -n +2 <<<"$out" | cut -f1)" = "ee-ua-memo"
expect_rc 0 "--marked --format=markdown exits 0" \
	$M --list --marked --format=markdown $ALL -s "" "$ALPHA"
check "briefing: a dated # title" test "$(head -1 <<<"$out")" = "# Briefing — $(date +%F)"
contains "$out" "- **Filters in force:** window 1900 to 2100" "briefing: the filters in force"
contains "$out" "- **Marked events:** 2, in timeline order" "briefing: how many"
check "briefing: one ## section per event, then the sources" \
	test "$(grep '^## ' <<<"$out" | sed 's/ — .*//' | tr '\n' '|')" = "## 2019-08|## 2023-12-20|## Sources|"
check "briefing: no year headings" test -z "$(grep -E '^#+ [0-9]{4}$' <<<"$out")"
check "briefing: the excerpt is quoted" grep -q '^> ' <<<"$out"
contains "$out" "Source: *" "briefing: each event cites its source"
run $M --list --marked --format=md -c estonia --match all -s memo "$ALPHA"
contains "$out" '- **Filters in force:** window 2018 to 2024; country Estonia; search "memo"' \
	"briefing: the filters in words, the search as typed"
expect_rc 0 "--marked --stats counts the marked events" $M --stats --marked $ALL "$ALPHA"
contains "$out" "2 in the selected window" "--stats --marked: 2 events"
check "--marked never writes the marks file" cmp -s "$MARKS" "$T/marks.before"
rm "$MARKS"
expect_rc 0 "--marked without a marks file lists nothing" $M --list --marked --format=tsv "$ALPHA"
check "--marked without marks: the header only" test "$(wc -l <<<"$out")" -eq 1
check "--marked creates no file" test ! -e "$MARKS"
printf 'not a marks file\n' >"$MARKS"
expect_rc 1 "--marked with a corrupt marks file exits 1" $M --list --marked "$ALPHA"
contains "$err" "$MARKS:1: not a cyberline marks file" "the corrupt file is named"
check "a corrupt marks file lists nothing" test -z "$out"
check "a corrupt marks file is left alone" test "$(cat "$MARKS")" = "not a marks file"
expect_rc 1 "--marked without HOME or XDG_STATE_HOME exits 1" \
	env -u HOME -u XDG_STATE_HOME "$CYBERLINE" --list --marked "$ALPHA"
contains "$err" "neither XDG_STATE_HOME nor HOME is set" "--marked says why"

# bundled content from anywhere, and no mode without a terminal
if [ -z "$SANITIZED" ]; then # only the shipped binary sits beside content/
	run sh -c "cd / && '$(realpath "$CYBERLINE")' --validate"
	check "bundled content found from another directory" test "$rc" -eq 0
	contains "$out" "0 errors" "bundled content validates"
fi
run sh -c "'$CYBERLINE' '$ALPHA' | cat"
contains "$out" "Estonia and Ukraine sign" "no mode and a pipe behaves like --list"
# a marks file is untrusted too: its bad lines are quoted escaped
mkdir -p "$T/hostile/cyberline"
printf '# cyberline marks v1\n\033]0;pwned\007\033[31mred\n' >"$T/hostile/cyberline/marks"
run env XDG_STATE_HOME="$T/hostile" "$CYBERLINE" --list --marked "$ALPHA"
check "corrupt marks file: exit 1" test "$rc" -eq 1
contains "$err" '"\x1B]0;pwned\x07\x1B[31mred" is not an event id' "corrupt marks line quoted escaped"
check "no raw ESC from a marks file" sh -c "! printf '%s' \"\$1\" | grep -q \"\$(printf '\\033')\"" _ "$err"

finish
