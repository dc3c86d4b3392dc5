#include <stdint.h>
#include <string.h>

#include "utf8.h"

/* Windows-1252 0x80..0x9f; the five unassigned bytes keep their C1 code. */
static const uint16_t cp1252_c1[32] = {
	0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
	0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178
};

int
utf8_seq_len(const unsigned char *s, size_t n)
{
	unsigned char c = s[0], lo = 0x80, hi = 0xbf;
	int len, i;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		len = 2;
	else if (c >= 0xe0 && c <= 0xef) {
		len = 3;
		lo = c == 0xe0 ? 0xa0 : 0x80;	/* overlong below */
		hi = c == 0xed ? 0x9f : 0xbf;	/* surrogates above */
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4;
		lo = c == 0xf0 ? 0x90 : 0x80;
		hi = c == 0xf4 ? 0x8f : 0xbf;	/* past U+10FFFF */
	} else
		return 0;
	for (i = 1; i < len; i++) {
		if ((size_t)i >= n)
			return -1;
		if (s[i] < lo || s[i] > hi)
			return 0;
		lo = 0x80;
		hi = 0xbf;
	}
	return len;
}

size_t
utf8_valid_prefix(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	int len;

	while (i < n) {
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		if ((len = utf8_seq_len(u + i, n - i)) <= 0)
			return i;
		i += (size_t)len;
	}
	return n;
}

int
utf8_valid(const char *s, size_t n)
{
	return utf8_valid_prefix(s, n) == n;
}

size_t
utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	int len = utf8_seq_len(u, n), i;

	if (len <= 0) {
		*cp = 0xfffd;
		return 1;
	}
	*cp = len == 1 ? u[0] : len == 2 ? u[0] & 0x1fu : len == 3 ?
	    u[0] & 0x0fu : u[0] & 0x07u;
	for (i = 1; i < len; i++)
		*cp = *cp << 6 | (u[i] & 0x3fu);
	return (size_t)len;
}

/* The ranges are Markus Kuhn's wcwidth(). */
size_t
utf8_cols(const char *s, size_t *len)
{
	uint32_t c;

	if ((unsigned char)s[0] < 0x80) {
		*len = 1;
		return 1;
	}
	*len = utf8_decode(s, strnlen(s, 4), &c);
	if ((c >= 0x0300 && c <= 0x036F) || (c >= 0x200B && c <= 0x200F) ||
	    (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE00 && c <= 0xFE0F) ||
	    (c >= 0xFE20 && c <= 0xFE2F))
		return 0;
	if (c >= 0x1100 && (c <= 0x115F || c == 0x2329 || c == 0x232A ||
	    (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F) ||
	    (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
	    (c >= 0xFE10 && c <= 0xFE19) || (c >= 0xFE30 && c <= 0xFE6F) ||
	    (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) ||
	    (c >= 0x1F300 && c <= 0x1F64F) || (c >= 0x1F900 && c <= 0x1F9FF) ||
	    (c >= 0x20000 && c <= 0x2FFFD) || (c >= 0x30000 && c <= 0x3FFFD)))
		return 2;
	return 1;
}

size_t
utf8_widthn(const char *s, size_t n)
{
	size_t w = 0, i = 0, len;

	while (i < n && s[i] != '\0') {
		w += utf8_cols(s + i, &len);
		i += len;
	}
	return w;
}

size_t
utf8_width(const char *s)
{
	return utf8_widthn(s, strlen(s));
}

size_t
utf8_from_cp1252(unsigned char c, char *out)
{
	unsigned cp = c < 0x80 ? c : c < 0xa0 ? cp1252_c1[c - 0x80] : c;

	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	out[0] = (char)(0xe0 | cp >> 12);
	out[1] = (char)(0x80 | (cp >> 6 & 0x3f));
	out[2] = (char)(0x80 | (cp & 0x3f));
	return 3;
}

size_t
utf8_from_cp1252_str(const char *s, size_t n, char *out)
{
	size_t i, o = 0;

	for (i = 0; i < n; i++)
		o += utf8_from_cp1252((unsigned char)s[i], out + o);
	return o;
}
