/*
 * Unit tests for pm-ingest's amount parsing.  Expected values are the
 * amounts as a person reads them, in 1/10000 units.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "amount.h"

static void
expect(const char *s, int comma, int64_t want, const char *cur)
{
	struct amount a;

	if (amount_parse(s, strlen(s), comma, &a) != AMT_OK)
		fail_msg("'%s' not read", s);
	if (a.v != want)
		fail_msg("'%s': %lld, expected %lld", s, (long long)a.v,
		    (long long)want);
	assert_string_equal(a.cur, cur);
}

static void
invalid(const char *s, int comma)
{
	struct amount a;

	if (amount_parse(s, strlen(s), comma, &a) != AMT_INVALID)
		fail_msg("'%s' should be invalid", s);
}

static void
amounts(void **state)
{
	struct amount a;

	(void)state;
	expect("1234.5", 0, 12345000, "");
	expect("$1,234.50", 0, 12345000, "USD");
	expect("USD 485,000.00", 0, 4850000000, "USD");
	expect("485,000.00 USD", 0, 4850000000, "USD");
	expect("1.234,56 \xe2\x82\xac", 1, 12345600, "EUR");
	expect("\xe2\x82\xac 1.234,56", 1, 12345600, "EUR");
	expect("1 234,56", 1, 12345600, "");
	expect("1\xc2\xa0" "234,56", 1, 12345600, "");
	expect("(50.00)", 0, -500000, "");
	expect("($50.00)", 0, -500000, "USD");
	expect("-$50", 0, -500000, "USD");
	expect("$-50", 0, -500000, "USD");
	expect("USD -50", 0, -500000, "USD");
	expect("1,234", 0, 12340000, "");
	expect("1.234", 1, 12340000, "");
	expect("1,000,000", 0, 10000000000, "");
	expect("\xc2\xa3" "99", 0, 990000, "GBP");
	expect("eur 10", 0, 100000, "EUR");
	expect(" 7 ", 0, 70000, "");
	expect("0.5", 0, 5000, "");
	expect(".5", 0, 5000, "");
	assert_int_equal(amount_parse("", 0, 0, &a), AMT_EMPTY);
	assert_int_equal(amount_parse(" - ", 3, 0, &a), AMT_EMPTY);
	/* 2^63 / 10^4 is about 9.2e14: past it, too large, not a typo. */
	assert_int_equal(amount_parse("$99999999999999999999", 21, 0, &a),
	    AMT_RANGE);
	assert_int_equal(amount_parse("922337203685477", 15, 0, &a), AMT_OK);
	assert_int_equal(amount_parse("922337203685478", 15, 0, &a),
	    AMT_RANGE);
	expect("13884,00", 1, 138840000, "");
	expect("(1,200)", 0, -12000000, "");
	invalid("abc", 0);
	invalid("1,5", 0);		/* a decimal comma read as grouping */
	invalid("1.5", 1);
	invalid("12,34,567", 0);
	invalid("1,2345", 0);
	invalid("$", 0);
	invalid("1.2.3", 0);
	invalid("12 apples", 0);
	invalid("1,234.5.6", 0);
}

static void
evidence(void **state)
{
	(void)state;
	assert_int_equal(amount_decimal_evidence("1234.5", 6), DM_DOT);
	assert_int_equal(amount_decimal_evidence("1,234.50", 8), DM_DOT);
	assert_int_equal(amount_decimal_evidence("1.234,56", 8), DM_COMMA);
	assert_int_equal(amount_decimal_evidence("500,00 \xe2\x82\xac", 10),
	    DM_COMMA);
	assert_int_equal(amount_decimal_evidence("1,234", 5), DM_NONE);
	assert_int_equal(amount_decimal_evidence("1.234.567", 9), DM_COMMA);
	assert_int_equal(amount_decimal_evidence("1,234,567", 9), DM_DOT);
	assert_int_equal(amount_decimal_evidence("100", 3), DM_NONE);
}

static void
currencies(void **state)
{
	char cur[4];

	(void)state;
	assert_int_equal(currency_code("usd", 3, cur), 0);
	assert_string_equal(cur, "USD");
	assert_int_equal(currency_code(" \xe2\x82\xac ", 5, cur), 0);
	assert_string_equal(cur, "EUR");
	assert_int_equal(currency_code("dollars", 7, cur), -1);
	assert_int_equal(amount_currency("(USD 5)", 7, cur), 0);
	assert_string_equal(cur, "USD");
	assert_int_equal(amount_currency("5", 1, cur), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(amounts),
		cmocka_unit_test(evidence),
		cmocka_unit_test(currencies),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
