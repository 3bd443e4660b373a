# test_countries.sh - the country panel.
# Sourced by run.sh.

start "$FIX/good"
expect "countries: first screen" wait_for "12 of 12 events"
keys c
expect "c opens the country panel" wait_for "Countries  (Space toggles"
expect "panel lists countries by name with code and count" \
	wait_line '\[ \] Ukraine +UA +5'
type_text "eston"
expect "typing narrows the list" wait_gone "Ukraine"
expect "Estonia is still listed" wait_for "[ ] Estonia"
keys Space
expect "Space toggles the country" wait_for "[x] Estonia"
keys Enter
expect "Enter applies: only Estonia events" wait_for "7 of 12 events"
expect "the status line names the country" wait_for "Countries: Estonia"
keys c
type_text "ukr"
keys Space Enter
expect "two countries match any" wait_for "8 of 12 events"
expect "the status line says any" wait_for "Countries: Estonia, Ukraine (any)"
keys c Tab Enter
expect "Tab switches to all" wait_for "4 of 12 events"
expect "the status line says all" wait_for "Countries: Estonia, Ukraine (all)"
keys c
type_text "cote"
expect "accent-blind: cote finds Côte d'Ivoire" wait_for "Ivoire"
type_text "q"
expect "letters go to the text, not to commands (q)" \
	wait_for "No country matches."
keys Escape
expect "Esc cancels the panel" wait_for "4 of 12 events"
keys x
expect "x clears every filter" wait_for "12 of 12 events"
quit_ok "countries: q quits with status 0"
