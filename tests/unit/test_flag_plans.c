/* Unit tests for cmd/pm-flag/plans.c: the plans file as people write it. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <cmocka.h>

#include "num.h"
#include "tutil.h"
#include "../../cmd/pm-flag/plans.h"

/* Parses text as a plans file; the return of plans_parse. */
static int
parse(const char *text, unsigned char delim, struct plans *pl,
    struct plan_error *e)
{
	struct tu_mem m = { text, strlen(text), 0, 0 };
	struct csvr *r = csvr_open_fn(tu_mem_read, &m, "plans.csv");
	int rc;

	memset(pl, 0, sizeof(*pl));
	csvr_set_delim(r, delim);
	rc = plans_parse(r, pl, e);
	csvr_close(r);
	return rc;
}

static void
release(struct plans *pl)
{
	struct plans *h = malloc(sizeof(*h));

	assert_non_null(h);
	*h = *pl;
	plans_free(h);
}

static void
goals(void **state)
{
	int64_t g;
	int pct;

	(void)state;
	assert_int_equal(plans_goal("12", 2, &g, &pct), 0);
	assert_int_equal(g, 12 * FIXED_SCALE);
	assert_false(pct);
	assert_int_equal(plans_goal(" 12.0 ", 6, &g, &pct), 0);
	assert_int_equal(g, 12 * FIXED_SCALE);
	assert_int_equal(plans_goal("110%", 4, &g, &pct), 0);
	assert_int_equal(g, 110 * FIXED_SCALE);
	assert_true(pct);
	assert_int_equal(plans_goal("92.5 %", 6, &g, &pct), 0);
	assert_int_equal(g, 925000);
	assert_true(pct);
	assert_int_equal(plans_goal("$50,000", 7, &g, &pct), 0);
	assert_int_equal(g, (int64_t)50000 * FIXED_SCALE);
	assert_false(pct);
	/* A decimal comma is not a thousands separator: refused. */
	assert_int_equal(plans_goal("12,5", 4, &g, &pct), -1);
	assert_int_equal(plans_goal("twelve", 6, &g, &pct), -1);
	assert_int_equal(plans_goal("%", 1, &g, &pct), -1);
	assert_int_equal(plans_goal("", 0, &g, &pct), -1);
}

static void
periods(void **state)
{
	pm_day first, last;
	int fiscal;

	(void)state;
	assert_int_equal(plans_period("2026-09", 7, &first, &last, &fiscal),
	    0);
	assert_int_equal(first, ymd_to_day(2026, 9, 1));
	assert_int_equal(last, ymd_to_day(2026, 9, 30));
	assert_false(fiscal);
	assert_int_equal(plans_period(" 2026-09-15 ", 12, &first, &last,
	    &fiscal), 0);
	assert_int_equal(first, ymd_to_day(2026, 9, 15));
	assert_int_equal(last, first);
	assert_int_equal(plans_period("2026-q3", 7, &first, &last, &fiscal),
	    0);
	assert_int_equal(first, ymd_to_day(2026, 7, 1));
	assert_int_equal(last, ymd_to_day(2026, 9, 30));
	assert_int_equal(plans_period("fy2027-Q1", 9, &first, &last,
	    &fiscal), 0);
	assert_true(fiscal);
	assert_int_equal(plans_period("2026-13", 7, &first, &last, &fiscal),
	    -1);
	assert_int_equal(plans_period("9/1/2026", 8, &first, &last, &fiscal),
	    -1);
	assert_int_equal(plans_period("Sep-26", 6, &first, &last, &fiscal),
	    -1);
}

/* A BOM, CRLF, spaces, header names in any case, a short row, a blank. */
static void
as_typed(void **state)
{
	struct plans pl;
	struct plan_error e;

	(void)state;
	assert_int_equal(parse("\xef\xbb\xbf" "Rep, Metric ,GOAL,From,To,"
	    "Focus,Coach\r\n"
	    " Ana Silva ,meetings, 12.0 ,2026-09, 2026-11-30 ,discovery "
	    "calls,Maria\r\n"
	    ",,,,,,\r\n"
	    "Ben,win_rate,110%,2026-Q3,2026-Q4\r\n", ',', &pl, &e), 0);
	assert_int_equal(pl.n, 2);
	assert_string_equal(pl.p[0].rep, "Ana Silva");
	assert_string_equal(pl.p[0].metric, "meetings");
	assert_int_equal(pl.p[0].goal, 12 * FIXED_SCALE);
	assert_false(pl.p[0].pct);
	assert_string_equal(pl.p[0].focus, "discovery calls");
	assert_string_equal(pl.p[0].coach, "Maria");
	assert_int_equal(pl.p[0].line, 2);
	assert_int_equal(pl.p[0].from_first, ymd_to_day(2026, 9, 1));
	assert_int_equal(pl.p[0].to_last, ymd_to_day(2026, 11, 30));
	assert_int_equal(pl.p[1].line, 4);
	assert_true(pl.p[1].pct);
	assert_string_equal(pl.p[1].focus, "");
	assert_string_equal(pl.p[1].coach, "");
	release(&pl);
}

/* The error names the line and the field; e.msg says what is wrong. */
static void
expect_error(const char *text, long line, const char *field,
    const char *words)
{
	struct plans pl;
	struct plan_error e;

	assert_int_equal(parse(text, ',', &pl, &e), -1);
	assert_int_equal(e.line, line);
	assert_string_equal(e.field, field);
	if (strstr(e.msg, words) == NULL)
		fail_msg("'%s' not in '%s'", words, e.msg);
	release(&pl);
}

static void
errors(void **state)
{
	(void)state;
	expect_error("rep,metric,goal,from\n", 1, "to", "no such column");
	expect_error("", 1, "header", "empty file");
	expect_error("rep,metric,goal,from,to\n"
	    "Ana,calls,12,2026-09,2026-10\n"
	    "Ana,calls,lots,2026-09,2026-10\n", 3, "goal", "'lots'");
	expect_error("rep,metric,goal,from,to\n"
	    "Ana,calls,-3,2026-09,2026-10\n", 2, "goal", "negative");
	expect_error("rep,metric,goal,from,to\n"
	    "Ana,calls,,2026-09,2026-10\n", 2, "goal", "empty");
	expect_error("rep,metric,goal,from,to\n"
	    "Ana,calls,0%,2026-09,2026-10\n", 2, "goal", "no goal");
	expect_error("rep,metric,goal,from,to\n"
	    ",calls,12,2026-09,2026-10\n", 2, "rep", "empty");
	expect_error("rep,metric,goal,from,to\n"
	    "Ana,,12,2026-09,2026-10\n", 2, "metric", "empty");
	expect_error("rep,metric,goal,from,to\n"
	    "Ana,calls,12,Sep-26,2026-10\n", 2, "from", "'Sep-26'");
	expect_error("rep,metric,goal,from,to\n"
	    "Ana,calls,12,2026-09\n", 2, "to", "empty");
	expect_error("rep,metric,goal,from,to\n"
	    "Ana,calls,12,2026-11,2026-09\n", 2, "to", "before from");
	expect_error("rep,metric,goal,from,to\n"
	    "Ana,calls,12,2026-09,FY2027-Q1\n", 2, "to", "fiscal");
	expect_error("rep,metric,goal,from,to,focus\n"
	    "Ana,calls,12,2026-09,2026-10,\"two\nlines\"\n", 2, "focus",
	    "line break");
	expect_error("rep,metric,goal,from,to\n"
	    "Ana,calls,12,2026-09,2026-10,extra\n", 2, "line", "6 fields");
}

static void
place(struct plans *pl, const char *text, const char *key, int rc,
    struct plan_error *e)
{
	struct period_cfg cfg;
	int fiscal;

	assert_int_equal(parse(text, ',', pl, e), 0);
	assert_int_equal(plans_period_cfg(key, &cfg, &fiscal), 0);
	assert_int_equal(plans_place(pl, &cfg, fiscal, e), rc);
}

static void
placing(void **state)
{
	struct plans pl;
	struct plan_error e;

	(void)state;
	/* Dates fall in their months; a quarter spans its three months. */
	place(&pl, "rep,metric,goal,from,to\n"
	    "Ana,calls,12,2026-09-15,2026-11-02\n"
	    "Ana,meetings,5,2026-Q3,2026-Q3\n", "2026-10", 0, &e);
	assert_int_equal(pl.p[0].start, ymd_to_day(2026, 9, 1));
	assert_int_equal(pl.p[0].end, ymd_to_day(2026, 11, 1));
	assert_int_equal(pl.p[1].start, ymd_to_day(2026, 7, 1));
	assert_int_equal(pl.p[1].end, ymd_to_day(2026, 9, 1));
	release(&pl);
	/* Weeks: 2026-09-02 is a Wednesday of ISO week 36. */
	place(&pl, "rep,metric,goal,from,to\n"
	    "Ana,calls,12,2026-09-02,2026-W38\n", "2026-W40", 0, &e);
	assert_int_equal(pl.p[0].start, ymd_to_day(2026, 8, 31));
	assert_int_equal(pl.p[0].end, ymd_to_day(2026, 9, 14));
	release(&pl);
	/* Two plans of one rep and metric in one month overlap. */
	place(&pl, "rep,metric,goal,from,to\n"
	    "Ana,calls,12,2026-07,2026-09-10\n"
	    "Bo,calls,12,2026-07,2026-09\n"
	    "Ana,calls,15,2026-09-20,2026-12\n", "2026-10", -1, &e);
	assert_int_equal(e.line, 4);
	assert_non_null(strstr(e.msg, "line 2"));
	release(&pl);
	/* Out of order in the file: found all the same, the later line. */
	place(&pl, "rep,metric,goal,from,to\n"
	    "Ana,calls,12,2026-01,2026-02\n"
	    "Ana,calls,12,2026-05,2026-12\n"
	    "Ana,meetings,12,2026-01,2026-12\n"
	    "Ana,calls,12,2026-03,2026-06\n", "2026-10", -1, &e);
	assert_int_equal(e.line, 5);
	assert_non_null(strstr(e.msg, "line 3 (2026-05..2026-12)"));
	release(&pl);
	/* One after the other is a renewed plan, not an overlap. */
	place(&pl, "rep,metric,goal,from,to\n"
	    "Ana,calls,12,2026-07,2026-09\n"
	    "Ana,calls,15,2026-10,2026-12\n", "2026-10", 0, &e);
	release(&pl);
	place(&pl, "rep,metric,goal,from,to\n"
	    "Ana,calls,12,2026-07,2026-09\n", "FY2027-Q1", -1, &e);
	assert_string_equal(e.field, "from");
	release(&pl);
}

static void
table_periods(void **state)
{
	struct period_cfg cfg;
	int fiscal;

	(void)state;
	assert_int_equal(plans_period_cfg("2026-W47", &cfg, &fiscal), 0);
	assert_int_equal(cfg.type, P_WEEK);
	assert_int_equal(plans_period_cfg("2026-11-23", &cfg, &fiscal), 0);
	assert_int_equal(cfg.type, P_DAY);
	assert_int_equal(plans_period_cfg("2026-Q4", &cfg, &fiscal), 0);
	assert_int_equal(cfg.type, P_QUARTER);
	assert_int_equal(plans_period_cfg("2026", &cfg, &fiscal), 0);
	assert_int_equal(cfg.type, P_YEAR);
	assert_int_equal(plans_period_cfg("FY2027", &cfg, &fiscal), 0);
	assert_int_equal(cfg.type, P_YEAR);
	assert_true(fiscal);
	assert_int_equal(plans_period_cfg("autumn", &cfg, &fiscal), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(goals),
		cmocka_unit_test(periods),
		cmocka_unit_test(as_typed),
		cmocka_unit_test(errors),
		cmocka_unit_test(placing),
		cmocka_unit_test(table_periods),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
