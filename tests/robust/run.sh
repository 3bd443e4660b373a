#!/usr/bin/env bash
# tests/robust/run.sh - hostile and broken content never costs the good data.
#
# Each malformed file in fixtures/ (or generated into $T, for the big ones)
# is loaded beside fixtures/good.yaml, with --validate and with --list:
# the exit status is 1, the diagnostic starts with the exact
# "bad.yaml:LINE:COL: error: ", and good.yaml's two events (and the good
# events of the bad file itself) are still listed. Then: flood control,
# terminal safety in every output format, duplicate ids across files, and
# a replay of every input the fuzzer ever found (tests/fuzz/regressions/).
cd "$(dirname "$0")/../.." || exit 2
. tests/lib.sh

F=tests/robust/fixtures
GOOD=$F/good.yaml

# no_sanitizer_report NAME: the last run printed no ASan/UBSan report.
no_sanitizer_report() {
	if grep -qE 'runtime error|Sanitizer' <<<"$err"; then
		not_ok "$1: sanitizer report" "$err"
	else ok "$1: no sanitizer report"; fi
}

# lists_ids NAME ID...: the last --list output has a row for every ID.
lists_ids() {
	local name=$1 id missing=
	shift
	for id in "$@"; do
		grep -q "^$id	" <<<"$out" || missing="$missing $id"
	done
	if [ -z "$missing" ]; then ok "$name: good events listed"; else
		not_ok "$name: good events missing:$missing" "$out"; fi
}

# bad_case FILE LINE:COL MESSAGE [ID...]: FILE is rejected with an error
# at LINE:COL that says MESSAGE; good.yaml's events and the IDs (good
# events of FILE itself) still load.
bad_case() {
	local file=$1 pos=$2 msg=$3 name=${1##*/}
	shift 3
	expect_rc 1 "$name: --validate exits 1" \
		"$CYBERLINE" --validate "$GOOD" "$file"
	contains "$err" "$file:$pos: error: " "$name: error at $pos"
	contains "$err" "$msg" "$name: says \"$msg\""
	expect_rc 1 "$name: --list exits 1" \
		"$CYBERLINE" --list --format=tsv "$GOOD" "$file"
	lists_ids "$name" good-event-one good-event-two "$@"
	no_sanitizer_report "$name"
}

# ---- one malformed file per category ------------------------------------
# file | line:col | what the message says | good events of that file
while IFS='|' read -r file pos msg ids; do
	[ -z "$file" ] && continue
	# shellcheck disable=SC2086 # ids is a word list
	bad_case "$F/$file" "$pos" "$msg" $ids
done <<'EOF'
syntax-unclosed-quote.yaml|18:1|while scanning a quoted scalar|unclosed-survivor
syntax-tab-indent.yaml|13:1|found a tab character that violates indentation|tab-survivor
syntax-bad-flow.yaml|15:23|did not find expected ',' or ']'|flow-survivor
type-root-list.yaml|1:1|a document must be a mapping with `source` and `events`, found a list|
type-root-scalar.yaml|1:1|a document must be a mapping with `source` and `events`, found a scalar|
type-events-not-list.yaml|6:3|`events` must be a list of events, found a mapping|
type-map-for-string.yaml|14:12|`title` must be a single value, found a mapping|mapstr-survivor
type-countries-map.yaml|15:16|`countries` must be a list like [a, b], found a mapping|cmap-survivor
missing-key.yaml|12:5|event is missing required keys `summary` and `excerpt`|missing-survivor
unknown-key.yaml|18:5|unknown key `colour` in event|unknown-survivor
duplicate-key.yaml|18:5|duplicate key `title` in event|dupkey-survivor
date-feb-30.yaml|13:11|"2023-02-30" is not a valid date|feb30-survivor
date-month-13.yaml|13:11|"2023-13" is not a valid date: month is out of range|month13-survivor
date-words.yaml|13:11|"early spring 2023" is not a valid date|words-survivor
bad-id.yaml|12:9|"Bad_ID!" is not a valid id|badid-survivor
duplicate-id.yaml|12:9|duplicate id `good-event-one`|dupid-survivor
country-uk.yaml|15:21|"UK" is not an ISO 3166-1 alpha-2 country code; did you mean GB|uk-survivor
country-xx.yaml|15:17|"XX" is not an ISO 3166-1 alpha-2 country code|xx-survivor
country-zz.yaml|15:17|"ZZ" is not an ISO 3166-1 alpha-2 country code|zz-survivor
anchor.yaml|15:16|anchors (&name) are not allowed|anchor-survivor
alias.yaml|14:12|aliases (*name) are not allowed|alias-survivor
tag.yaml|13:11|tags (!tag) are not allowed|tag-survivor
control-nul.yaml|14:12|control character U+0000 in `title`|nul-survivor
control-esc.yaml|16:14|control character U+001B in `summary`|esc-survivor
raw-nul.yaml|14:17|control character U+0000 in `title`|rawnul-survivor
raw-control.yaml|16:21|control character U+001B in `summary`|rawctl-survivor
invalid-utf8.yaml|14:16|invalid UTF-8 byte 0xE9 in `title`|utf8-survivor
oversized-title.yaml|14:12|`title` is 301 characters long; the limit is 300|longtitle-survivor
stray-empty-document.yaml|12:1|empty document|stray-survivor stray-after
mixed.yaml|13:11|"2023-02-30" is not a valid date|mixed-first mixed-last
related-missing.yaml|12:31|`related` names `no-such-event`, but no event has that id|related-keeper
EOF

# ---- generated: too big to keep in git, or binary ------------------------
head -n 11 "$F/mixed.yaml" >"$T/head.yaml" # source + the event mixed-first

# An excerpt of 20,001 characters (the limit is 20,000).
{
	cat "$T/head.yaml"
	printf '  - id: long-excerpt\n    date: 2023-06-01\n'
	printf '    title: "Too long"\n    countries: [EE]\n    summary: "s"\n'
	printf '    excerpt: "%s"\n' "$(head -c 20001 /dev/zero | tr '\0' x)"
} >"$T/oversized-excerpt.yaml"
bad_case "$T/oversized-excerpt.yaml" 17:14 \
	'`excerpt` is 20001 characters long; the limit is 20000' mixed-first

# A file over 4 MiB (4,194,304 bytes): nothing in it loads.
{
	cat "$T/head.yaml"
	head -c $((4 * 1024 * 1024)) /dev/zero | tr '\0' '#'
	echo
} >"$T/oversized-file.yaml"
bad_case "$T/oversized-file.yaml" 1:1 'file is larger than the 4 MiB limit'

# Nesting 100 levels deep inside an event (the limit is 32).
{
	cat "$T/head.yaml"
	printf '  - id: deep\n    date: 2023-06-01\n    title: "Deep"\n'
	printf '    countries: [EE]\n    summary: "s"\n    excerpt: "e"\n'
	printf '    tags: %s%s\n' "$(printf '%.0s[' {1..100})" "$(printf '%.0s]' {1..100})"
} >"$T/deep-nesting.yaml"
bad_case "$T/deep-nesting.yaml" 18:40 'nesting deeper than 32 levels' mixed-first

# Binary junk: 4 KiB of bytes that are mostly not UTF-8 (deterministic).
LC_ALL=C awk 'BEGIN { for (i = 0; i < 4096; i++) printf "%c", (i * 37 + 11) % 256 }' \
	>"$T/binary-junk.yaml"
bad_case "$T/binary-junk.yaml" 3:73 'this is not UTF-8 text'

# Binary junk pasted into an event: the events before it survive.
{
	cat "$T/head.yaml"
	printf '  - id: junk-victim\n    excerpt: '
	cat "$T/binary-junk.yaml"
} >"$T/pasted-junk.yaml"
bad_case "$T/pasted-junk.yaml" 15:73 'this is not UTF-8 text' mixed-first

# UTF-16: one diagnostic, not a flood.
printf '\xff\xfes\x00o\x00u\x00r\x00c\x00e\x00:\x00\n\x00' >"$T/utf16.yaml"
bad_case "$T/utf16.yaml" 1:1 'content must be UTF-8'

# ---- an empty file is a warning, not an error ----------------------------
expect_rc 0 "empty.yaml: --validate exits 0" "$CYBERLINE" --validate "$GOOD" "$F/empty.yaml"
contains "$err" "$F/empty.yaml: warning: file holds no YAML document" \
	"empty.yaml: warning says the file is empty"
lacks "$err" "error:" "empty.yaml: no error"
expect_rc 0 "empty.yaml: --list exits 0" "$CYBERLINE" --list --format=tsv "$GOOD" "$F/empty.yaml"
lists_ids "empty.yaml" good-event-one good-event-two

# ---- TAB and LF are allowed in summary and excerpt -----------------------
expect_rc 0 "text-tab-newline-ok.yaml: --validate exits 0" \
	"$CYBERLINE" --validate "$GOOD" "$F/text-tab-newline-ok.yaml"
expect_rc 0 "text-tab-newline-ok.yaml: --list exits 0" \
	"$CYBERLINE" --list --format=tsv "$GOOD" "$F/text-tab-newline-ok.yaml"
lists_ids "text-tab-newline-ok.yaml" good-event-one good-event-two tabs-ok
contains "$out" 'Column\tone\nline two' "TAB and LF are escaped in TSV"

# ---- flood control --------------------------------------------------------
{
	cat "$T/head.yaml"
	for i in $(seq 1 30); do
		printf '  - id: flood-%d\n    date: 2023-02-30\n    title: "t"\n' "$i"
		printf '    countries: [EE]\n    summary: "s"\n    excerpt: "e"\n'
	done
} >"$T/flood.yaml"
expect_rc 1 "flood: --validate exits 1" "$CYBERLINE" --validate "$GOOD" "$T/flood.yaml"
lines=$(grep -c "^$T/flood.yaml" <<<"$err")
check "flood: at most 12 lines for the file (got $lines)" test "$lines" -le 12
contains "$err" "$T/flood.yaml: note: 20 more problems in this file not shown" \
	"flood: one line says how many more"
contains "$err" "$T/flood.yaml:13:11: error: " "flood: the first error is shown"
expect_rc 1 "flood: --list exits 1" "$CYBERLINE" --list --format=tsv "$GOOD" "$T/flood.yaml"
lists_ids "flood" good-event-one good-event-two mixed-first

# Flood of errors that each come with a note (duplicate ids): the notes
# count too, and the "more" line comes after the last shown note.
{
	cat "$T/head.yaml"
	for i in $(seq 1 30); do
		printf '  - id: good-event-one\n    date: 2023-06-01\n    title: "t"\n'
		printf '    countries: [EE]\n    summary: "s"\n    excerpt: "e"\n'
	done
} >"$T/dup-flood.yaml"
expect_rc 1 "duplicate flood: --validate exits 1" \
	"$CYBERLINE" --validate "$GOOD" "$T/dup-flood.yaml"
lines=$(wc -l <"$T/err")
check "duplicate flood: at most 12 lines (got $lines)" test "$lines" -le 12
check "duplicate flood: the last line says how many more" \
	test "$(tail -n 1 "$T/err")" = \
	"$T/dup-flood.yaml: note: 25 more problems in this file not shown"

# ---- duplicate ids across files -------------------------------------------
expect_rc 1 "duplicate id across files: exits 1" \
	"$CYBERLINE" --validate "$GOOD" "$F/duplicate-id.yaml"
contains "$err" "$F/duplicate-id.yaml:12:9: error: duplicate id \`good-event-one\`" \
	"duplicate id: error at the later file"
contains "$err" "$GOOD:10:5: note: \`good-event-one\` is first defined here" \
	"duplicate id: note names the first"
expect_rc 1 "duplicate id: --list exits 1" \
	"$CYBERLINE" --list --format=tsv "$GOOD" "$F/duplicate-id.yaml"
check "duplicate id: listed once" test "$(grep -c '^good-event-one	' <<<"$out")" -eq 1
contains "$out" "good-event-one	2023-04-30	EE,FI" "duplicate id: the first one is kept"

# ---- a directory that links back to itself ---------------------------------
mkdir -p "$T/loop/top"
cp "$GOOD" "$T/loop/top/good.yaml"
ln -s . "$T/loop/top/again"
ln -s .. "$T/loop/top/parent"
expect_rc 0 "symlink loop: --validate exits 0, in time" \
	timeout 20 "$CYBERLINE" --validate "$T/loop/top"
contains "$out" "2 events in 1 file: 0 errors" "symlink loop: each file read once"

# ---- nothing from content reaches the terminal raw -------------------------
# raw_free NAME FILE...: no byte a terminal would act on in FILEs: ESC,
# DEL, C1 controls (raw or as UTF-8), bidi overrides and isolates.
raw_free() {
	local name=$1 p
	shift
	for p in $'\x1b' $'\x7f' $'\x9b' $'\x85' $'\xc2\x9b' $'\xc2\x85' \
		$'\xe2\x80\xaa' $'\xe2\x80\xab' $'\xe2\x80\xac' $'\xe2\x80\xad' \
		$'\xe2\x80\xae' $'\xe2\x81\xa6' $'\xe2\x81\xa7' $'\xe2\x81\xa8' \
		$'\xe2\x81\xa9'; do
		if LC_ALL=C grep -qF -- "$p" "$@"; then
			not_ok "$name: raw $(printf '%s' "$p" | od -An -tx1 | tr -d ' ') in output"
			return
		fi
	done
	ok "$name: no raw control or bidi bytes"
}
# A valid file holding bidi controls (allowed in content, escaped on output).
printf '%s\n' 'source:' \
	'  title: "Source \u202E reversed"' \
	'  outlet: "Wire \u2066isolated\u2069"' \
	'  published: 2023-06-01' \
	'events:' \
	'  - id: bidi-valid' \
	'    date: 2023-06-01' \
	'    title: "Title \u202Edesrever\u202C and \u202A\u202B\u202D\u2067\u2068"' \
	'    countries: [EE]' \
	'    tags: ["t\u202Eag"]' \
	'    organizations: ["Org \u2066x\u2069"]' \
	'    summary: "Sum\tmary \u202E"' \
	'    excerpt: "Ex\u2067cerpt\nsecond line"' \
	>"$T/term-valid.yaml"
for fmt in text tsv json markdown yaml; do
	run "$CYBERLINE" --list --format=$fmt "$T/term-valid.yaml"
	check "terminal: valid file lists in --format=$fmt" test "$rc" -eq 0
	contains "$out" "desrever" "terminal: --format=$fmt shows the event"
	raw_free "terminal: valid file, --format=$fmt" "$T/out" "$T/err"
done
# A rejected file whose diagnostics quote hostile text, in a file whose
# own name holds an escape sequence.
evil="$T/evil"$'\x1b[31m'"name.yaml"
cp "$F/terminal-evil.yaml" "$evil"
# ... and the same as raw bytes: U+202E in a quoted id, ESC, CSI (U+009B),
# NEL and DEL in values, an ESC sequence in an unknown key.
printf '  - id: "raw\xe2\x80\xaeid"\n    title: "a\x1b[2Jb"\n' >>"$evil"
printf '    summary: "c\xc2\x9b31md\xc2\x85e\x7f"\n' >>"$evil"
printf '    "k\x1b]0;x\x07": 1\n' >>"$evil"
for fmt in text tsv json markdown yaml; do
	run "$CYBERLINE" --list --format=$fmt "$GOOD" "$evil"
	check "terminal: hostile file, --format=$fmt exits 1" test "$rc" -eq 1
	raw_free "terminal: hostile file, --format=$fmt" "$T/out" "$T/err"
done
run "$CYBERLINE" --validate "$GOOD" "$evil"
raw_free "terminal: hostile file, --validate" "$T/out" "$T/err"
contains "$err" 'evil\x1B[31mname.yaml:' "terminal: the file name is escaped"
contains "$err" '\x1B[2J' "terminal: a quoted id is escaped"
contains "$err" '\u{009B}' "terminal: a quoted C1 control is escaped"
contains "$err" '\u{202E}' "terminal: a quoted bidi override is escaped"
run "$CYBERLINE" --list --format=tsv "$GOOD" "$F/terminal-evil.yaml"
lists_ids "terminal-evil.yaml" good-event-one good-event-two evil-survivor

# ---- every input the fuzzer ever found -------------------------------------
for f in tests/fuzz/regressions/*; do
	[ -f "$f" ] || continue
	case ${f##*/} in README*) continue ;; esac
	timeout 20 "$CYBERLINE" --list --format=tsv "$GOOD" "$f" >"$T/out" 2>"$T/err"
	rc=$?
	err=$(cat "$T/err")
	out=$(cat "$T/out")
	name="fuzz regression ${f##*/}"
	check "$name: exits 0 or 1 (got $rc)" test "$rc" -le 1
	no_sanitizer_report "$name"
	lists_ids "$name" good-event-one good-event-two
done

# ---- found in review: encodings without a UTF-8 view, byte limits, breaks
printf '\0\0\xFE\xFF\0\0\0s' >"$T/utf32be.yaml"
printf 's\0o\0u\0r\0c\0e\0:\0' >"$T/utf16-nobom.yaml"
for f in utf32be utf16-nobom; do
	expect_rc 1 "$f: --validate exits 1" "$CYBERLINE" --validate "$GOOD" "$T/$f.yaml"
	check "$f: one diagnostic for the file" \
		test "$(grep -c "$T/$f.yaml" <<<"$err")" -eq 1
	contains "$err" "$T/$f.yaml:1:1: error: the file looks like UTF-16 or UTF-32" \
		"$f: says it is not UTF-8"
	run "$CYBERLINE" --list --format=tsv "$GOOD" "$T/$f.yaml"
	lists_ids "$f" good-event-one good-event-two
done
long_url="https://example.org/$(printf 'é%.0s' $(seq 1000))"
sed "s|^  outlet: .*|&\n  url: \"$long_url\"|" "$GOOD" \
	| sed 's/good-event-/url-event-/' >"$T/url-bytes.yaml"
expect_rc 1 "url over 2,000 bytes (1,000 é) is refused" \
	"$CYBERLINE" --validate "$GOOD" "$T/url-bytes.yaml"
contains "$err" "bytes long; the limit is 2000" "url limit is in bytes"
sed 's/^\(    title: "\)/\1one\\Ltwo /' "$GOOD" | sed 's/good-event-/ls-event-/' \
	>"$T/line-separator.yaml"
expect_rc 1 "U+2028 in a title is refused" \
	"$CYBERLINE" --validate "$GOOD" "$T/line-separator.yaml"
contains "$err" "\`title\` must be one line" "U+2028 breaks a one-line field"

finish
