# The build says which package to install when libcsv is missing, in one
# line, instead of a compiler error (README quick start).  -nostdinc hides
# csv.h from the check as a machine without libcsv-dev would.
. "$(dirname "$0")/../lib.sh"
# Run from make check, make's own flags (-j, jobserver) would add lines.
unset MAKEFLAGS MFLAGS MAKELEVEL

out=$(make -s -C "$ROOT" CPPFLAGS=-nostdinc O="$T/o" BIN="$T/bin" 2>&1)
rc=$?
t_eq "make without libcsv fails" 2 "$rc"
t_eq "with one line" 1 "$(printf '%s\n' "$out" | wc -l | tr -d ' ')"
t_grep "naming the packages" "libcsv-dev \(Debian/Ubuntu\), libcsv-devel \(Fedora\) or libcsv \(Homebrew\)" \
    - <<EOF2
$out
EOF2
t_eq "and building nothing" "" "$(ls "$T/o" 2>/dev/null)"

# make check's last line is its count: make keeps the unit tests' objects
# (it would remove them as intermediate files, printing "rm ..." after
# the count, in a fresh clone).  make -n shows that removal too.
last=$(make --no-print-directory -n -C "$ROOT" O="$T/fresh" BIN="$T/fresh/bin" \
    "$T/fresh/tests/test_num" 2>&1 | tail -1)
case $last in
rm\ *) not_ok "a unit test's object is kept" "$last" ;;
*) ok "a unit test's object is kept" ;;
esac

# make install and make uninstall with PREFIX and DESTDIR, from the
# binaries make check built (PMBIN; SANITIZE, O and BIN come from the
# environment as make check passes them).
stage=$T/stage
if make -s -C "$ROOT" install PREFIX=/opt/pm DESTDIR="$stage" >"$T/out" 2>&1; then
	ok "make install: exit 0"
else
	not_ok "make install: exit 0" "$(head -5 "$T/out")"
fi
(cd "$stage" && find . -type f | sort) >"$T/installed"
{
	for t in pm-flag pm-ingest pm-pareto pm-report pm-score; do
		echo "./opt/pm/bin/$t"
	done
	(cd "$ROOT/man" && ls ./*.1 | sed 's|^\./|./opt/pm/share/man/man1/|')
	echo ./opt/pm/share/man/man7/pm-tools.7
} | sort >"$T/expected"
t_same "make install: the five tools and the man pages under DESTDIR/PREFIX" \
    "$T/expected" "$T/installed"
t_eq "make install: the tools run" "pm-score (pm-tools) $(sed -n 's/^VERSION *= *//p' "$ROOT/Makefile")" \
    "$("$stage/opt/pm/bin/pm-score" --version 2>&1 | head -1)"
make -s -C "$ROOT" uninstall PREFIX=/opt/pm DESTDIR="$stage" >"$T/out" 2>&1
t_eq "make uninstall: nothing left" "" "$(cd "$stage" && find . -type f)"

# make clean removes every folder it builds, a custom O= and the tools in
# a custom BIN= too, and nothing else (BIN may hold other programs).
tree=$T/tree
mkdir -p "$tree/bin" "$tree/build/cmd" "$tree/build-san/lib" \
    "$tree/build-fuzz/corpus" "$tree/demo-out" "$tree/bench-out/data" \
    "$tree/out/cmd" "$tree/out/common" "$tree/out/lib" "$tree/out/tests/unit" \
    "$tree/tools" "$tree/src"
touch "$tree/bin/pm-score" "$tree/build/cmd/pm-score.o" "$tree/out/lib/libpm.a" \
    "$tree/out/tests/unit/test_num.o" "$tree/tools/pm-flag" "$tree/tools/mine" \
    "$tree/src/keep.c"
make -s -C "$tree" -f "$ROOT/Makefile" clean O=out BIN=tools >"$T/out" 2>&1
t_eq "make clean O=out BIN=tools: exit 0" 0 $?
t_eq "make clean: only what the build did not make is left" \
    "./src ./src/keep.c ./tools ./tools/mine" \
    "$(cd "$tree" && find . -mindepth 1 | sort | tr '\n' ' ' | sed 's/ $//')"
