/*
 * Unit tests for pm-ingest's messy date parsing.  Expected days come
 * from date_parse_iso on the date a person reads in each value.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "../../cmd/pm-ingest/ingest.h"

static pm_day
iso(const char *s)
{
	pm_day d = 0;

	assert_int_equal(date_parse_iso(s, strlen(s), &d), 0);
	return d;
}

static void
expect(const char *s, enum dorder o, const char *want)
{
	pm_day d = -99999;
	int rc = mdate_parse(s, strlen(s), o, &d);

	if (rc != MD_OK)
		fail_msg("'%s': rc %d, expected %s", s, rc, want);
	assert_int_equal(d, iso(want));
}

static void
expect_rc(const char *s, enum dorder o, int want)
{
	pm_day d;

	if (mdate_parse(s, strlen(s), o, &d) != want)
		fail_msg("'%s': expected rc %d", s, want);
}

static void
forms(void **state)
{
	(void)state;
	expect("2026-03-01", DO_UNKNOWN, "2026-03-01");
	expect("2026-03-01T14:05:09Z", DO_UNKNOWN, "2026-03-01");
	expect("2026-03-01T23:59:59.123+05:30", DO_UNKNOWN, "2026-03-01");
	expect("2026-03-01T10:00:00.000+0000", DO_UNKNOWN, "2026-03-01");
	expect("2026-03-01 09:15", DO_UNKNOWN, "2026-03-01");
	expect("2026/3/1", DO_UNKNOWN, "2026-03-01");
	expect("3/15/2026", DO_MDY, "2026-03-15");
	expect("15/3/2026", DO_DMY, "2026-03-15");
	expect("3/4/2026", DO_MDY, "2026-03-04");
	expect("3/4/2026", DO_DMY, "2026-04-03");
	expect("3/4/26", DO_MDY, "2026-03-04");
	expect("12/31/99", DO_MDY, "1999-12-31");
	expect("3/14/2026 2:30 PM", DO_MDY, "2026-03-14");
	expect("3/14/2026 12:00 a.m.", DO_MDY, "2026-03-14");
	expect("15.03.2026", DO_UNKNOWN, "2026-03-15");
	expect("1.2.2026 09:15", DO_MDY, "2026-02-01");
	expect("01-Mar-2026", DO_UNKNOWN, "2026-03-01");
	expect("1 March 2026", DO_UNKNOWN, "2026-03-01");
	expect("Mar 1, 2026", DO_UNKNOWN, "2026-03-01");
	expect("September 30 2026", DO_UNKNOWN, "2026-09-30");
	expect("Sept 30, 2026", DO_UNKNOWN, "2026-09-30");
	expect("March 1st, 2026", DO_UNKNOWN, "2026-03-01");
	expect("Mar 22nd 2026 10:00AM", DO_UNKNOWN, "2026-03-22");
	expect("Jan 11th, 2026", DO_UNKNOWN, "2026-01-11");
	expect("  2026-03-01 ", DO_UNKNOWN, "2026-03-01");
	expect("26/03/15", DO_YMD, "2026-03-15");
}

static void
rejects(void **state)
{
	(void)state;
	expect_rc("", DO_MDY, MD_EMPTY);
	expect_rc("   ", DO_MDY, MD_EMPTY);
	expect_rc("2026-02-31", DO_MDY, MD_INVALID);
	expect_rc("2/31/2026", DO_MDY, MD_INVALID);
	expect_rc("31.02.2026", DO_MDY, MD_INVALID);
	expect_rc("25/03/2026", DO_MDY, MD_CONTRA);
	expect_rc("03/25/2026", DO_DMY, MD_CONTRA);
	expect_rc("3/4/2026", DO_UNKNOWN, MD_AMBIG);
	expect_rc("13/14/2026", DO_MDY, MD_INVALID);
	expect_rc("next week", DO_MDY, MD_INVALID);
	expect_rc("2026-03-01T25:00", DO_MDY, MD_INVALID);
	expect_rc("3/14/2026 13:00 PM", DO_MDY, MD_INVALID);
	expect_rc("2026-03-01x", DO_MDY, MD_INVALID);
	expect_rc("Foo 1, 2026", DO_MDY, MD_INVALID);
	expect_rc("3/4/202", DO_MDY, MD_INVALID);
	expect_rc("003/4/2026", DO_MDY, MD_INVALID);
	expect_rc("3.15.2026", DO_MDY, MD_INVALID);
	expect_rc("Jan 11st, 2026", DO_MDY, MD_INVALID);
}

static void
evidence(void **state)
{
	(void)state;
	assert_int_equal(mdate_evidence("13/1/2026", 9), EV_DMY);
	assert_int_equal(mdate_evidence("1/13/2026", 9), EV_MDY);
	assert_int_equal(mdate_evidence("1/2/2026", 8), EV_AMBIG);
	assert_int_equal(mdate_evidence("2/2/2026", 8), EV_NONE);
	assert_int_equal(mdate_evidence("2026-01-13", 10), EV_NONE);
	assert_int_equal(mdate_evidence("31/2/2026", 9), EV_BAD);
	assert_int_equal(mdate_evidence("x", 1), EV_BAD);
	assert_int_equal(mdate_evidence("", 0), EV_NONE);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(forms),
		cmocka_unit_test(rejects),
		cmocka_unit_test(evidence),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
