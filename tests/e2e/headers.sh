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
