#!/bin/sh
# make fuzz: builds every tests/fuzz/fuzz_*.c with libFuzzer, ASan and UBSan
# and runs each for FUZZ_SECONDS (default 60) on a corpus seeded from
# tests/fuzz/seeds/NAME and the test fixtures.  Findings are written to
# $FUZZ_OUT/findings/ (default build-fuzz); each one must become a
# regression test: fixed, and the input kept in tests/fuzz/regress/NAME/,
# which make check runs (tests/e2e/hostile_fuzz.sh).  A target may add
# "fuzz-sources:", "fuzz-flags:" and "fuzz-options:" lines (see below).
# FUZZ_TARGETS names the target sources, FUZZ_RUNS
# bounds the executions as well, FUZZ_SANITIZE=undefined drops ASan for
# the throughput of a long campaign.
set -eu
cd "$(dirname "$0")/../.."
secs=${FUZZ_SECONDS:-60}
out=${FUZZ_OUT:-build-fuzz}
san=${FUZZ_SANITIZE:-address,undefined}
CC=${FUZZ_CC:-clang}
if ! command -v "$CC" >/dev/null; then
	echo "fuzz: $CC not found; install clang" >&2
	exit 69
fi
mkdir -p "$out/findings"
printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n)\n{ (void)d; (void)n; return 0; }\n' >"$out/probe.c"
if ! $CC -fsanitize=fuzzer,$san -o "$out/probe" "$out/probe.c" 2>/dev/null; then
	echo "fuzz: $CC cannot build libFuzzer targets (Debian: libclang-rt-14-dev)" >&2
	[ "${FUZZ_OPTIONAL:-}" = 1 ] && exit 0
	exit 69
fi
flags="-std=c11 -g -O1 -D_POSIX_C_SOURCE=200809L -Icommon -fsanitize=fuzzer,$san -fno-sanitize-recover=all"
status=0
for t in ${FUZZ_TARGETS:-tests/fuzz/fuzz_*.c}; do
	name=$(basename "$t" .c)
	# A target may name the extra sources it links with in a line
	# "/* fuzz-sources: cmd/pm-ingest/dates.c ... */".
	# "fuzz-flags: ..." adds compiler or linker flags, "fuzz-options:
	# ..." libFuzzer options.
	extra=$(sed -n 's|.*fuzz-sources: \(.*\) \*/.*|\1|p' "$t")
	xflags=$(sed -n 's|.*fuzz-flags: \(.*\) \*/.*|\1|p' "$t")
	xopts=$(sed -n 's|.*fuzz-options: \(.*\) \*/.*|\1|p' "$t")
	$CC $flags $xflags -o "$out/$name" "$t" common/*.c $extra -lcsv -lm
	corpus=$out/corpus/$name
	mkdir -p "$corpus"
	[ -d "tests/fuzz/seeds/$name" ] && cp tests/fuzz/seeds/"$name"/* "$corpus"/ 2>/dev/null || true
	find tests/fixtures -type f -size -64k -exec cp {} "$corpus"/ \; 2>/dev/null || true
	echo "fuzz: $name for ${secs}s${FUZZ_RUNS:+ or $FUZZ_RUNS runs} ($san)"
	if ! "$out/$name" -max_total_time="$secs" -runs="${FUZZ_RUNS:--1}" \
	    -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
	    -artifact_prefix="$out/findings/$name-" \
	    -print_final_stats=1 $xopts "$corpus" >"$out/$name.log" 2>&1; then
		echo "fuzz: $name FAILED, see $out/$name.log and $out/findings/"
		status=1
	fi
	grep -E '^stat::number_of_executed_units' "$out/$name.log" |
	    sed "s/^/fuzz: $name: /"
done
exit $status
