#!/usr/bin/env bash
# tests/yaml-suite/run.sh - the 402 inputs of the official YAML test suite
# (../shared/yaml-test-suite, see its README), each loaded beside a good
# file: the exit status is 0 or 1, a rejection comes with a
# "SUITEFILE:LINE:" diagnostic, no sanitizer reports anything, nothing
# hangs (10 s each), and the good file's events are still listed.
# One TAP line per input; inputs run in parallel, results in name order.
cd "$(dirname "$0")/../.." || exit 2
. tests/lib.sh

SUITE=../shared/yaml-test-suite
if ! ls "$SUITE"/*.yaml >/dev/null 2>&1; then
	echo "ok 1 # SKIP yaml-test-suite not found"
	echo "1..1"
	exit 0
fi

cat >"$T/good.yaml" <<'EOF'
source:
  title: "A good file beside a YAML test suite input"
  outlet: "Test Wire"
  published: 2023-05-01
events:
  - id: suite-good-one
    date: 2023-04-30
    title: "Estonia and Finland sign a cyber memorandum"
    countries: [EE, FI]
    summary: "A good event that must survive."
    excerpt: "Estonia and Finland signed."
  - id: suite-good-two
    date: 2023-05
    title: "Latvia joins the exercise"
    countries: [LV]
    summary: "Another good event."
    excerpt: "Latvia joined."
EOF

# check_one SUITEFILE: write "ok" or "not ok: why" and the evidence to
# $T/res/NAME.
check_one() {
	local f=$1 name res out err rc why=
	name=${f##*/}
	res=$T/res/$name
	out=$T/res/$name.out
	err=$T/res/$name.err
	timeout 10 "$CYBERLINE" --list --format=tsv "$T/good.yaml" "$f" \
		>"$out" 2>"$err"
	rc=$?
	if [ "$rc" -gt 1 ]; then
		why="exit status $rc"
	elif grep -qE 'runtime error|Sanitizer' "$err"; then
		why="sanitizer report"
	elif [ "$rc" -eq 1 ] &&
		! grep -qE "^$(sed 's/[].[*^$\\]/\\&/g' <<<"$f"):[0-9]+:" "$err"; then
		why="rejected without a $name:LINE: diagnostic"
	elif ! grep -q '^suite-good-one	' "$out" ||
		! grep -q '^suite-good-two	' "$out"; then
		why="the good events are not listed"
	fi
	if [ -z "$why" ]; then
		echo ok >"$res"
	else
		{ echo "not ok: $why"; head -c 2000 "$err"; } >"$res"
	fi
}
export -f check_one
export T CYBERLINE

mkdir -p "$T/res"
jobs=$(nproc 2>/dev/null || echo 2)
printf '%s\0' "$SUITE"/*.yaml |
	xargs -0 -P "$jobs" -I{} bash -c 'check_one "$1"' _ {}

for f in "$SUITE"/*.yaml; do
	name=${f##*/}
	res=$T/res/$name
	if [ ! -s "$res" ]; then
		not_ok "$name: no result"
	elif [ "$(head -n 1 "$res")" = ok ]; then
		ok "$name"
	else
		not_ok "$name: $(head -n 1 "$res" | sed 's/^not ok: //')" \
			"$(tail -n +2 "$res")"
	fi
done
finish
