# No GNU-only interfaces (SPEC section 20): the sources build with
# -D_POSIX_C_SOURCE=200809L or -D_DEFAULT_SOURCE and without _GNU_SOURCE,
# warning-free with gcc and clang, and no C file calls a glibc or Linux
# extension outside a guard that keeps a portable path.
. "$(dirname "$0")/../lib.sh"

cd "$ROOT" || exit 70

# gnu_scan FILE...: prints "FILE:LINE: NAME" for every GNU-only or
# Linux-only name used outside comments and strings, unless it is in the
# first branch of an #if on __linux__, __GLIBC__ or __gnu_linux__ that
# has an #else (the portable path).  A file under tests/fuzz/ that
# defines _GNU_SOURCE is Linux-only on purpose (libFuzzer, ld --wrap);
# anywhere else defining _GNU_SOURCE is itself a finding.
gnu_scan() {
	awk '
	BEGIN {
		n = split("qsort_r strchrnul memrchr rawmemchr mempcpy " \
		    "wmempcpy strcasestr memmem strverscmp strfry memfrob " \
		    "asprintf vasprintf get_current_dir_name " \
		    "canonicalize_file_name program_invocation_name " \
		    "program_invocation_short_name error_at_line euidaccess " \
		    "eaccess secure_getenv fopencookie tdestroy pipe2 dup3 " \
		    "accept4 memfd_create O_TMPFILE sched_getaffinity " \
		    "strdupa strndupa mallinfo malloc_usable_size " \
		    "malloc_trim sincos exp10 pow10 fcloseall " \
		    "fgets_unlocked fputs_unlocked", w, " ")
		for (i = 1; i <= n; i++)
			gnu[w[i]] = 1
		split("error.h argp.h obstack.h mcheck.h malloc.h", w, " ")
		for (i in w)
			hdr[w[i]] = 1
	}
	FNR == 1 {
		close_file()
		file = FILENAME
		incomment = 0
		depth = 0
		optin = 0
	}
	function close_file() {
		for (; depth > 0; depth--)
			pop()
	}
	function pop() {
		if (gused[depth] != "" && !gelse[depth])
			print gused[depth] ": no #else (portable path)"
		delete guard[depth]
		delete gused[depth]
		delete gelse[depth]
	}
	# A condition that requires Linux or glibc (not one that excludes it).
	function platform(s) {
		return s ~ /__linux__|__GLIBC__|__gnu_linux__/ &&
		    s !~ /![ \t]*(defined[ \t]*\(?[ \t]*)?(__linux__|__GLIBC__|__gnu_linux__)/
	}
	function guarded(d) {
		for (d = depth; d > 0; d--)
			if (guard[d] && !gelse[d])
				return d
		return 0
	}
	{
		line = $0
		# Comments, strings and character constants say nothing.
		out = ""
		while (line != "") {
			if (incomment) {
				if ((p = index(line, "*/")) == 0) { line = ""; break }
				line = substr(line, p + 2)
				incomment = 0
				continue
			}
			if (match(line, /\/\*|\/\/|"|\047/) == 0) {
				out = out line
				break
			}
			out = out substr(line, 1, RSTART - 1)
			tok = substr(line, RSTART, RLENGTH)
			line = substr(line, RSTART + RLENGTH)
			if (tok == "//")
				break
			if (tok == "/*") {
				incomment = 1
				out = out " "
				continue
			}
			# A literal: skip to its unescaped closing quote.
			q = tok
			while (line != "") {
				c = substr(line, 1, 1)
				line = substr(line, 2)
				if (c == "\\")
					line = substr(line, 2)
				else if (c == q)
					break
			}
			out = out " " q q " "
		}
		if (out ~ /^[ \t]*#[ \t]*(if|ifdef|ifndef)[ \t(]/) {
			depth++
			guard[depth] = out !~ /ifndef/ && platform(out)
			gused[depth] = ""
			gelse[depth] = 0
		} else if (out ~ /^[ \t]*#[ \t]*elif/) {
			if (guard[depth])
				gelse[depth] = 1
			else if (platform(out))
				guard[depth] = 1
		} else if (out ~ /^[ \t]*#[ \t]*else/) {
			gelse[depth] = 1
		} else if (out ~ /^[ \t]*#[ \t]*endif/) {
			if (depth > 0)
				pop()
			depth--
			if (depth < 0)
				depth = 0
		}
		if (out ~ /^[ \t]*#[ \t]*define[ \t]+_GNU_SOURCE/) {
			if (file ~ /(^|\/)tests\/fuzz\//)
				optin = 1
			else
				print file ":" FNR ": _GNU_SOURCE"
		}
		if (out ~ /^[ \t]*#[ \t]*include[ \t]*</) {
			h = out
			sub(/^[^<]*</, "", h)
			sub(/>.*/, "", h)
			if (h in hdr && !optin && !guarded())
				print file ":" FNR ": <" h ">"
		}
		rest = out
		while (match(rest, /[A-Za-z_][A-Za-z0-9_]*/)) {
			id = substr(rest, RSTART, RLENGTH)
			rest = substr(rest, RSTART + RLENGTH)
			if (!(id in gnu) || optin)
				continue
			if ((d = guarded()) > 0) {
				if (gused[d] == "")
					gused[d] = file ":" FNR ": " id
			} else
				print file ":" FNR ": " id
		}
	}
	END { close_file() }
	' "$@"
}

# The scanner itself, on files whose findings are known.
mkdir -p "$T/scan/tests/fuzz"
cat >"$T/scan/bad.c" <<'EOF'
#include <stdlib.h>
#include <error.h>
/* qsort_r in a comment is fine, and so is "strchrnul" in a string. */
static void f(char *s) { char *e = strchrnul(s, ','); (void)e; }
static int g(void *v) { return memrchr(v, 0, 4) != 0; } // memmem
#ifdef __linux__
static int h(int fd) { return pipe2(&fd, 0); }
#endif
#if defined(__GLIBC__) && !defined(NOPE)
static int k(int fd) { return dup3(fd, fd, 0); }
#else
static int k(int fd) { return fd; }
#endif
#ifndef __linux__
static int m(void) { return accept4(0, 0, 0, 0); }
#endif
#define _GNU_SOURCE
char c = '\'', *str = "qsort_r \" asprintf";
EOF
cat >"$T/scan/tests/fuzz/lin.c" <<'EOF'
#define _GNU_SOURCE
int x(void) { return memfd_create("x", 0); }
EOF
(cd "$T/scan" && gnu_scan bad.c tests/fuzz/lin.c) >"$T/out"
t_out "GNU scan: finds each unguarded use, and a guard without #else" \
'bad.c:2: <error.h>
bad.c:4: strchrnul
bad.c:5: memrchr
bad.c:7: pipe2: no #else (portable path)
bad.c:15: accept4
bad.c:17: _GNU_SOURCE
'

find cmd common tests -name '*.[ch]' | sort >"$T/sources"
# shellcheck disable=SC2046
gnu_scan $(cat "$T/sources") >"$T/out"
t_out "no GNU-only interface outside a guarded file" ''

# No build passes _GNU_SOURCE either.
grep -n -e '-D_GNU_SOURCE' Makefile .ci/run scripts/*.sh tests/*.sh \
    tests/e2e/*.sh tests/fuzz/*.sh 2>/dev/null | grep -v '^tests/e2e/portable.sh:' >"$T/out"
t_out "no build defines _GNU_SOURCE" ''

# Every C file with both feature macros, warning-free, with each of gcc
# and clang that is installed (macOS has clang and a BSD libc; glibc
# without _GNU_SOURCE stands in for it).  The unit tests need cmocka.
set -- $(grep -v '^tests/unit/' "$T/sources" | grep '\.c$')
if printf '#include <stdarg.h>\n#include <stddef.h>\n#include <setjmp.h>\n#include <cmocka.h>\n' |
    cc -E -x c - >/dev/null 2>&1; then
	set -- "$@" $(grep '^tests/unit/.*\.c$' "$T/sources")
fi
for cc in gcc clang; do
	if ! command -v "$cc" >/dev/null 2>&1; then
		skip "$cc: sources compile" "$cc is not installed"
		continue
	fi
	for d in -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE; do
		if "$cc" -std=c11 -Wall -Wextra -Werror "$d" -DPM_VERSION='"t"' \
		    -Icommon -fsyntax-only "$@" >"$T/cc.err" 2>&1; then
			ok "$cc $d: every source compiles warning-free"
		else
			not_ok "$cc $d: every source compiles warning-free" \
			    "$(head -20 "$T/cc.err")"
		fi
	done
done

# pm-flag ranks a table without a rank column itself, and lists reps by
# name, with qsort and no context (was GNU qsort_r).  Lower cycle_days is
# better: B 10 is first, E 50 last; revenue the other way round.  The
# top rep's stretch (SPEC 15) follows the direction: B's 10 days less
# 10%, 9; E's revenue 50 plus 10%, 55.
cat >"$T/norank.csv" <<'EOF'
period,rep,metric,actual,attainment
2026-09,D,cycle_days,40,
2026-09,A,cycle_days,30,
2026-09,E,cycle_days,50,
2026-09,C,cycle_days,20,
2026-09,B,cycle_days,10,
2026-09,D,revenue,40,
2026-09,A,revenue,30,
2026-09,E,revenue,50,
2026-09,C,revenue,20,
2026-09,B,revenue,10,
EOF
ranks_of() {
	pm-flag -q --list --metric "$1" "$T/norank.csv" |
	    awk -F, 'NR > 1 { printf "%s%s=%s", s, $2, $6; s = " " }'
}
t_eq "pm-flag ranks lower-is-better ascending, lists tiers by name" \
    "B=1 A=3 C=2 D=4 E=5 B=9" "$(ranks_of cycle_days)"
t_eq "pm-flag ranks higher-is-better descending" \
    "E=1 A=3 C=4 D=2 B=5 E=55" "$(ranks_of revenue)"
