/*
 * Unit tests for pm-flag's stretch goals (cmd/pm-flag/stretch.c, SPEC
 * section 15): the quartiles, and each case of the rule on constructed
 * tables, worked out by hand above each.  Revenue is judged, target
 * 1000 (attainment = revenue / 10), finished months.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "num.h"
#include "scores.h"
#include "tflag.h"

#define HDR "period,rep,team,metric,actual,projected,target,attainment,pace\n"
#define FX(x) ((int64_t)((x) * FIXED_SCALE))

/*
 * Linear interpolation between closest ranks, position (n - 1) x 3/4:
 * 10 20 30 40 50: position 3, 40.  10 20 30 40:
 * 2.25, 30 + 0.25 x 10 = 32.5; the 25th percentile 0.75, 17.5.  10 20:
 * 0.75, 17.5.  One value: itself.
 */
static void
quartiles(void **state)
{
	int64_t a[] = { FX(50), FX(10), FX(40), FX(20), FX(30) };
	int64_t b[] = { FX(40), FX(10), FX(30), FX(20) };
	int64_t c[] = { FX(20), FX(10) };
	int64_t d[] = { FX(7) };

	(void)state;
	assert_int_equal(stretch_quartile(a, 5, 1), FX(40));
	assert_int_equal(stretch_quartile(b, 4, 1), FX(32.5));
	assert_int_equal(stretch_quartile(b, 4, 0), FX(17.5));
	assert_int_equal(stretch_quartile(c, 2, 1), FX(17.5));
	assert_int_equal(stretch_quartile(d, 1, 1), FX(7));
	/* -9e14 and 9e14 (QA): 0.75 of the way, 1.8e15 x 3/4 - 9e14 =
	 * 4.5e14; the difference passes INT64_MAX in 1/10000 units. */
	{
		int64_t e[] = { INT64_C(9000000000000000000),
		    INT64_C(-9000000000000000000) };

		assert_int_equal(stretch_quartile(e, 2, 1),
		    INT64_C(4500000000000000000));
	}
}

/*
 * Six reps in one team; R1 is the top 20% (1.2 reps: one).  Top
 * quarters (position 5 x 3/4 = 3.75: the 4th value + 0.75 of the way to
 * the 5th):
 *   calls    10 10 20 30 40 50: 30 + 7.5 = 37.5; R1 40: 1.07
 *   emails   10 10 10 10 20 30: 10 + 7.5 = 17.5; R1 20: 1.14
 *   meetings  4  6  8  9 10 12:  9 + 0.75 = 9.75; R1 9: 0.92, the lowest
 * R2 hits the target but is neither top tier nor a high-flyer: none.
 */
static const char TEAM[] = HDR
    "2026-03,R1,T,revenue,1500,1500,1000,150,150\n"
    "2026-03,R1,T,calls,40,40,,,\n"
    "2026-03,R1,T,emails,20,20,,,\n"
    "2026-03,R1,T,meetings,9,9,,,\n"
    "2026-03,R2,T,revenue,1000,1000,1000,100,100\n"
    "2026-03,R2,T,calls,50,50,,,\n"
    "2026-03,R2,T,emails,30,30,,,\n"
    "2026-03,R2,T,meetings,12,12,,,\n"
    "2026-03,R3,T,revenue,900,900,1000,90,90\n"
    "2026-03,R3,T,calls,30,30,,,\n"
    "2026-03,R3,T,emails,10,10,,,\n"
    "2026-03,R3,T,meetings,10,10,,,\n"
    "2026-03,R4,T,revenue,800,800,1000,80,80\n"
    "2026-03,R4,T,calls,20,20,,,\n"
    "2026-03,R4,T,emails,10,10,,,\n"
    "2026-03,R4,T,meetings,8,8,,,\n"
    "2026-03,R5,T,revenue,700,700,1000,70,70\n"
    "2026-03,R5,T,calls,10,10,,,\n"
    "2026-03,R5,T,emails,10,10,,,\n"
    "2026-03,R5,T,meetings,6,6,,,\n"
    "2026-03,R6,T,revenue,600,600,1000,60,60\n"
    "2026-03,R6,T,calls,10,10,,,\n"
    "2026-03,R6,T,emails,10,10,,,\n"
    "2026-03,R6,T,meetings,4,4,,,\n";

/*
 * X alone: 115, 112, 115% in June..August: a high_flyer (not top tier,
 * alone).  Its calls are the team's top quarter (its own): at the level
 * everywhere, so its own best of the 6 months before August, Feb..Jul:
 * 1300 in February (January's 2000 is 7 months back), + 10% = 1430.
 */
static const char ALONE[] = HDR
    "2026-01,X,T,revenue,2000,2000,1000,200,200\n"
    "2026-01,X,T,calls,10,10,,,\n"
    "2026-02,X,T,revenue,1300,1300,1000,130,130\n"
    "2026-02,X,T,calls,10,10,,,\n"
    "2026-03,X,T,revenue,1200,1200,1000,120,120\n"
    "2026-03,X,T,calls,10,10,,,\n"
    "2026-04,X,T,revenue,1250,1250,1000,125,125\n"
    "2026-04,X,T,calls,10,10,,,\n"
    "2026-05,X,T,revenue,1100,1100,1000,110,110\n"
    "2026-05,X,T,calls,10,10,,,\n"
    "2026-06,X,T,revenue,1150,1150,1000,115,115\n"
    "2026-06,X,T,calls,10,10,,,\n"
    "2026-07,X,T,revenue,1120,1120,1000,112,112\n"
    "2026-07,X,T,calls,10,10,,,\n"
    "2026-08,X,T,revenue,1150,1150,1000,115,115\n"
    "2026-08,X,T,calls,10,10,,,\n";

/* C1 top of three, one month, no leading metric: 1500 + 10% = 1650. */
static const char FIRST[] = HDR
    "2026-03,C1,T,revenue,1500,1500,1000,150,150\n"
    "2026-03,C2,T,revenue,1000,1000,1000,100,100\n"
    "2026-03,C3,T,revenue,500,500,1000,50,50\n";

static const struct flag_opts DEFAULTS = {
	.under = 80 * FIXED_SCALE, .over = 110 * FIXED_SCALE,
	.persist = 3, .top = 20 * FIXED_SCALE,
	.bottom = 20 * FIXED_SCALE, .gap = 25 * FIXED_SCALE, .quiet = 1
};

static void
load(struct tf_fixture *f, const char *text)
{
	tf_load(f, text, &DEFAULTS);
}

static const struct hit *
stretch_of(const struct tf_fixture *f, const char *rep)
{
	uint32_t r = scores_rep(f->s, rep);

	assert_int_not_equal(r, SC_NONE);
	return judge_hit(&f->j, r, F_STRETCH);
}

static void
the_lowest_against_the_top_quarter(void **state)
{
	struct tf_fixture f;
	const struct hit *h;

	(void)state;
	load(&f, TEAM);
	h = stretch_of(&f, "R1");
	assert_non_null(h->value);
	assert_string_equal(h->metric, "meetings");
	assert_string_equal(h->value, "9.75");
	assert_string_equal(h->note,
	    "meetings 9, the team's top quarter holds 9.75");
	assert_null(stretch_of(&f, "R2")->value);
	assert_null(stretch_of(&f, "R3")->value);
	tf_unload(&f);
}

static void
own_best_when_leading_everywhere(void **state)
{
	struct tf_fixture f;
	const struct hit *h;

	(void)state;
	load(&f, ALONE);
	assert_non_null(judge_hit(&f.j, 0, F_HIGH_FLYER)->value);
	h = stretch_of(&f, "X");
	assert_string_equal(h->metric, "revenue");
	assert_string_equal(h->value, "1430");
	assert_string_equal(h->note, "revenue 1150 now, goal 1430: 10% above "
	    "the best of the 6 periods before (1300 in 2026-02); at or "
	    "above the team's top quarter on every leading metric");
	tf_unload(&f);
}

static void
own_value_without_history(void **state)
{
	struct tf_fixture f;
	const struct hit *h;

	(void)state;
	load(&f, FIRST);
	h = stretch_of(&f, "C1");
	assert_string_equal(h->value, "1650");
	assert_string_equal(h->note, "revenue 1500 now, goal 1650: 10% above "
	    "it (no period before it); no leading metric to compare with "
	    "the team");
	assert_null(stretch_of(&f, "C2")->value);
	tf_unload(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(quartiles),
		cmocka_unit_test(the_lowest_against_the_top_quarter),
		cmocka_unit_test(own_best_when_leading_everywhere),
		cmocka_unit_test(own_value_without_history),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
