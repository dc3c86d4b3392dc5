/* Unit tests for common/scores.c: loading a scores table into memory. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "scores.h"
#include "tutil.h"

static void
load_table(void **state)
{
	char *path = tu_write_tmp(
	    "period,rep,team,metric,actual,pace,extra\n"
	    "2026-10,Bob,East,revenue,200,\" 95.5 \",x\n"
	    "2026-09,Bob,East,revenue,100,50,y\n"
	    "2026-10,*,*,revenue,200,,z\n"
	    "2026-09,Ann,,calls,7,,\n");
	const struct score_row *r;
	struct scores *s;

	(void)state;
	s = scores_load(&path, 1, ',', SC_BIT(SC_PERIOD) | SC_BIT(SC_REP));
	assert_int_equal(s->nrows, 4);
	assert_int_equal(s->ncol, 7);
	assert_int_equal(s->col[SC_PACE], 5);
	assert_int_equal(s->col[SC_TARGET], -1);
	/* Periods are numbered chronologically, not by first sight. */
	assert_int_equal(s->nperiods, 2);
	assert_string_equal(s->period_key[0], "2026-09");
	assert_int_equal(scores_period(s, "2026-10"), 1);
	assert_int_equal(s->nreps, 2);	/* "*" is a roll-up, not a rep */
	assert_true(s->rows[2].rollup);
	r = scores_cell(s, scores_metric(s, "revenue"), scores_rep(s, "Bob"),
	    1);
	assert_non_null(r);
	assert_int_equal(r->line, 2);
	assert_int_equal(r->v[SC_PACE], 955000);
	assert_true(scores_known(r, SC_PACE));
	assert_false(scores_known(r, SC_TARGET));
	/* Fields stay as read. */
	assert_string_equal(scores_field(s, r, SC_PACE), " 95.5 ");
	assert_string_equal(scores_fieldn(s, r, 6, NULL), "x");
	assert_null(scores_cell(s, scores_metric(s, "calls"),
	    scores_rep(s, "Bob"), 0));
	assert_false(scores_known(&s->rows[3], SC_PACE));
	assert_int_equal(scores_metric(s, "nope"), SC_NONE);
	/* Reps, teams and metrics are numbered by name, not first sight. */
	assert_int_equal(scores_rep(s, "Ann"), 0);
	assert_int_equal(scores_rep(s, "Bob"), 1);
	assert_int_equal(s->rows[0].rep, 1);
	assert_int_equal(scores_metric(s, "calls"), 0);
	assert_int_equal(s->rows[0].metric, 1);
	assert_int_equal(s->nteams, 3);
	assert_string_equal(s->team_name[0], "");
	assert_string_equal(s->team_name[1], "*");
	assert_string_equal(s->team_name[2], "East");
	assert_int_equal(s->rows[3].team, 0);
	assert_int_equal(s->rows[2].team, 1);
	assert_int_equal(s->rows[1].team, 2);
	scores_free(s);
	unlink(path);
	free(path);
}

/* The one list of columns: names, kinds and what pm-score writes. */
static void
columns(void **state)
{
	(void)state;
	assert_string_equal(scores_colname[SC_PERIOD], "period");
	assert_string_equal(scores_colname[SC_ATTAINMENT], "attainment");
	assert_string_equal(scores_colname[SC_CHANGE], "change");
	assert_string_equal(scores_colname[SC_NOTES], "notes");
	assert_string_equal(scores_colname[SC_ELAPSED], "elapsed");
	/* elapsed is the last column pm-score writes. */
	assert_int_equal(SC_ELAPSED, 16);
	assert_int_equal(SC_NSCORE, 17);
	assert_true(SC_IS_NUMBER(SC_ELAPSED));
	assert_true(SC_IS_NUMBER(SC_ACTUAL));
	assert_true(SC_IS_NUMBER(SC_CHANGE));
	assert_false(SC_IS_NUMBER(SC_TEAM));
	assert_false(SC_IS_NUMBER(SC_FLAGS));
}

/* Fields larger than a block of the arena, and many rows. */
static void
large_fields(void **state)
{
	size_t big = (size_t)3 << 20, i, n;
	char *text, *path, *p;
	struct scores *s;

	(void)state;
	text = malloc(big + 20000 * 40 + 100);
	assert_non_null(text);
	p = text + sprintf(text, "period,rep,metric,actual,notes\n"
	    "2026-01,A,revenue,1,");
	memset(p, 'x', big);
	p += big;
	*p++ = '\n';
	for (i = 0; i < 20000; i++)
		p += sprintf(p, "2026-01,R%zu,revenue,%zu,n\n", i, i);
	*p = '\0';
	path = tu_write_tmp(text);
	s = scores_load(&path, 1, ',', SC_BIT(SC_REP));
	assert_int_equal(s->nrows, 20001);
	n = strlen(scores_field(s, &s->rows[0], SC_NOTES));
	assert_int_equal(n, big);
	assert_string_equal(scores_field(s, &s->rows[20000], SC_REP),
	    "R19999");
	assert_int_equal(s->rows[20000].v[SC_ACTUAL], 19999 * 10000);
	scores_free(s);
	unlink(path);
	free(path);
	free(text);
}

static void
adjacent(void **state)
{
	(void)state;
	assert_true(scores_periods_adjacent("2026-09", "2026-10"));
	assert_true(scores_periods_adjacent("2026-12", "2027-01"));
	assert_false(scores_periods_adjacent("2026-08", "2026-10"));
	assert_true(scores_periods_adjacent("2026-W52", "2026-W53"));
	assert_true(scores_periods_adjacent("2026-W53", "2027-W01"));
	assert_false(scores_periods_adjacent("2026-W51", "2026-W53"));
	assert_true(scores_periods_adjacent("2026-Q4", "2027-Q1"));
	assert_true(scores_periods_adjacent("FY2027-Q4", "FY2028-Q1"));
	assert_false(scores_periods_adjacent("FY2027-Q2", "FY2027-Q4"));
	assert_true(scores_periods_adjacent("2026-02-28", "2026-03-01"));
	assert_true(scores_periods_adjacent("2026", "2027"));
	/* Keys that are not periods cannot be told apart: no gap. */
	assert_true(scores_periods_adjacent("spring", "summer"));
}

static struct scores *
load_text(const char *text, char **path)
{
	*path = tu_write_tmp(text);
	return scores_load(path, 1, ',', 0);
}

static void
unload(struct scores *s, char *path)
{
	scores_free(s);
	unlink(path);
	free(path);
}

#define PCT(x) ((int64_t)(x) * 10000)

/*
 * The judged period (SPEC section 13).  The HubSpot export that ends on
 * 2025-05-02: May has 2 of its 31 days, 6.5%, below 25: April.
 */
static void
pick_early(void **state)
{
	struct scores_pick p;
	struct scores *s;
	char *path, buf[128];

	(void)state;
	s = load_text("period,rep,metric,actual,projected,elapsed\n"
	    "2025-03,A,revenue,10,10,100.0\n"
	    "2025-04,A,revenue,20,20,100.0\n"
	    "2025-05,A,revenue,1,15.5,6.5\n"
	    "2025-05,*,revenue,1,15.5,6.5\n", &path);
	p = scores_pick_period(s, PCT(25));
	assert_string_equal(s->period_key[p.period], "2025-04");
	assert_string_equal(s->period_key[p.early], "2025-05");
	assert_false(p.none_finished);
	assert_int_equal(p.elapsed, 65000);
	scores_early_text(s, &p, buf, sizeof(buf));
	assert_string_equal(buf, "2025-05 has just begun (2 of 31 days)");
	/* --min-elapsed 5: 6.5 is enough. */
	p = scores_pick_period(s, PCT(5));
	assert_string_equal(s->period_key[p.period], "2025-05");
	assert_int_equal(p.early, SC_NONE);
	scores_early_text(s, &p, buf, sizeof(buf));
	assert_string_equal(buf, "");
	/* Compared as written: 6.5 is not below 6.5. */
	p = scores_pick_period(s, 65000);
	assert_string_equal(s->period_key[p.period], "2025-05");
	unload(s, path);
}

/* 10 of 31 days is 32.3%: the period in progress is judged. */
static void
pick_enough(void **state)
{
	struct scores_pick p;
	struct scores *s;
	char *path;

	(void)state;
	s = load_text("period,rep,metric,actual,projected,elapsed\n"
	    "2025-04,A,revenue,20,20,100.0\n"
	    "2025-05,A,revenue,10,31,32.3\n"
	    /* --to past the as-of date: nothing known there yet. */
	    "2025-06,A,revenue,0,,\n", &path);
	p = scores_pick_period(s, PCT(25));
	assert_string_equal(s->period_key[p.period], "2025-05");
	assert_int_equal(p.early, SC_NONE);
	assert_int_equal(p.elapsed, 323000);
	assert_int_equal(scores_elapsed(s, 0), PCT(100));
	assert_int_equal(scores_elapsed(s, 2), -1);
	unload(s, path);
}

/* Too early, nothing finished: the period in progress all the same. */
static void
pick_none_finished(void **state)
{
	struct scores_pick p;
	struct scores *s;
	char *path, buf[128];

	(void)state;
	s = load_text("period,rep,metric,actual,projected,elapsed\n"
	    "2026-W10,A,calls,1,7,14.3\n", &path);
	p = scores_pick_period(s, PCT(25));
	assert_string_equal(s->period_key[p.period], "2026-W10");
	assert_int_equal(p.early, p.period);
	assert_true(p.none_finished);
	scores_early_text(s, &p, buf, sizeof(buf));
	assert_string_equal(buf, "2026-W10 has just begun (1 of 7 days)");
	unload(s, path);
}

/*
 * An older table, without elapsed: the latest period with a projection,
 * as before.  A fiscal quarter's days depend on the fiscal year's start:
 * the share instead.  A quarter's days: 10 of 92 is 10.9%.
 */
static void
pick_old_and_fiscal(void **state)
{
	struct scores_pick p;
	struct scores *s;
	char *path, buf[128];

	(void)state;
	s = load_text("period,rep,metric,actual,projected\n"
	    "2026-04,A,revenue,20,20\n"
	    "2026-05,A,revenue,1,15.5\n", &path);
	p = scores_pick_period(s, PCT(25));
	assert_string_equal(s->period_key[p.period], "2026-05");
	assert_int_equal(p.early, SC_NONE);
	assert_int_equal(p.elapsed, -1);
	unload(s, path);
	s = load_text("period,rep,metric,actual,projected,elapsed\n"
	    "FY2027-Q1,A,revenue,20,20,100.0\n"
	    "FY2027-Q2,A,revenue,1,15.5,10.9\n", &path);
	p = scores_pick_period(s, PCT(25));
	assert_string_equal(s->period_key[p.period], "FY2027-Q1");
	scores_early_text(s, &p, buf, sizeof(buf));
	assert_string_equal(buf, "FY2027-Q2 has just begun (10.9% of it)");
	unload(s, path);
	s = load_text("period,rep,metric,actual,projected,elapsed\n"
	    "2026-Q3,A,revenue,20,20,100.0\n"
	    "2026-Q4,A,revenue,1,15.5,10.9\n", &path);
	p = scores_pick_period(s, PCT(25));
	scores_early_text(s, &p, buf, sizeof(buf));
	assert_string_equal(buf, "2026-Q4 has just begun (10 of 92 days)");
	unload(s, path);
}

/* '*' once trimmed is the roll-ups' name; '**', 'Di*' and '' are not. */
static void
reserved_name(void **state)
{
	(void)state;
	assert_true(scores_reserved_name("*", 1));
	assert_true(scores_reserved_name(" *\t", 3));
	assert_false(scores_reserved_name("**", 2));
	assert_false(scores_reserved_name("Di*", 3));
	assert_false(scores_reserved_name("", 0));
	assert_false(scores_reserved_name("  ", 2));
	/* Only the n bytes given count. */
	assert_true(scores_reserved_name("*x", 1));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(load_table),
		cmocka_unit_test(reserved_name),
		cmocka_unit_test(columns),
		cmocka_unit_test(large_fields),
		cmocka_unit_test(adjacent),
		cmocka_unit_test(pick_early),
		cmocka_unit_test(pick_enough),
		cmocka_unit_test(pick_none_finished),
		cmocka_unit_test(pick_old_and_fiscal),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
