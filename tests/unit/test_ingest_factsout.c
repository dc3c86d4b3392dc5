/*
 * Unit tests for pm-ingest's printf-free writers: they must agree with
 * common/num.c (fixed_format to 2 decimals) and common/date.c
 * (date_format, for the years 0001..9999 that parsed dates have) on
 * every value tried (the CSV cells are common/out.c's, tested in test_out.c).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "num.h"
#include "../../cmd/pm-ingest/ingest.h"

static void
fixed_agrees(void **state)
{
	static const int64_t edge[] = { 0, 1, 49, 50, 51, -49, -50, -51, 99,
		100, 150, 10000, -10000, 12345000, 4850000000, -500000,
		INT64_MAX, INT64_MIN + 1, 995, -995, 9950, 10049 };
	char want[NUM_BUFSIZE], got[NUM_BUFSIZE];
	size_t i, n;
	int64_t v;

	(void)state;
	for (i = 0; i < sizeof(edge) / sizeof(edge[0]); i++) {
		n = factsout_fixed2(edge[i], got);
		got[n] = '\0';
		assert_string_equal(got, fixed_format(edge[i], 2, want));
	}
	for (v = -200000; v <= 200000; v += 7) {
		n = factsout_fixed2(v, got);
		got[n] = '\0';
		if (strcmp(got, fixed_format(v, 2, want)) != 0)
			fail_msg("%lld: %s, expected %s", (long long)v, got, want);
	}
}

static void
dates_agree(void **state)
{
	char want[DATE_BUFSIZE], got[16];
	pm_day d;

	(void)state;
	/* Every year a date can be written with: 0001..9999. */
	for (d = ymd_to_day(1, 1, 1); d <= ymd_to_day(9999, 12, 31); d += 97) {
		factsout_date(d, got);
		got[10] = '\0';
		if (strcmp(got, date_format(d, want)) != 0)
			fail_msg("day %ld: %s, expected %s", (long)d, got, want);
		factsout_date(d, got);	/* again, from the memo */
		assert_string_equal(got, want);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fixed_agrees),
		cmocka_unit_test(dates_agree),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
