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
#include "pending.h"

#define OUT_BUFSIZE (256 * 1024)

struct out {
	int fd;
	char *path;		/* -o FILE as given, else NULL */
	char *target;		/* the file replaced: FILE, or where its links lead */
	char *tmppath;		/* temporary until out_close; NULL: written directly */
	char *buf;
	size_t len;
	int fields;		/* fields written in the current row */
	int safe_csv;		/* out_safe_csv(): text cells kept from formulas */
	/* out_mem(): fd is -1 and what is flushed piles up here. */
	char *mem;
	size_t memlen, memcap;
};

#define MAX_LINKS 40

/*
 * The descriptor a name stands for: /dev/stdout, /dev/stderr,
 * /dev/fd/N, /proc/self/fd/N; else -1.  Such a name is the descriptor
 * itself, as a shell's `>` takes it: on Linux it is a link whose text
 * names a file the descriptor may hold in append mode (`>> log`), a
 * file since removed or a pipe, so it is written through the
 * descriptor, never replaced by what the link's text says.
 */
static int
fd_name(const char *p)
{
	const char *n;
	char *end;
	long fd;

	if (strcmp(p, "/dev/stdout") == 0)
		return STDOUT_FILENO;
	if (strcmp(p, "/dev/stderr") == 0)
		return STDERR_FILENO;
	if (strncmp(p, "/dev/fd/", 8) == 0)
		n = p + 8;
	else if (strncmp(p, "/proc/self/fd/", 14) == 0)
		n = p + 14;
	else
		return -1;
	if (*n < '0' || *n > '9')
		return -1;
	fd = strtol(n, &end, 10);
	return *end == '\0' && fd <= 1024 ? (int)fd : -1;
}

/*
 * The name a symbolic link leads to, through every link (the last one
 * may lead to a file not there yet, which `>` would create); path when
 * it is no link.  A relative link is relative to its own directory.
 */
static char *
resolve(const char *path)
{
	char *cur = xstrdup(path), *next, *lnk;
	const char *slash;
	struct stat st;
	ssize_t n;
	size_t dirlen;
	int hops;

	for (hops = 0; hops < MAX_LINKS; hops++) {
		if (fd_name(cur) >= 0 || lstat(cur, &st) != 0 ||
		    !S_ISLNK(st.st_mode))
			return cur;
		lnk = xmalloc((size_t)st.st_size + 2);
		n = readlink(cur, lnk, (size_t)st.st_size + 1);
		if (n < 0 || n > st.st_size) {
			free(lnk);
			return cur;	/* changed under us: take it as it is */
		}
		lnk[n] = '\0';
		slash = strrchr(cur, '/');
		if (lnk[0] == '/' || slash == NULL) {
			next = lnk;
		} else {
			dirlen = (size_t)(slash - cur) + 1;
			next = xmalloc(dirlen + (size_t)n + 1);
			memcpy(next, cur, dirlen);
			memcpy(next + dirlen, lnk, (size_t)n + 1);
			free(lnk);
		}
		free(cur);
		cur = next;
	}
	pm_die(EX_CANTCREAT, "%s: cannot create: %s", path, strerror(ELOOP));
}

/* Where a target is: the file itself, else its directory and name. */
struct where {
	dev_t dev;
	ino_t ino;
	int exists;
	char *name;		/* the last part, when it does not exist */
};

static int
locate(const char *path, struct where *w)
{
	struct stat st;
	char *t, *slash;
	int rc;

	memset(w, 0, sizeof(*w));
	if (path == NULL || strcmp(path, "-") == 0) {
		if (fstat(STDOUT_FILENO, &st) != 0)
			return -1;
		w->dev = st.st_dev;
		w->ino = st.st_ino;
		w->exists = 1;
		return 0;
	}
	/* The kernel follows every link, /dev/stdout's too. */
	if (stat(path, &st) == 0) {
		w->dev = st.st_dev;
		w->ino = st.st_ino;
		w->exists = 1;
		return 0;
	}
	t = resolve(path);
	slash = strrchr(t, '/');
	if (slash == NULL) {
		rc = stat(".", &st);
		w->name = xstrdup(t);
	} else {
		w->name = xstrdup(slash + 1);
		*(slash == t ? slash + 1 : slash) = '\0';
		rc = stat(t, &st);
	}
	free(t);
	w->dev = st.st_dev;
	w->ino = st.st_ino;
	return rc;
}

int
out_same(const char *a, const char *b)
{
	struct where wa, wb;
	int same;

	if (locate(a, &wa) != 0 || locate(b, &wb) != 0) {
		free(wa.name);
		free(wb.name);
		return 0;
	}
	same = wa.dev == wb.dev && wa.ino == wb.ino &&
	    wa.exists == wb.exists &&
	    (wa.exists || strcmp(wa.name, wb.name) == 0);
	free(wa.name);
	free(wb.name);
	return same;
}

/*
 * An existing target that is not a regular file (a character device
 * such as /dev/null, a FIFO, a terminal) is written directly, as `>`
 * writes it: replacing it with a regular file would break it for
 * every other user of that name.
 */
static void
open_direct(struct out *o)
{
	int fd = fd_name(o->target);

	if (fd >= 0) {
		if ((o->fd = dup(fd)) == -1)
			pm_die(EX_CANTCREAT, "%s: cannot open: %s", o->path,
			    strerror(errno));
		return;
	}
	do
		o->fd = open(o->target, O_WRONLY | O_TRUNC);
	while (o->fd == -1 && errno == EINTR);
	if (o->fd == -1)
		pm_die(EX_CANTCREAT, "%s: cannot open: %s", o->path,
		    strerror(errno));
}

/*
 * A regular file (or none yet) is replaced atomically: a temporary file
 * beside it, renamed over it by out_close.  Beside the target, not the
 * link, so that the link stays a link; with the target's permission
 * bits and, where we may, its owner and group, as `>` would keep them.
 */
static void
open_atomic(struct out *o, const struct stat *old)
{
	const char *slash;
	size_t dirlen;
	mode_t mask;

	slash = strrchr(o->target, '/');
	dirlen = slash != NULL ? (size_t)(slash - o->target) + 1 : 0;
	o->tmppath = xmalloc(dirlen + 32);
	memcpy(o->tmppath, o->target, dirlen);
	strcpy(o->tmppath + dirlen, ".pm-tmp.XXXXXX");
	if ((o->fd = pending_mkstemp(o->tmppath)) == -1)
		pm_die(EX_CANTCREAT, "%s: cannot create a temporary file "
		    "beside it: %s", o->path, strerror(errno));
	if (old != NULL) {
		if (fchown(o->fd, old->st_uid, old->st_gid) != 0)
			(void)fchown(o->fd, (uid_t)-1, old->st_gid);
		(void)fchmod(o->fd, old->st_mode & 07777);
		return;
	}
	mask = umask(0);
	umask(mask);
	/* mkstemp makes 0600; give the file the mode a plain > would. */
	(void)fchmod(o->fd, 0666 & ~mask);
}

struct out *
out_open(const char *path)
{
	struct out *o;
	struct stat st;

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
	/* As `> ""`: no such file, said before any work. */
	if (*path == '\0')
		pm_die(EX_CANTCREAT, "'': cannot create: %s", strerror(ENOENT));
	o->path = xstrdup(path);
	o->target = resolve(path);
	if (fd_name(o->target) >= 0)
		open_direct(o);
	else if (stat(o->target, &st) != 0)
		open_atomic(o, NULL);
	else if (S_ISDIR(st.st_mode))
		pm_die(EX_CANTCREAT, "%s: is a directory", path);
	else if (S_ISREG(st.st_mode)) {
		/* A write-protected file stays so, as `>` leaves it. */
		if (access(o->target, W_OK) != 0)
			pm_die(EX_CANTCREAT, "%s: cannot write: %s", path,
			    strerror(errno));
		open_atomic(o, &st);
	}
	else
		open_direct(o);
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

static void
free_out(struct out *o)
{
	free(o->tmppath);
	free(o->target);
	free(o->path);
	free(o->buf);
	free(o);
}

void
out_close(struct out *o)
{
	flush(o);
	if (o->tmppath != NULL) {
		if (fsync(o->fd) != 0 && errno != EINVAL && errno != EROFS)
			pm_die(EX_IOERR, "%s: %s", o->path, strerror(errno));
		if (close(o->fd) != 0)
			pm_die(EX_IOERR, "%s: %s", o->path, strerror(errno));
		if (rename(o->tmppath, o->target) != 0)
			pm_die(EX_CANTCREAT, "%s: cannot rename into place: %s",
			    o->path, strerror(errno));
		pending_forget(o->tmppath);
	} else if (o->path != NULL && close(o->fd) != 0) {
		pm_die(EX_IOERR, "%s: %s", o->path, strerror(errno));
	}
	/* Messages already written to stderr are not ours to check. */
	free_out(o);
}

void
out_discard(struct out *o)
{
	if (o->path == NULL) {
		flush(o);
	} else if (o->tmppath == NULL) {
		/* Written directly, as `>` writes: what is written stays. */
		flush(o);
		close(o->fd);
	} else {
		close(o->fd);
		unlink(o->tmppath);
		pending_forget(o->tmppath);
	}
	free_out(o);
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
