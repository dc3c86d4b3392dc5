#!/bin/sh
# The build's dependencies (SPEC section 20): finds which of libcsv and
# cmocka (the unit tests) the compiler cannot use, and installs them with
# the system's package manager: apt-get (Debian, Ubuntu), dnf (Fedora) or
# brew (macOS), through `sudo -n` when not root (never for brew, which
# refuses root).  Each command is printed before it runs; apt-get update
# runs first when apt knows none of the packages (no package lists).
# make demo and make check run this; plain make runs it with NO_INSTALL=1.
#
#   sh scripts/deps.sh [-n] libcsv [cmocka]
#
# -n (or DEPS_DRY_RUN=1): print the commands, run none of them.  The
# probes still run: the compiler, apt-cache and `sudo -n true`.
# NO_INSTALL=1, no known package manager, no way to become root, or a
# failed command: stop with one line naming the packages, exit 69.
# Environment: CC (default cc), CPPFLAGS, LDFLAGS (as make passes them).
# Output: the commands and their output go to standard error; standard
# output carries only that last line, which make shows as its error.
set -u

dry=${DEPS_DRY_RUN:-}
if [ "${1:-}" = -n ]; then
	dry=1
	shift
fi
cc=${CC:-cc}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/pm-deps.XXXXXX") || exit 70
trap 'rm -rf "$tmp"' EXIT
trap 'exit 70' HUP INT TERM

# fail LINE: the one line, and stop.
fail() {
	printf '%s\n' "$*"
	exit 69
}

# have NAME: whether the compiler finds and links it.
have() {
	case $1 in
	libcsv)
		printf '#include <csv.h>\nint main(void) { return csv_init(0, 0); }\n' ;;
	cmocka)
		printf '%s\n' '#include <stdarg.h>' '#include <stddef.h>' \
		    '#include <stdint.h>' '#include <setjmp.h>' '#include <cmocka.h>' \
		    'static void t(void **s) { (void)s; }' \
		    'int main(void) { const struct CMUnitTest v[] = { cmocka_unit_test(t) };' \
		    '	return cmocka_run_group_tests(v, NULL, NULL); }' ;;
	esac >"$tmp/probe.c"
	# shellcheck disable=SC2086
	$cc ${CPPFLAGS:-} -o "$tmp/probe" "$tmp/probe.c" ${LDFLAGS:-} \
	    -l"${1#lib}" >/dev/null 2>&1
}

# pkg MANAGER NAME: the package that provides NAME.
pkg() {
	case $1:$2 in
	apt-get:libcsv) echo libcsv-dev ;;
	apt-get:cmocka) echo libcmocka-dev ;;
	dnf:libcsv) echo libcsv-devel ;;
	dnf:cmocka) echo libcmocka-devel ;;
	brew:*) echo "$2" ;;
	esac
}

# each MANAGER NAME...: the packages of the names, space-separated.
each() {
	_m=$1 _l=
	shift
	for _n; do _l="$_l${_l:+ }$(pkg "$_m" "$_n")"; done
	echo "$_l"
}

# run CMD...: prints the command, then runs it unless this is a dry run.
run() {
	echo "$*" >&2
	[ -n "$dry" ] && return 0
	"$@" >&2 </dev/null
}

for n; do
	case $n in
	libcsv | cmocka) ;;
	*) echo "deps: unknown dependency '$n' (libcsv, cmocka)" >&2; exit 64 ;;
	esac
done
if ! command -v "${cc%% *}" >/dev/null 2>&1; then
	fail "$cc not found: install a C compiler (build-essential on Debian/Ubuntu, gcc on Fedora, xcode-select --install on macOS)"
fi

missing=
for n; do
	have "$n" || missing="$missing${missing:+ }$n"
done
[ -z "$missing" ] && exit 0
# shellcheck disable=SC2086
what=$(echo $missing | sed 's/ / and /')
# shellcheck disable=SC2086
anyhow="$what not found: install $(each apt-get $missing) (Debian/Ubuntu), $(each dnf $missing) (Fedora) or $(each brew $missing) (Homebrew)"

pm=
if [ "${NO_INSTALL:-}" != 1 ] && [ "${NO_INSTALL:-}" != yes ]; then
	for m in apt-get dnf brew; do
		if command -v "$m" >/dev/null 2>&1; then
			pm=$m
			break
		fi
	done
fi
[ -n "$pm" ] || fail "$anyhow"
# shellcheck disable=SC2086
pkgs=$(each "$pm" $missing)

# A fresh Debian image ships no package lists: apt-cache then knows none
# of the packages, and apt-get install would not find them.
update=
if [ "$pm" = apt-get ]; then
	for p in $pkgs; do
		apt-cache show "$p" >/dev/null 2>&1 </dev/null || update=1
	done
fi

sudo=
if [ "$pm" != brew ] && [ "$(id -u)" != 0 ]; then
	if ! command -v sudo >/dev/null 2>&1 ||
	    ! sudo -n true >/dev/null 2>&1 </dev/null; then
		case $pm in
		apt-get) fail "$what not found: install it with ${update:+sudo apt-get update && }sudo apt-get install $pkgs" ;;
		dnf) fail "$what not found: install it with sudo dnf install $pkgs" ;;
		esac
	fi
	sudo="sudo -n"
fi

# shellcheck disable=SC2086
case $pm in
apt-get)
	if [ -n "$update" ]; then
		run $sudo apt-get update || fail "$what not found: $sudo${sudo:+ }apt-get update failed"
	fi
	run $sudo apt-get install -y --no-install-recommends $pkgs ||
	    fail "$what not found: $sudo${sudo:+ }apt-get install $pkgs failed"
	;;
dnf)
	run $sudo dnf install -y $pkgs ||
	    fail "$what not found: $sudo${sudo:+ }dnf install $pkgs failed"
	;;
brew)
	run brew install $pkgs || fail "$what not found: brew install $pkgs failed"
	;;
esac
[ -n "$dry" ] && exit 0

for n in $missing; do
	have "$n" || fail "$n not found after installing $(pkg "$pm" "$n"): the compiler does not see it (CPPFLAGS, LDFLAGS?)"
done
exit 0
