# test_browse.sh - first screen, moving, paging, years, reader, help, quit.
# Sourced by run.sh.

start "$FIX/good"
expect "first screen shows the status line" wait_for "12 of 12 events"
expect "year strip shows 2018 to 2024 on the top line" \
	wait_line '^2018 .*2019 .*2024 '
expect "list shows year headers" wait_for "2019 · 1 event"
expect "list shows events with date, codes and title" \
	wait_line '2018-03-05 +EE UA +Estonia and Ukraine sign'
expect "first event is selected" wait_selected "Estonia and Ukraine sign"
expect "inferred date is marked ≈" wait_for "2019-08-19≈"
expect "wide CJK title is drawn" wait_for "日本とエストニアのサイバー対話"
expect "bidi override in a title is shown escaped" \
	wait_for 'Spoofed notice \u{202E}evil\u{202C}'
expect "reader shows the selected event beside the list" \
	wait_for "Countries: Estonia (EE), Ukraine (UA)"
keys j
expect "j selects the next event" wait_selected "Brégançon"
keys Down Down
expect "Down moves on" wait_selected "Canada and France"
keys k
expect "k moves back" wait_selected "Estonia hosts a cyber defence"
keys G
expect "G selects the last event" wait_selected "Canada and Ukraine sign"
keys g
expect "g selects the first event" wait_selected "Estonia and Ukraine sign"
keys ']' ']'
expect "] ] jumps to the first event of 2020" wait_selected "2020-02 "
keys '['
expect "[ jumps back to 2019" wait_selected "2019-08-19"
keys End
expect "End selects the last event" wait_selected "Canada and Ukraine sign"
keys Home
expect "Home selects the first event" wait_selected "2018-03-05"
keys ? 
expect "? opens the help" wait_for "Quit cyberline"
expect "help lists q" wait_line '^ +q +Quit cyberline'
expect "help lists the search key" wait_line '^ +/ +Search as you type'
expect "help lists the country panel keys" wait_line '^ +Tab +Match events with any'
keys G
expect "help scrolls to the line editing keys" wait_line '^ +Ctrl-W +Delete the word'
expect "help mentions the mouse" wait_for "The wheel scrolls"
keys g
expect "help scrolls back to the top" wait_for "Every key:"
keys Escape
expect "Esc closes the help" wait_gone "Quit cyberline"
quit_ok "q quits with status 0"

# Paging over 84 events.
start "$FIX/many"
expect "many: first screen" wait_for "84 of 84 events"
keys PageDown
expect "PgDn moves the selection a page down" \
	wait_selected "Many fixture event 03"
expect "PgDn scrolls the first event out of view" \
	wait_gone "Many fixture event 001"
keys Space
expect "Space pages down too" wait_selected "Many fixture event 06"
keys PageUp PageUp
expect "PgUp pages back to the top" wait_selected "Many fixture event 001"
keys ']' ']' ']'
expect "] three times reaches 2021" wait_selected "2021-01-15"
keys G
expect "G shows the last event" wait_selected "Many fixture event 084"
quit_ok "many: q quits with status 0"

# The reader, stacked below the list in a narrow terminal.
start -s 80x24 "$FIX/good"
expect "narrow: reader is below the list" wait_for "Reader (Enter: read)"
keys Enter
expect "Enter focuses the reader" wait_for "Reader (Esc: back to the list)"
expect "reader shows the excerpt as a quotation" \
	wait_line '^ (▌|>) The two countries signed a memorandum'
expect "reader says where it is when the event does not fit" \
	wait_line 'lines 1-[0-9]+ of [0-9]+, more below'
keys j j j j j j j j
expect "reader scrolls to the end of the event" \
	wait_line 'lines ([2-9]|[1-9][0-9])-([0-9]+) of [0-9]+ *$'
expect "reader scrolls on its own to the source" wait_for "Fixture Gazette"
expect "reader shows the source url" \
	wait_for "https://example.org/fixture-chronicle"
expect "the list keeps its selection while reading" \
	wait_selected "Estonia and Ukraine sign"
keys Escape
expect "Esc goes back to the list" wait_for "Reader (Enter: read)"
keys j
expect "reader follows the selection" wait_for "Date: 2019-08-19 ≈ inferred"
expect "reader shows the date note" wait_for "day is that of the Brégançon"
quit_ok "narrow: q quits with status 0"

start "$FIX/good"
expect "wide: first screen" wait_for "12 of 12 events"
keys G k k
expect "wide: Tallinn selected" wait_selected "Tallinn Mechanism launched"
expect "reader lists organizations" wait_for "Organizations: EU, NATO"
expect "reader lists related events by date and title" \
	wait_for "2024-05  Estonia and Ukraine extend"
keys Tab
expect "Tab focuses the reader" wait_for "Esc back"
keys Tab
expect "Tab again returns to the list" wait_for "Enter read"
quit_ok "wide: q quits with status 0"
