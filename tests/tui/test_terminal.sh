# test_terminal.sh - resizing, LANG=C, NO_COLOR, vt100, problems, empty
# content, signals, mouse and the bundled content.
# Sourced by run.sh.

# A resize storm, down to a few columns and back.
start "$FIX/good"
expect "resize: first screen" wait_for "12 of 12 events"
for size in 100x30 80x24 60x20 40x12 30x8 20x6 19x5 10x3 5x2 2x1 15x4 \
	200x60 50x10 25x7 120x35 10x3; do
	tm resize-window -t ui -x "${size%x*}" -y "${size#*x}"
done
expect "below the minimum size it says so" wait_for "Terminal"
tm resize-window -t ui -x 120 -y 35
expect "after the storm it redraws the list" wait_for "12 of 12 events"
expect "after the storm the year strip is back" wait_line '^2018 .*2024 '
if [ -s "$T/exit" ]; then not_ok "still running after the storm" "$(cat "$T/exit")"
else ok "still running after the storm"; fi
for size in 80x24 21x7 120x35 79x23 118x34 121x36; do
	tm resize-window -t ui -x "${size%x*}" -y "${size#*x}"
	keys j
done
tm resize-window -t ui -x 120 -y 35
expect "keys between resizes still work" wait_selected "Solidarity with Ukraine"
quit_ok "resize: q quits with status 0"

# LANG=C, NO_COLOR and vt100: ASCII only, no colour.
start -e LANG=C -e LC_ALL=C -e NO_COLOR=1 -e TERM=vt100 "$FIX/good"
expect "LANG=C: first screen" wait_for "12 of 12 events"
expect "LANG=C: Brégançon is transliterated" wait_for "Bregancon"
expect "LANG=C: ≈ becomes ~" wait_for "2019-08-19~"
expect "LANG=C: bars are #" wait_line '^2018 #+ 1'
expect "LANG=C: the bidi escape is still shown" wait_for '\u{202E}evil'
if screen | LC_ALL=C grep -q '[^ -~]'; then
	not_ok "LANG=C: nothing but ASCII on screen" \
		"$(screen | LC_ALL=C grep '[^ -~]')"
else ok "LANG=C: nothing but ASCII on screen"; fi
attrs=$(tm capture-pane -p -e -t ui)
if LC_ALL=C grep -qE $'\e\\[([0-9;]*;)?(3[0-7]|4[0-7]|38|48)(;|m)' <<<"$attrs"; then
	not_ok "NO_COLOR: no colours" "$(LC_ALL=C grep -oE $'\e\\[[0-9;]*m' <<<"$attrs" | sort -u | cat -v)"
else ok "NO_COLOR: no colours"; fi
if grep -qF $'\e[7m' <<<"$attrs" || LC_ALL=C grep -qE $'\e\\[([0-9]*;)*7(;[0-9]*)*m' <<<"$attrs"; then
	ok "NO_COLOR: the selection is in reverse video"
else not_ok "NO_COLOR: the selection is in reverse video" "$(cat -v <<<"$attrs" | head -5)"; fi
keys c
type_text "cote"
expect "LANG=C: country names transliterated" wait_for "Cote d"
keys Escape
keys ?
expect "LANG=C: help opens" wait_for "Quit cyberline"
keys Escape
quit_ok "LANG=C: q quits with status 0"

# Problems beside good content.
start "$FIX/broken"
expect "problems: good events still open" wait_for "12 of 12 events"
expect "problems: the status line counts them" wait_for "3 problems (!)"
keys '!'
expect "problems: ! shows file:line:col diagnostics" \
	wait_line 'damaged\.yaml:[0-9]+:[0-9]+: error: '
expect "problems: the bad date is explained" wait_for "2022-02-30"
expect "problems: an ESC in a title is refused, not drawn" \
	wait_for "control character U+001B"
keys Escape
expect "problems: Esc closes the view" wait_for "Enter read"
keys p
expect "problems: p shows them too" wait_line 'damaged\.yaml:5:14: error'
# main.c turns a zero status into 1 when the content had errors.
keys q
st=$(wait_exit)
case $st in 0) ok "problems: q quits with status 0" ;;
*) not_ok "problems: q quits (status $st)" "$(screen)" ;; esac

# Content without events.
mkdir -p "$T/empty"
start "$T/empty"
expect "empty content: says there are no events" \
	wait_for "No events in this content."
keys j k G g ']' '[' Enter Escape
expect "empty content: keys do no harm" wait_for "0 of 0 events"
quit_ok "empty content: q quits with status 0"

# SIGTERM restores the terminal and reports the signal.
start "$FIX/good"
expect "signal: first screen" wait_for "12 of 12 events"
pid=$(pgrep -n -f "$CYBERLINE $FIX/good" || true)
if [ -n "$pid" ]; then
	kill -STOP "$pid"
	kill -CONT "$pid"
	keys j
	expect "SIGSTOP/SIGCONT: still drawing" wait_selected "Brégançon"
	kill -TERM "$pid"
	st=$(wait_exit)
	if [ "$st" = 143 ]; then ok "SIGTERM: exits with 128+15"
	else not_ok "SIGTERM: exits with 128+15 (got $st)"; fi
	expect "SIGTERM: terminal restored (normal screen shows the status)" \
		wait_for "EXIT=143"
else
	not_ok "signal: find the process"
fi

# Ctrl-C (SIGINT) restores the terminal and reports the signal.
start "$FIX/good"
expect "Ctrl-C: first screen" wait_for "12 of 12 events"
keys C-c
st=$(wait_exit)
if [ "$st" = 130 ]; then ok "Ctrl-C: exits with 128+2"
else not_ok "Ctrl-C: exits with 128+2 (got $st)" "$(screen)"; fi

# A terminal without cursor addressing is refused with a message.
start -e TERM=dumb "$FIX/good"
expect "TERM=dumb: says why it cannot run" wait_for "use --list instead"
st=$(wait_exit)
if [ "$st" = 1 ]; then ok "TERM=dumb: exits with status 1"
else not_ok "TERM=dumb: exits with status 1 (got $st)" "$(screen)"; fi

# Ctrl-Z under a shell with job control: suspend, fg, carry on.
tm kill-session -t ui 2>/dev/null
tm new-session -d -s ui -x 120 -y 35 "env PS1='$ ' bash --norc --noprofile -i"
type_text "$CYBERLINE $FIX/good"
keys Enter
expect "Ctrl-Z: first screen" wait_for "12 of 12 events"
keys C-z
expect "Ctrl-Z suspends and gives the terminal back" wait_for "Stopped"
type_text "fg"
keys Enter
expect "fg resumes and redraws" wait_for "12 of 12 events"
keys j
expect "keys work after resuming" wait_selected "Brégançon"
keys q
expect "q after resuming leaves the UI" wait_line '^\$ *$'
type_text 'echo "RC=$?"'
keys Enter
expect "q after resuming exits with status 0" wait_for "RC=0"

# Mouse: a click selects, the wheel scrolls (xterm mouse protocol).
start "$FIX/good"
expect "mouse: first screen" wait_for "12 of 12 events"
# Press button 1 at column 10, row 5 (1-based): the Brégançon row.
type_text $'\e[M'"$(printf ' *%%')"
expect "mouse: a click selects the row" wait_selected "Brégançon"
type_text $'\e[M'"$(printf 'a*%%')"
expect "mouse: the wheel moves the selection" wait_selected "Côte d'Ivoire"
quit_ok "mouse: q quits with status 0"

# The bundled content: a smoke test only (it is curated separately).
start content
expect "bundled content: opens" wait_line '[0-9]+ of [0-9]+ events'
expect "bundled content: year strip" wait_line '^2018 .*2024 '
quit_ok "bundled content: q quits with status 0"
