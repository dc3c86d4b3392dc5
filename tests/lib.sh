# Shared helpers for the end-to-end tests: source it from tests/e2e/*.sh.
# Every assertion prints one line, "ok - NAME", "not ok - NAME" (with the
# evidence as "# ..." lines) or "skip - NAME"; tests/run.sh counts them.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
FIX=$ROOT/tests/fixtures
DATASETS=$ROOT/../shared/datasets
: "${PMBIN:=$ROOT/bin}"
T=$(mktemp -d) || exit 70
trap 'rm -rf "$T"' EXIT
export LC_ALL=C.UTF-8

# Under VALGRIND=1 the tools run through a wrapper that turns any memory
# error into exit 99, which no test expects.
if [ "${VALGRIND:-}" = 1 ]; then
	mkdir -p "$T/vbin"
	for b in "$PMBIN"/pm-*; do
		printf '#!/bin/sh\nexec valgrind -q --error-exitcode=99 --leak-check=no %s "$@"\n' \
		    "$b" >"$T/vbin/${b##*/}"
		chmod +x "$T/vbin/${b##*/}"
	done
	PATH=$T/vbin:$PATH
else
	PATH=$PMBIN:$PATH
fi
export PATH

ok() { echo "ok - $1"; }
skip() { echo "skip - $1${2:+ ($2)}"; }
not_ok() {
	echo "not ok - $1"
	shift
	[ $# -gt 0 ] && printf '%s\n' "$@" | sed 's/^/#   /' | head -40
	return 0
}

# t_eq NAME EXPECTED ACTUAL
t_eq() {
	if [ "$2" = "$3" ]; then ok "$1"; else
		not_ok "$1" "expected: $2" "actual:   $3"; fi
}

# t_run NAME RC CMD...: runs CMD with stdout in $T/out, stderr in $T/err
# and checks its exit status.
t_run() {
	_name=$1 _want=$2
	shift 2
	"$@" >"$T/out" 2>"$T/err"
	_rc=$?
	if [ "$_rc" = "$_want" ]; then ok "$_name"; else
		not_ok "$_name" "exit $_rc, expected $_want" "$(head -5 "$T/err")"
	fi
}

# t_same NAME EXPECTED_FILE ACTUAL_FILE
t_same() {
	if cmp -s "$2" "$3"; then ok "$1"; else
		not_ok "$1" "$(diff "$2" "$3" | head -30)"; fi
}

# t_out NAME EXPECTED_TEXT: compares $T/out with the text (a here-doc
# or a string ending in a newline is written as given).
t_out() {
	printf '%s' "$2" >"$T/expected"
	t_same "$1" "$T/expected" "$T/out"
}

# t_grep NAME PATTERN FILE: an extended regular expression is in FILE.
t_grep() {
	if grep -Eq -- "$2" "$3"; then ok "$1"; else
		not_ok "$1" "no /$2/ in $3:" "$(head -10 "$3")"; fi
}

# t_nogrep NAME PATTERN FILE: the pattern is not in FILE.
t_nogrep() {
	if grep -Eq -- "$2" "$3"; then
		not_ok "$1" "unexpected /$2/ in $3:" "$(grep -E -- "$2" "$3" | head -5)"
	else ok "$1"; fi
}

# csvcol FILE COLUMN: prints one column of a simple CSV (no quoted commas)
# by header name, for assertions on a few values.
csvcol() {
	awk -F, -v c="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == c) k = i; next }
	    { print $k }' "$1"
}
