#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "err.h"
#include "num.h"
#include "out.h"

#define OUT_BUFSIZE (256 * 1024)

struct out {
	int fd;
	char *path;		/* final name for -o, else NULL */
	char *tmppath;		/* temporary name until out_close */
	char *buf;
	size_t len;
	int fields;		/* fields written in the current row */
	int safe_csv;		/* out_safe_csv(): text cells kept from formulas */
	/* out_mem(): fd is -1 and what is flushed piles up here. */
	char *mem;
	size_t memlen, memcap;
};

/*
 * The temporary files of the open -o outputs (pm-ingest has two: -o
 * and --rejects), removed on a failed exit.
 */
#define MAX_PENDING 8
static char *pending_tmp[MAX_PENDING];
static int registered;

static void
remove_pending(void)
{
	int i;

	for (i = 0; i < MAX_PENDING; i++)
		if (pending_tmp[i] != NULL)
			unlink(pending_tmp[i]);
}

static void
set_pending(const char *old, char *new)
{
	int i;

	for (i = 0; i < MAX_PENDING; i++)
		if (pending_tmp[i] == old) {
			pending_tmp[i] = new;
			return;
		}
}

struct out *
out_open(const char *path)
{
	struct out *o;
	const char *slash;
	mode_t mask;
	size_t dirlen;

	o = xcalloc(1, sizeof(*o));
	o->buf = xmalloc(OUT_BUFSIZE);
	/*
	 * A closed pipe must end the program quietly, whatever signal
	 * disposition the parent left us: see the EPIPE case in flush().
	 */
	signal(SIGPIPE, SIG_IGN);
	if (path == NULL || strcmp(path, "-") == 0) {
		o->fd = STDOUT_FILENO;
		return o;
	}
	o->path = xstrdup(path);
	slash = strrchr(path, '/');
	dirlen = slash != NULL ? (size_t)(slash - path) + 1 : 0;
	o->tmppath = xmalloc(dirlen + 32);
	memcpy(o->tmppath, path, dirlen);
	strcpy(o->tmppath + dirlen, ".pm-tmp.XXXXXX");
	if ((o->fd = mkstemp(o->tmppath)) == -1)
		pm_die(EX_CANTCREAT, "%s: cannot create: %s", path,
		    strerror(errno));
	mask = umask(0);
	umask(mask);
	/* mkstemp makes 0600; give the file the mode a plain > would. */
	(void)fchmod(o->fd, 0666 & ~mask);
	if (!registered++)
		atexit(remove_pending);
	set_pending(NULL, o->tmppath);
	return o;
}

static void
write_all(struct out *o, const char *p, size_t n)
{
	ssize_t w;

	if (o->fd == -1) {
		if (n == 0)
			return;
		if (n > o->memcap - o->memlen) {
			while (n > o->memcap - o->memlen)
				o->memcap = o->memcap ? o->memcap * 2 :
				    OUT_BUFSIZE;
			o->mem = xrealloc(o->mem, o->memcap + 1);
		}
		memcpy(o->mem + o->memlen, p, n);
		o->memlen += n;
		return;
	}
	while (n > 0) {
		w = write(o->fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EPIPE)
				exit(0);
			pm_die(EX_IOERR, "%s: write error: %s",
			    o->path != NULL ? o->path : "stdout",
			    strerror(errno));
		}
		p += w;
		n -= (size_t)w;
	}
}

static void
flush(struct out *o)
{
	write_all(o, o->buf, o->len);
	o->len = 0;
}

void
out_write(struct out *o, const char *s, size_t n)
{
	if (n > OUT_BUFSIZE - o->len) {
		flush(o);
		if (n >= OUT_BUFSIZE) {
			write_all(o, s, n);
			return;
		}
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
}

void
out_puts(struct out *o, const char *s)
{
	out_write(o, s, strlen(s));
}

void
out_putc(struct out *o, int c)
{
	char ch = (char)c;

	if (o->len == OUT_BUFSIZE)
		flush(o);
	o->buf[o->len++] = ch;
}

void
out_printf(struct out *o, const char *fmt, ...)
{
	va_list ap;
	char small[512], *big;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		pm_die(EX_SOFTWARE, "output formatting failed");
	if ((size_t)n < sizeof(small)) {
		out_write(o, small, (size_t)n);
		return;
	}
	big = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	out_write(o, big, (size_t)n);
	free(big);
}

void
out_close(struct out *o)
{
	flush(o);
	if (o->path != NULL) {
		if (fsync(o->fd) != 0 && errno != EINVAL && errno != EROFS)
			pm_die(EX_IOERR, "%s: %s", o->path, strerror(errno));
		if (close(o->fd) != 0)
			pm_die(EX_IOERR, "%s: %s", o->path, strerror(errno));
		if (rename(o->tmppath, o->path) != 0)
			pm_die(EX_CANTCREAT, "%s: cannot rename into place: %s",
			    o->path, strerror(errno));
		set_pending(o->tmppath, NULL);
		free(o->tmppath);
		free(o->path);
	}
	/* Messages already written to stderr are not ours to check. */
	free(o->buf);
	free(o);
}

void
out_discard(struct out *o)
{
	if (o->path == NULL) {
		flush(o);
	} else {
		close(o->fd);
		unlink(o->tmppath);
		set_pending(o->tmppath, NULL);
		free(o->tmppath);
		free(o->path);
	}
	free(o->buf);
	free(o);
}

struct out *
out_mem(void)
{
	struct out *o = xcalloc(1, sizeof(*o));

	o->fd = -1;
	o->buf = xmalloc(OUT_BUFSIZE);
	return o;
}

char *
out_mem_take(struct out *o, size_t *len)
{
	char *s;

	flush(o);
	s = o->mem != NULL ? o->mem : xmalloc(1);
	s[o->memlen] = '\0';
	*len = o->memlen;
	free(o->buf);
	free(o);
	return s;
}

static void
sep(struct out *o)
{
	if (o->fields++ > 0)
		out_putc(o, ',');
}

void
out_safe_csv(struct out *o, int on)
{
	o->safe_csv = on;
}

int
csv_is_formula(const char *s, size_t n)
{
	return n > 0 && (s[0] == '=' || s[0] == '+' || s[0] == '-' ||
	    s[0] == '@' || s[0] == '\t' || s[0] == '\r');
}

size_t
csv_format_field(const char *s, size_t n, int safe, char *buf)
{
	size_t i, o = 0;
	int guard = safe && csv_is_formula(s, n);

	for (i = 0; i < n; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
			break;
	if (i == n) {
		if (guard)
			buf[o++] = '\'';
		memcpy(buf + o, s, n);
		return o + n;
	}
	buf[o++] = '"';
	if (guard)
		buf[o++] = '\'';
	for (i = 0; i < n; i++) {
		if (s[i] == '"')
			buf[o++] = '"';
		buf[o++] = s[i];
	}
	buf[o++] = '"';
	return o;
}

/* A cell, guarded against formulas when guard is set. */
static void
put_cell(struct out *o, const char *s, size_t n, int guard)
{
	char small[512], *buf;
	size_t len;

	sep(o);
	buf = n <= (sizeof(small) - 2) / 2 ? small : xmalloc(2 * n + 2);
	len = csv_format_field(s, n, guard, buf);
	out_write(o, buf, len);
	if (buf != small)
		free(buf);
}

void
csv_put_fieldn(struct out *o, const char *s, size_t n)
{
	put_cell(o, s, n, o->safe_csv);
}

void
csv_put_field(struct out *o, const char *s)
{
	csv_put_fieldn(o, s, strlen(s));
}

void
csv_put_num(struct out *o, const char *s)
{
	put_cell(o, s, strlen(s), 0);
}

void
csv_put_fixed(struct out *o, int64_t v)
{
	char buf[NUM_BUFSIZE];

	sep(o);
	out_puts(o, fixed_format(v, 2, buf));
}

void
csv_put_double(struct out *o, double v, int decimals, int known)
{
	char buf[NUM_BUFSIZE];

	sep(o);
	if (known)
		out_puts(o, double_format(v, decimals, buf));
}

void
csv_put_long(struct out *o, long v)
{
	char buf[32];

	sep(o);
	snprintf(buf, sizeof(buf), "%ld", v);
	out_puts(o, buf);
}

void
csv_put_empty(struct out *o)
{
	sep(o);
}

void
csv_end_row(struct out *o)
{
	out_putc(o, '\n');
	o->fields = 0;
}

void
csv_put_row(struct out *o, const char *const *fields)
{
	for (; *fields != NULL; fields++)
		csv_put_field(o, *fields);
	csv_end_row(o);
}
