# Every header compiles on its own (it includes what it uses), in C11
# with the warnings of the build.
. "$(dirname "$0")/../lib.sh"

cc=${CC:-cc}
for h in "$ROOT"/common/*.h "$ROOT"/cmd/*/*.h; do
	rel=${h#"$ROOT"/}
	if printf '#include "%s"\n' "$h" | $cc -std=c11 -Wall -Wextra -Werror \
	    -D_POSIX_C_SOURCE=200809L -I"$ROOT/common" -I"$ROOT/cmd" \
	    -fsyntax-only -x c - 2>"$T/err"; then
		ok "$rel compiles on its own"
	else
		not_ok "$rel compiles on its own" "$(head -5 "$T/err")"
	fi
done

# Every function a header exports has a one-line comment saying what it
# is for, just above it (or at the end of its line).
for h in "$ROOT"/common/*.h "$ROOT"/cmd/*/*.h; do
	rel=${h#"$ROOT"/}
	awk -f "$ROOT/tests/uncommented.awk" "$h" >"$T/bare"
	if [ -s "$T/bare" ]; then
		not_ok "$rel: every exported function has a comment" \
		    "$(sed "s|^$ROOT/||; s/$/: no comment above it/" "$T/bare")"
	else
		ok "$rel: every exported function has a comment"
	fi
done

# The check itself: it finds what lacks a comment, and only that.
cat >"$T/t.h" <<'H'
/* The module. */
#define X 1
/* Says what f is for. */
int f(int a);
int g(int a,
    int b);
int h(void);	/* what h is for */
/*
 * A longer comment.
 */
struct s *k(const char *p)
    __attribute__((nonnull));
struct s {
	int (*fn)(int);
	int m;
};
extern const char *const names[];
typedef int (*cb)(void *);
/* Above a blank line, so not k2's. */

void k2(void);
_Noreturn void die(const char *fmt, ...);
H
awk -f "$ROOT/tests/uncommented.awk" "$T/t.h" | sed 's|^.*/||' >"$T/out"
t_out "the comment check finds g, k2 and die, nothing else" "t.h:5: g
t.h:21: k2
t.h:22: die
"

# No two types share a name, in headers or in .c files (a struct ctx in
# two modules reads as one), and no two headers share a name.
grep -ohE '^(struct|enum|union) [A-Za-z_][A-Za-z_0-9]* \{' \
    "$ROOT"/common/*.[ch] "$ROOT"/cmd/*.c "$ROOT"/cmd/*/*.[ch] |
    sed 's/ {$//' | sort | uniq -d >"$T/dup"
t_eq "no two types share a name" "" "$(cat "$T/dup")"
for h in "$ROOT"/common/*.h "$ROOT"/cmd/*/*.h; do
	echo "${h##*/}"
done | sort | uniq -d >"$T/dup"
t_eq "no two headers share a name" "" "$(cat "$T/dup")"

# Unit tests reach a tool's modules through its header and libTOOL.a,
# never by including a .c file.
grep -l '^#include ".*\.c"' "$ROOT"/tests/unit/*.c "$ROOT"/tests/fuzz/*.c \
    2>/dev/null | sed "s|^$ROOT/||" >"$T/dup"
t_eq "no test includes a .c file" "" "$(cat "$T/dup")"
