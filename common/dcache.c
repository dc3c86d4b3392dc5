#include <stdint.h>
#include <string.h>

#include "dcache.h"
#include "hash.h"

static size_t
slot(const char *s, size_t n)
{
	return (size_t)hash_bytes(s, n) & (DCACHE_SLOTS - 1);
}

int
dcache_get(const struct dcache *c, const char *s, size_t n, int *rc,
    pm_day *day)
{
	const struct dcache_slot *e;

	/* The empty string is not cached: a zeroed slot would match it. */
	if (n == 0 || n >= DCACHE_LEN)
		return 0;
	e = &c->e[slot(s, n)];
	if (e->len != n || memcmp(e->s, s, n) != 0)
		return 0;
	*rc = e->rc;
	*day = e->day;
	return 1;
}

void
dcache_put(struct dcache *c, const char *s, size_t n, int rc, pm_day day)
{
	struct dcache_slot *e;

	if (n == 0 || n >= DCACHE_LEN)
		return;
	e = &c->e[slot(s, n)];
	e->len = (unsigned char)n;
	memcpy(e->s, s, n);
	e->rc = (signed char)rc;
	e->day = day;
}
