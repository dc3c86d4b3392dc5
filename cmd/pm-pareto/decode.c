#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "decode.h"
#include "err.h"

#define DEC_CHUNK (256 * 1024)

struct dec {
	int fd;
	int eof;
	unsigned char *in, *out;
	size_t ilen, ipos, olen, opos;
	size_t converted;
};

/* Windows-1252 0x80..0x9f; the five unassigned bytes keep their C1 code. */
static const unsigned short cp1252_c1[32] = {
	0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
	0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178
};

struct dec *
dec_open(const char *path)
{
	struct dec *d;
	struct stat st;

	d = xcalloc(1, sizeof(*d));
	if (path == NULL || strcmp(path, "-") == 0)
		d->fd = STDIN_FILENO;
	else if ((d->fd = open(path, O_RDONLY)) == -1)
		pm_die(EX_NOINPUT, "%s: %s", path, strerror(errno));
	else if (fstat(d->fd, &st) == 0 && S_ISDIR(st.st_mode))
		pm_die(EX_NOINPUT, "%s: is a directory", path);
	d->in = xmalloc(DEC_CHUNK);
	/* Each input byte becomes at most 3 output bytes. */
	d->out = xmalloc(3 * DEC_CHUNK);
	return d;
}

void
dec_close(struct dec *d)
{
	if (d == NULL)
		return;
	if (d->fd > STDIN_FILENO)
		close(d->fd);
	free(d->in);
	free(d->out);
	free(d);
}

size_t
dec_converted(const struct dec *d)
{
	return d->converted;
}

/*
 * Length of the valid UTF-8 sequence at s: 1..4; 0 when it is invalid
 * (overlong, a surrogate, past U+10FFFF: the rules of csvin.c); -1 when
 * the n bytes end before it does.
 */
static int
seq_len(const unsigned char *s, size_t n)
{
	unsigned char c = s[0], lo = 0x80, hi = 0xbf;
	int len, i;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		len = 2;
	else if (c >= 0xe0 && c <= 0xef) {
		len = 3;
		lo = c == 0xe0 ? 0xa0 : 0x80;
		hi = c == 0xed ? 0x9f : 0xbf;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4;
		lo = c == 0xf0 ? 0x90 : 0x80;
		hi = c == 0xf4 ? 0x8f : 0xbf;
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

static size_t
put_cp1252(unsigned char c, unsigned char *o)
{
	unsigned cp = c < 0xa0 ? cp1252_c1[c - 0x80] : c;

	if (cp < 0x800) {
		o[0] = (unsigned char)(0xc0 | cp >> 6);
		o[1] = (unsigned char)(0x80 | (cp & 0x3f));
		return 2;
	}
	o[0] = (unsigned char)(0xe0 | cp >> 12);
	o[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
	o[2] = (unsigned char)(0x80 | (cp & 0x3f));
	return 3;
}

/* How many bytes at s are ASCII, eight at a time while it lasts. */
static size_t
ascii_run(const unsigned char *s, size_t n)
{
	uint64_t w;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		if (w & 0x8080808080808080ULL)
			break;
	}
	while (i < n && s[i] < 0x80)
		i++;
	return i;
}

/*
 * Converts d->in[ipos..ilen) into d->out, leaving a sequence cut off by
 * the end of the buffer for the next round unless the input has ended.
 */
static void
convert(struct dec *d)
{
	const unsigned char *s = d->in;
	unsigned char *o = d->out;
	size_t i = d->ipos, w = 0, run;
	int len;

	while (i < d->ilen) {
		run = ascii_run(s + i, d->ilen - i);
		memcpy(o + w, s + i, run);
		w += run;
		i += run;
		if (i == d->ilen)
			break;
		len = seq_len(s + i, d->ilen - i);
		if (len < 0 && !d->eof)
			break;
		if (len > 0) {
			memcpy(o + w, s + i, (size_t)len);
			w += (size_t)len;
			i += (size_t)len;
		} else {
			w += put_cp1252(s[i++], o + w);
			d->converted++;
		}
	}
	d->ipos = i;
	d->olen = w;
	d->opos = 0;
}

static int
refill(struct dec *d)
{
	ssize_t r;

	memmove(d->in, d->in + d->ipos, d->ilen - d->ipos);
	d->ilen -= d->ipos;
	d->ipos = 0;
	do
		r = read(d->fd, d->in + d->ilen, DEC_CHUNK - d->ilen);
	while (r < 0 && errno == EINTR);
	if (r < 0)
		return -1;
	if (r == 0)
		d->eof = 1;
	d->ilen += (size_t)r;
	return 0;
}

ssize_t
dec_read(void *ctx, char *buf, size_t n)
{
	struct dec *d = ctx;
	size_t k;

	while (d->opos == d->olen) {
		if (d->eof && d->ipos == d->ilen)
			return 0;
		if (!d->eof && refill(d) != 0)
			return -1;
		convert(d);
	}
	k = d->olen - d->opos < n ? d->olen - d->opos : n;
	memcpy(buf, d->out + d->opos, k);
	d->opos += k;
	return (ssize_t)k;
}
