# test_search.sh - the search prompt filters as you type.
# Sourced by run.sh.

start "$FIX/good"
expect "search: first screen" wait_for "12 of 12 events"
keys /
expect "/ opens the prompt" wait_line '^/ +12 of 12'
type_text "bregancon"
expect "accent-blind search finds Brégançon" wait_line '^/bregancon +1 of 12 *$'
expect "the list shows only the match" \
	wait_selected "Macron hosts Putin at Brégançon"
keys Enter
expect "Enter keeps the search in the status line" \
	wait_for "Search: bregancon"
keys Escape
expect "Esc in the list clears the search" wait_for "12 of 12 events"
keys /
type_text "TALLINN"
expect "case-blind search" wait_line '^/TALLINN +3 of 12 *$'
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace
type_text "zzzz-nothing"
expect "a search without matches says so" \
	wait_for "No events match the current filters."
keys C-u
expect "Ctrl-U clears the prompt text" wait_line '^/ +12 of 12 *$'
type_text "ukraine"
keys C-w
type_text "estonia"
expect "Ctrl-W deletes the word" wait_for "/estonia"
keys Escape
expect "Esc in the prompt cancels the search" wait_for "12 of 12 events"
quit_ok "search: q quits with status 0"
