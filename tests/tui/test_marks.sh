# test_marks.sh - marks that persist across runs, and the Markdown
# briefing export with its line editor, confirmations and errors.
# Sourced by run.sh; marks go to run.sh's private $XDG_STATE_HOME and
# the program runs in a scratch directory, so the default export path
# (./briefing-DATE.md) lands there.

MARKS=$XDG_STATE_HOME/cyberline/marks
W=$T/work
GOOD=$PWD/$FIX/good
TODAY=$(date +%F)
mkdir -p "$W"
rm -f "$MARKS"

# file_is FILE TEXT: the file holds exactly TEXT (printf %s, plus LF).
file_is() { [ "$(cat "$1" 2>/dev/null)" = "$2" ]; }

start -C "$W" "$GOOD"
expect "marks: first screen" wait_for "12 of 12 events"
keys /
type_text "tallinn"
keys Enter
expect "marks: the search finds three events" wait_for "3 of 12 events"
keys m
expect "m marks the selected event (count in the status line)" \
	wait_for "1 marked"
expect "the marked row shows a marker" wait_line '^▶ ● 2018-03-05 '
keys j m
expect "m on a second event found by the search" wait_for "2 marked"
expect "both rows show the marker" wait_line '^▶ ● 2020-02 '
check "every change is saved at once" file_is "$MARKS" "# cyberline marks v1
ee-locked-shields-2020
ee-ua-memorandum-2018"

keys e
expect "e opens a prompt on the default path" \
	wait_line "^Export briefing to: \./briefing-$TODAY\.md *\$"
keys Enter
expect "Enter writes the briefing" \
	wait_for "Exported 2 marked events to ./briefing-$TODAY.md"
B=$W/briefing-$TODAY.md
check "the briefing is in the working directory" test -s "$B"
check "the briefing has a dated title" grep -qx "# Briefing — $TODAY" "$B"
check "the briefing states the filters in force" \
	grep -qF -- '- **Filters in force:** window 2018 to 2024; search "tallinn"' "$B"
check "one ## section per marked event, in timeline order" \
	test "$(grep '^## ' "$B" | head -2 | tr '\n' '|')" = "## 2018-03-05 — Estonia and Ukraine sign a cyber security memorandum|## 2020-02 — Estonia hosts a cyber defence exercise on its own|"
check "the excerpt is a blockquote" grep -qx '> The exercise took place in Tallinn.' "$B"
check "the briefing ends with its sources" \
	grep -qx '1. \*Fixture Gazette\*, "Fixture chronicle of cyber cooperation", 2024-10-01, <https://example.org/fixture-chronicle>' "$B"
"$CYBERLINE" --list --marked -s tallinn --format=markdown "$GOOD" >"$T/cli.md" 2>"$T/cli.err"
# The same document but for the line that says whose events these are
# (the UI's: every mark; the command line's: the marks that pass -s).
sed 's/ (every marked event, whatever the filters)$/ (those that pass the filters)/' "$B" >"$T/ui.md"
check "the UI's briefing says it holds every mark" \
	grep -qF '(every marked event, whatever the filters)' "$B"
check "--list --marked --format=markdown writes the same briefing" cmp -s "$T/ui.md" "$T/cli.md"
quit_ok "marks: q quits with status 0"

start -C "$W" "$GOOD"
expect "restart: the marks are found again" wait_for "2 marked"
expect "restart: the marked event shows its marker" wait_line '^▶ ● 2018-03-05 '
keys M
expect "M shows only the marked events" wait_for "2 of 12 events  2 marked  Marked only"
keys M
expect "M again shows every event" wait_for "12 of 12 events  2 marked"
expect "M again drops 'Marked only'" wait_gone "Marked only"

# A typed path after Ctrl-U; then the overwrite question.
keys e C-u
expect "Ctrl-U clears the default path" wait_line '^Export briefing to: *$'
type_text "$W/typed.md"
keys Enter
expect "export to a typed path" wait_for "Exported 2 marked events to $W/typed.md"
check "the typed path was written" grep -qx "# Briefing — $TODAY" "$W/typed.md"
echo "keep me" >"$W/typed.md"
keys e C-u
type_text "$W/typed.md"
keys Enter
expect "an existing file is only overwritten after a question" \
	wait_for "$W/typed.md exists. Overwrite it? (y/n)"
keys x q
expect "other keys do not answer the question" wait_for "Overwrite it? (y/n)"
keys n
expect "n goes back to the prompt on the same name" \
	wait_line "^Export briefing to: .*typed\.md *\$"
check "n leaves the file alone" file_is "$W/typed.md" "keep me"
keys Enter
expect "asked again" wait_for "Overwrite it? (y/n)"
keys y
expect "y overwrites" wait_for "Exported 2 marked events to $W/typed.md"
check "the file was replaced" grep -qx "# Briefing — $TODAY" "$W/typed.md"

# Failure: a missing directory. Error on screen, alive, marks kept.
keys e C-u
type_text "$W/missing/dir/b.md"
keys Enter
expect "a missing directory: the error names the path and the reason" \
	wait_for "cannot write $W/missing/dir/b.md: No such file or directory"
check "nothing was written" test ! -e "$W/missing"
check "no temporary file is left" test -z "$(find "$W" -name '*.tmp.*')"
check "the marks are untouched" file_is "$MARKS" "# cyberline marks v1
ee-locked-shields-2020
ee-ua-memorandum-2018"
keys j
expect "the program is alive after the error" wait_selected "Brégançon"
expect "the next key clears the error" wait_gone "cannot write"
expect "the status line still counts the marks" wait_for "2 marked"

# The line editor and Tab completion in the export prompt.
mkdir -p "$W/sub-dir-x"
keys e C-u
type_text "sub-d"
keys Tab
expect "Tab completes a directory and adds /" \
	wait_line '^Export briefing to: sub-dir-x/ *$'
type_text "one two"
keys C-w
expect "Ctrl-W deletes the word before the cursor" \
	wait_line '^Export briefing to: sub-dir-x/one *$'
keys Home
type_text "./"
keys End BSpace BSpace
expect "Home, End and Backspace edit where they should" \
	wait_line '^Export briefing to: \./sub-dir-x/on *$'
keys C-a Delete Delete C-e Left BSpace
expect "Ctrl-A, Delete, Ctrl-E, Left, Backspace" \
	wait_line '^Export briefing to: sub-dir-x/n *$'
keys C-u
type_text "sub-dir-x/b.md"
keys Escape
expect "Esc cancels the export" wait_for "12 of 12 events"
check "nothing written after Esc" test ! -e "$W/sub-dir-x/b.md"

# u asks before clearing every mark.
keys u
expect "u asks first" wait_for "Clear all 2 marks? (y/n)"
keys n
expect "n keeps them" wait_for "Marks kept"
check "n leaves the file alone" grep -qx "ee-locked-shields-2020" "$MARKS"
keys u y
expect "y clears them" wait_for "Cleared 2 marks"
check "the file is cleared" file_is "$MARKS" "# cyberline marks v1"
keys e
expect "e without marks says what to do" \
	wait_for "Nothing to export: mark events with m first"
keys M
expect "M without marks says how to mark" wait_for "No events are marked."
keys x
expect "x leaves the marked-only view too" wait_for "12 of 12 events"
quit_ok "marks: q quits with status 0 after exporting"

# Marks the content no longer has are kept and counted.
printf '%s\n' "# cyberline marks v1" ee-ua-memorandum-2018 gone-from-content \
	>"$MARKS"
start -C "$W" "$GOOD"
expect "dangling marks are counted in the status line" \
	wait_for "2 marked (1 not in this content)"
keys j m
expect "marking another keeps them" wait_for "3 marked (1 not in this content)"
check "the dangling id stays in the file" grep -qx gone-from-content "$MARKS"
quit_ok "dangling: q quits with status 0"
start -C "$W" --marked "$GOOD"
expect "--marked opens on the marked events only" \
	wait_for "2 of 12 events  3 marked (1 not in this content)  Marked only"
quit_ok "--marked: q quits with status 0"

# A corrupt marks file: a warning, read-only, never overwritten.
printf 'not marks\n' >"$MARKS"
start -C "$W" "$GOOD"
expect "a corrupt file gives a warning naming it" \
	wait_for "$MARKS:1: not a cyberline marks file"
keys j
expect "after the warning the status line says marks are read-only" \
	wait_for "12 of 12 events  marks read-only"
keys m
expect "m explains instead of writing" wait_for "marks are read-only: $MARKS:1:"
check "the corrupt file is never overwritten" file_is "$MARKS" "not marks"
quit_ok "corrupt: q quits with status 0"
rm -f "$MARKS"
