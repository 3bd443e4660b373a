#!/usr/bin/env bash
# run.sh - cyberline's performance benchmark; see README.md.
#
#   ./run.sh             the whole benchmark; writes results.md
#   ./run.sh --profile   only profile a 100k-event load (perf, or
#                        callgrind at 10k events where perf cannot sample)
#
# Environment: ROUNDS (alternating rounds per measure, default 5), KEEP=1
# (keep the generated corpora), CYBERLINE (binary, default ../cyberline),
# BIN (the bench programs, default ../build/bench).
#
# Every timing is a median over ROUNDS runs that alternate cyberline and
# the libyaml floor in one go with a warm page cache, and is reported as
# a ratio: the machines are shared and noisy, absolute times are not
# comparable between runs.
set -u
cd "$(dirname "$0")" || exit 2
HERE=$(pwd)
ROOT=$(cd .. && pwd)
BIN=${BIN:-$ROOT/build/bench}
CYBERLINE=${CYBERLINE:-$ROOT/cyberline}
ROUNDS=${ROUNDS:-5}
KEEP=${KEEP:-0}
WINDOW=(--from 2000 --to 2030)
OUT=$HERE/results.md
TMP=$(mktemp -d "${TMPDIR:-/tmp}/cyberline-bench.XXXXXX")
SOCK=cyberline-bench-$$

# ---- helpers ---------------------------------------------------------------

say() { printf 'bench: %s\n' "$*" >&2; }

# Remove what this run made (corpora unless KEEP=1, temp files, tmux).
cleanup() {
	tmux -L "$SOCK" kill-server 2>/dev/null
	rm -rf "$TMP"
	if [ "$KEEP" != 1 ]; then
		rm -rf "$HERE"/corpus-*/
	fi
}
trap cleanup EXIT

# Median of the numbers on stdin.
median() {
	sort -g | awk '{v[NR] = $1} END {
		if (NR == 0) { print "nan"; exit }
		print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# calc EXPR: floating-point arithmetic, printed with 2 decimals.
calc() { awk "BEGIN { printf \"%.2f\", $1 }"; }
calc3() { awk "BEGIN { printf \"%.3f\", $1 }"; }

# Generate a corpus of NFILES files into corpus-NAME unless an identical
# one (same generator source and arguments) is already there. Prints
# "files events bytes".
corpus() {
	local name=$1 nfiles=$2 flags=${3:-} dir=$HERE/corpus-$1
	local want
	want="$(cksum <gen.c | cut -d' ' -f1) $nfiles $flags"
	if [ -f "$dir/.stamp" ] && [ "$(head -1 "$dir/.stamp")" = "$want" ]; then
		tail -1 "$dir/.stamp"
		return
	fi
	rm -rf "$dir"
	# shellcheck disable=SC2086
	"$BIN/gen" $flags "$dir" "$nfiles" >"$TMP/gen.out" || exit 1
	printf '%s\n%s\n' "$want" "$(cat "$TMP/gen.out")" >"$dir/.stamp"
	cat "$TMP/gen.out"
}

# timeit COMMAND...: "wall user sys maxrss_kib status" (stdout discarded).
timeit() { "$BIN/timeit" "$@"; }

# ---- 1 and 2: load against the floor ----------------------------------------

# load_round DIR: one cyberline and one floor run, in alternating order;
# appends "cyberline|floor wall cpu rss status" lines to $TMP/load.
load_round() {
	local dir=$1 r=$2 a b who wall user sys rss status
	if [ $((r % 2)) -eq 0 ]; then a=cl b=fl; else a=fl b=cl; fi
	for who in $a $b; do
		if [ "$who" = cl ]; then
			read -r wall user sys rss status < <(timeit "$CYBERLINE" --stats \
				"${WINDOW[@]}" "$dir")
		else
			read -r wall user sys rss status < <(timeit "$BIN/floor" "$dir")
		fi
		echo "$who $wall $(calc3 "$user + $sys") $rss $status" >>"$TMP/load"
	done
}

# Percent of all CPUs busy over half a second (from /proc/stat): what
# other processes take while nothing of ours runs.
cpu_busy() {
	local a b
	a=$(awk '/^cpu / {print $2+$3+$4+$6+$7+$8, $5}' /proc/stat)
	sleep 0.5
	b=$(awk '/^cpu / {print $2+$3+$4+$6+$7+$8, $5}' /proc/stat)
	awk -v a="$a" -v b="$b" 'BEGIN { split(a, x, " "); split(b, y, " ")
		busy = y[1] - x[1]; idle = y[2] - x[2]
		printf "%d", (busy + idle > 0) ? 100 * busy / (busy + idle) : 0 }'
}

# measure_load NAME DIR BYTES EVENTS: warm up, ROUNDS alternating rounds,
# then one table row into $TMP/load-rows.
measure_load() {
	local name=$1 dir=$2 bytes=$3 events=$4 busy
	busy=$(cpu_busy)
	# Another process keeping a core busy makes the two-threaded loader
	# look worse than it is (the floor needs one core): say so.
	[ "$busy" -ge 20 ] && echo "other processes kept ${busy}% of the" \
		"CPUs busy just before the $name rounds: its wall ratios are" \
		"pessimistic for a multi-threaded loader (see the CPU ratio)" >>"$TMP/notes"
	say "load $name: warm-up and $ROUNDS alternating rounds"
	: >"$TMP/load"
	timeit "$BIN/floor" "$dir" >/dev/null
	timeit "$CYBERLINE" --stats "${WINDOW[@]}" "$dir" >/dev/null
	for ((r = 0; r < ROUNDS; r++)); do
		load_round "$dir" "$r"
	done
	local clw flw clc flc clr bad ratio lo hi pmed best
	clw=$(awk '$1 == "cl" {print $2}' "$TMP/load" | median)
	flw=$(awk '$1 == "fl" {print $2}' "$TMP/load" | median)
	clc=$(awk '$1 == "cl" {print $3}' "$TMP/load" | median)
	flc=$(awk '$1 == "fl" {print $3}' "$TMP/load" | median)
	clr=$(awk '$1 == "cl" {print $4}' "$TMP/load" | median)
	bad=$(awk '$1 == "cl" && $5 != 0' "$TMP/load" | wc -l)
	# Per-round ratios (a round's two runs are back to back).
	read -r lo hi < <(awk '$1 == "cl" {c[++n] = $2} $1 == "fl" {f[++m] = $2}
		END {lo = 1e9; hi = 0; for (i = 1; i <= n; i++) {
			q = c[i] / f[i]; if (q < lo) lo = q; if (q > hi) hi = q }
			printf "%.2f %.2f\n", lo, hi}' "$TMP/load")
	pmed=$(awk '$1 == "cl" {c[++n] = $2} $1 == "fl" {f[++m] = $2}
		END {for (i = 1; i <= n; i++) print c[i] / f[i]}' "$TMP/load" | median)
	ratio=$(calc "$clw / $flw")
	best=$(awk '$1 == "cl" && (c == "" || $2 < c) {c = $2}
		$1 == "fl" && (f == "" || $2 < f) {f = $2}
		END {printf "%.2f", c / f}' "$TMP/load")
	printf '| %s | %s | %s | **%s×** | %s (%s–%s) | %s× | %s× | %s× | %s× | %s | %s |\n' \
		"$name" "$events" "$(calc "$bytes / 1e6")" "$ratio" \
		"$(calc "$pmed")" "$lo" "$hi" "$best" \
		"$(calc "$clc / $flc")" "$(calc "$clc / $clw")" \
		"$(calc "$clr * 1024 / $bytes")" \
		"$(calc "$clw * 1e6 / $events")" "$(calc "$flw * 1e6 / $events")" \
		>>"$TMP/load-rows"
	[ "$bad" -eq 0 ] || echo "cyberline exited non-zero in $bad rounds at $name" >>"$TMP/notes"
	echo "$name $ratio $(calc "$clr * 1024 / $bytes") $clw $flw" >>"$TMP/load-summary"
}

# GNU time's view of the peak RSS at 100k, to cross-check wait4's.
gnu_time_rss() {
	[ -x /usr/bin/time ] || { echo "n/a"; return; }
	/usr/bin/time -v "$CYBERLINE" --stats "${WINDOW[@]}" "$1" 2>&1 >/dev/null |
		sed -n 's/.*Maximum resident set size (kbytes): *//p'
}

# ---- 3: keystroke latency ---------------------------------------------------

latency_rows() {
	say "keystroke latency at 100k ($ROUNDS rounds)"
	"$BIN/latency" --rounds "$ROUNDS" "$1" >"$TMP/latency" || return
	awk 'NF == 5 && $1 != "events" {
		desc["search_ready"] = "first search after the first frame (waits for the background fold of the search text)"
		desc["search"] = "search: each prefix typed, then each backspace"
		desc["country"] = "country filter change (no search active)"
		desc["country_with_search"] = "country filter change while a search is active"
		desc["page"] = "page move (seek + lay out 40 rows)"
		ok = $1 == "search_ready" ? "(not a keystroke)" : $4 < 16 ? "yes" : "**no**"
		printf "| %s | %s | %s | %s | %s | %s |\n", desc[$1], $2, $3, $4, $5, ok
	}' "$TMP/latency"
}

# ---- 4: start to first frame -------------------------------------------------

# A pane "shows a frame" when at least five lines have text (strip, list
# rows, status) and one of them shows a year: a progress line alone never
# does.
frame_shown() {
	[ "$(grep -c '[^[:space:]]' <<<"$1")" -ge 5 ] &&
		grep -qE '(19|20)[0-9]{2}' <<<"$1"
}

# Leave the UI with q, as a user would, and give it a moment to restore
# the terminal and exit before the pane goes (so nothing is orphaned).
quit_pane() {
	local i
	tmux -L "$SOCK" send-keys -t 0 q Enter 2>/dev/null
	for ((i = 0; i < 40; i++)); do
		tmux -L "$SOCK" capture-pane -p -t 0 2>/dev/null |
			grep -q '^\[exited\]' && return
		sleep 0.05
	done
}

# first_frame ARGS...: spawn a command in a fixed-size tmux pane and poll
# capture-pane. Prints "frame_ms first_text_ms what" where what is
# progress (a loading line or bar showed before the frame), frame,
# exited or timeout.
first_frame() {
	local cmd start now any="" what="" cap
	cmd=$(printf '%q ' "$@")
	tmux -L "$SOCK" kill-server 2>/dev/null
	start=$(date +%s%N)
	tmux -L "$SOCK" -f /dev/null new-session -d -x 120 -y 40 \
		"env LANG=C.UTF-8 LC_ALL=C.UTF-8 $cmd; echo '[exited]' \$?; sleep 60"
	while :; do
		cap=$(tmux -L "$SOCK" capture-pane -p -t 0 2>/dev/null)
		now=$(date +%s%N)
		if [ -z "$any" ] && grep -q '[^[:space:]]' <<<"$cap"; then
			any=$(((now - start) / 1000000))
			# Progress is a loading line or a bar with a count; a frame
			# caught half drawn is not.
			if ! frame_shown "$cap" &&
				grep -qiE 'load|[0-9]+ ?%|[0-9]+/[0-9]+' <<<"$cap"; then
				what=progress
				grep -m1 '[^[:space:]]' <<<"$cap" | sed 's/  */ /g' |
					cut -c1-50 >"$TMP/ff-first"
			fi
		fi
		if grep -q '^\[exited\]' <<<"$cap"; then
			echo "- $any exited"
			grep -v '^\[exited\]' <<<"$cap" | grep . | head -2 >"$TMP/ff-exit"
			break
		fi
		if frame_shown "$cap"; then
			echo "$(((now - start) / 1000000)) $any ${what:-frame}"
			quit_pane
			break
		fi
		if [ $(((now - start) / 1000000000)) -ge 30 ]; then
			echo "- $any timeout"
			break
		fi
		# Poll at full speed for a blink, then gently: on a 2-core
		# machine a busy poll loop would take a core from the loader.
		[ $(((now - start) / 1000000)) -lt 100 ] || sleep 0.025
	done
	tmux -L "$SOCK" kill-server 2>/dev/null
}

# first_frame_row LABEL ARGS...: three rounds, one table row.
first_frame_row() {
	local label=$1 r out frames=() anys=() what="" exited=""
	shift
	rm -f "$TMP/ff-first"
	for ((r = 0; r < 3; r++)); do
		out=$(first_frame "$@")
		read -r f a w <<<"$out"
		case $w in
		exited | timeout) exited=$w; break ;;
		esac
		frames+=("$f")
		anys+=("$a")
		[ "$w" = progress ] && what=progress
	done
	if [ -n "$exited" ]; then
		printf '| %s | not measured: the UI %s | | |\n' "$label" \
			"$([ "$exited" = exited ] && echo "did not open ($(tr '\n' ' ' <"$TMP/ff-exit" | cut -c1-80))" || echo "showed no frame in 30 s")"
		return
	fi
	[ "$what" = progress ] && what="yes: \`$(cat "$TMP/ff-first")\`"
	printf '| %s | %s | %s | %s |\n' "$label" \
		"$(printf '%s\n' "${frames[@]}" | median)" \
		"$(printf '%s\n' "${anys[@]}" | median)" \
		"${what:-no (the frame came first)}"
}

# Does the CLI print a progress line on a terminal's stderr? Runs it
# under script(1) so stderr is a terminal.
cli_progress() {
	command -v script >/dev/null || { echo "not checked (no script(1))"; return; }
	if script -qec "$(printf '%q ' "$CYBERLINE" --stats "${WINDOW[@]}" "$1") >/dev/null" /dev/null |
		tr '\r' '\n' | grep -q 'loading'; then
		echo "yes"
	else
		echo "**no**"
	fi
}

# ---- determinism -------------------------------------------------------------

# The --list output (and diagnostics) of two runs must be identical.
same_twice() {
	local dir=$1 i
	for i in 1 2; do
		"$CYBERLINE" --list --format=tsv --from 1900 --to 2100 "$dir" \
			>"$TMP/list$i" 2>"$TMP/diag$i"
	done
	if cmp -s "$TMP/list1" "$TMP/list2" && cmp -s "$TMP/diag1" "$TMP/diag2"; then
		echo "identical ($(wc -l <"$TMP/list1") lines, $(wc -l <"$TMP/diag1") diagnostic lines)"
	else
		echo "**DIFFERENT**"
	fi
}

# ---- profile -------------------------------------------------------------------

profile() {
	local dir=$1 small=$2
	if perf record -e cpu-clock -o "$TMP/perf.probe" true >/dev/null 2>&1; then
		say "perf record of a load of $dir"
		perf record -e cpu-clock -F 4000 -o "$TMP/perf.data" \
			"$CYBERLINE" --stats "${WINDOW[@]}" "$dir" >/dev/null 2>&1
		perf report -i "$TMP/perf.data" --no-children --stdio \
			--sort dso,symbol 2>/dev/null | grep -E '^ +[0-9]' | head -30
	else
		say "perf cannot sample here; callgrind of a load of $small"
		valgrind --tool=callgrind --callgrind-out-file="$TMP/cg.out" \
			"$CYBERLINE" --stats "${WINDOW[@]}" "$small" >/dev/null 2>&1
		callgrind_annotate --inclusive=no "$TMP/cg.out" 2>/dev/null | head -40
	fi
}

# ---- main --------------------------------------------------------------------

for tool in gen floor latency timeit; do
	[ -x "$BIN/$tool" ] || { say "missing $BIN/$tool: run make -C bench tools"; exit 2; }
done
[ -x "$CYBERLINE" ] || { say "missing $CYBERLINE: run make first"; exit 2; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
say "generating corpora (deterministic; reused when KEEP=1 left them)"
read -r _ e1 b1 < <(corpus 1k 100)
read -r _ e10 b10 < <(corpus 10k 1000)
read -r _ e100 b100 < <(corpus 100k 10000)
if [ "${1:-}" = --profile ]; then
	profile "$HERE/corpus-100k" "$HERE/corpus-10k"
	exit 0
fi
read -r _ efa _ < <(corpus faults 1000 --faults)
free_kib=$(df -Pk "$HERE" | awk 'NR == 2 {print $4}')
if [ "$free_kib" -ge $((5 * 1024 * 1024)) ]; then
	read -r f200 e200 b200 < <(corpus 200k 20000)
else
	say "less than 5 GB free: skipping the 200k corpus"
	f200=
fi

: >"$TMP/load-rows"
: >"$TMP/load-summary"
: >"$TMP/notes"
measure_load 1k "$HERE/corpus-1k" "$b1" "$e1"
measure_load 10k "$HERE/corpus-10k" "$b10" "$e10"
measure_load 100k "$HERE/corpus-100k" "$b100" "$e100"
[ -n "$f200" ] && measure_load 200k "$HERE/corpus-200k" "$b200" "$e200"
rss_gnu=$(gnu_time_rss "$HERE/corpus-100k")
latency=$(latency_rows "$HERE/corpus-100k")
load_s=$(awk '$1 == "load_s" {print $2}' "$TMP/latency" 2>/dev/null)
sort_ms=$(awk '$1 == "timeline_new_ms" {print $2}' "$TMP/latency" 2>/dev/null)
ui_rss=$(awk '$1 == "peak_rss_kib" {print $2}' "$TMP/latency" 2>/dev/null)

say "determinism"
det_list=$(same_twice "$HERE/corpus-100k")
det_faults=$(same_twice "$HERE/corpus-faults")
det_threads_faults=$("$BIN/latency" --compare "$HERE/corpus-faults")
det_threads_100k=$("$BIN/latency" --compare "$HERE/corpus-100k")
progress=$(cli_progress "$HERE/corpus-100k")

say "start to first frame (tmux, 120x40)"
ff_base=$(first_frame_row "tmux baseline (a shell printing a fake frame)" \
	sh -c 'printf "2018 2019 2020\n1\n2\n3\n4\n5\n"; read -r _; exit 0')
ff_bundled=$(first_frame_row "bundled content" "$CYBERLINE" "$ROOT/content")
ff_100k=$(first_frame_row "100k events" "$CYBERLINE" "${WINDOW[@]}" "$HERE/corpus-100k")

# ---- results.md ----------------------------------------------------------------

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
mem=$(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
read -r _ r100 rss100 _ _ < <(grep '^100k ' "$TMP/load-summary")
verdict() { awk "BEGIN { exit !($1) }" && echo "met" || echo "**not met**"; }
{
	echo "# cyberline benchmark results"
	echo
	echo "Measured $(date -u +%Y-%m-%d) on ${cpu:-unknown CPU}, $(nproc) CPUs" \
		"(nproc), $mem RAM, Linux $(uname -r); libyaml" \
		"$(pkg-config --modversion yaml-0.1), ICU $(pkg-config --modversion icu-uc);" \
		"$ROUNDS alternating rounds per measure, warm page cache;" \
		"load average $load_before before the run, $(cut -d' ' -f1-3 /proc/loadavg) after."
	echo "Ratios are cyberline / floor, where the floor is a bare single-threaded"
	echo "libyaml pass over the same files (bench/floor.c); medians throughout."
	echo
	echo "## Load: \`cyberline --stats --from 2000 --to 2030 CORPUS\` against the floor"
	echo
	echo "| corpus | events | MB | wall ratio | per round: median (range) | best-of ratio | CPU ratio | cores used | peak RSS / corpus | µs/event | floor µs/event |"
	echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
	cat "$TMP/load-rows"
	echo
	echo "Wall ratio: median cyberline wall time over median floor wall time;"
	echo "per round: the ratio within each back-to-back pair of runs; best-of:"
	echo "fastest cyberline run over fastest floor run (noise only ever adds"
	echo "time, so this is the least disturbed view on a shared machine)."
	echo "CPU ratio: user+sys of cyberline over the floor's (the total work);"
	echo "cores used: cyberline's user+sys over its wall time. µs/event shows"
	echo "how cost grows: flat means linear. Peak RSS at 100k by GNU time:"
	echo "${rss_gnu:-n/a} KiB for $b100 corpus bytes."
	echo
	echo "Targets at 100k: load ≤ 1.0× the floor (aim 0.6×): ${r100}× — $(verdict "$r100 <= 1.0");"
	echo "peak RSS ≤ 2× the corpus (aim 1×): ${rss100}× — $(verdict "$rss100 <= 2.0")."
	echo
	echo "## Keystrokes at 100k events (ms, inside the process, CLOCK_MONOTONIC)"
	echo
	echo "| keystroke | median | p95 | max | samples | < 16 ms |"
	echo "|---|---:|---:|---:|---:|---|"
	echo "$latency"
	echo
	echo "Timed: filter_set_search/filter_add_country + timeline_apply + the"
	echo "per-year pass of ui_refilter, on a fresh Timeline each round (its"
	echo "search cache starts empty), after timeline_prepare_search as in the"
	echo "UI; words typed: cooperation, київ, ransomware, bregancon, \"tallinn"
	echo "mechanism\". In that process the load took ${load_s:-?} s,"
	echo "timeline_new (the sort) ${sort_ms:-?} ms, and the peak RSS with the"
	echo "search text folded (what the UI holds once it has searched) was"
	echo "$(calc "${ui_rss:-0} * 1024 / $b100")× the corpus."
	echo
	echo "## Start to first frame (tmux pane 120×40, ms, median of 3)"
	echo
	echo "| content | first frame | first text | progress shown first |"
	echo "|---|---:|---:|---|"
	echo "$ff_base"
	echo "$ff_bundled"
	echo "$ff_100k"
	echo
	echo "CLI progress line on a terminal's stderr during the 100k load: $progress."
	echo
	echo "## Determinism"
	echo
	echo "- \`--list --format=tsv\` twice, 100k: $det_list"
	echo "- the same on a corpus with injected faults ($efa events, 1,000 files): $det_faults"
	echo "- load_corpus with threads = 1, 0, 2, 3 (events, timeline order, diagnostics):"
	echo "  faults corpus: ${det_threads_faults#compare }; 100k: ${det_threads_100k#compare }"
	if [ -s "$TMP/notes" ]; then
		echo
		echo "## Notes"
		echo
		sed 's/^/- /' "$TMP/notes"
	fi
} >"$OUT"
cat "$OUT"
