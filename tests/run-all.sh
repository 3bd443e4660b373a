#!/usr/bin/env bash
# Run every test suite and print one summary line: "N passed, N failed".
#
# Each suite is a program that prints TAP lines ("ok N - name" or
# "not ok N - name"); cmocka binaries do so with CMOCKA_MESSAGE_OUTPUT=TAP.
# A line with a "# SKIP" directive is a skip, whatever its ok/not ok (cmocka
# writes "not ok N # SKIP"): counted apart and listed, never as a pass.
# A suite that exits non-zero without reporting a failure counts as one
# failure, so a crash never passes silently. QUICK=1 skips the sanitizer
# builds and the terminal UI tests.
cd "$(dirname "$0")/.." || exit 2
export CMOCKA_MESSAGE_OUTPUT=TAP
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
passed=0 failed=0 skipped=0
skips=
log=build/test-log.txt
: >"$log"

# run_suite NAME COMMAND...: run one suite, count its TAP lines.
run_suite() {
	local name=$1 out rc p f
	shift
	out=$("$@" 2>&1)
	rc=$?
	printf '### %s\n%s\n' "$name" "$out" >>"$log"
	k=$(grep -cE '^(not )?ok .*# SKIP' <<<"$out")
	p=$(grep -E '^ok ' <<<"$out" | grep -cv '# SKIP')
	f=$(grep -E '^not ok ' <<<"$out" | grep -cv '# SKIP')
	if [ "$k" -ne 0 ]; then
		skipped=$((skipped + k))
		skips="$skips$(grep -E '# SKIP' <<<"$out" | sed "s|^|    $name: |")"$'\n'
	fi
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
		out="$out"$'\n'"not ok - $name exited with status $rc"
	fi
	passed=$((passed + p))
	failed=$((failed + f))
	printf '%-28s %4d passed, %d failed%s\n' "$name" "$p" "$f" \
		"$([ "$k" -ne 0 ] && echo ", $k skipped")"
	if [ "$f" -ne 0 ]; then
		grep -E '^not ok |^# |ERROR|runtime error|Sanitizer' <<<"$out" | head -40 | sed 's/^/    /'
	fi
}

for t in build/release/tests/test_*; do
	[ -x "$t" ] && run_suite "unit/${t##*/}" "$t"
done
run_suite cli env CYBERLINE=./cyberline tests/cli/run.sh
for s in tests/*/run.sh; do
	case $s in tests/cli/run.sh | tests/tui/run.sh) continue ;; esac
	run_suite "${s%/run.sh}" env CYBERLINE=./cyberline "$s"
done
if [ -z "$QUICK" ]; then
	for t in build/asan/tests/test_*; do
		[ -x "$t" ] && run_suite "asan/unit/${t##*/}" "$t"
	done
	for s in tests/*/run.sh; do
		case $s in tests/tui/run.sh) continue ;; esac
		run_suite "asan/${s%/run.sh}" env CYBERLINE=build/asan/cyberline SANITIZED=1 "$s"
	done
	[ -x tests/tui/run.sh ] && run_suite tui env CYBERLINE=./cyberline tests/tui/run.sh
fi
echo "(full output: $log)"
if [ "$skipped" -ne 0 ]; then
	echo "$skipped skipped (not counted as passed):"
	printf '%s' "$skips"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
