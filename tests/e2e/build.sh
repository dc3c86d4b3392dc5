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
