#!/bin/sh
# Runs the unit tests (cmocka, TAP output) and the end-to-end scripts
# (tests/e2e/*.sh) and ends with the line "N passed, N failed".
# Environment: PMBIN (directory of the pm-* binaries), UNITBIN (directory
# of the unit test binaries), VALGRIND=1 to run the binaries under valgrind,
# TESTS=pattern to run only matching e2e scripts.
cd "$(dirname "$0")/.." || exit 70
# The tools exit through pm_die() with their tables still allocated, as
# Unix tools do; LeakSanitizer would turn every such exit into status 1.
# Memory errors are still fatal under SANITIZE=1.
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
export ASAN_OPTIONS
log=$(mktemp) || exit 70
one=$(mktemp) || exit 70
trap 'rm -f "$log" "$one"' EXIT INT TERM

# A unit binary that exits non-zero without reporting a failed test, or
# reports fewer tests than its plan (1..N) announced, stopped early: a
# signal, an exit() from the code under test.  It counts as failed.
for t in "$UNITBIN"/test_*; do
	[ -x "$t" ] || continue
	echo "# unit: ${t##*/}"
	CMOCKA_MESSAGE_OUTPUT=TAP "$t" >"$one" 2>&1
	rc=$?
	plan=$(sed -n 's/^1\.\.\([0-9][0-9]*\).*/\1/p' "$one" | head -1)
	ran=$(grep -c '^\(not \)\{0,1\}ok ' "$one")
	if { [ "$rc" -ne 0 ] && ! grep -q '^not ok ' "$one"; } ||
	    { [ -n "$plan" ] && [ "$ran" -lt "$plan" ]; }; then
		echo "# CRASH ${t##*/} (exit $rc, $ran of ${plan:-?} tests)" >>"$one"
	fi
	tee -a "$log" <"$one" | grep -v '^ok ' || true
done
for s in tests/e2e/*.sh; do
	[ -f "$s" ] || continue
	case "$s" in *${TESTS:-}*) ;; *) continue ;; esac
	echo "# e2e: ${s##*/}"
	bash "$s" 2>&1 | tee -a "$log" | grep -v '^ok ' || true
done
passed=$(grep -c '^ok ' "$log")
failed=$(grep -c '^not ok ' "$log")
skipped=$(grep -c '^skip ' "$log")
# A test that crashed or exited early counts as failed.
crashed=$(grep -c '^# CRASH' "$log")
failed=$((failed + crashed))
if [ "$failed" -gt 0 ]; then
	echo "# failures:"
	grep -E '^(not ok |# CRASH)' "$log"
fi
if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
