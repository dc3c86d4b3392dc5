/* Unit tests for common/num.c: exact fixed-point parsing and formatting. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "num.h"

static int64_t
parse(const char *s)
{
	int64_t v = 0;

	assert_int_equal(fixed_parse(s, strlen(s), &v), NUM_OK);
	return v;
}

static void
fixed_parse_plain(void **state)
{
	(void)state;
	assert_int_equal(parse("0"), 0);
	assert_int_equal(parse("12"), 120000);
	assert_int_equal(parse("-12.5"), -125000);
	assert_int_equal(parse("+3.25"), 32500);
	assert_int_equal(parse(".5"), 5000);
	assert_int_equal(parse("7."), 70000);
	assert_int_equal(parse(" 42 "), 420000);
	assert_int_equal(parse("1234.5678"), 12345678);
	/* The fifth decimal rounds half away from zero. */
	assert_int_equal(parse("0.00005"), 1);
	assert_int_equal(parse("0.00004"), 0);
	assert_int_equal(parse("-0.00005"), -1);
}

static void
fixed_parse_rejects(void **state)
{
	int64_t v;
	const char *bad[] = { "", " ", "-", ".", "12abc", "1,000", "1e3",
	    "$5", "1.2.3", "nan", "inf", "0x10", "--1", "1 2" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(fixed_parse(bad[i], strlen(bad[i]), &v),
		    NUM_INVALID);
	assert_int_equal(fixed_parse("99999999999999999999", 20, &v),
	    NUM_RANGE);
}

/*
 * The edges of the range: INT64_MAX / 10000 = 922337203685477.5807 is
 * the largest value; one unit (0.0001) more, or a digit more, is
 * NUM_RANGE.  1844674407370956 * 10000 is past 2^64 and once wrapped to
 * 8384 (0.8384).
 */
static void
fixed_parse_range(void **state)
{
	int64_t v = 7;
	const char *over[] = { "922337203685477.5808", "-922337203685477.5808",
	    "922337203685478", "1844674407370956", "1844674407370956.5",
	    "9223372036854775807", "922337203685477.58075",
	    "18446744073709551616", "1000000000000000" };
	size_t i;

	(void)state;
	assert_true(parse("922337203685477.5807") == INT64_MAX);
	assert_true(parse("-922337203685477.5807") == -INT64_MAX);
	assert_true(parse("922337203685477") == 9223372036854770000);
	assert_true(parse("922337203685477.58074") == INT64_MAX);
	assert_true(parse("0000000000000000000000001") == 10000);
	for (i = 0; i < sizeof(over) / sizeof(over[0]); i++) {
		assert_int_equal(fixed_parse(over[i], strlen(over[i]), &v),
		    NUM_RANGE);
		assert_true(v == 7);
	}
	/* Too big and not a number: not a number. */
	assert_int_equal(fixed_parse("99999999999999999999x", 21, &v),
	    NUM_INVALID);
}

static void
fixed_format_money(void **state)
{
	char buf[NUM_BUFSIZE];

	(void)state;
	assert_string_equal(fixed_format(0, 2, buf), "0");
	assert_string_equal(fixed_format(120000, 2, buf), "12");
	assert_string_equal(fixed_format(125000, 2, buf), "12.5");
	assert_string_equal(fixed_format(123400, 2, buf), "12.34");
	/* 12.345 -> 12.35 and -12.345 -> -12.35: half away from zero. */
	assert_string_equal(fixed_format(123450, 2, buf), "12.35");
	assert_string_equal(fixed_format(-123450, 2, buf), "-12.35");
	assert_string_equal(fixed_format(123449, 2, buf), "12.34");
	/* A value that rounds to zero is never "-0". */
	assert_string_equal(fixed_format(-40, 2, buf), "0");
	assert_string_equal(fixed_format(-50, 2, buf), "-0.01");
	assert_string_equal(fixed_format(1, 4, buf), "0.0001");
	assert_string_equal(fixed_format(19999, 0, buf), "2");
	assert_string_equal(fixed_format(INT64_MAX, 2, buf),
	    "922337203685477.58");
	assert_string_equal(fixed_format(INT64_MAX, 4, buf),
	    "922337203685477.5807");
	assert_string_equal(fixed_format(-INT64_MAX, 4, buf),
	    "-922337203685477.5807");
	assert_string_equal(fixed_format(-INT64_MAX, 0, buf),
	    "-922337203685478");
	assert_string_equal(fixed_format(-10000, 4, buf), "-1");
	assert_string_equal(fixed_format(-1005, 4, buf), "-0.1005");
	assert_string_equal(fixed_format(0, 4, buf), "0");
}

static void
fixed_sum_overflow(void **state)
{
	int64_t acc = INT64_MAX - 1;

	(void)state;
	assert_int_equal(fixed_add(&acc, 1), NUM_OK);
	assert_int_equal(fixed_add(&acc, 1), NUM_RANGE);
	assert_true(acc == INT64_MAX);
	/* Two 5e14 reps: 1e15 is past the range. */
	acc = 5000000000000000000;
	assert_int_equal(fixed_add(&acc, 5000000000000000000), NUM_RANGE);
	assert_true(acc == 5000000000000000000);
	/* The negative edge is -INT64_MAX, not INT64_MIN. */
	acc = -INT64_MAX + 1;
	assert_int_equal(fixed_add(&acc, -1), NUM_OK);
	assert_true(acc == -INT64_MAX);
	assert_int_equal(fixed_add(&acc, -1), NUM_RANGE);
	assert_int_equal(fixed_add(&acc, INT64_MAX), NUM_OK);
	assert_true(acc == 0);
	acc = 5;
	assert_int_equal(fixed_sub(&acc, 7), NUM_OK);
	assert_true(acc == -2);
	acc = -2;
	assert_int_equal(fixed_sub(&acc, INT64_MAX), NUM_RANGE);
	assert_true(acc == -2);
	acc = 0;
	assert_int_equal(fixed_sub(&acc, INT64_MIN), NUM_RANGE);
}

static void
fixed_mul_overflow(void **state)
{
	int64_t acc;

	(void)state;
	/* 3074457345618258 * 3 = 9223372036854774, 1 * 3 more is past. */
	acc = 3074457345618258;
	assert_int_equal(fixed_mul_int(&acc, 3), NUM_OK);
	assert_true(acc == 9223372036854774);
	acc = INT64_MAX / 3;	/* 3074457345618258602 */
	assert_int_equal(fixed_mul_int(&acc, 3), NUM_OK);
	assert_true(acc == 9223372036854775806);
	acc = INT64_MAX / 3 + 1;
	assert_int_equal(fixed_mul_int(&acc, 3), NUM_RANGE);
	assert_true(acc == INT64_MAX / 3 + 1);
	acc = -(INT64_MAX / 3 + 1);
	assert_int_equal(fixed_mul_int(&acc, -3), NUM_RANGE);
	acc = -20000;
	assert_int_equal(fixed_mul_int(&acc, -31), NUM_OK);
	assert_true(acc == 620000);
	acc = INT64_MAX;
	assert_int_equal(fixed_mul_int(&acc, 0), NUM_OK);
	assert_true(acc == 0);
}

static void
double_format_rounding(void **state)
{
	char buf[NUM_BUFSIZE];

	(void)state;
	assert_string_equal(double_format(62.25, 1, buf), "62.3");
	assert_string_equal(double_format(-62.25, 1, buf), "-62.3");
	assert_string_equal(double_format(100, 1, buf), "100.0");
	assert_string_equal(double_format(2.0 / 3.0 * 100, 1, buf), "66.7");
	assert_string_equal(double_format(-0.04, 1, buf), "0.0");
	assert_string_equal(double_format(1.005, 2, buf), "1.01");
	assert_string_equal(double_format(0.25, 3, buf), "0.250");
	assert_string_equal(double_format(1e15, 1, buf), "1000000000000000.0");
}

static void
double_parse_strict(void **state)
{
	double v;

	(void)state;
	assert_int_equal(double_parse("62.5", 4, &v), NUM_OK);
	assert_true(v == 62.5);
	assert_int_equal(double_parse("-1e2", 4, &v), NUM_OK);
	assert_true(v == -100);
	assert_int_equal(double_parse("nan", 3, &v), NUM_INVALID);
	assert_int_equal(double_parse("0x1p3", 5, &v), NUM_INVALID);
	assert_int_equal(double_parse("", 0, &v), NUM_INVALID);
	assert_int_equal(double_parse("1,5", 3, &v), NUM_INVALID);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fixed_parse_plain),
		cmocka_unit_test(fixed_parse_rejects),
		cmocka_unit_test(fixed_parse_range),
		cmocka_unit_test(fixed_format_money),
		cmocka_unit_test(fixed_sum_overflow),
		cmocka_unit_test(fixed_mul_overflow),
		cmocka_unit_test(double_format_rounding),
		cmocka_unit_test(double_parse_strict),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
