/*
 * Helpers of the unit tests: input from memory, records from strings,
 * files made from a string, files read back into one, a folder's
 * entries counted.  Static inline,
 * so that a test which does not use one has no unused function.
 */
#ifndef PM_TUTIL_H
#define PM_TUTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csvin.h"

/* Bytes from memory for csvr_open_fn(): s[0..len), step bytes a call. */
struct tu_mem {
	const char *s;
	size_t len, pos;
	size_t step;		/* 0: as many as asked for; else like a pipe */
};

/* A csv_read_fn over a struct tu_mem. */
static inline ssize_t
tu_mem_read(void *ctx, char *buf, size_t n)
{
	struct tu_mem *m = ctx;
	size_t k = m->len - m->pos;

	if (k > n)
		k = n;
	if (m->step != 0 && k > m->step)
		k = m->step;
	memcpy(buf, m->s + m->pos, k);
	m->pos += k;
	return (ssize_t)k;
}

/* A record made of strings, for the code that takes a struct csv_row. */
struct tu_row {
	struct csv_row r;
	char *f[16];
	size_t len[16];
};

/* w's record: the n (at most 16) fields f, on physical line `line`. */
static inline void
tu_mkrow(struct tu_row *w, char **f, size_t n, long line)
{
	size_t i;

	assert_true(n <= 16);
	for (i = 0; i < n; i++) {
		w->f[i] = f[i];
		w->len[i] = strlen(f[i]);
	}
	w->r.n = n;
	w->r.f = w->f;
	w->r.len = w->len;
	w->r.line = line;
}

/* A new file in /tmp holding text; its path, for the caller to free. */
static inline char *
tu_write_tmp(const char *text)
{
	char *path = strdup("/tmp/pm-unit.XXXXXX");
	size_t n = strlen(text);
	int fd;

	assert_non_null(path);
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, n), (ssize_t)n);
	assert_int_equal(close(fd), 0);
	return path;
}

/* Writes s to path, replacing what was there. */
static inline void
tu_put(const char *path, const char *s)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	assert_true(fputs(s, f) >= 0);
	assert_int_equal(fclose(f), 0);
}

/* The whole of path as a string, for the caller to free. */
static inline char *
tu_slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	size_t n = 0, cap = 4096, k;
	char *buf = malloc(cap);

	assert_non_null(f);
	assert_non_null(buf);
	while ((k = fread(buf + n, 1, cap - n - 1, f)) > 0) {
		n += k;
		if (cap - n - 1 == 0) {
			cap *= 2;
			buf = realloc(buf, cap);
			assert_non_null(buf);
		}
	}
	assert_false(ferror(f));
	fclose(f);
	buf[n] = '\0';
	return buf;
}

/* Asserts that path holds exactly text. */
static inline void
tu_assert_file(const char *path, const char *text)
{
	char *s = tu_slurp(path);

	assert_string_equal(s, text);
	free(s);
}

/* How many entries folder dir has (. and .. not counted). */
static inline int
tu_count_entries(const char *dir)
{
	char cmd[512], buf[32];
	FILE *p;

	snprintf(cmd, sizeof(cmd), "ls -A '%s' | wc -l", dir);
	p = popen(cmd, "r");
	assert_non_null(p);
	assert_non_null(fgets(buf, sizeof(buf), p));
	pclose(p);
	return atoi(buf);
}

#endif
