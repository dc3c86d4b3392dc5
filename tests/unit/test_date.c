/*
 * Unit tests for common/date.c.  Expected values from a calendar:
 * 2026-01-01 is a Thursday, so 2026 has 53 ISO weeks.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "date.h"

static pm_day
day(const char *s)
{
	pm_day d = 0;

	assert_int_equal(date_parse_iso(s, strlen(s), &d), 0);
	return d;
}

static void
day_numbers(void **state)
{
	char buf[DATE_BUFSIZE];

	(void)state;
	assert_int_equal(day("1970-01-01"), 0);
	assert_int_equal(day("2000-03-01"), 11017);
	assert_int_equal(day("1969-12-31"), -1);
	assert_string_equal(date_format(20415, buf), "2025-11-23");
	assert_string_equal(date_format(day("2024-02-29"), buf), "2024-02-29");
	assert_int_equal(iso_weekday(day("2026-11-23")), 1);
	assert_int_equal(iso_weekday(day("2026-11-22")), 7);
}

static void
iso_dates_validated(void **state)
{
	pm_day d;
	const char *bad[] = { "2026-02-31", "2025-02-29", "2026-13-01",
	    "2026-00-10", "2026-2-01", "2026/02/01", "26-02-01", "2026-02-01T",
	    "", "abcd-ef-gh", "2026-04-31" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(date_parse_iso(bad[i], strlen(bad[i]), &d), -1);
	assert_int_equal(days_in_month(1900, 2), 28);
	assert_int_equal(days_in_month(2000, 2), 29);
}

static void
iso_weeks(void **state)
{
	int y, w;

	(void)state;
	iso_week(day("2026-12-31"), &y, &w);
	assert_int_equal(y, 2026);
	assert_int_equal(w, 53);
	iso_week(day("2027-01-01"), &y, &w);
	assert_int_equal(y, 2026);
	assert_int_equal(w, 53);
	iso_week(day("2027-01-04"), &y, &w);
	assert_int_equal(y, 2027);
	assert_int_equal(w, 1);
	iso_week(day("2024-12-30"), &y, &w);
	assert_int_equal(y, 2025);
	assert_int_equal(w, 1);
	iso_week(day("2026-11-23"), &y, &w);
	assert_int_equal(w, 48);
}

static void
period_keys(void **state)
{
	struct period_cfg c = { P_MONTH, 1 };
	char buf[PERIOD_BUFSIZE];

	(void)state;
	assert_string_equal(period_key(&c, period_start(&c, day("2026-11-23")),
	    buf), "2026-11");
	c.type = P_DAY;
	assert_string_equal(period_key(&c, day("2026-11-23"), buf),
	    "2026-11-23");
	c.type = P_WEEK;
	assert_int_equal(period_start(&c, day("2027-01-01")), day("2026-12-28"));
	assert_string_equal(period_key(&c, day("2026-12-28"), buf), "2026-W53");
	c.type = P_QUARTER;
	assert_string_equal(period_key(&c, period_start(&c, day("2026-11-23")),
	    buf), "2026-Q4");
	assert_int_equal(period_start(&c, day("2026-11-23")), day("2026-10-01"));
	c.type = P_YEAR;
	assert_string_equal(period_key(&c, period_start(&c, day("2026-11-23")),
	    buf), "2026");
}

static void
fiscal_keys(void **state)
{
	struct period_cfg c = { P_QUARTER, 2 };
	char buf[PERIOD_BUFSIZE];

	(void)state;
	/* Fiscal year starting in February: FY2027 = Feb 2026 .. Jan 2027. */
	assert_int_equal(period_start(&c, day("2026-04-30")), day("2026-02-01"));
	assert_string_equal(period_key(&c, day("2026-02-01"), buf), "FY2027-Q1");
	assert_int_equal(period_start(&c, day("2026-01-31")), day("2025-11-01"));
	assert_string_equal(period_key(&c, day("2025-11-01"), buf), "FY2026-Q4");
	assert_int_equal(period_days(&c, day("2026-11-01")), 92);
	c.type = P_YEAR;
	assert_int_equal(period_start(&c, day("2027-01-15")), day("2026-02-01"));
	assert_string_equal(period_key(&c, day("2026-02-01"), buf), "FY2027");
	assert_int_equal(period_days(&c, day("2026-02-01")), 365);
	c.fiscal_start = 7;
	c.type = P_QUARTER;
	assert_string_equal(period_key(&c, period_start(&c, day("2026-11-23")),
	    buf), "FY2027-Q2");
}

static void
period_arithmetic(void **state)
{
	struct period_cfg c = { P_MONTH, 1 };
	char buf[PERIOD_BUFSIZE];

	(void)state;
	assert_int_equal(period_days(&c, day("2024-02-01")), 29);
	assert_string_equal(period_key(&c, period_prev(&c, day("2026-01-01")),
	    buf), "2025-12");
	assert_int_equal(period_next(&c, day("2026-12-01")), day("2027-01-01"));
	c.type = P_QUARTER;
	assert_int_equal(period_days(&c, day("2026-01-01")), 90);
	c.type = P_YEAR;
	assert_int_equal(period_days(&c, day("2024-01-01")), 366);
	c.type = P_WEEK;
	assert_string_equal(period_key(&c, period_prev(&c, day("2027-01-04")),
	    buf), "2026-W53");
	assert_int_equal(period_days(&c, day("2027-01-04")), 7);
}

static void
parse_keys(void **state)
{
	pm_day a, b;

	(void)state;
	assert_int_equal(period_parse_key("2026-Q4", 1, &a, &b), 0);
	assert_int_equal(a, day("2026-10-01"));
	assert_int_equal(b, day("2026-12-31"));
	assert_int_equal(period_parse_key("2026-W53", 1, &a, &b), 0);
	assert_int_equal(a, day("2026-12-28"));
	assert_int_equal(b, day("2027-01-03"));
	assert_int_equal(period_parse_key("2025-W53", 1, &a, &b), -1);
	assert_int_equal(period_parse_key("2026-02", 1, &a, &b), 0);
	assert_int_equal(b, day("2026-02-28"));
	assert_int_equal(period_parse_key("2026", 1, &a, &b), 0);
	assert_int_equal(a, day("2026-01-01"));
	assert_int_equal(b, day("2026-12-31"));
	assert_int_equal(period_parse_key("2026-11-23", 1, &a, &b), 0);
	assert_int_equal(a, b);
	assert_int_equal(period_parse_key("FY2027-Q1", 2, &a, &b), 0);
	assert_int_equal(a, day("2026-02-01"));
	assert_int_equal(b, day("2026-04-30"));
	assert_int_equal(period_parse_key("FY2027-Q4", 2, &a, &b), 0);
	assert_int_equal(a, day("2026-11-01"));
	assert_int_equal(b, day("2027-01-31"));
	assert_int_equal(period_parse_key("FY2027", 2, &a, &b), 0);
	assert_int_equal(b, day("2027-01-31"));
	assert_int_equal(period_parse_key("FY2027", 1, &a, &b), -1);
	assert_int_equal(period_parse_key("2026-13", 1, &a, &b), -1);
	assert_int_equal(period_parse_key("2026-Q5", 1, &a, &b), -1);
	assert_int_equal(period_parse_key("2026-02-30", 1, &a, &b), -1);
	assert_int_equal(period_parse_key("*", 1, &a, &b), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(day_numbers),
		cmocka_unit_test(iso_dates_validated),
		cmocka_unit_test(iso_weeks),
		cmocka_unit_test(period_keys),
		cmocka_unit_test(fiscal_keys),
		cmocka_unit_test(period_arithmetic),
		cmocka_unit_test(parse_keys),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
