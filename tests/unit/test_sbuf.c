/* Unit tests for common/sbuf.c: strings built with printf formats. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "sbuf.h"

static void
sbuf_appends(void **state)
{
	struct sbuf b = SBUF_INIT;
	char *s;

	(void)state;
	sbuf_printf(&b, "%s", "");
	assert_non_null(b.p);
	assert_int_equal(b.n, 0);
	sbuf_printf(&b, "rank %d of %zu", 2, (size_t)5);
	sbuf_printf(&b, "; %s", "x");
	assert_int_equal(b.n, 14);
	s = sbuf_take(&b);
	assert_string_equal(s, "rank 2 of 5; x");
	assert_null(b.p);
	assert_int_equal(b.n, 0);
	free(s);
	/* Nothing added: an empty string, not NULL. */
	s = sbuf_take(&b);
	assert_string_equal(s, "");
	free(s);
}

static void
sbuf_grows_past_any_buffer(void **state)
{
	struct sbuf b = SBUF_INIT;
	char big[5000];
	int i;

	(void)state;
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	for (i = 0; i < 3; i++)
		sbuf_printf(&b, "%s|", big);
	assert_int_equal(b.n, 3 * 5000);
	assert_int_equal(strlen(b.p), 3 * 5000);
	assert_int_equal(b.p[4999], '|');
	assert_int_equal(b.p[3 * 5000 - 1], '|');
	free(sbuf_take(&b));
}

static void
sbuf_fmt_new_string(void **state)
{
	char *s;

	(void)state;
	s = sbuf_fmt("%s: %05.1f%%", "pace", 7.26);
	assert_string_equal(s, "pace: 007.3%");
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sbuf_appends),
		cmocka_unit_test(sbuf_grows_past_any_buffer),
		cmocka_unit_test(sbuf_fmt_new_string),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
