/*
 * Unit tests for common/curname and currency_code(): currencies by
 * their English ISO 4217 names, as Dynamics 365 writes them.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "amount.h"
#include "curname.h"

static void
names(void **state)
{
	static const struct {
		const char *s, *code;
	} cases[] = {
		{ "US Dollar", "USD" }, { "u.s. dollar", "USD" },
		{ "Euro", "EUR" }, { "EURO", "EUR" },
		{ "Pound Sterling", "GBP" }, { "Japanese Yen", "JPY" },
		{ "Yen", "JPY" }, { "Swiss Franc", "CHF" },
		{ "Canadian Dollar", "CAD" }, { "Australian Dollar", "AUD" },
		{ "Indian Rupee", "INR" }, { "Swedish Krona", "SEK" },
		{ "Yuan Renminbi", "CNY" }, { "Zloty", "PLN" },
	};
	char cur[4];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (curname_code(cases[i].s, strlen(cases[i].s), cur) != 0)
			fail_msg("'%s': not a currency", cases[i].s);
		assert_string_equal(cur, cases[i].code);
		/* currency_code() takes the names too, with spaces around. */
		assert_int_equal(currency_code(cases[i].s, strlen(cases[i].s),
		    cur), 0);
		assert_string_equal(cur, cases[i].code);
	}
	assert_int_equal(curname_code("Dollar", 6, cur), -1);
	assert_int_equal(curname_code("Quatloo", 7, cur), -1);
	assert_int_equal(curname_code("", 0, cur), -1);
	assert_int_equal(currency_code("  Euro ", 7, cur), 0);
	assert_string_equal(cur, "EUR");
	assert_int_equal(currency_code("usd", 3, cur), 0);
	assert_string_equal(cur, "USD");
	assert_int_equal(currency_code("\xe2\x82\xac", 3, cur), 0);
	assert_string_equal(cur, "EUR");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
