/* Diagnostics and exit codes shared by every tool. */
#ifndef PM_ERR_H
#define PM_ERR_H

#include <stddef.h>
#include <sysexits.h>

extern const char *pm_prog;	/* set by pm_setprog() from argv[0] */

/* Names the program after argv[0]; getopt then uses the short name too. */
void pm_setprog(char *argv[]);
_Noreturn void pm_die(int code, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
_Noreturn void pm_die_at(int code, const char *file, long line,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void pm_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void pm_warn_at(const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
_Noreturn void pm_usage_error(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
_Noreturn void pm_version(void);

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
