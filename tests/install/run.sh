#!/usr/bin/env bash
# make install / make uninstall into a temporary prefix: the installed
# binary opens the installed content from any directory, the man page
# is there, and uninstall removes everything it put there.
cd "$(dirname "$0")/../.." || exit 2
. tests/lib.sh
if [ -n "$SANITIZED" ]; then
	echo "ok 1 # SKIP install is tested once, with the release build"
	exit 0
fi
P=$T/prefix
run make --no-print-directory install PREFIX="$P"
check "make install succeeds" test "$rc" -eq 0
check "binary installed" test -x "$P/bin/cyberline"
check "content installed" test -n "$(ls "$P"/share/cyberline/content/*.yaml 2>/dev/null)"
check "man page installed" test -s "$P/share/man/man1/cyberline.1"
check "man page has the version" grep -q "cyberline [0-9]" "$P/share/man/man1/cyberline.1"
run sh -c "cd / && '$P/bin/cyberline' --list --format=tsv"
check "installed binary lists the installed content" test "$(tail -n +2 <<<"$out" | wc -l)" -gt 10
contains "$(cut -f15 <<<"$out" | sort -u)" "$P/bin/../share/cyberline/content/" "events come from the installed content"
run make --no-print-directory uninstall PREFIX="$P"
check "make uninstall succeeds" test "$rc" -eq 0
check "uninstall removes the binary" test ! -e "$P/bin/cyberline"
check "uninstall removes the content" test ! -e "$P/share/cyberline"
check "uninstall removes the man page" test ! -e "$P/share/man/man1/cyberline.1"
finish
