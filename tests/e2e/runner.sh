# tests/run.sh counts a unit binary that stops early as failed: killed by
# a signal, or an exit() from the code under test (pm_die) before its
# tests are all reported.  Fake unit binaries in a folder of their own,
# no e2e script (TESTS matches none).
. "$(dirname "$0")/../lib.sh"

u=$T/unit
mkdir -p "$u"
mk() {
	printf '#!/bin/sh\n%s\n' "$2" >"$u/$1"
	chmod +x "$u/$1"
}
mk test_good 'printf "1..1\nok 1 - g\n"'
mk test_segv 'printf "1..2\nok 1 - a\n"; kill -SEGV $$'
mk test_fail 'printf "1..1\nnot ok 1 - b\n"; exit 1'
mk test_exit 'printf "1..3\nok 1 - c\n"; exit 65'
mk test_short 'printf "1..2\nok 1 - d\n"'
UNITBIN=$u TESTS=__no_such_script__ sh "$ROOT/tests/run.sh" >"$T/out" 2>&1
t_eq "run.sh fails when a unit binary crashed" 1 $?
# Passed: g, a, c, d.  Failed: b, and three that stopped early.
t_eq "the count: a crash is a failure, not a pass" "4 passed, 4 failed" \
    "$(tail -1 "$T/out")"
grep '^# CRASH' "$T/out" | sort -u >"$T/crash"
printf '%s\n' "# CRASH test_exit (exit 65, 1 of 3 tests)" \
    "# CRASH test_segv (exit 139, 1 of 2 tests)" \
    "# CRASH test_short (exit 0, 1 of 2 tests)" >"$T/expected"
t_same "each binary that stopped early is named, with its exit status" \
    "$T/expected" "$T/crash"
t_nogrep "a failed test is not also a crash" 'CRASH test_fail' "$T/out"
