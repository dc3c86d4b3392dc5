/*
 * Lists of strings in one allocation each: a NULL-terminated vector of
 * pointers followed by the strings, released with a single free().
 */
#ifndef PM_STRV_H
#define PM_STRV_H

#include <stddef.h>

/*
 * An option's comma list ("calls, meetings") as its items, each trimmed
 * (trim.h); empty items are left out and counted in *nempty (when not
 * NULL).  *n is the number of items.
 */
char **strv_split(const char *s, size_t *n, size_t *nempty);
/* A copy of n fields (f[i] of length len[i], or strlen when len is NULL). */
char **strv_copy(char *const *f, const size_t *len, size_t n);
/* The number of strings in v. */
size_t strv_len(char *const *v);

#endif
