/*
 * Unit tests for pm-ingest's record conversion: rows of a generic
 * export to the facts of SPEC section 2, worked out by hand.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "num.h"
#include "tutil.h"
#include "../../cmd/pm-ingest/ingest.h"

static char *hdr[] = { "id", "owner", "stage", "amount", "created",
	"close_date", "account" };

static void
setup_ctx(struct filectx *fc)
{
	struct tu_row h;
	int f;

	memset(fc, 0, sizeof(*fc));
	tu_mkrow(&h, hdr, 7, 7);
	fc->name = "x.csv";
	fc->fmt = format_detect(&h.r, &fc->map);
	assert_non_null(fc->fmt);
	assert_string_equal(fc->fmt->name, "generic");
	fc->hdr = hdr;
	fc->hdr_n = 7;
	for (f = 0; f < NFIELD; f++)
		fc->order[f] = DO_MDY;
}

static void
won_deal(void **state)
{
	static char *f[] = { "D1", "  Dana   Reyes ", "Closed Won",
		"$1,200.50", "3/1/2026", "3/31/2026", "Acme" };
	struct filectx fc;
	struct rules ru;
	struct tu_row w;
	struct rec r;

	(void)state;
	memset(&ru, 0, sizeof(ru));
	setup_ctx(&fc);
	tu_mkrow(&w, f, 7, 7);
	assert_int_equal(record_convert(&fc, &ru, &w.r, &r), 0);
	assert_int_equal(r.outcome, O_WON);
	assert_string_equal(r.rep, "Dana Reyes");
	assert_string_equal(r.ref, "D1");
	assert_int_equal(r.nfacts, 5);
	assert_string_equal(r.facts[0].metric, "revenue");
	assert_int_equal(r.facts[0].value, 12005000);
	assert_int_equal(r.facts[0].day, ymd_to_day(2026, 3, 31));
	assert_string_equal(r.facts[1].metric, "deals_won");
	assert_string_equal(r.facts[2].metric, "cycle_days");
	assert_int_equal(r.facts[2].value, 30 * FIXED_SCALE);
	assert_string_equal(r.facts[3].metric, "opps_created");
	assert_int_equal(r.facts[3].day, ymd_to_day(2026, 3, 1));
	assert_string_equal(r.facts[4].metric, "pipeline_created");
}

static void
rejected(void **state)
{
	static char *bad_date[] = { "D2", "Sam", "Lost", "5", "", "25/3/2026",
		"" };
	static char *bad_amount[] = { "D3", "Sam", "Lost", "1,5", "", "",
		"" };
	static char *no_rep[] = { "D4", " ", "Won", "5", "", "3/3/2026", "" };
	static char *short_row[] = { "D5", "Sam" };
	struct filectx fc;
	struct rules ru;
	struct tu_row w;
	struct rec r;

	(void)state;
	memset(&ru, 0, sizeof(ru));
	setup_ctx(&fc);
	tu_mkrow(&w, bad_date, 7, 7);
	assert_int_equal(record_convert(&fc, &ru, &w.r, &r), -1);
	assert_string_equal(r.reason, "close_date: '25/3/2026' contradicts "
	    "the M/D/YYYY order of this column");
	tu_mkrow(&w, bad_amount, 7, 7);
	assert_int_equal(record_convert(&fc, &ru, &w.r, &r), -1);
	assert_string_equal(r.reason, "amount: cannot read '1,5' as an amount");
	tu_mkrow(&w, no_rep, 7, 7);
	assert_int_equal(record_convert(&fc, &ru, &w.r, &r), -1);
	assert_string_equal(r.reason, "owner: empty rep");
	tu_mkrow(&w, short_row, 2, 7);
	assert_int_equal(record_convert(&fc, &ru, &w.r, &r), -1);
	assert_string_equal(r.reason, "expected 7 fields, found 2");
}

static void
currencies(void **state)
{
	static char *eur[] = { "D6", "Sam", "Won", "EUR 100", "", "3/3/2026",
		"" };
	static const struct rate rates[] = { { "EUR", 1100000000 } };
	struct filectx fc;
	struct rules ru;
	struct tu_row w;
	struct rec r;

	(void)state;
	memset(&ru, 0, sizeof(ru));
	setup_ctx(&fc);
	strcpy(ru.majority, "USD");
	ru.mixed = 1;
	tu_mkrow(&w, eur, 7, 7);
	assert_int_equal(record_convert(&fc, &ru, &w.r, &r), -1);
	ru.rates = rates;
	ru.nrates = 1;
	assert_int_equal(record_convert(&fc, &ru, &w.r, &r), 0);
	assert_int_equal(r.facts[0].value, 110 * FIXED_SCALE);
}

static void
noise(void **state)
{
	static char *total[] = { "Grand Totals (3 records)", "", "", "9", "",
		"", "" };
	static char *title[] = { "Copyright (c) 2000-2026 salesforce.com" };
	static char *deal[] = { "D7", "Sam", "Open", "9", "", "", "Total Co" };
	struct filectx fc;
	struct tu_row w;

	(void)state;
	setup_ctx(&fc);
	tu_mkrow(&w, total, 7, 7);
	assert_true(record_is_noise(&fc, &w.r));
	tu_mkrow(&w, title, 1, 7);
	assert_true(record_is_noise(&fc, &w.r));
	tu_mkrow(&w, hdr, 7, 7);
	assert_true(record_is_noise(&fc, &w.r));
	tu_mkrow(&w, deal, 7, 7);
	assert_false(record_is_noise(&fc, &w.r));
}

static void
names(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "Dana Reyes", "Dana Reyes" }, { "  Dana   Reyes ", "Dana Reyes" },
		{ "Dana\tReyes", "Dana Reyes" }, { "Dana\r\nReyes", "Dana Reyes" },
		{ "Jos\xc3\xa9 N\xc3\xba\xc3\xb1" "ez",
		    "Jos\xc3\xa9 N\xc3\xba\xc3\xb1" "ez" },
		{ "Ana\xc2\xa0Silva", "Ana Silva" }, { " x", "x" }, { "x ", "x" },
		{ "", "" }, { "   ", "" },
	};
	char buf[64];
	size_t i, n;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		n = record_collapse(cases[i].in, strlen(cases[i].in), buf,
		    sizeof(buf));
		assert_string_equal(buf, cases[i].out);
		assert_int_equal(n, strlen(cases[i].out));
	}
}

static void
activity_types(void **state)
{
	static const struct {
		const char *type, *metric;
	} cases[] = {
		{ "Call", "calls" }, { "Logged call", "calls" },
		{ "OUTBOUND_CALL", "calls" }, { "Phone", "calls" },
		{ "Email", "emails" }, { "E-mail", "emails" },
		{ "INCOMING_EMAIL", "emails" }, { "Meeting", "meetings" },
		{ "Zoom meeting", "meetings" }, { "Event", "meetings" },
		{ "Task", "tasks" }, { "To-do", "tasks" }, { "TODO", "tasks" },
		{ "LinkedIn Message", "linkedin_message" },
		{ "Demo", "demo" }, { "Callback", "callback" },
		{ "  Site   visit ", "site_visit" },
	};
	char buf[256];
	size_t i;
	const char *m;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		m = record_activity_metric(cases[i].type, strlen(cases[i].type), buf,
		    sizeof(buf));
		if (strcmp(m, cases[i].metric) != 0)
			fail_msg("'%s': %s, expected %s", cases[i].type, m,
			    cases[i].metric);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(won_deal),
		cmocka_unit_test(rejected),
		cmocka_unit_test(currencies),
		cmocka_unit_test(noise),
		cmocka_unit_test(activity_types),
		cmocka_unit_test(names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
