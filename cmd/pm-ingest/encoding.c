/*
 * Charset conversion for the readers.  The file is read in blocks and
 * pushed through iconv; an incomplete sequence at the end of a block
 * waits for the next one, an invalid one becomes U+FFFD.
 */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "err.h"
#include "ingest.h"

#define INBUF (64 * 1024)

struct encr {
	int fd;
	off_t start;
	iconv_t cd;		/* (iconv_t)-1: no conversion */
	int unit;		/* bytes skipped past an invalid sequence */
	char *in;
	size_t inoff, inlen;
	int eof;
	size_t replaced;
};

const char *
enc_sniff_bom(const unsigned char *buf, size_t n, size_t *skip)
{
	*skip = 0;
	if (n >= 2 && buf[0] == 0xff && buf[1] == 0xfe) {
		*skip = 2;
		return "UTF-16LE";
	}
	if (n >= 2 && buf[0] == 0xfe && buf[1] == 0xff) {
		*skip = 2;
		return "UTF-16BE";
	}
	return NULL;
}

int
enc_known(const char *charset)
{
	iconv_t cd = iconv_open("UTF-8", charset);

	if (cd == (iconv_t)-1)
		return 0;
	iconv_close(cd);
	return 1;
}

struct encr *
encr_open(int fd, off_t start, const char *charset)
{
	struct encr *e;

	e = xcalloc(1, sizeof(*e));
	e->fd = fd;
	e->start = start;
	e->cd = (iconv_t)-1;
	e->unit = 1;
	if (charset != NULL) {
		e->cd = iconv_open("UTF-8", charset);
		if (e->cd == (iconv_t)-1) {
			free(e);
			return NULL;
		}
		if (strncasecmp(charset, "UTF-16", 6) == 0 ||
		    strncasecmp(charset, "UCS-2", 5) == 0)
			e->unit = 2;
		else if (strncasecmp(charset, "UTF-32", 6) == 0)
			e->unit = 4;
		e->in = xmalloc(INBUF);
	}
	encr_rewind(e);
	return e;
}

void
encr_rewind(struct encr *e)
{
	if (lseek(e->fd, e->start, SEEK_SET) == (off_t)-1)
		pm_die(EX_IOERR, "cannot rewind an input: %s", strerror(errno));
	e->inoff = e->inlen = 0;
	e->eof = 0;
	e->replaced = 0;
	if (e->cd != (iconv_t)-1)
		iconv(e->cd, NULL, NULL, NULL, NULL);
}

static ssize_t
raw_read(int fd, char *buf, size_t n)
{
	ssize_t r;

	do
		r = read(fd, buf, n);
	while (r < 0 && errno == EINTR);
	return r;
}

static int
refill(struct encr *e)
{
	ssize_t r;

	memmove(e->in, e->in + e->inoff, e->inlen - e->inoff);
	e->inlen -= e->inoff;
	e->inoff = 0;
	while (!e->eof && e->inlen < INBUF) {
		r = raw_read(e->fd, e->in + e->inlen, INBUF - e->inlen);
		if (r < 0)
			return -1;
		if (r == 0)
			e->eof = 1;
		e->inlen += (size_t)r;
	}
	return 0;
}

ssize_t
encr_read(void *ctx, char *buf, size_t n)
{
	struct encr *e = ctx;
	char *ip, *op = buf;
	size_t il, ol = n, skip;

	if (e->cd == (iconv_t)-1)
		return raw_read(e->fd, buf, n);
	while (op == buf) {
		if (e->inlen - e->inoff < INBUF / 2 && !e->eof &&
		    refill(e) != 0)
			return -1;
		if (e->inoff == e->inlen)
			return 0;
		ip = e->in + e->inoff;
		il = e->inlen - e->inoff;
		if (iconv(e->cd, &ip, &il, &op, &ol) == (size_t)-1) {
			if (errno == E2BIG && op == buf)
				return -1;	/* n too small: never here */
			if (errno == EILSEQ || (errno == EINVAL && e->eof)) {
				if (ol < 3)
					break;
				memcpy(op, "\xef\xbf\xbd", 3);
				op += 3;
				ol -= 3;
				skip = (size_t)e->unit < il ? (size_t)e->unit : il;
				ip += skip;
				e->replaced++;
			}
		}
		e->inoff = (size_t)(ip - e->in);
	}
	return op - buf;
}

size_t
encr_replaced(const struct encr *e)
{
	return e->replaced;
}

void
encr_close(struct encr *e)
{
	if (e == NULL)
		return;
	if (e->cd != (iconv_t)-1)
		iconv_close(e->cd);
	free(e->in);
	free(e);
}
