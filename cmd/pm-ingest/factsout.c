#include <string.h>

#include "ingest.h"

size_t
factsout_fixed2(int64_t v, char *buf)
{
	uint64_t a, whole, frac;
	char tmp[24];
	size_t o = 0;
	int k = 0;

	a = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	a = (a + 50) / 100;	/* cents, half away from zero */
	if (v < 0 && a != 0)
		buf[o++] = '-';
	whole = a / 100;
	frac = a % 100;
	do {
		tmp[k++] = (char)('0' + whole % 10);
		whole /= 10;
	} while (whole != 0);
	while (k > 0)
		buf[o++] = tmp[--k];
	if (frac != 0) {
		buf[o++] = '.';
		buf[o++] = (char)('0' + frac / 10);
		if (frac % 10 != 0)
			buf[o++] = (char)('0' + frac % 10);
	}
	return o;
}

size_t
factsout_date(pm_day day, char *buf)
{
	/* Facts fall on few distinct days: remember their text. */
	static struct {
		pm_day day;
		char s[10];
	} memo[256];
	static int ready;
	int y, m, d, k;

	if (!ready) {
		for (k = 0; k < 256; k++)
			memo[k].day = INT32_MIN;
		ready = 1;
	}
	k = (int)((uint32_t)day & 255);
	if (memo[k].day == day) {
		memcpy(buf, memo[k].s, 10);
		return 10;
	}
	day_to_ymd(day, &y, &m, &d);
	if (y < 0 || y > 9999) {
		/* Never from a parsed date; keep the width anyway. */
		memcpy(buf, "0000-00-00", 10);
		return 10;
	}
	buf[0] = (char)('0' + y / 1000);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + m / 10);
	buf[6] = (char)('0' + m % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + d / 10);
	buf[9] = (char)('0' + d % 10);
	memo[k].day = day;
	memcpy(memo[k].s, buf, 10);
	return 10;
}
