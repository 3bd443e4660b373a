#!/usr/bin/env bash
# tests/tui/run.sh - terminal UI tests, driven through tmux; prints TAP.
#
# Each test starts $CYBERLINE (default ./cyberline, run from the project
# root) in a detached tmux session of fixed size on a private socket,
# types with send-keys, and polls capture-pane for the text it expects
# (wait_for, every 0.05 s, no fixed sleeps). Exact assertions use the
# fixtures in tests/tui/fixtures/; the bundled content only gets a smoke
# test, since it is curated separately.
cd "$(dirname "$0")/../.." || exit 2
. tests/lib.sh
FIX=tests/tui/fixtures
SOCK=cyberline-test-$$
export LANG=C.UTF-8
unset LC_ALL LC_CTYPE NO_COLOR
# Marks go to a private state directory, never the real home's.
export XDG_STATE_HOME=$T/state
CYBERLINE_ABS=$(realpath "$CYBERLINE")

if ! command -v tmux >/dev/null 2>&1; then
	echo "1..0 # SKIP tmux is not installed"
	exit 0
fi

tm() { tmux -u -L "$SOCK" -f /dev/null "$@"; }
cleanup() { tm kill-server 2>/dev/null; rm -rf "$T"; }
trap cleanup EXIT
# A session that outlives the tests, so killing a test's session never
# takes the server down while the next one starts.
tm new-session -d -s keep -x 80 -y 24 "sleep 3600"

# start [-s WxH] [-e VAR=VALUE]... [-C DIR] ARGS...: run cyberline ARGS in
# a fresh session, in DIR (default: the project root; paths in ARGS must
# then be absolute); its exit status lands in $T/exit and on the screen.
start() {
	local w=120 h=35 envs=("XDG_STATE_HOME=$XDG_STATE_HOME") dir=$PWD
	local bin=$CYBERLINE
	while [ $# -gt 0 ]; do
		case $1 in
		-s) w=${2%x*} h=${2#*x}; shift 2 ;;
		-e) envs+=("$2"); shift 2 ;;
		-C) dir=$2 bin=$CYBERLINE_ABS; shift 2 ;;
		*) break ;;
		esac
	done
	tm kill-session -t ui 2>/dev/null
	rm -f "$T/exit"
	local cmd="cd '$dir' && env ${envs[*]} $bin $*"
	tm new-session -d -s ui -x "$w" -y "$h" \
		"$cmd; st=\$?; echo EXIT=\$st > $T/exit; echo EXIT=\$st; sleep 60"
	tm set-option -t ui remain-on-exit on >/dev/null
}

screen() { tm capture-pane -p -t ui 2>/dev/null; }
keys() { tm send-keys -t ui "$@"; }
type_text() { tm send-keys -t ui -l "$1"; }

# wait_for TEXT [TIMEOUT]: poll the screen until TEXT (fixed string) shows.
wait_for() {
	local text=$1 deadline=$((SECONDS + ${2:-5}))
	while [ $SECONDS -le $deadline ]; do
		screen | grep -qF -- "$text" && return 0
		sleep 0.05
	done
	return 1
}

# wait_gone TEXT [TIMEOUT]: poll until TEXT is no longer on the screen.
wait_gone() {
	local text=$1 deadline=$((SECONDS + ${2:-5}))
	while [ $SECONDS -le $deadline ]; do
		screen | grep -qF -- "$text" || return 0
		sleep 0.05
	done
	return 1
}

# wait_line REGEX [TIMEOUT]: poll until a screen line matches REGEX (ERE).
wait_line() {
	local re=$1 deadline=$((SECONDS + ${2:-5}))
	while [ $SECONDS -le $deadline ]; do
		screen | grep -qE -- "$re" && return 0
		sleep 0.05
	done
	return 1
}

# expect NAME wait_xxx ARGS...: one TAP line; the screen on failure.
expect() {
	local name=$1
	shift
	if "$@"; then ok "$name"; else not_ok "$name" "$(screen)"; fi
}

# selected: the selected list row (the one with the pointer).
selected() { screen | grep -E '^(▶|>) ' | head -1; }

# wait_selected TEXT: poll until the selected row contains TEXT.
wait_selected() {
	local deadline=$((SECONDS + ${2:-5}))
	while [ $SECONDS -le $deadline ]; do
		selected | grep -qF -- "$1" && return 0
		sleep 0.05
	done
	return 1
}

# wait_exit [TIMEOUT]: poll until the program has exited; prints status.
wait_exit() {
	local deadline=$((SECONDS + ${1:-5}))
	while [ $SECONDS -le $deadline ]; do
		[ -s "$T/exit" ] && { sed 's/EXIT=//' "$T/exit"; return 0; }
		sleep 0.05
	done
	echo none
	return 1
}

# quit_ok NAME: q quits with status 0.
quit_ok() {
	keys q
	local st
	st=$(wait_exit)
	if [ "$st" = 0 ]; then ok "$1"; else not_ok "$1 (exit $st)" "$(screen)"; fi
}

for t in tests/tui/test_*.sh; do
	. "$t"
done
finish
