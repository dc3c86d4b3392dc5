/* Diagnostics and exit codes shared by every tool. */
#ifndef PM_ERR_H
#define PM_ERR_H

#include <stddef.h>
#include <sysexits.h>

extern const char *pm_prog;	/* set by pm_setprog() from argv[0] */
/*
 * Set by a tool's -q: the common readers keep their notes about the
 * data (csvin's text after a closing quote) to themselves.
 */
extern int pm_quiet;

/*
 * What every tool does first: names the program after argv[0] (getopt
 * then uses the short name too) and opens /dev/null on a closed fd 0,
 * 1 or 2, so that no message or output lands in a file opened later.
 */
void pm_setprog(char *argv[]);
/* Prints "prog: message" on standard error and exits with code. */
_Noreturn void pm_die(int code, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Prints "prog: file:line: message" (line 0: "file: ") and exits with code. */
_Noreturn void pm_die_at(int code, const char *file, long line,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Prints "prog: message" on standard error and goes on. */
void pm_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints "prog: file:line: message" and goes on. */
void pm_warn_at(const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* A bad command line: the message (fmt may be NULL), a hint, exit 64. */
_Noreturn void pm_usage_error(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
/* -V: prints "prog (pm-tools) VERSION" and exits 0. */
_Noreturn void pm_version(void);

/* malloc(3) that exits 70 when memory runs out. */
void *xmalloc(size_t n);
/* calloc(3) that exits 70 when memory runs out. */
void *xcalloc(size_t n, size_t size);
/* realloc(3) that exits 70 when memory runs out. */
void *xrealloc(void *p, size_t n);
/* realloc of n * size bytes, exit 70 on overflow or no memory. */
void *xreallocarray(void *p, size_t n, size_t size);
/* strdup(3) that exits 70 when memory runs out. */
char *xstrdup(const char *s);
/* A copy of the n bytes at s, NUL-terminated; exits 70 if no memory. */
char *xstrndup(const char *s, size_t n);

#endif
