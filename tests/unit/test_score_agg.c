/*
 * Unit tests for pm-score's aggregator (cmd/pm-score/agg.c): the exact
 * sum, count and largest fact per (period, rep, metric), what it keeps
 * of each rep, and partials that merge into the table of the whole.
 * Expected values are summed by hand from the facts below.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "out.h"
#include "tutil.h"
#include "../../cmd/pm-score/score.h"

static const struct agg_cfg MONTHS = { { P_MONTH, 1 }, 1, 0, ',' };

/* January: Ann 100.50 + 200 - 50.25 = 250.25 in 3 facts (largest 200). */
static const char FACTS_1[] =
    "date,rep,metric,value,account,product,team,ref\n"
    "2026-01-05,Ann,revenue,100.50,A,P,East,d1\n"
    "2026-01-20,Ann,revenue,200,B,P,East,d2\n"
    "2026-01-31,Ann,revenue,-50.25,C,P,West,d3\n"
    "2026-01-10, Bob ,calls,3,,,,a1\n";
static const char FACTS_2[] =
    "date,rep,metric,value,account,product,team,ref\n"
    "2026-01-11,Bob,calls,4,,,,a2\n"
    "2026-02-01,Ann,revenue,10,D,P,,d4\n"
    "2026-01-12,Ann,win_rate,50,,,,\n";

static pm_day
day(int y, int m, int d)
{
	return ymd_to_day(y, m, d);
}

static void
check_stats(const struct agg *a, pm_day p, const char *rep,
    const char *metric, int64_t sum, int64_t n, int64_t max)
{
	uint32_t r, m;
	const struct stats *s;

	for (r = 0; r < agg_nreps(a); r++)
		if (strcmp(agg_rep_name(a, r), rep) == 0)
			break;
	assert_true(r < agg_nreps(a));
	m = agg_metric_id(a, metric);
	assert_int_not_equal(m, NO_ID);
	s = agg_find(a, p, r, m);
	assert_non_null(s);
	assert_int_equal(s->sum, sum);
	assert_int_equal(s->n, n);
	assert_int_equal(s->max, max);
}

/* What both files add up to, whichever way they were read. */
static void
check_whole(const struct agg *a)
{
	assert_int_equal(agg_nreps(a), 2);
	check_stats(a, day(2026, 1, 1), "Ann", "revenue", 2502500, 3, 2000000);
	check_stats(a, day(2026, 2, 1), "Ann", "revenue", 100000, 1, 100000);
	check_stats(a, day(2026, 1, 1), "Bob", "calls", 70000, 2, 40000);
}

static void
sums_counts_and_maxima(void **state)
{
	char *p1 = tu_write_tmp(FACTS_1), *p2 = tu_write_tmp(FACTS_2);
	struct agg *a = agg_new(&MONTHS);
	const struct repinfo *ri;
	uint32_t ann;

	(void)state;
	agg_read_facts(a, p1);
	agg_read_facts(a, p2);
	check_whole(a);
	/* " Bob " is Bob: rep names are trimmed. */
	assert_string_equal(agg_rep_name(a, agg_rep(a, " Bob", 4)), "Bob");
	assert_int_equal(agg_nreps(a), 2);
	/* Nothing for Bob in February, and win_rate is derived: left out. */
	assert_null(agg_find(a, day(2026, 2, 1), agg_rep(a, "Bob", 3),
	    agg_metric_id(a, "calls")));
	assert_int_equal(agg_nderived(a), 1);
	assert_false(agg_metric_seen(a, agg_metric_id(a, "win_rate")));
	/* Ann's dates, and her team: that of the latest fact naming one. */
	ann = agg_rep(a, "Ann", 3);
	ri = agg_repinfo(a, ann);
	assert_int_equal(ri->first, day(2026, 1, 5));
	assert_int_equal(ri->last, day(2026, 2, 1));
	assert_int_equal(ri->team_day, day(2026, 1, 31));
	assert_string_equal(agg_team_name(a, ri->team), "West");
	agg_free(a);
	unlink(p1);
	unlink(p2);
	free(p1);
	free(p2);
}

/* Writes the partial of the facts in path to a new file; its path. */
static char *
partial_of(const char *path)
{
	struct agg *a = agg_new(&MONTHS);
	char *out = tu_write_tmp("");
	struct out *o = out_open(out);

	agg_read_facts(a, path);
	agg_write_partial(a, o);
	out_close(o);
	agg_free(a);
	return out;
}

static void
partials_merge_into_the_whole(void **state)
{
	char *p1 = tu_write_tmp(FACTS_1), *p2 = tu_write_tmp(FACTS_2);
	char *q1 = partial_of(p1), *q2 = partial_of(p2);
	struct agg *a = agg_new(&MONTHS);
	const struct repinfo *ri;

	(void)state;
	/* In the other order than the facts were read: merging commutes. */
	agg_read_partial(a, q2);
	agg_read_partial(a, q1);
	check_whole(a);
	ri = agg_repinfo(a, agg_rep(a, "Ann", 3));
	assert_int_equal(ri->first, day(2026, 1, 5));
	assert_int_equal(ri->last, day(2026, 2, 1));
	assert_string_equal(agg_team_name(a, ri->team), "West");
	agg_free(a);
	unlink(p1);
	unlink(p2);
	unlink(q1);
	unlink(q2);
	free(p1);
	free(p2);
	free(q1);
	free(q2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sums_counts_and_maxima),
		cmocka_unit_test(partials_merge_into_the_whole),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
