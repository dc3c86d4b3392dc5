/*
 * The encodings of an Internet message: RFC 5322 fields, RFC 2047
 * encoded-words, RFC 2045 quoted-printable and base64.
 *
 * Written here rather than taken from a library, after a look: libc
 * has no quoted-printable or RFC 2047 encoder; glibc's b64_ntop() is a
 * resolver internal (<resolv.h>, -lresolv, absent from musl); Debian's
 * libb64 does base64 only; GMime and libetpan do it all but bring GLib
 * or a whole mail library, and a second dependency, to a tool that
 * needs about 300 lines of it.  Those lines must know more than a
 * general encoder does anyway: where a UTF-8 character ends (an
 * encoded-word holds whole characters), the 76-column budget of the
 * line a field starts on, and the lone "." and "From " lines that
 * sendmail and mbox would act on.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "mime.h"
#include "utf8.h"

static const char b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static const char hex[] = "0123456789ABCDEF";

/* base64 of up to 3 bytes into 4 characters at d. */
static void
b64_quantum(const unsigned char *s, size_t n, char *d)
{
	unsigned v = (unsigned)s[0] << 16 | (n > 1 ? (unsigned)s[1] << 8 : 0) |
	    (n > 2 ? s[2] : 0);

	d[0] = b64[v >> 18 & 63];
	d[1] = b64[v >> 12 & 63];
	d[2] = n > 1 ? b64[v >> 6 & 63] : '=';
	d[3] = n > 2 ? b64[v & 63] : '=';
}

void
mime_base64(struct out *o, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	char q[4];
	size_t i, col = 0;

	for (i = 0; i < n; i += 3) {
		b64_quantum(u + i, n - i, q);
		out_write(o, q, 4);
		if ((col += 4) == MIME_LINE) {
			out_putc(o, '\n');
			col = 0;
		}
	}
	if (col > 0)
		out_putc(o, '\n');
}

static size_t
b64_size(size_t n)
{
	size_t chars = (n + 2) / 3 * 4;

	return chars + (chars + MIME_LINE - 1) / MIME_LINE;
}

/* Whether the byte at s[i] must be written as =XX at column col. */
static int
qp_needs(const char *s, size_t n, size_t i, size_t col)
{
	unsigned char c = (unsigned char)s[i];

	if (c == '=' || c < 32 || c > 126)
		return c != '\t' || i + 1 == n || s[i + 1] == '\n';
	if (c == ' ')
		return i + 1 == n || s[i + 1] == '\n';
	if (col == 0 && c == '.')
		return 1;
	return col == 0 && c == 'F' && n - i >= 5 &&
	    memcmp(s + i, "From ", 5) == 0;
}

/* Writes the QP of s to o, or only counts it when o is NULL. */
static size_t
qp(struct out *o, const char *s, size_t n)
{
	size_t i, col = 0, total = 0, w;
	char t[3];

	for (i = 0; i < n; i++) {
		if (s[i] == '\n') {
			if (o != NULL)
				out_putc(o, '\n');
			total++;
			col = 0;
			continue;
		}
		w = qp_needs(s, n, i, col) ? 3 : 1;
		/* Room for the soft break's "=" after this token. */
		if (col + w > MIME_LINE - 1 &&
		    !(i + 1 < n && s[i + 1] == '\n' && col + w <= MIME_LINE)) {
			if (o != NULL)
				out_puts(o, "=\n");
			total += 2;
			col = 0;
			w = qp_needs(s, n, i, col) ? 3 : 1;
		}
		if (o != NULL) {
			if (w == 3) {
				t[0] = '=';
				t[1] = hex[(unsigned char)s[i] >> 4];
				t[2] = hex[(unsigned char)s[i] & 15];
				out_write(o, t, 3);
			} else
				out_putc(o, s[i]);
		}
		col += w;
		total += w;
	}
	if (col > 0) {
		/* The body ends without a line end: a soft one ends it. */
		if (o != NULL)
			out_puts(o, "=\n");
		total += 2;
	}
	return total;
}

void
mime_qp(struct out *o, const char *s, size_t n)
{
	qp(o, s, n);
}

enum mime_cte
mime_pick(const char *s, size_t n)
{
	return qp(NULL, s, n) <= b64_size(n) ? MIME_QP : MIME_BASE64;
}

void
mime_body(struct out *o, const char *s, size_t n)
{
	if (mime_pick(s, n) == MIME_QP) {
		out_puts(o, "Content-Transfer-Encoding: quoted-printable\n\n");
		mime_qp(o, s, n);
	} else {
		out_puts(o, "Content-Transfer-Encoding: base64\n\n");
		mime_base64(o, s, n);
	}
}

/* ---- checking option text ---- */

const char *
mime_check_text(const char *s)
{
	size_t n = strlen(s), i = 0, len;
	uint32_t cp;

	if (!utf8_valid(s, n))
		return "not valid UTF-8";
	while (i < n) {
		len = utf8_decode(s + i, n - i, &cp);
		if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F))
			return "a control character (a newline, a tab, ...)";
		i += len;
	}
	return NULL;
}

/* ---- header fields ---- */

/* A field being written: the column reached on the current line. */
struct mime_field {
	struct out *o;
	size_t col;
};

static void
field_start(struct mime_field *f, struct out *o, const char *name)
{
	f->o = o;
	out_puts(o, name);
	out_putc(o, ':');
	f->col = strlen(name) + 1;
}

/* A token of len bytes, after a space or a fold when it does not fit. */
static void
field_token(struct mime_field *f, const char *s, size_t len)
{
	if (f->col + 1 + len > MIME_LINE && f->col > 1) {
		out_puts(f->o, "\n ");
		f->col = 1;
	} else {
		out_putc(f->o, ' ');
		f->col++;
	}
	out_write(f->o, s, len);
	f->col += len;
}

/*
 * Text as B encoded-words, each of whole UTF-8 characters and at most
 * MIME_WORD characters, the first one fitted to the room left on the
 * line.  Encoded-words separated by folding white space decode as one
 * text (RFC 2047 section 6.2).
 */
static void
field_encoded(struct mime_field *f, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = strlen(s), i = 0, room, max, take, k;
	char w[MIME_WORD + 1];
	int len;

	while (i < n) {
		room = f->col + 1 < MIME_LINE ? MIME_LINE - f->col - 1 : 0;
		if (room > MIME_WORD)
			room = MIME_WORD;
		/* "=?utf-8?B?" and "?=" around the base64. */
		if (room < 12 + 8) {
			out_puts(f->o, "\n");
			f->col = 0;
			room = MIME_WORD;
		}
		max = (room - 12) / 4 * 3;
		for (take = 0; i + take < n; take += (size_t)len) {
			len = utf8_seq_len(u + i + take, n - i - take);
			if (len <= 0)
				len = 1;	/* checked before; never split */
			if (take + (size_t)len > max)
				break;
		}
		memcpy(w, "=?utf-8?B?", 10);
		len = 10;
		for (k = 0; k < take; k += 3) {
			b64_quantum(u + i + k, take - k, w + len);
			len += 4;
		}
		memcpy(w + len, "?=", 2);
		len += 2;
		field_token(f, w, (size_t)len);
		i += take;
	}
}

/* Printable ASCII with no "=?" (which a reader would try to decode). */
static int
plain_ascii(const char *s, size_t maxword)
{
	size_t word = 0;

	for (; *s; s++) {
		if (*s < 0x20 || *s > 0x7E)
			return 0;
		if (s[0] == '=' && s[1] == '?')
			return 0;
		word = *s == ' ' ? 0 : word + 1;
		if (word > maxword)
			return 0;
	}
	return 1;
}

/* Words of s as tokens; runs of spaces kept, as unfolding gives them. */
static void
field_words(struct mime_field *f, const char *s)
{
	const char *p = s, *q;

	while (*p == ' ')
		p++;
	while (*p != '\0') {
		q = p;
		while (*q != '\0' && *q != ' ')
			q++;
		/* The spaces after a word but the last go with it. */
		while (q[0] == ' ' && q[1] == ' ')
			q++;
		field_token(f, p, (size_t)(q - p));
		p = *q == ' ' ? q + 1 : q;
		if (*p == ' ' && *(p + 1) == '\0')
			break;
	}
}

void
mime_field_text(struct out *o, const char *name, const char *value)
{
	struct mime_field f;

	field_start(&f, o, name);
	if (plain_ascii(value, MIME_LINE - 2 - strlen(name) - 2))
		field_words(&f, value);
	else
		field_encoded(&f, value);
	out_putc(o, '\n');
}

/* RFC 5322 atext: what a word of a phrase or a dot-atom is made of. */
static int
atext(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || (c != '\0' &&
	    strchr("!#$%&'*+-/=?^_`{|}~", c) != NULL);
}

/* A display name: atoms as they are, else a quoted-string or encoded. */
static void
field_name(struct mime_field *f, const char *s)
{
	const char *p;
	char *q, *d;
	int atoms = 1;

	if (!plain_ascii(s, 40)) {
		field_encoded(f, s);
		return;
	}
	for (p = s; *p; p++)
		if (!atext((unsigned char)*p) && *p != ' ')
			atoms = 0;
	if (atoms && *s != ' ' && s[strlen(s) - 1] != ' ' &&
	    strstr(s, "  ") == NULL) {
		field_words(f, s);
		return;
	}
	q = d = xmalloc(2 * strlen(s) + 3);
	*d++ = '"';
	for (p = s; *p; p++) {
		if (*p == '"' || *p == '\\')
			*d++ = '\\';
		*d++ = *p;
	}
	*d++ = '"';
	*d = '\0';
	field_words(f, q);
	free(q);
}

void
mime_field_addrs(struct out *o, const char *name, const struct mime_addr *a,
    int n)
{
	struct mime_field f;
	char *spec;
	size_t len;
	int i;

	field_start(&f, o, name);
	for (i = 0; i < n; i++) {
		len = strlen(a[i].spec) + 4;
		spec = xmalloc(len);
		if (a[i].name != NULL && *a[i].name != '\0') {
			field_name(&f, a[i].name);
			snprintf(spec, len, "<%s>%s", a[i].spec,
			    i + 1 < n ? "," : "");
		} else
			snprintf(spec, len, "%s%s", a[i].spec,
			    i + 1 < n ? "," : "");
		field_token(&f, spec, strlen(spec));
		free(spec);
	}
	out_putc(o, '\n');
}

/* ---- parsing addresses ---- */

/* local@domain: a dot-atom, then a host name or a domain literal. */
static const char *
check_spec(const char *s)
{
	const char *at = strrchr(s, '@'), *p;
	size_t n = strlen(s);

	for (p = s; *p; p++)
		if ((unsigned char)*p >= 0x80)
			return "a non-ASCII address needs SMTPUTF8, which a "
			    "7-bit message cannot carry (write the domain "
			    "in its xn-- form)";
	if (at == NULL || at == s || at[1] == '\0')
		return "not an address (local@domain)";
	if (n > MIME_ADDR_MAX)
		return "address longer than 254 characters";
	for (p = s; p < at; p++)
		if (!(atext((unsigned char)*p) || (*p == '.' && p > s &&
		    p[1] != '.' && p + 1 < at)))
			return "not an address: the part before @ may have "
			    "letters, digits, dots and !#$%&'*+-/=?^_`{|}~";
	p = at + 1;
	if (*p == '[') {
		if (s[n - 1] != ']' || strlen(p) < 3 || strcspn(p + 1, "[]\\ ") != strlen(p) - 2)
			return "not an address: bad domain literal";
		return NULL;
	}
	for (; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || (*p == '-' && p[-1] != '.' &&
		    p[1] != '.' && p[1] != '\0' && p[-1] != '@') ||
		    (*p == '.' && p[-1] != '@' && p[1] != '.' &&
		    p[1] != '\0')))
			return "not an address: the domain may have letters, "
			    "digits, hyphens and dots";
	return NULL;
}

static char *
trimmed(const char *s, size_t n)
{
	while (n > 0 && *s == ' ')
		s++, n--;
	while (n > 0 && s[n - 1] == ' ')
		n--;
	return xstrndup(s, n);
}

/* One address of s[0..n): "spec", "name <spec>", "\"name\" <spec>". */
static const char *
parse_one(const char *s, size_t n, struct mime_addr *a)
{
	char *t = trimmed(s, n), *lt, *name, *d;
	const char *err, *p;
	size_t len = strlen(t);

	a->name = NULL;
	if (len == 0) {
		free(t);
		return "empty address";
	}
	if (t[len - 1] != '>') {
		if (strpbrk(t, "<>\" ,;:()") != NULL) {
			free(t);
			return "not an address (local@domain, or "
			    "Name <local@domain>)";
		}
		a->spec = t;
		return check_spec(t);
	}
	if ((lt = strrchr(t, '<')) == NULL) {
		free(t);
		return "'>' without '<'";
	}
	t[len - 1] = '\0';
	a->spec = xstrdup(lt + 1);
	*lt = '\0';
	name = trimmed(t, strlen(t));
	free(t);
	len = strlen(name);
	if (len >= 2 && name[0] == '"' && name[len - 1] == '"') {
		/* A quoted-string: its escapes undone. */
		for (p = name + 1, d = name; p < name + len - 1; p++) {
			if (*p == '\\' && p + 1 < name + len - 1)
				p++;
			else if (*p == '"') {
				free(name);
				return "unescaped '\"' in a quoted name";
			}
			*d++ = *p;
		}
		*d = '\0';
	} else if (strpbrk(name, "\"<>") != NULL) {
		free(name);
		return "a name with '\"', '<' or '>' must be quoted";
	}
	a->name = name;
	if ((err = check_spec(a->spec)) != NULL)
		return err;
	return NULL;
}

const char *
mime_parse_addrs(const char *s, struct mime_addr **list, int *n)
{
	const char *p = s, *start = s, *err;
	int quoted = 0, angle = 0;

	if ((err = mime_check_text(s)) != NULL)
		return err;
	for (;; p++) {
		if (*p == '\\' && quoted && p[1] != '\0') {
			p++;
			continue;
		}
		if (*p == '"')
			quoted = !quoted;
		else if (!quoted && *p == '<')
			angle = 1;
		else if (!quoted && *p == '>')
			angle = 0;
		if (*p != '\0' && (*p != ',' || quoted || angle))
			continue;
		*list = xreallocarray(*list, (size_t)*n + 1, sizeof(**list));
		memset(&(*list)[*n], 0, sizeof(**list));
		err = parse_one(start, (size_t)(p - start), &(*list)[(*n)++]);
		if (err != NULL)
			return err;
		if (*p == '\0')
			break;
		start = p + 1;
	}
	return quoted ? "unbalanced '\"'" : NULL;
}
