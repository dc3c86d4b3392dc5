/* Unit tests for common/dcache.c: the cache of parsed dates. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "dcache.h"

static void
dcache_remembers(void **state)
{
	struct dcache *c = calloc(1, sizeof(*c));
	pm_day day = 0;
	int rc = 0;

	(void)state;
	assert_false(dcache_get(c, "2026-11-20", 10, &rc, &day));
	dcache_put(c, "2026-11-20", 10, 0, 20412);
	assert_true(dcache_get(c, "2026-11-20", 10, &rc, &day));
	assert_int_equal(rc, 0);
	assert_int_equal(day, 20412);
	/* A prefix or another string is a miss. */
	assert_false(dcache_get(c, "2026-11-2", 9, &rc, &day));
	assert_false(dcache_get(c, "2026-11-21", 10, &rc, &day));
	/* Failures are remembered too. */
	dcache_put(c, "31/02/2026", 10, -3, 0);
	assert_true(dcache_get(c, "31/02/2026", 10, &rc, &day));
	assert_int_equal(rc, -3);
	free(c);
}

static void
dcache_leaves_out_empty_and_long(void **state)
{
	struct dcache *c = calloc(1, sizeof(*c));
	char longs[DCACHE_LEN + 1];
	pm_day day = 7;
	int rc = 7;

	(void)state;
	/* A zeroed slot must not pass for a cached empty string. */
	assert_false(dcache_get(c, "", 0, &rc, &day));
	dcache_put(c, "", 0, 1, 1);
	assert_false(dcache_get(c, "", 0, &rc, &day));
	memset(longs, '1', DCACHE_LEN);
	dcache_put(c, longs, DCACHE_LEN, 1, 1);
	assert_false(dcache_get(c, longs, DCACHE_LEN, &rc, &day));
	dcache_put(c, longs, DCACHE_LEN - 1, 2, 9);
	assert_true(dcache_get(c, longs, DCACHE_LEN - 1, &rc, &day));
	assert_int_equal(day, 9);
	assert_int_equal(rc, 7 - 5);
	free(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(dcache_remembers),
		cmocka_unit_test(dcache_leaves_out_empty_and_long),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
