/*
 * delim_sniff: the separator of exports as Excel and the CRMs write
 * them, each case's answer read off its text by hand.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "delim.h"

static void
delimiters(void **state)
{
	static const struct {
		const char *text;
		unsigned char want;
	} cases[] = {
		{ "a,b,c\n1,2,3\n", ',' },
		{ "Deal Owner;Stage;Amount\nAnn;Won;1.234,56\nBo;Lost;5,5\n",
		    ';' },
		{ "a\tb\tc\r\n1\t2,5\t3\r\n", '\t' },
		{ "a|b|c\n1|2|3\n", '|' },
		{ "\"Report, weekly\"\n\n\"a\";\"b\";\"c\"\n1;2;3\n", ';' },
		{ "one column\nx\n", ',' },
		{ "sep=;\r\na,b;c\r\n1,5;2\r\n", ';' },
		{ "", ',' },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (delim_sniff(cases[i].text, strlen(cases[i].text)) !=
		    cases[i].want)
			fail_msg("case %zu: expected '%c'", i, cases[i].want);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(delimiters),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
