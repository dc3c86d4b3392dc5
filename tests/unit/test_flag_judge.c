/*
 * Unit tests for pm-flag's rules (cmd/pm-flag/judge.c) on a scores
 * table of five reps over three finished months, --persist 2.  Which
 * rep gets which flag is worked out by hand from SPEC section 6 in the
 * comment above TABLE.
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
#include "tutil.h"
#include "../../cmd/pm-flag/flag.h"

/*
 * Revenue, target 1000, attainment = actual / 10, March judged:
 *   A  700  750  600: below 80 in Feb and Mar: underperformer; last in
 *                     March (rank 5 of 5): tier_bottom.
 *   B 1200 1150 1300: at or above 110 in both: high_flyer; >= 100:
 *                     target_hit; 1300 is above all before: personal_best;
 *                     +15 points from Feb: most_improved (a tie with D);
 *                     first: tier_top; so a stretch (SPEC 15).
 *   C 1100 1000  900: fell in both steps: declining; tier_middle.
 *   D  800  850 1000: 100: target_hit; personal_best; +15: most_improved;
 *                     tier_middle.
 *   E  900  950  920: tier_middle only (-3 points, below its 950).
 * Top and bottom 20% of 5 reps: one each.  No activity metrics and no
 * largest_deal: the gap flags and biggest_deal stay silent.
 */
static const char TABLE[] =
    "period,rep,team,metric,actual,projected,target,attainment,pace,rank,reps\n"
    "2026-01,A,T,revenue,700,700,1000,70,70,5,5\n"
    "2026-01,B,T,revenue,1200,1200,1000,120,120,1,5\n"
    "2026-01,C,T,revenue,1100,1100,1000,110,110,2,5\n"
    "2026-01,D,T,revenue,800,800,1000,80,80,4,5\n"
    "2026-01,E,T,revenue,900,900,1000,90,90,3,5\n"
    "2026-02,A,T,revenue,750,750,1000,75,75,5,5\n"
    "2026-02,B,T,revenue,1150,1150,1000,115,115,1,5\n"
    "2026-02,C,T,revenue,1000,1000,1000,100,100,2,5\n"
    "2026-02,D,T,revenue,850,850,1000,85,85,4,5\n"
    "2026-02,E,T,revenue,950,950,1000,95,95,3,5\n"
    "2026-03,A,T,revenue,600,600,1000,60,60,5,5\n"
    "2026-03,B,T,revenue,1300,1300,1000,130,130,1,5\n"
    "2026-03,C,T,revenue,900,900,1000,90,90,4,5\n"
    "2026-03,D,T,revenue,1000,1000,1000,100,100,2,5\n"
    "2026-03,E,T,revenue,920,920,1000,92,92,3,5\n";

#define REQUIRED (SC_BIT(SC_PERIOD) | SC_BIT(SC_REP) | SC_BIT(SC_METRIC) | \
	SC_BIT(SC_ACTUAL) | SC_BIT(SC_ATTAINMENT))

static const struct flag_opts DEFAULTS = {
	.under = 80 * FIXED_SCALE, .over = 110 * FIXED_SCALE,
	.persist = 2, .top = 20 * FIXED_SCALE,
	.bottom = 20 * FIXED_SCALE, .gap = 25 * FIXED_SCALE
};

/* The flags of rep, in enum order, as "a;b;c". */
static void
flags_of(const struct judgement *j, const char *rep, char *buf, size_t size)
{
	uint32_t r = scores_rep(j->s, rep);
	int f;

	assert_int_not_equal(r, SC_NONE);
	buf[0] = '\0';
	for (f = 0; f < F_NFLAGS; f++)
		if (judge_hit(j, r, (enum flag)f)->value != NULL) {
			if (buf[0] != '\0')
				strncat(buf, ";", size - strlen(buf) - 1);
			strncat(buf, scores_flagname[f], size - strlen(buf) - 1);
		}
}

static void
who_gets_what(void **state)
{
	char *path = tu_write_tmp(TABLE), buf[256];
	struct scores *s = scores_load(&path, 1, ',', REQUIRED);
	struct judgement j;
	const struct hit *h;

	(void)state;
	judge(&j, s, &DEFAULTS);
	assert_string_equal(s->metric_name[j.metric], "revenue");
	assert_string_equal(s->period_key[j.period], "2026-03");
	flags_of(&j, "A", buf, sizeof(buf));
	assert_string_equal(buf, "underperformer;tier_bottom");
	flags_of(&j, "B", buf, sizeof(buf));
	assert_string_equal(buf, "high_flyer;tier_top;target_hit;"
	    "personal_best;most_improved;stretch");
	flags_of(&j, "C", buf, sizeof(buf));
	assert_string_equal(buf, "declining;tier_middle");
	flags_of(&j, "D", buf, sizeof(buf));
	assert_string_equal(buf, "tier_middle;target_hit;personal_best;"
	    "most_improved");
	flags_of(&j, "E", buf, sizeof(buf));
	assert_string_equal(buf, "tier_middle");
	/* The evidence, with the numbers as the table wrote them. */
	h = judge_hit(&j, scores_rep(s, "A"), F_UNDERPERFORMER);
	assert_string_equal(h->metric, "revenue");
	assert_string_equal(h->note,
	    "attainment 75%, 60% in 2026-02..2026-03, below 80%");
	judge_free(&j);
	scores_free(s);
	unlink(path);
	free(path);
}

static void
an_earlier_period_and_stricter_thresholds(void **state)
{
	char *path = tu_write_tmp(TABLE), buf[256];
	struct scores *s = scores_load(&path, 1, ',', REQUIRED);
	struct flag_opts o = DEFAULTS;
	struct judgement j;

	(void)state;
	/*
	 * February, --under 90 --over 100: A (70, 75) and D (80, 85) are
	 * below 90 in Jan and Feb, E (90, 95) is not; B (120, 115) and C
	 * (110, 100) are at or above 100.  Feb has two periods of history:
	 * no personal_best, and one step: no declining.  Ranks B, C, E, D,
	 * A.  Attainment changes from Jan: A +5, B -5, C -10, D +5, E +5:
	 * most_improved is A, D and E.  The high-flyers B and C stretch.
	 */
	o.period = "2026-02";
	o.under = 90 * FIXED_SCALE;
	o.over = 100 * FIXED_SCALE;
	judge(&j, s, &o);
	flags_of(&j, "A", buf, sizeof(buf));
	assert_string_equal(buf, "underperformer;tier_bottom;most_improved");
	flags_of(&j, "B", buf, sizeof(buf));
	assert_string_equal(buf, "high_flyer;tier_top;target_hit;stretch");
	flags_of(&j, "C", buf, sizeof(buf));
	assert_string_equal(buf, "high_flyer;tier_middle;target_hit;stretch");
	flags_of(&j, "D", buf, sizeof(buf));
	assert_string_equal(buf, "underperformer;tier_middle;most_improved");
	flags_of(&j, "E", buf, sizeof(buf));
	assert_string_equal(buf, "tier_middle;most_improved");
	judge_free(&j);
	scores_free(s);
	unlink(path);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(who_gets_what),
		cmocka_unit_test(an_earlier_period_and_stricter_thresholds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
