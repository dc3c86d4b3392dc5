/*
 * Unit tests for pm-score's cells and table (cmd/pm-score/cells.c,
 * table.c): attainment, projection and pace of a period in progress,
 * and the ranks, percentiles, z-scores and medians of SPEC section 4.
 * Every expected field is worked out by hand in the comments.
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

/*
 * January 2026 up to the 10th (the latest fact: the as-of date), so the
 * month is in progress: projected = actual x 31 / 10, elapsed 10 / 31 =
 * 32.3%.  Target 1000 each.
 */
static const char FACTS[] =
    "date,rep,metric,value,account,product,team,ref\n"
    "2026-01-02,Ann,revenue,100,A,P,East,d1\n"
    "2026-01-10,Ann,revenue,200,B,P,East,d2\n"
    "2026-01-05,Bob,revenue,500,C,P,East,d3\n"
    "2026-01-03,Cy,revenue,300,D,P,West,d4\n"
    "2026-01-04,Dee,revenue,100,E,P,West,d5\n";
static const char TARGETS[] =
    "period,rep,metric,target\n"
    "2026-01,*,revenue,1000\n";

/* The scores table of FACTS and TARGETS (by_team: --by-team). */
static char *
score(int by_team, int rollup)
{
	struct agg_cfg cfg = { { P_MONTH, 1 }, 1, 0, ',' };
	struct score_opts o;
	char *pf = tu_write_tmp(FACTS), *pt = tu_write_tmp(TARGETS), *text;
	struct targets *tg;
	struct cells c;
	struct agg *a;
	struct out *out = out_mem();
	size_t len;

	memset(&o, 0, sizeof(o));
	o.cap = 150;
	o.from = o.to = NO_DAY;
	o.by_team = by_team;
	o.rollup = rollup;
	a = agg_new(&cfg);
	agg_read_facts(a, pf);
	tg = targets_read(a, pt, ',');
	cells_init(&c, a, &o, tg);
	table_write(&c, out);
	cells_free(&c);
	text = out_mem_take(out, &len);
	assert_int_equal(strlen(text), len);
	targets_free(tg);
	agg_free(a);
	unlink(pf);
	unlink(pt);
	free(pf);
	free(pt);
	return text;
}

/* The rows of metric m in text, the header first. */
static char *
rows_of(const char *text, const char *m)
{
	char *res = calloc(1, strlen(text) + 1), *copy = strdup(text), *line;
	char *save = NULL, want[64];

	snprintf(want, sizeof(want), ",%s,", m);
	for (line = strtok_r(copy, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save))
		if (strncmp(line, "period,", 7) == 0 || strstr(line, want)) {
			strcat(res, line);
			strcat(res, "\n");
		}
	free(copy);
	return res;
}

#define HEADER "period,rep,team,metric,actual,projected,target,attainment," \
    "pace,rank,reps,percentile,zscore,median,prev,change,elapsed\n"

static void
ranks_over_everyone(void **state)
{
	char *t = score(0, 0), *r = rows_of(t, "revenue");

	(void)state;
	/*
	 * Actuals 500, 300, 300, 100: ranks 1, 2, 2, 4 (ties share the
	 * better rank); percentiles: of the 3 others, Bob beats 3 (100.0),
	 * Ann and Cy beat 1 (33.3), Dee none.  Mean 300, population sd
	 * sqrt((200^2 + 200^2) / 4) = 141.42: z = +-1.41 and 0; median 300.
	 * Attainment actual / 1000; projected actual x 3.1; pace of that.
	 * Row order: rank, then rep.
	 */
	assert_string_equal(r, HEADER
	    "2026-01,Bob,East,revenue,500,1550,1000,50.0,155.0,1,4,100.0,1.41,300,,,32.3\n"
	    "2026-01,Ann,East,revenue,300,930,1000,30.0,93.0,2,4,33.3,0.00,300,,,32.3\n"
	    "2026-01,Cy,West,revenue,300,930,1000,30.0,93.0,2,4,33.3,0.00,300,,,32.3\n"
	    "2026-01,Dee,West,revenue,100,310,1000,10.0,31.0,4,4,0.0,-1.41,300,,,32.3\n");
	free(r);
	free(t);
}

static void
ranks_within_teams_and_rollups(void **state)
{
	char *t = score(1, 1), *r = rows_of(t, "revenue");

	(void)state;
	/*
	 * East: Bob 500 over Ann 300 (percentile 100.0 and 0.0, mean 400,
	 * sd 100: z +-1.00, median 400).  West: Cy 300 over Dee 100 (mean
	 * 200, sd 100, median 200).  Roll-ups: East 800 of target 2000 =
	 * 40.0%, projected 2480 = 124.0%; West 400 of 2000 = 20.0%,
	 * projected 1240 = 62.0%; everyone 1200 of 4000 = 30.0%, projected
	 * 3720 = 93.0%; no ranks.  Rows by rank, then rep; then the roll-ups,
	 * one per team by name, then everyone's (pm-score(1)).
	 */
	assert_string_equal(r, HEADER
	    "2026-01,Bob,East,revenue,500,1550,1000,50.0,155.0,1,2,100.0,1.00,400,,,32.3\n"
	    "2026-01,Cy,West,revenue,300,930,1000,30.0,93.0,1,2,100.0,1.00,200,,,32.3\n"
	    "2026-01,Ann,East,revenue,300,930,1000,30.0,93.0,2,2,0.0,-1.00,400,,,32.3\n"
	    "2026-01,Dee,West,revenue,100,310,1000,10.0,31.0,2,2,0.0,-1.00,200,,,32.3\n"
	    "2026-01,*,East,revenue,800,2480,2000,40.0,124.0,,,,,,,,32.3\n"
	    "2026-01,*,West,revenue,400,1240,2000,20.0,62.0,,,,,,,,32.3\n"
	    "2026-01,*,*,revenue,1200,3720,4000,30.0,93.0,,,,,,,,32.3\n");
	free(r);
	free(t);
}

static void
composite_score(void **state)
{
	char *t = score(0, 0), *r = rows_of(t, "score");

	(void)state;
	/*
	 * One metric with a target: the score is its attainment, capped at
	 * 150 (Bob's pace 155.0 counts 150.0); actual = attainment, target
	 * 100, all percentages (1 decimal).  Ranked like the rest: 50, 30,
	 * 30, 10; mean 30, sd sqrt((400 + 400) / 4) = 14.14: z = +-1.41;
	 * median 30.
	 */
	assert_string_equal(r, HEADER
	    "2026-01,Bob,East,score,50.0,150.0,100.0,50.0,150.0,1,4,100.0,1.41,30.0,,,32.3\n"
	    "2026-01,Ann,East,score,30.0,93.0,100.0,30.0,93.0,2,4,33.3,0.00,30.0,,,32.3\n"
	    "2026-01,Cy,West,score,30.0,93.0,100.0,30.0,93.0,2,4,33.3,0.00,30.0,,,32.3\n"
	    "2026-01,Dee,West,score,10.0,31.0,100.0,10.0,31.0,4,4,0.0,-1.41,30.0,,,32.3\n");
	free(r);
	free(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ranks_over_everyone),
		cmocka_unit_test(ranks_within_teams_and_rollups),
		cmocka_unit_test(composite_score),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
