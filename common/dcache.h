/*
 * A small cache of what short strings parsed to: a column of dates holds
 * few distinct values, so pm-ingest parses each one once.  Direct-mapped
 * (a slot per hash, the newest string wins), strings shorter than
 * DCACHE_LEN bytes.  Zeroed memory is an empty cache.
 */
#ifndef PM_DCACHE_H
#define PM_DCACHE_H

#include <stddef.h>

#include "date.h"

#define DCACHE_LEN 32
#define DCACHE_SLOTS 1024

struct dcache_slot {
	unsigned char len;
	signed char rc;
	char s[DCACHE_LEN];
	pm_day day;
};

struct dcache {
	struct dcache_slot e[DCACHE_SLOTS];
};

/* 1 with the rc and day remembered for s (length n), 0 when not cached. */
int dcache_get(const struct dcache *c, const char *s, size_t n, int *rc,
    pm_day *day);
/* Remembers that s parsed to rc and day (rc in -128..127). */
void dcache_put(struct dcache *c, const char *s, size_t n, int rc,
    pm_day day);

#endif
