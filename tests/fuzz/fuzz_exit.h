/*
 * For fuzz targets that drive code which may end the program (a data
 * error is a normal outcome there, not a crash).  Linked with
 *   -Wl,--wrap=exit,--wrap=malloc,--wrap=calloc,--wrap=realloc,
 *   --wrap=free,--wrap=csv_free,--wrap=open,--wrap=close
 * a call to exit() inside FUZZ_RUN returns to the target, and what the
 * run allocated or opened and did not free or close is freed and
 * closed then, as the exit would have: no leak builds up over millions
 * of runs.  Outside a run every
 * call goes straight to the real function (libFuzzer ends by exit()).
 */
#ifndef FUZZ_EXIT_H
#define FUZZ_EXIT_H

#include <csv.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

void __real_exit(int);
void *__real_malloc(size_t);
void *__real_calloc(size_t, size_t);
void *__real_realloc(void *, size_t);
void __real_free(void *);
void __real_csv_free(struct csv_parser *);
int __real_open(const char *, int, ...);
int __real_close(int);

static jmp_buf fuzz_jb;
static volatile int fuzz_in_run;
static volatile int fuzz_status;

/* The blocks a run holds, most recent last. */
static void **fuzz_live;
static size_t fuzz_nlive, fuzz_caplive;

static void
fuzz_track(void *p)
{
	if (p == NULL || !fuzz_in_run)
		return;
	if (fuzz_nlive == fuzz_caplive) {
		fuzz_caplive = fuzz_caplive ? fuzz_caplive * 2 : 1024;
		fuzz_live = __real_realloc(fuzz_live,
		    fuzz_caplive * sizeof(*fuzz_live));
		if (fuzz_live == NULL)
			abort();
	}
	fuzz_live[fuzz_nlive++] = p;
}

static void
fuzz_untrack(void *p)
{
	size_t i;

	if (p == NULL)
		return;
	for (i = fuzz_nlive; i-- > 0; )
		if (fuzz_live[i] == p) {
			fuzz_live[i] = fuzz_live[--fuzz_nlive];
			return;
		}
}

/* The descriptors a run opened, as bits. */
static unsigned char fuzz_fds[1024 / 8];

int __wrap_open(const char *path, int flags, ...);
int __wrap_close(int fd);

int
__wrap_open(const char *path, int flags, ...)
{
	va_list ap;
	int fd, mode = 0;

	if (flags & O_CREAT) {
		va_start(ap, flags);
		mode = va_arg(ap, int);
		va_end(ap);
	}
	fd = __real_open(path, flags, mode);
	if (fd >= 0 && fd < 1024 && fuzz_in_run)
		fuzz_fds[fd / 8] |= 1 << fd % 8;
	return fd;
}

int
__wrap_close(int fd)
{
	if (fd >= 0 && fd < 1024)
		fuzz_fds[fd / 8] &= ~(1 << fd % 8);
	return __real_close(fd);
}

static void
fuzz_close_all(void)
{
	int fd;

	for (fd = 0; fd < 1024; fd++)
		if (fuzz_fds[fd / 8] & 1 << fd % 8)
			__wrap_close(fd);
}

void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);
void __wrap_free(void *p);
void __wrap_csv_free(struct csv_parser *p);
_Noreturn void __wrap_exit(int code);

void *
__wrap_malloc(size_t n)
{
	void *p = __real_malloc(n);

	fuzz_track(p);
	return p;
}

void *
__wrap_calloc(size_t n, size_t size)
{
	void *p = __real_calloc(n, size);

	fuzz_track(p);
	return p;
}

void *
__wrap_realloc(void *p, size_t n)
{
	void *q = __real_realloc(p, n);

	if (q != NULL) {
		fuzz_untrack(p);
		fuzz_track(q);
	}
	return q;
}

void
__wrap_free(void *p)
{
	fuzz_untrack(p);
	__real_free(p);
}

/* libcsv frees its buffer with its own reference to free(). */
void
__wrap_csv_free(struct csv_parser *p)
{
	if (p != NULL)
		fuzz_untrack(p->entry_buf);
	__real_csv_free(p);
}

_Noreturn void
__wrap_exit(int code)
{
	if (fuzz_in_run) {
		fuzz_status = code;
		longjmp(fuzz_jb, 1);
	}
	__real_exit(code);
	abort();
}

/* Runs stmt; fuzz_status is what it exited with, or -1. */
#define FUZZ_RUN(stmt) do {						\
	fuzz_status = -1;						\
	fuzz_nlive = 0;							\
	if (setjmp(fuzz_jb) == 0) {					\
		fuzz_in_run = 1;					\
		stmt;							\
	}								\
	fuzz_in_run = 0;						\
	if (fuzz_status != -1) {					\
		while (fuzz_nlive > 0)					\
			__real_free(fuzz_live[--fuzz_nlive]);		\
		fuzz_close_all();					\
	}								\
	fuzz_nlive = 0;							\
} while (0)


#endif
