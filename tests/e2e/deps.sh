# scripts/deps.sh (SPEC section 20): the exact commands it runs for each
# package manager, as root and not, with sudo -n refused, without apt
# package lists, with NO_INSTALL=1, with no known package manager, and
# make demo / make check / make calling it.  Everything it could run is
# faked on PATH: the compiler, id, sudo, apt-get, apt-cache, dnf, brew.
. "$(dirname "$0")/../lib.sh"
unset MAKEFLAGS MFLAGS MAKELEVEL NO_INSTALL DEPS_DRY_RUN CPPFLAGS LDFLAGS CI

DEPS=$ROOT/scripts/deps.sh
F=$T/fake
mkdir -p "$F" "$T/tools" "$T/state"
# The few real programs the script needs, and nothing else of /usr/bin.
for p in sh mktemp rm sed cat touch true; do
	ln -s "$(type -P "$p")" "$T/tools/$p"
done
# cc: libcsv (or cmocka) is there when $T/state holds its name.
cat >"$F/cc" <<'EOF'
#!/bin/sh
for a; do
	case $a in
	-lcsv) [ -e "$STATE/libcsv" ] || exit 1 ;;
	-lcmocka) [ -e "$STATE/cmocka" ] || exit 1 ;;
	esac
done
exit 0
EOF
cat >"$F/id" <<'EOF'
#!/bin/sh
echo "$FAKE_UID"
EOF
# sudo -n: refused unless FAKE_SUDO=ok; then runs the command.
cat >"$F/sudo" <<'EOF'
#!/bin/sh
echo "sudo $*" >>"$STATE/log"
[ "$FAKE_SUDO" = ok ] || exit 1
[ "$1" = -n ] && shift
exec "$@"
EOF
# apt-cache show: succeeds when there are package lists.
cat >"$F/apt-cache" <<'EOF'
#!/bin/sh
[ "$FAKE_LISTS" = yes ]
EOF
# The package managers log their arguments; "install" provides the names
# (unless FAKE_BROKEN: the packages install but the compiler cannot see
# them); FAKE_FAIL makes them fail.
for m in apt-get dnf brew; do
	cat >"$F/$m" <<'EOF'
#!/bin/sh
echo "${0##*/} $*" >>"$STATE/log"
[ -n "$FAKE_FAIL" ] && exit 100
case " $* " in
*" install "*)
	[ -n "$FAKE_BROKEN" ] && exit 0
	case " $* " in *libcsv*) touch "$STATE/libcsv" ;; esac
	case " $* " in *cmocka*) touch "$STATE/cmocka" ;; esac ;;
esac
exit 0
EOF
done
chmod +x "$F"/*

# deps NAME RC STDOUT STDERR [VAR=VALUE...] -- ARGS...: runs the script
# with the fakes, PKGMGRS the package managers on PATH (default apt-get),
# and checks its status, its one line and the commands it printed.
deps() {
	_n=$1 _rc=$2 _out=$3 _err=$4
	shift 4
	rm -rf "$T/path" "$T/state"
	mkdir -p "$T/path" "$T/state"
	for _p in cc id sudo apt-cache; do ln -s "$F/$_p" "$T/path/$_p"; done
	for _p in ${PKGMGRS-apt-get}; do ln -s "$F/$_p" "$T/path/$_p"; done
	[ -n "${NOSUDO:-}" ] && rm "$T/path/sudo"
	for _h in ${HAVE:-}; do touch "$T/state/$_h"; done
	: >"$T/state/log"
	env -i PATH="$T/path:$T/tools" STATE="$T/state" CC=cc \
	    FAKE_UID=1000 FAKE_SUDO=ok FAKE_LISTS=yes FAKE_FAIL= FAKE_BROKEN= \
	    "$@" >"$T/out" 2>"$T/err"
	_got=$?
	t_eq "$_n: exit status" "$_rc" "$_got"
	t_eq "$_n: the one line" "$_out" "$(cat "$T/out")"
	t_eq "$_n: the commands" "$_err" "$(cat "$T/err")"
}
ANY="libcsv not found: install libcsv-dev (Debian/Ubuntu), libcsv-devel (Fedora) or libcsv (Homebrew)"
BOTH="libcsv and cmocka not found: install libcsv-dev libcmocka-dev (Debian/Ubuntu), libcsv-devel libcmocka-devel (Fedora) or libcsv cmocka (Homebrew)"
APT="apt-get install -y --no-install-recommends"

# Dry runs: what it would run, and nothing run.
deps "apt, root" 0 "" "$APT libcsv-dev" \
    FAKE_UID=0 sh "$DEPS" -n libcsv
deps "apt, root, both" 0 "" "$APT libcsv-dev libcmocka-dev" \
    FAKE_UID=0 sh "$DEPS" -n libcsv cmocka
deps "apt, not root" 0 "" "sudo -n $APT libcsv-dev libcmocka-dev" \
    sh "$DEPS" -n libcsv cmocka
t_eq "a dry run runs only sudo -n true" "sudo -n true" "$(cat "$T/state/log")"
deps "apt, not root, CI=true: the same" 0 "" \
    "sudo -n $APT libcsv-dev libcmocka-dev" CI=true sh "$DEPS" -n libcsv cmocka
deps "apt, DEPS_DRY_RUN=1 as -n" 0 "" "sudo -n $APT libcsv-dev" \
    DEPS_DRY_RUN=1 sh "$DEPS" libcsv
deps "apt, no package lists, root" 0 "" "apt-get update
$APT libcsv-dev" FAKE_UID=0 FAKE_LISTS=no sh "$DEPS" -n libcsv
deps "apt, no package lists, not root" 0 "" "sudo -n apt-get update
sudo -n $APT libcsv-dev libcmocka-dev" FAKE_LISTS=no sh "$DEPS" -n libcsv cmocka
HAVE=libcsv deps "apt, only cmocka missing" 0 "" "sudo -n $APT libcmocka-dev" \
    sh "$DEPS" -n libcsv cmocka
deps "sudo -n refused: the one line" 69 \
    "libcsv not found: install it with sudo apt-get install libcsv-dev" "" \
    FAKE_SUDO=no sh "$DEPS" -n libcsv
deps "sudo -n refused, no package lists" 69 \
    "libcsv and cmocka not found: install it with sudo apt-get update && sudo apt-get install libcsv-dev libcmocka-dev" "" \
    FAKE_SUDO=no FAKE_LISTS=no sh "$DEPS" -n libcsv cmocka
NOSUDO=1 deps "no sudo at all" 69 \
    "libcsv not found: install it with sudo apt-get install libcsv-dev" "" \
    sh "$DEPS" -n libcsv
PKGMGRS=dnf deps "dnf, root" 0 "" "dnf install -y libcsv-devel" \
    FAKE_UID=0 sh "$DEPS" -n libcsv
PKGMGRS=dnf deps "dnf, not root" 0 "" \
    "sudo -n dnf install -y libcsv-devel libcmocka-devel" sh "$DEPS" -n libcsv cmocka
PKGMGRS=dnf deps "dnf, sudo -n refused" 69 \
    "libcsv not found: install it with sudo dnf install libcsv-devel" "" \
    FAKE_SUDO=no sh "$DEPS" -n libcsv
PKGMGRS=brew deps "brew, never through sudo" 0 "" "brew install libcsv cmocka" \
    FAKE_SUDO=no sh "$DEPS" -n libcsv cmocka
PKGMGRS="apt-get dnf brew" deps "apt-get first" 0 "" "sudo -n $APT libcsv-dev" \
    sh "$DEPS" -n libcsv
deps "NO_INSTALL=1: the one line" 69 "$ANY" "" NO_INSTALL=1 sh "$DEPS" -n libcsv
deps "NO_INSTALL=1, both: one line" 69 "$BOTH" "" \
    NO_INSTALL=1 sh "$DEPS" libcsv cmocka
PKGMGRS= deps "no known package manager: the one line" 69 "$ANY" "" \
    sh "$DEPS" libcsv
HAVE="libcsv cmocka" deps "nothing missing: silent" 0 "" "" sh "$DEPS" libcsv cmocka
t_eq "nothing missing: nothing asked" "" "$(cat "$T/state/log")"
deps "no compiler" 69 \
    "nocc not found: install a C compiler (build-essential on Debian/Ubuntu, gcc on Fedora, xcode-select --install on macOS)" \
    "" CC=nocc sh "$DEPS" libcsv
deps "an unknown name: usage" 64 "" "deps: unknown dependency 'csv' (libcsv, cmocka)" \
    sh "$DEPS" csv

# For real (with the fakes): each command printed, then run, then the
# compiler asked again.
deps "install, not root" 0 "" "sudo -n apt-get update
sudo -n $APT libcsv-dev libcmocka-dev" FAKE_LISTS=no sh "$DEPS" libcsv cmocka
t_eq "install: ran what it printed" "sudo -n true
sudo -n apt-get update
apt-get update
sudo -n $APT libcsv-dev libcmocka-dev
$APT libcsv-dev libcmocka-dev" "$(cat "$T/state/log")"
PKGMGRS=brew HAVE=libcsv deps "install with brew" 0 "" "brew install cmocka" \
    sh "$DEPS" libcsv cmocka
t_eq "brew: ran what it printed" "brew install cmocka" "$(cat "$T/state/log")"
deps "install fails: the one line" 69 \
    "libcsv not found: apt-get install libcsv-dev failed" "$APT libcsv-dev" \
    FAKE_UID=0 FAKE_FAIL=1 sh "$DEPS" libcsv
deps "update fails: the one line" 69 \
    "libcsv not found: sudo -n apt-get update failed" "sudo -n apt-get update" \
    FAKE_LISTS=no FAKE_FAIL=1 sh "$DEPS" libcsv
deps "installed but not seen: the one line" 69 \
    "libcsv not found after installing libcsv-dev: the compiler does not see it (CPPFLAGS, LDFLAGS?)" \
    "$APT libcsv-dev" FAKE_UID=0 FAKE_BROKEN=1 sh "$DEPS" libcsv

# The Makefile: make demo and make check install (here make -n: a dry
# run), every other goal and NO_INSTALL=1 only say what is missing.
mk() {
	rm -rf "$T/state"
	mkdir -p "$T/state"
	env PATH="$F:$PATH" STATE="$T/state" FAKE_UID=0 FAKE_SUDO=ok \
	    FAKE_LISTS=yes FAKE_FAIL= FAKE_BROKEN= \
	    make -C "$ROOT" CC="$F/cc" O="$T/o" BIN="$T/bin" "$@" >"$T/out" 2>"$T/err"
}
# make's error line without its "Makefile:NN: *** " and ".  Stop.".
said() { sed -n 's/^Makefile:[0-9]*: \*\*\* \(.*\)\.  Stop\.$/\1/p' "$T/err"; }
mk -n demo
t_eq "make -n demo: prints the install" "$APT libcsv-dev" "$(head -1 "$T/err")"
t_grep "make -n demo: then the build" "examples/demo.sh" "$T/out"
mk -n check
t_eq "make -n check: libcsv and cmocka" "$APT libcsv-dev libcmocka-dev" \
    "$(head -1 "$T/err")"
mk -n check NO_INSTALL=1
t_eq "make check NO_INSTALL=1: the one line" "$BOTH" "$(said)"
t_eq "make check NO_INSTALL=1: only that line" 1 "$(wc -l <"$T/err" | tr -d ' ')"
mk -n
t_eq "make: no install, the one line" "$ANY" "$(said)"
t_eq "make: only that line" 1 "$(wc -l <"$T/err" | tr -d ' ')"
mk -n install PREFIX="$T/p"
t_eq "make install: no install either" "$ANY" "$(said)"
mk -n clean
t_eq "make clean: no check" "" "$(cat "$T/err")"

# .ci/run on a fresh machine (dry run): dpkg knows no package, and clang
# says its version once installed; libcsv and cmocka are left to make.
cat >"$F/dpkg" <<'EOF2'
#!/bin/sh
exit 1
EOF2
cat >"$F/clang" <<'EOF2'
#!/bin/sh
echo "Debian clang version 14.0.6"
EOF2
chmod +x "$F/dpkg" "$F/clang"
rm -rf "$T/cipath"
mkdir -p "$T/cipath"
for p in dpkg clang id; do ln -s "$F/$p" "$T/cipath/$p"; done
for p in sh sed head dirname; do ln -s "$(type -P "$p")" "$T/cipath/$p"; done
env -i PATH="$T/cipath" FAKE_UID=1000 CI_DRY_RUN=1 sh "$ROOT/.ci/run" >"$T/out" 2>&1
t_eq ".ci/run dry run: exit 0" 0 $?
t_out ".ci/run: its test tools, then the README's two commands, both compilers, the sanitizers, fuzzing" \
'+ sudo -n apt-get update
+ sudo -n apt-get install -y --no-install-recommends build-essential clang groff-base valgrind parallel time python3
+ sudo -n apt-get install -y --no-install-recommends libclang-rt-14-dev
+ make clean
+ make clean O=build-clang BIN=build-clang/bin
+ make demo
+ make check
+ make check CC=clang O=build-clang BIN=build-clang/bin
+ make check SANITIZE=1
+ env FUZZ_OPTIONAL=1 FUZZ_SECONDS=20 sh tests/fuzz/run.sh
'
