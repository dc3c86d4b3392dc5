/*
 * libFuzzer target: number, date and period-key parsing.  Whatever
 * parses must format back to something that parses to the same value.
 */
#include <stdint.h>
#include <string.h>

#include "date.h"
#include "num.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	char buf[NUM_BUFSIZE], key[256];
	int64_t v, back;
	double d;
	pm_day day, first, last;
	struct period_cfg c;

	if (fixed_parse(s, size, &v) == NUM_OK) {
		fixed_format(v, 4, buf);
		if (fixed_parse(buf, strlen(buf), &back) != NUM_OK || back != v)
			__builtin_trap();
		fixed_format(v, 2, buf);
	}
	if (double_parse(s, size, &d) == NUM_OK)
		double_format(d, 3, buf);
	if (date_parse_iso(s, size, &day) == 0) {
		date_format(day, buf);
		if (memcmp(buf, s, 10) != 0)
			__builtin_trap();
	}
	if (size > 0 && size < sizeof(key)) {
		memcpy(key, s + 1, size - 1);
		key[size - 1] = '\0';
		c.fiscal_start = data[0] % 12 + 1;
		if (period_parse_key(key, c.fiscal_start, &first, &last) == 0) {
			if (last < first)
				__builtin_trap();
			c.type = P_DAY;
			period_key(&c, first, buf);
		}
	}
	return 0;
}
