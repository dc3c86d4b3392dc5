/*
 * Unit tests for pm-flag's mentor pairings (cmd/pm-flag/mentor.c, SPEC
 * section 15) on constructed teams, every pairing worked out by hand in
 * the comment above each table.  Revenue is judged, target 1000, so the
 * attainment is revenue / 10; --activity calls,meetings; one finished
 * month, so the projected values are the actuals.
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

/*
 *        revenue calls meetings win_rate
 * East EA  1600   60     12      50   target_hit, tier_top (1st of 8)
 *      EB  1200   40     10      40   target_hit (3rd: middle)
 *      EC   700   20      9      30
 *      ED   600   25      4      30   tier_bottom (7th)
 *      EE   900   40     10      10
 * West WA  1500   50     20      60   target_hit, tier_top (2nd)
 *      WB   800   30     12      40
 *      WC   500   10      6      40   tier_bottom (8th)
 * Tiers: 20% of 8 is 1.6, two reps each.  Team medians: East calls 40,
 * meetings 10, win_rate 30; West calls 30, meetings 12, win_rate 40.
 * Activity (mean of the ratios to the team median):
 *   EC 20/40 = 0.5, 9/10 = 0.9: 0.7 < 0.75, 70%: activity_gap, on calls
 *      (0.5, its lowest ratio);
 *   ED 25/40 = 0.625, 4/10 = 0.4: 0.5125, 60%: activity_gap, on meetings;
 *   EE 1.0 and 1.0: 1.0, but win_rate 10 < 0.75 x 30: conversion_gap,
 *      on win_rate, ratio 10/30;
 *   WC 10/30, 6/12 = 0.5: 0.42, 50%: activity_gap, on calls, 10/30.
 * Mentors: EA, WA, EB.  Learners by ratio: EE and WC tie at 1/3 (EE
 * first by name), ED 0.4, EC 0.5:
 *   EE win_rate: East first, EA 50 (EB 40): EA, 1 learner;
 *   WC calls: West, WA 50: WA;
 *   ED meetings: East, EA 12 (EB 10): EA, 2 learners, full;
 *   EC calls: East, EA 60 is full (the third learner), EB 40 > 20: EB.
 */
static const char TEAM[] = HDR
    "2026-03,EA,East,revenue,1600,1600,1000,160,160\n"
    "2026-03,EA,East,calls,60,60,,,\n"
    "2026-03,EA,East,meetings,12,12,,,\n"
    "2026-03,EA,East,win_rate,50,50,,,\n"
    "2026-03,EB,East,revenue,1200,1200,1000,120,120\n"
    "2026-03,EB,East,calls,40,40,,,\n"
    "2026-03,EB,East,meetings,10,10,,,\n"
    "2026-03,EB,East,win_rate,40,40,,,\n"
    "2026-03,EC,East,revenue,700,700,1000,70,70\n"
    "2026-03,EC,East,calls,20,20,,,\n"
    "2026-03,EC,East,meetings,9,9,,,\n"
    "2026-03,EC,East,win_rate,30,30,,,\n"
    "2026-03,ED,East,revenue,600,600,1000,60,60\n"
    "2026-03,ED,East,calls,25,25,,,\n"
    "2026-03,ED,East,meetings,4,4,,,\n"
    "2026-03,ED,East,win_rate,30,30,,,\n"
    "2026-03,EE,East,revenue,900,900,1000,90,90\n"
    "2026-03,EE,East,calls,40,40,,,\n"
    "2026-03,EE,East,meetings,10,10,,,\n"
    "2026-03,EE,East,win_rate,10,10,,,\n"
    "2026-03,WA,West,revenue,1500,1500,1000,150,150\n"
    "2026-03,WA,West,calls,50,50,,,\n"
    "2026-03,WA,West,meetings,20,20,,,\n"
    "2026-03,WA,West,win_rate,60,60,,,\n"
    "2026-03,WB,West,revenue,800,800,1000,80,80\n"
    "2026-03,WB,West,calls,30,30,,,\n"
    "2026-03,WB,West,meetings,12,12,,,\n"
    "2026-03,WB,West,win_rate,40,40,,,\n"
    "2026-03,WC,West,revenue,500,500,1000,50,50\n"
    "2026-03,WC,West,calls,10,10,,,\n"
    "2026-03,WC,West,meetings,6,6,,,\n"
    "2026-03,WC,West,win_rate,40,40,,,\n";

/*
 * North P 1500 calls 10 meetings 1 (tier_top, target_hit: the only
 * mentor; 150%, so no activity_gap), U 600 10 10, R 500 1 10; South S
 * 700 2 10, V 800 10 10, Y 650 10 1.  Medians: calls 10 and meetings 10
 * in both teams.  R: 0.1 and 1: 0.55, activity_gap on calls (0.1); S:
 * 0.2 and 1: 0.6, on calls (0.2); Y: 1 and 0.1: 0.55, on meetings (0.1).
 * Served R (0.1, before Y by name), Y, S:
 *   R calls: P, same team, 10 > 1;
 *   Y meetings: P holds 1, not more than Y's 1: nothing to show, no
 *      mentor;
 *   S calls: nobody in South; P of North, 10 > 2, its second learner.
 */
static const char TWO[] = HDR
    "2026-03,P,North,revenue,1500,1500,1000,150,150\n"
    "2026-03,P,North,calls,10,10,,,\n"
    "2026-03,P,North,meetings,1,1,,,\n"
    "2026-03,U,North,revenue,600,600,1000,60,60\n"
    "2026-03,U,North,calls,10,10,,,\n"
    "2026-03,U,North,meetings,10,10,,,\n"
    "2026-03,R,North,revenue,500,500,1000,50,50\n"
    "2026-03,R,North,calls,1,1,,,\n"
    "2026-03,R,North,meetings,10,10,,,\n"
    "2026-03,S,South,revenue,700,700,1000,70,70\n"
    "2026-03,S,South,calls,2,2,,,\n"
    "2026-03,S,South,meetings,10,10,,,\n"
    "2026-03,V,South,revenue,800,800,1000,80,80\n"
    "2026-03,V,South,calls,10,10,,,\n"
    "2026-03,V,South,meetings,10,10,,,\n"
    "2026-03,Y,South,revenue,650,650,1000,65,65\n"
    "2026-03,Y,South,calls,10,10,,,\n"
    "2026-03,Y,South,meetings,1,1,,,\n";

/*
 * Nobody to learn from: A1, A2, A3 tie on revenue 500 (everyone tied:
 * all middle, no tier_top) and nobody reaches the target; A3's calls
 * 5 of the median 20 make an activity_gap with no mentor.  Solo, alone
 * in the team Z, is the whole team: its own median, no gap.
 */
static const char NOBODY[] = HDR
    "2026-03,A1,T,revenue,500,500,1000,50,50\n"
    "2026-03,A1,T,calls,20,20,,,\n"
    "2026-03,A2,T,revenue,500,500,1000,50,50\n"
    "2026-03,A2,T,calls,20,20,,,\n"
    "2026-03,A3,T,revenue,500,500,1000,50,50\n"
    "2026-03,A3,T,calls,5,5,,,\n";

static const char SOLO[] = HDR
    "2026-03,Solo,Z,revenue,300,300,1000,30,30\n"
    "2026-03,Solo,Z,calls,2,2,,,\n";

static char *activity[] = { "calls", "meetings" };

static const struct flag_opts DEFAULTS = {
	.under = 80 * FIXED_SCALE, .over = 110 * FIXED_SCALE,
	.persist = 3, .top = 20 * FIXED_SCALE,
	.bottom = 20 * FIXED_SCALE, .gap = 25 * FIXED_SCALE,
	.activity = activity, .nactivity = 2, .quiet = 1
};

static void
load(struct tf_fixture *f, const char *text)
{
	tf_load(f, text, &DEFAULTS);
}

/* The pairings of rep with flag fl, their notes joined by " | ". */
static void
pairs_of(const struct judgement *j, const char *rep, enum flag fl,
    char *buf, size_t size)
{
	uint32_t r = scores_rep(j->s, rep);
	size_t i;

	assert_int_not_equal(r, SC_NONE);
	buf[0] = '\0';
	for (i = mentor_first(j, r); i < j->nmh && j->mh[i].rep == r; i++) {
		if (j->mh[i].flag != fl)
			continue;
		if (buf[0] != '\0')
			strncat(buf, " | ", size - strlen(buf) - 1);
		strncat(buf, j->mh[i].note, size - strlen(buf) - 1);
	}
}

static const struct plan_hit *
pair_of(const struct judgement *j, const char *rep, enum flag fl)
{
	uint32_t r = scores_rep(j->s, rep);
	size_t i;

	for (i = mentor_first(j, r); i < j->nmh && j->mh[i].rep == r; i++)
		if (j->mh[i].flag == fl)
			return &j->mh[i];
	return NULL;
}

static void
every_pairing_and_the_third_learner(void **state)
{
	struct tf_fixture f;
	const struct plan_hit *h;
	char buf[512];

	(void)state;
	load(&f, TEAM);
	assert_non_null(judge_hit(&f.j, scores_rep(f.s, "EC"),
	    F_ACTIVITY_GAP)->value);
	assert_non_null(judge_hit(&f.j, scores_rep(f.s, "EE"),
	    F_CONVERSION_GAP)->value);
	assert_int_equal(f.j.nmh, 8);
	pairs_of(&f.j, "EE", F_MENTOR_MATCH, buf, sizeof(buf));
	assert_string_equal(buf, "EA (East) could mentor on win_rate: "
	    "50% vs 10%");
	h = pair_of(&f.j, "EE", F_MENTOR_MATCH);
	assert_string_equal(h->metric, "win_rate");
	assert_string_equal(h->value, "50");
	pairs_of(&f.j, "WC", F_MENTOR_MATCH, buf, sizeof(buf));
	assert_string_equal(buf, "WA (West) could mentor on calls: 50 vs 10");
	pairs_of(&f.j, "ED", F_MENTOR_MATCH, buf, sizeof(buf));
	assert_string_equal(buf, "EA (East) could mentor on meetings: "
	    "12 vs 4");
	pairs_of(&f.j, "EC", F_MENTOR_MATCH, buf, sizeof(buf));
	assert_string_equal(buf, "EB (East) could mentor on calls: 40 vs 20");
	/* The mentors' side, in the order the learners were served. */
	pairs_of(&f.j, "EA", F_MENTOR, buf, sizeof(buf));
	assert_string_equal(buf, "could mentor EE (East) on win_rate | "
	    "could mentor ED (East) on meetings");
	pairs_of(&f.j, "EB", F_MENTOR, buf, sizeof(buf));
	assert_string_equal(buf, "could mentor EC (East) on calls");
	pairs_of(&f.j, "WA", F_MENTOR, buf, sizeof(buf));
	assert_string_equal(buf, "could mentor WC (West) on calls");
	h = pair_of(&f.j, "WA", F_MENTOR);
	assert_string_equal(h->value, "50");
	pairs_of(&f.j, "WB", F_MENTOR_MATCH, buf, sizeof(buf));
	assert_string_equal(buf, "");
	tf_unload(&f);
}

static void
another_team_and_nobody_ahead(void **state)
{
	struct tf_fixture f;
	char buf[512];

	(void)state;
	load(&f, TWO);
	assert_non_null(judge_hit(&f.j, scores_rep(f.s, "Y"),
	    F_ACTIVITY_GAP)->value);
	assert_int_equal(f.j.nmh, 4);
	pairs_of(&f.j, "R", F_MENTOR_MATCH, buf, sizeof(buf));
	assert_string_equal(buf, "P (North) could mentor on calls: 10 vs 1");
	pairs_of(&f.j, "Y", F_MENTOR_MATCH, buf, sizeof(buf));
	assert_string_equal(buf, "");
	pairs_of(&f.j, "S", F_MENTOR_MATCH, buf, sizeof(buf));
	assert_string_equal(buf, "P (North) could mentor on calls: 10 vs 2");
	pairs_of(&f.j, "P", F_MENTOR, buf, sizeof(buf));
	assert_string_equal(buf, "could mentor R (North) on calls | "
	    "could mentor S (South) on calls");
	tf_unload(&f);
}

static void
no_top_tier_and_a_single_rep(void **state)
{
	struct tf_fixture f;

	(void)state;
	load(&f, NOBODY);
	assert_non_null(judge_hit(&f.j, scores_rep(f.s, "A3"),
	    F_ACTIVITY_GAP)->value);
	assert_null(judge_hit(&f.j, scores_rep(f.s, "A1"),
	    F_TIER_TOP)->value);
	assert_int_equal(f.j.nmh, 0);
	tf_unload(&f);
	load(&f, SOLO);
	assert_int_equal(f.j.nmh, 0);
	tf_unload(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_pairing_and_the_third_learner),
		cmocka_unit_test(another_team_and_nobody_ahead),
		cmocka_unit_test(no_top_tier_and_a_single_rep),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
