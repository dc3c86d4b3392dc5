/*
 * String interning: each distinct string gets a dense id 0, 1, 2, ...
 * The aggregators key their tables by these ids, so a row costs one hash
 * lookup per string column and no allocation once the string is known.
 * Hand-written because libc's hsearch(3) is a single global table that
 * cannot grow.
 */
#ifndef PM_INTERN_H
#define PM_INTERN_H

#include <stddef.h>
#include <stdint.h>

struct intern;

/* An empty table. */
struct intern *intern_new(void);
/* Releases t and its strings (NULL allowed). */
void intern_free(struct intern *t);
/* The id of s (length n), adding it when new. */
uint32_t intern_id(struct intern *t, const char *s, size_t n);
/* The id of s, or UINT32_MAX when it is not there. */
uint32_t intern_find(const struct intern *t, const char *s, size_t n);
/* The string of id (NUL-terminated), valid while t lives. */
const char *intern_str(const struct intern *t, uint32_t id);
/* The length of the string of id. */
size_t intern_len(const struct intern *t, uint32_t id);
/* How many strings t holds: ids are 0 to this minus 1. */
size_t intern_count(const struct intern *t);

#endif
