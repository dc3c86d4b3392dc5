/*
 * Opening inputs.  Each file is read twice, so a pipe or standard
 * input that is not a regular file is first copied to a temporary file
 * in $TMPDIR (else /tmp), unlinked at once so that nothing is left
 * behind whatever ends the run.  Named files are opened once per pass.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "err.h"
#include "ingest.h"
#include "pending.h"

static FILE *
spool_file(void)
{
	const char *dir = getenv("TMPDIR");
	char *path;
	size_t n;
	FILE *f;
	int fd;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	n = strlen(dir) + sizeof("/pm-ingest.XXXXXX");
	path = xmalloc(n);
	snprintf(path, n, "%s/pm-ingest.XXXXXX", dir);
	/* Listed until unlinked: a signal in between leaves nothing. */
	if ((fd = pending_mkstemp(path)) == -1)
		pm_die(EX_CANTCREAT, "cannot create a temporary file in %s: "
		    "%s", dir, strerror(errno));
	unlink(path);
	pending_forget(path);
	free(path);
	if ((f = fdopen(fd, "w+")) == NULL)
		pm_die(EX_CANTCREAT, "cannot create a temporary file: %s",
		    strerror(errno));
	return f;
}

static void
spool(struct input *in, int fd)
{
	char buf[65536];
	ssize_t n;

	in->spool = spool_file();
	for (;;) {
		do
			n = read(fd, buf, sizeof(buf));
		while (n < 0 && errno == EINTR);
		if (n < 0)
			pm_die(EX_IOERR, "%s: %s", in->name, strerror(errno));
		if (n == 0)
			break;
		if (fwrite(buf, 1, (size_t)n, in->spool) != (size_t)n)
			pm_die(EX_IOERR, "temporary file: %s", strerror(errno));
	}
	if (fflush(in->spool) != 0)
		pm_die(EX_IOERR, "temporary file: %s", strerror(errno));
	in->fd = fileno(in->spool);
}

void
input_open(struct input *in, const char *path)
{
	struct stat st;
	int fd;

	memset(in, 0, sizeof(*in));
	in->name = path;
	in->fc.name = path;
	if (strcmp(path, "-") == 0)
		fd = STDIN_FILENO;
	else if ((fd = open(path, O_RDONLY)) == -1)
		pm_die(EX_NOINPUT, "%s: %s", path, strerror(errno));
	if (fstat(fd, &st) != 0)
		pm_die(EX_NOINPUT, "%s: %s", path, strerror(errno));
	if (S_ISDIR(st.st_mode))
		pm_die(EX_NOINPUT, "%s: is a directory", path);
	if (S_ISREG(st.st_mode) && fd == STDIN_FILENO) {
		in->fd = fd;
		return;
	}
	if (S_ISREG(st.st_mode)) {
		in->reopen = 1;	/* by name, once for each pass */
		in->fd = -1;
		close(fd);
		return;
	}
	spool(in, fd);
	if (fd != STDIN_FILENO)
		close(fd);
}

void
input_reopen(struct input *in)
{
	if (!in->reopen)
		return;
	if ((in->fd = open(in->name, O_RDONLY)) == -1)
		pm_die(EX_NOINPUT, "%s: %s", in->name, strerror(errno));
}

void
input_close(struct input *in)
{
	if (in->reopen && in->fd >= 0) {
		close(in->fd);
		in->fd = -1;
	}
}

void
input_charset(const struct ingest *g, struct input *in)
{
	unsigned char b[4];
	ssize_t n;
	size_t skip;
	const char *cs;

	n = pread(in->fd, b, sizeof(b), 0);
	if (n < 0)
		pm_die(EX_IOERR, "%s: %s", in->name, strerror(errno));
	cs = enc_sniff_bom(b, (size_t)n, &skip);
	if (g->opt.encoding != NULL) {
		in->charset = g->opt.encoding;
		/*
		 * --encoding UTF-8 goes through iconv too: bad bytes become
		 * U+FFFD, as for any named charset, not a Windows-1252 guess.
		 */
		in->start = cs != NULL && strncasecmp(g->opt.encoding,
		    "UTF-16", 6) == 0 ? (off_t)skip : 0;
		return;
	}
	in->charset = cs;
	in->start = (off_t)skip;
}

void
input_done(struct input *in)
{
	input_close(in);
	if (in->spool != NULL)
		fclose(in->spool);
	in->spool = NULL;
}
