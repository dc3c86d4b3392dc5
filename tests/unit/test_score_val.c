/*
 * Unit tests for pm-score's exact values (cmd/pm-score/val.c): n / d
 * compared without rounding, and divisions rounded half away from zero.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "../../cmd/pm-score/score.h"

static void
rounding_half_away_from_zero(void **state)
{
	(void)state;
	assert_true(val_rdiv(5, 2) == 3);	/* 2.5 */
	assert_true(val_rdiv(-5, 2) == -3);
	assert_true(val_rdiv(7, 3) == 2);	/* 2.33 */
	assert_true(val_rdiv(-7, 3) == -2);
	assert_true(val_rdiv(8, 3) == 3);	/* 2.67 */
	assert_true(val_rdiv(0, 9) == 0);
	/* Beyond 64 bits: (2^70 + 1) / 2 = 2^69 + 0.5, up to 2^69 + 1. */
	assert_true(val_rdiv(((__int128)1 << 70) + 1, 2) ==
	    ((__int128)1 << 69) + 1);
}

static void
exact_comparison(void **state)
{
	(void)state;
	/* 1/3 < 333333333/999999998 (= 1/3 + a little), both not doubles. */
	assert_true(val_cmp(val_make(1, 3), val_make(333333333, 999999998)) < 0);
	assert_true(val_cmp(val_make(2, 6), val_make(1, 3)) == 0);
	assert_true(val_cmp(val_make(-1, 2), val_make(-1, 3)) < 0);
	assert_true(val_cmp(val_make(7, 2), val_make(3, 1)) > 0);
	/* d = 0 is unknown; a double in steps of 1e-9: 0.1 is 1/10 exactly. */
	assert_false(val_make(1, 0).known);
	assert_false(val_unknown().known);
	assert_true(val_cmp(val_of_double(0.1), val_make(1, 10)) == 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rounding_half_away_from_zero),
		cmocka_unit_test(exact_comparison),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
