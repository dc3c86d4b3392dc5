/* Unit tests for common/strv.c: comma lists and copies of fields. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "strv.h"

static void
split_trims_and_drops_empty(void **state)
{
	size_t n, empty;
	char **v;

	(void)state;
	v = strv_split(" calls, meetings ,,emails,", &n, &empty);
	assert_int_equal(n, 3);
	assert_int_equal(empty, 2);
	assert_string_equal(v[0], "calls");
	assert_string_equal(v[1], "meetings");
	assert_string_equal(v[2], "emails");
	assert_null(v[3]);
	assert_int_equal(strv_len(v), 3);
	free(v);
}

static void
split_edge_cases(void **state)
{
	size_t n, empty;
	char **v;

	(void)state;
	v = strv_split("", &n, &empty);
	assert_int_equal(n, 0);
	assert_int_equal(empty, 1);
	assert_null(v[0]);
	free(v);
	v = strv_split("revenue", &n, NULL);
	assert_int_equal(n, 1);
	assert_string_equal(v[0], "revenue");
	free(v);
	v = strv_split(" , \t,", &n, &empty);
	assert_int_equal(n, 0);
	assert_int_equal(empty, 3);
	free(v);
	/* Items are writable: -w cuts METRIC=WEIGHT in place. */
	v = strv_split("revenue=2,calls=1", &n, NULL);
	v[0][7] = '\0';
	assert_string_equal(v[0], "revenue");
	assert_string_equal(v[1], "calls=1");
	free(v);
}

static void
copy_fields(void **state)
{
	char *f[] = { "period", "rep", "" };
	size_t len[] = { 6, 2, 0 };
	char **v;

	(void)state;
	v = strv_copy(f, NULL, 3);
	assert_string_equal(v[0], "period");
	assert_string_equal(v[1], "rep");
	assert_string_equal(v[2], "");
	assert_null(v[3]);
	assert_ptr_not_equal(v[0], f[0]);
	free(v);
	/* With lengths: only that many bytes of each. */
	v = strv_copy(f, len, 3);
	assert_string_equal(v[1], "re");
	free(v);
	v = strv_copy(f, NULL, 0);
	assert_null(v[0]);
	free(v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(split_trims_and_drops_empty),
		cmocka_unit_test(split_edge_cases),
		cmocka_unit_test(copy_fields),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
