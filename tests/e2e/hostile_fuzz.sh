#!/bin/bash
# Every fuzz target (tests/fuzz/fuzz_*.c), built without libFuzzer by the
# ordinary compiler (and with ASan + UBSan under make check SANITIZE=1),
# runs on its regression inputs (tests/fuzz/regress/NAME: each one a
# finding that once crashed it), its seeds and the small test fixtures.
# A target that crashes or fails to build is a failure.
. "$(dirname "$0")/../lib.sh"

cd "$ROOT" || exit 70
CC=${CC:-cc}
flags="-std=c11 -O1 -g -D_POSIX_C_SOURCE=200809L -Icommon -w"
if [ "${SANITIZE:-}" = 1 ]; then
	flags="$flags -fsanitize=address,undefined -fno-sanitize-recover=all"
fi
if ! printf '#include <csv.h>\nint main(void){return 0;}\n' |
    $CC -x c -o "$T/probe" - -lcsv 2>/dev/null; then
	skip "fuzz regressions" "no C compiler with libcsv"
	exit 0
fi

# The shared objects once, then one link per target.
mkdir -p "$T/obj"
for c in common/*.c; do
	o=$T/obj/$(basename "$c" .c).o
	$CC $flags -c -o "$o" "$c" || not_ok "compile $c"
done
$CC $flags -c -o "$T/standalone.o" tests/fuzz/standalone.c

find tests/fixtures -type f -size -64k | sort >"$T/fixtures"
for t in tests/fuzz/fuzz_*.c; do
	name=$(basename "$t" .c)
	extra=$(sed -n 's|.*fuzz-sources: \(.*\) \*/.*|\1|p' "$t")
	xflags=$(sed -n 's|.*fuzz-flags: \(.*\) \*/.*|\1|p' "$t")
	# A target that defines _GNU_SOURCE is Linux-only on purpose.
	if [ "$(uname -s)" != Linux ] && grep -q '^#define _GNU_SOURCE' "$t"; then
		skip "$name" "Linux only"
		continue
	fi
	if ! $CC $flags $xflags -o "$T/$name" "$t" "$T/standalone.o" \
	    "$T"/obj/*.o $extra -lcsv -lm 2>"$T/cc.err"; then
		not_ok "$name builds" "$(head -20 "$T/cc.err")"
		continue
	fi
	set --
	for d in tests/fuzz/regress/"$name" tests/fuzz/seeds/"$name"; do
		[ -d "$d" ] && set -- "$@" $(find "$d" -type f | sort)
	done
	n=$#
	# shellcheck disable=SC2046
	if "$T/$name" "$@" $(cat "$T/fixtures") >"$T/run.out" 2>&1; then
		ok "$name: $n regression and seed inputs, $(wc -l <"$T/fixtures") fixtures"
	else
		not_ok "$name: a regression input crashes it" \
		    "$(grep -E 'ERROR|SUMMARY|runtime error' "$T/run.out" | head -5)"
	fi
done
