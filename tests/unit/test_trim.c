/* Unit tests for common/trim.c: the one white-space rule. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "trim.h"

static size_t
trimmed(const char *s, const char **out)
{
	*out = s;
	return trim_span(out, strlen(s));
}

static void
trim_both_ends(void **state)
{
	const char *t;

	(void)state;
	assert_int_equal(trimmed(" \tAnn Lee\r\n", &t), 7);
	assert_memory_equal(t, "Ann Lee", 7);
	assert_int_equal(trimmed("Ann", &t), 3);
	assert_int_equal(trimmed("", &t), 0);
	assert_int_equal(trimmed(" \t \r\n", &t), 0);
}

static void
trim_keeps_inner_and_other_bytes(void **state)
{
	const char *t;

	(void)state;
	/* Inner spaces stay; a vertical tab or NBSP is data, not space. */
	assert_int_equal(trimmed(" a  b ", &t), 4);
	assert_memory_equal(t, "a  b", 4);
	assert_int_equal(trimmed("\va\v", &t), 3);
	assert_int_equal(trimmed("\xc2\xa0x", &t), 3);
	assert_false(trim_is_space('\v'));
	assert_false(trim_is_space(0xa0));
	assert_true(trim_is_space('\r'));
}

static void
trim_only_within_n(void **state)
{
	const char *s = "  ab  cd", *t = s;

	(void)state;
	/* The first 5 bytes, "  ab ": what lies beyond n is not looked at. */
	assert_int_equal(trim_span(&t, 5), 2);
	assert_ptr_equal(t, s + 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(trim_both_ends),
		cmocka_unit_test(trim_keeps_inner_and_other_bytes),
		cmocka_unit_test(trim_only_within_n),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
