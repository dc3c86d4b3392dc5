#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "sanitise.h"

#ifndef PM_VERSION
#define PM_VERSION "0.1.0"
#endif

const char *pm_prog = "pm-tools";
int pm_quiet;

/*
 * A closed fd 0, 1 or 2 would be handed to the next file opened: -o
 * FILE would get our messages (2>&-) or a tool's standard output.
 * /dev/null there first, as the BSDs' crt0 and setuid programs do.
 */
static void
open_std_fds(void)
{
	int fd;

	for (fd = 0; fd <= 2; fd++)
		if (fcntl(fd, F_GETFD) == -1 && errno == EBADF &&
		    open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY) != fd)
			_exit(EX_OSERR);
}

void
pm_setprog(char *argv[])
{
	char *slash;

	open_std_fds();

	if (argv[0] == NULL || *argv[0] == '\0')
		return;
	slash = strrchr(argv[0], '/');
	if (slash != NULL)
		argv[0] = slash + 1;
	/* The name is in every message, "Try ..." and -V too: made safe. */
	argv[0][san_copy(argv[0], argv[0], strlen(argv[0]))] = '\0';
	pm_prog = argv[0];
}

/*
 * One line on stderr, "prog: file:line: message", written at once.
 * The whole line goes through san_copy(): file names and the data
 * quoted in messages must not drive the terminal (sanitise.h).  No
 * xmalloc here: "out of memory" itself comes this way.
 */
static void
vmsg(const char *file, long line, const char *fmt, va_list ap)
{
	char small[2048], *buf = small, *big;
	size_t cap = sizeof(small), n;
	int len;
	va_list aq;

	if (file != NULL && line > 0)
		len = snprintf(small, cap, "%s: %s:%ld: ", pm_prog, file, line);
	else if (file != NULL)
		len = snprintf(small, cap, "%s: %s: ", pm_prog, file);
	else
		len = snprintf(small, cap, "%s: ", pm_prog);
	n = len < 0 ? 0 : strlen(small);
	va_copy(aq, ap);
	len = vsnprintf(small + n, cap - n, fmt, aq);
	va_end(aq);
	/* A longer line in memory of its own; without it, its start. */
	if (len >= 0 && (size_t)len >= cap - n - 1 &&
	    (big = malloc(n + (size_t)len + 2)) != NULL) {
		memcpy(big, small, n);
		vsnprintf(big + n, (size_t)len + 1, fmt, ap);
		buf = big;
	}
	n = san_copy(buf, buf, strlen(buf));
	buf[n++] = '\n';
	fwrite(buf, 1, n, stderr);
	if (buf != small)
		free(buf);
}

void
pm_die(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(NULL, 0, fmt, ap);
	va_end(ap);
	exit(code);
}

void
pm_die_at(int code, const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(file, line, fmt, ap);
	va_end(ap);
	exit(code);
}

void
pm_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(NULL, 0, fmt, ap);
	va_end(ap);
}

void
pm_warn_at(const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(file, line, fmt, ap);
	va_end(ap);
}

void
pm_usage_error(const char *fmt, ...)
{
	va_list ap;

	if (fmt != NULL) {
		va_start(ap, fmt);
		vmsg(NULL, 0, fmt, ap);
		va_end(ap);
	}
	fprintf(stderr, "Try '%s --help' for more information.\n", pm_prog);
	exit(EX_USAGE);
}

void
pm_version(void)
{
	printf("%s (pm-tools) %s\n", pm_prog, PM_VERSION);
	if (fflush(stdout) != 0 || ferror(stdout))
		exit(EX_IOERR);
	exit(0);
}

void *
xmalloc(size_t n)
{
	void *p;

	if ((p = malloc(n == 0 ? 1 : n)) == NULL)
		pm_die(EX_SOFTWARE, "out of memory");
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p;

	if ((p = calloc(n == 0 ? 1 : n, size == 0 ? 1 : size)) == NULL)
		pm_die(EX_SOFTWARE, "out of memory");
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	if ((p = realloc(p, n == 0 ? 1 : n)) == NULL)
		pm_die(EX_SOFTWARE, "out of memory");
	return p;
}

void *
xreallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		pm_die(EX_SOFTWARE, "out of memory");
	return xrealloc(p, n * size);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p;

	p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
