/*
 * Unit tests for the log split of a revenue change (cmd/pm-report/
 * change.c, SPEC section 15).  Expected shares worked out with Python's
 * math.log: 42,000 to 29,400 with 5 to 3 deals (SPEC's example, both
 * factors moving): deals (29400 - 42000) x ln(3/5) / ln(0.7) =
 * -18045.5705, average deal (8,400 to 9,800) -12600 x ln(9800/8400) /
 * ln(0.7) = +5445.5705; they add up to -12,600.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "scores.h"
#include "../../cmd/pm-report/report.h"
#include "../../cmd/pm-report/model.h"

static void
both_factors_move(void **state)
{
	double bd, ba;

	(void)state;
	assert_true(change_split(42000, 29400, 5, 3, &bd, &ba));
	assert_true(fabs(bd - -18045.5705) < 0.001);
	assert_true(fabs(ba - 5445.5705) < 0.001);
	assert_true(fabs(bd + ba - -12600) < 1e-6);
}

/* The same deals, 8,000 to 10,000: all of it is the average deal. */
static void
one_factor_moves(void **state)
{
	double bd, ba;

	(void)state;
	assert_true(change_split(8000, 10000, 4, 4, &bd, &ba));
	assert_true(fabs(bd) < 1e-9);
	assert_true(fabs(ba - 2000) < 1e-6);
	/* The same average deal (2,000), 3 to 5 deals: all the deals. */
	assert_true(change_split(6000, 10000, 3, 5, &bd, &ba));
	assert_true(fabs(bd - 4000) < 1e-6);
	assert_true(fabs(ba) < 1e-9);
}

/* No logarithm of zero, and nothing to split when nothing changed. */
static void
nothing_to_split(void **state)
{
	double bd = 1, ba = 1;

	(void)state;
	assert_false(change_split(0, 5000, 0, 1, &bd, &ba));
	assert_false(change_split(5000, 0, 1, 0, &bd, &ba));
	assert_false(change_split(5000, 5000, 1, 2, &bd, &ba));
	assert_false(change_split(5000, 6000, 0, 2, &bd, &ba));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(both_factors_move),
		cmocka_unit_test(one_factor_moves),
		cmocka_unit_test(nothing_to_split),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
