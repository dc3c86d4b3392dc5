#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "decode.h"
#include "err.h"
#include "utf8.h"

#define DEC_CHUNK (256 * 1024)

struct dec {
	int fd;
	int eof;
	unsigned char *in, *out;
	size_t ilen, ipos, olen, opos;
	size_t converted;
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
		len = utf8_seq_len(s + i, d->ilen - i);
		if (len < 0 && !d->eof)
			break;
		if (len > 0) {
			memcpy(o + w, s + i, (size_t)len);
			w += (size_t)len;
			i += (size_t)len;
		} else {
			w += utf8_from_cp1252(s[i++], (char *)o + w);
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
