/*
 * libFuzzer target: pm-ingest's amount parsing.  No crash and no read
 * past the value; a parsed amount has a currency that is empty or
 * three capital letters, and the currency found without the number is
 * the one found with it.
 */
#include <stdint.h>
#include <string.h>

#include "amount.h"

static void
check_cur(const char cur[4])
{
	int i;

	if (cur[0] == '\0')
		return;
	for (i = 0; i < 3; i++)
		if (cur[i] < 'A' || cur[i] > 'Z')
			__builtin_trap();
	if (cur[3] != '\0')
		__builtin_trap();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	struct amount a;
	char cur[4], named[4];
	int comma, rc, has;

	memset(named, 0x5a, sizeof(named));
	has = amount_currency(s, size, named) == 0;
	if (has)
		check_cur(named);
	for (comma = 0; comma < 2; comma++) {
		memset(&a, 0x5a, sizeof(a));
		rc = amount_parse(s, size, comma, &a);
		if (rc != AMT_OK)
			continue;
		check_cur(a.cur);
		if (a.cur[0] != '\0' && (!has || strcmp(a.cur, named) != 0))
			__builtin_trap();
	}
	(void)amount_decimal_evidence(s, size);
	memset(cur, 0x5a, sizeof(cur));
	if (currency_code(s, size, cur) == 0)
		check_cur(cur);
	return 0;
}
