# tests/lib.sh - a tiny TAP library for the shell test suites.
#
#   . tests/lib.sh
#   check "name" test EXPR...    # ok when the command succeeds
#   expect_rc 2 "name" CMD...    # ok when CMD exits with status 2
#   contains "$out" "text" "name"
#   finish                       # exit status: failures > 0
CYBERLINE=${CYBERLINE:-./cyberline}
T=$(mktemp -d "${TMPDIR:-/tmp}/cyberline-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
_n=0 _failed=0

ok() { _n=$((_n + 1)); echo "ok $_n - $1"; }
not_ok() {
	_n=$((_n + 1)); _failed=$((_failed + 1))
	echo "not ok $_n - $1"
	[ -n "$2" ] && printf '%s\n' "$2" | head -15 | sed 's/^/# /'
	return 0
}
check() { local name=$1; shift; if "$@"; then ok "$name"; else not_ok "$name"; fi; }

# run CMD...: capture stdout in $out, stderr in $err, status in $rc.
run() {
	"$@" >"$T/out" 2>"$T/err"
	rc=$?
	out=$(cat "$T/out")
	err=$(cat "$T/err")
}

expect_rc() {
	local want=$1 name=$2
	shift 2
	run "$@"
	if [ "$rc" -eq "$want" ]; then ok "$name"; else
		not_ok "$name (exit $rc, wanted $want)" "$err"; fi
}

# contains HAYSTACK NEEDLE NAME: fixed-string match
contains() {
	if grep -qF -- "$2" <<<"$1"; then ok "$3"; else not_ok "$3" "wanted: $2
got: $1"; fi
}
lacks() {
	if grep -qF -- "$2" <<<"$1"; then not_ok "$3" "unwanted: $2"; else ok "$3"; fi
}
finish() { echo "1..$_n"; [ "$_failed" -eq 0 ]; }
