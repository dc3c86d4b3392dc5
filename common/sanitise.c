#include <stdint.h>
#include <string.h>

#include "err.h"
#include "sanitise.h"
#include "utf8.h"

int
san_unsafe_cp(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x061c ||
	    cp == 0x200e || cp == 0x200f || (cp >= 0x202a && cp <= 0x202e) ||
	    (cp >= 0x2066 && cp <= 0x2069);
}

/* Length of the unit at s (n >= 1); *bad when it is shown as '?'. */
static size_t
unit(const char *s, size_t n, int *bad)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t cp;
	size_t len;

	if (u[0] >= 0x20 && u[0] < 0x7f) {
		*bad = 0;
		return 1;
	}
	if (u[0] < 0x80 || utf8_seq_len(u, n) <= 0) {
		/* A control, or a byte of invalid UTF-8: one '?' each. */
		*bad = 1;
		return 1;
	}
	len = utf8_decode(s, n, &cp);
	*bad = san_unsafe_cp(cp);
	return len;
}

size_t
san_copy(char *dst, const char *s, size_t n)
{
	size_t i = 0, o = 0, len;
	int bad;

	while (i < n) {
		len = unit(s + i, n - i, &bad);
		if (bad)
			dst[o++] = '?';
		else {
			memmove(dst + o, s + i, len);
			o += len;
		}
		i += len;
	}
	return o;
}

char *
san_dup(const char *s)
{
	size_t n = strlen(s);
	char *r = xmalloc(n + 1);

	r[san_copy(r, s, n)] = '\0';
	return r;
}

int
san_clean(const char *s, size_t n)
{
	size_t i = 0;
	int bad;

	while (i < n) {
		i += unit(s + i, n - i, &bad);
		if (bad)
			return 0;
	}
	return 1;
}
