# Every manual page renders without warnings and has the sections a user
# looks for.
. "$(dirname "$0")/../lib.sh"

if ! command -v groff >/dev/null; then
	skip "manual pages render" "groff is not installed"
	exit 0
fi
for m in "$ROOT"/man/*.[17]; do
	n=${m##*/}
	w=$(groff -man -t -ww -z "$m" 2>&1)
	t_eq "$n renders without warnings" "" "$w"
	for s in NAME SYNOPSIS DESCRIPTION "EXIT STATUS" EXAMPLES "SEE ALSO"; do
		case "$n" in *.7) [ "$s" = SYNOPSIS ] || [ "$s" = "EXIT STATUS" ] ||
			[ "$s" = EXAMPLES ] && continue ;; esac
		t_grep "$n has $s" "^\.SH \"?$s" "$m"
	done
done
