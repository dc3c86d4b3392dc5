/*
 * libFuzzer target: pm-ingest's messy date parsing.  No crash and no
 * read past the value; a date parsed under any order is a real day; an
 * order-free parse agrees with both orders; and evidence never points
 * to an order under which the value does not parse.
 */
/* fuzz-sources: cmd/pm-ingest/dates.c */
#include <stdint.h>
#include <string.h>

#include "../../cmd/pm-ingest/ingest.h"

static void
check_day(pm_day d)
{
	char buf[16];
	pm_day back;

	date_format(d, buf);
	if (date_parse_iso(buf, strlen(buf), &back) != 0 || back != d)
		__builtin_trap();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	static const enum dorder orders[] = { DO_UNKNOWN, DO_MDY, DO_DMY,
		DO_YMD };
	pm_day day[4];
	int rc[4], ev, i;
	enum dorder o;

	for (i = 0; i < 4; i++) {
		rc[i] = mdate_parse(s, size, orders[i], &day[i]);
		if (rc[i] == MD_OK)
			check_day(day[i]);
	}
	/* What parses without an order reads the same under any. */
	for (i = 1; i < 3 && rc[0] == MD_OK; i++)
		if (rc[i] == MD_OK && day[i] != day[0])
			__builtin_trap();
	ev = mdate_evidence(s, size);
	if (ev == EV_MDY && rc[1] != MD_OK)
		__builtin_trap();
	if (ev == EV_DMY && rc[2] != MD_OK)
		__builtin_trap();
	if (size < 8) {
		char buf[8];

		memcpy(buf, s, size);
		buf[size] = '\0';
		if (mdate_order_parse(buf, &o) == 0)
			(void)mdate_order_name(o);
	}
	return 0;
}
