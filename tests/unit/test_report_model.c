/*
 * Unit tests for pm-report's model (cmd/pm-report/model.c): the period
 * and metric reported on, the reps in board order with their flags and
 * evidence, totals from roll-up rows or summed, ratios and tones.  The
 * expected values are worked out by hand from TABLE.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "scores.h"
#include "tutil.h"
#include "../../cmd/pm-report/report.h"
#include "../../cmd/pm-report/model.h"

/*
 * January finished; February in progress (projected = 2 x actual).
 * East has a roll-up row in February, West and everyone do not.
 * Win rates: Ann 3 of 4, Bob 1 of 4, Cy 0 of 2.
 */
static const char TABLE[] =
    "period,rep,team,metric,actual,projected,target,attainment,pace,rank,"
    "reps,flags,notes\n"
    "2026-01,Ann,East,revenue,800,800,1000,80.0,80.0,2,3,,\n"
    "2026-01,Bob,East,revenue,1200,1200,1000,120.0,120.0,1,3,,\n"
    "2026-01,Cy,West,revenue,500,500,1000,50.0,50.0,3,3,,\n"
    "2026-02,Bob,East,revenue,500,1000,1000,50.0,100.0,2,3,,\n"
    "2026-02,Ann,East,revenue,600,1200,1000,60.0,120.0,1,3,"
    "target_hit;personal_best,"
    "\"target_hit: on pace for 120%; personal_best: 1200 projected, "
    "her best\"\n"
    "2026-02,Cy,West,revenue,200,400,1000,20.0,40.0,3,3,"
    "underperformer;declining,\"underperformer: pace 40%; declining: "
    "500, 200\"\n"
    "2026-02,*,East,revenue,1100,2200,2000,55.0,110.0,,,,\n"
    "2026-02,Ann,East,cycle_days,20,20,30,150.0,,,,,\n"
    "2026-02,Ann,East,deals_won,3,,,,,,,,\n"
    "2026-02,Bob,East,deals_won,1,,,,,,,,\n"
    "2026-02,Cy,West,deals_won,0,,,,,,,,\n"
    "2026-02,Ann,East,deals_lost,1,,,,,,,,\n"
    "2026-02,Bob,East,deals_lost,3,,,,,,,,\n"
    "2026-02,Cy,West,deals_lost,2,,,,,,,,\n"
    "2026-02,Ann,East,win_rate,75,,,,,,,,\n"
    "2026-02,Bob,East,win_rate,25,,,,,,,,\n"
    "2026-02,Cy,West,win_rate,0,,,,,,,,\n";

struct fixture {
	char *path;
	struct scores *s;
	struct report_opts op;
	struct model c;
};

/* The model as sections_build() sets it up, for --team team (or none). */
static struct fixture *
model_of(const char *team)
{
	static const char *teams[1];
	struct fixture *f = calloc(1, sizeof(*f));

	assert_non_null(f);
	f->path = tu_write_tmp(TABLE);
	f->s = scores_load(&f->path, 1, ',', 0);
	if (team != NULL) {
		teams[0] = team;
		f->op.teams = teams;
		f->op.nteams = 1;
	}
	f->c.s = f->s;
	f->c.op = &f->op;
	f->c.sel = model_pick_period(&f->c);
	f->c.score = model_metric(f->s, "score");
	f->c.lbm = model_pick_metric(&f->c);
	model_resolve_teams(&f->c);
	model_collect_reps(&f->c);
	return f;
}

static void
fixture_free(struct fixture *f)
{
	int i, k;

	for (k = 0; k < f->c.nreps; k++)
		for (i = 0; i < f->c.reps[k].nfl; i++)
			free(f->c.reps[k].fl[i].note);
	free(f->c.reps);
	free(f->c.teams);
	scores_free(f->s);
	unlink(f->path);
	free(f->path);
	free(f);
}

static void
period_metric_and_reps(void **state)
{
	struct fixture *f = model_of(NULL);
	struct model *c = &f->c;
	char *w;

	(void)state;
	assert_string_equal(f->s->period_key[c->sel], "2026-02");
	assert_int_equal(c->score, -1);
	assert_string_equal(f->s->metric_name[c->lbm], "revenue");
	assert_true(c->in_progress);
	assert_true(c->has_teams);
	assert_false(c->by_team);	/* reps = 3 = every ranked rep */
	/* Board order: February's ranks, not the input's order. */
	assert_int_equal(c->nreps, 3);
	assert_string_equal(model_name(c, c->reps[0].id), "Ann");
	assert_string_equal(model_name(c, c->reps[1].id), "Bob");
	assert_string_equal(model_name(c, c->reps[2].id), "Cy");
	w = model_who(c, &c->reps[2]);
	assert_string_equal(w, "Cy (West)");
	free(w);
	/* Each flag with its own part of the notes. */
	assert_int_equal(c->reps[0].nfl, 2);
	assert_string_equal(c->reps[0].fl[0].name, "target_hit");
	assert_string_equal(c->reps[0].fl[0].note, "on pace for 120%");
	assert_string_equal(c->reps[0].fl[1].note,
	    "1200 projected, her best");
	assert_string_equal(model_has_flag(&c->reps[2], "declining")->note,
	    "500, 200");
	assert_null(model_has_flag(&c->reps[1], "declining"));
	fixture_free(f);
}

static void
flags_for_the_sections(void **state)
{
	struct fixture *f = model_of(NULL);
	struct model *c = &f->c;
	const char *focus[2];
	char buf[128];

	(void)state;
	assert_int_equal(model_names_with(c, "underperformer", "declining",
	    buf, sizeof(buf)), 1);
	assert_string_equal(buf, "Cy");
	assert_int_equal(model_names_with(c, "tier_top", NULL, buf,
	    sizeof(buf)), 0);
	assert_string_equal(buf, "");
	assert_false(model_needs_coaching(&c->reps[0]));
	assert_true(model_needs_coaching(&c->reps[2]));
	/* declining is more specific than underperformer: it comes first. */
	assert_int_equal(model_focus_areas(&c->reps[2], focus), 2);
	assert_non_null(strstr(focus[0], "review the pipeline"));
	assert_non_null(strstr(focus[1], "30-day plan"));
	assert_string_equal(model_flag_label("tier_top"), "Top tier");
	assert_string_equal(model_flag_label("no_such"), "no_such");
	fixture_free(f);
}

static void
totals(void **state)
{
	struct fixture *f = model_of(NULL);
	struct model *c = &f->c;
	int rev = model_metric(f->s, "revenue");
	int wr = model_metric(f->s, "win_rate");
	struct model_total t;

	(void)state;
	/* East: its roll-up row, exact numbers included. */
	assert_int_equal(model_team_total(c, c->sel, rev, "East", &t), 1);
	assert_true(t.has_actual && t.has_att && t.has_pace);
	assert_true(t.actual == 1100 && t.projected == 2200 &&
	    t.target == 2000 && t.att == 55 && t.pace == 110);
	/* West: no roll-up, Cy's row summed. */
	assert_int_equal(model_team_total(c, c->sel, rev, "West", &t), 0);
	assert_true(t.actual == 200 && t.projected == 400 && t.target == 1000);
	assert_false(t.has_att);
	/* Everyone: 600 + 500 + 200, 1200 + 1000 + 400, 3 x 1000. */
	assert_int_equal(model_team_total(c, c->sel, rev, NULL, &t), 0);
	assert_true(t.actual == 1300 && t.projected == 2600 &&
	    t.target == 3000);
	/* A win rate from its parts, 4 won of 10, not the mean 33.3. */
	model_team_total(c, c->sel, wr, NULL, &t);
	assert_true(t.has_actual);
	assert_true(fabs(t.actual - 40) < 1e-9);
	fixture_free(f);
}

static void
ratios_tones_and_order(void **state)
{
	struct fixture *f = model_of(NULL);
	struct model *c = &f->c;
	int rev = model_metric(f->s, "revenue");
	int cyc = model_metric(f->s, "cycle_days");
	int ids[8], n;
	double v = 0;

	(void)state;
	/* Higher is better: actual / target; lower: target / actual. */
	assert_true(model_ratio(c, rev, 600, 1000, &v) && v == 60);
	assert_true(model_ratio(c, cyc, 20, 30, &v) && v == 150);
	assert_false(model_ratio(c, rev, 5, 0, &v));
	assert_true(model_has_target(c, rev));
	assert_false(model_has_target(c, model_metric(f->s, "deals_won")));
	/* Judged on the pace while it runs, else on attainment. */
	assert_true(model_judged(model_row(c, c->sel, c->reps[0].id, rev),
	    &v) && v == 120);
	assert_true(model_judged(model_row(c, c->sel, c->reps[0].id, cyc),
	    &v) && v == 150);
	assert_false(model_judged(NULL, &v));
	assert_int_equal(model_att_tone(100), TONE_GOOD);
	assert_int_equal(model_att_tone(80), TONE_NONE);
	assert_int_equal(model_att_tone(79.9), TONE_BAD);
	assert_int_equal(model_change_tone(c, rev, 5), TONE_GOOD);
	assert_int_equal(model_change_tone(c, cyc, 5), TONE_BAD);
	assert_int_equal(model_change_tone(c, rev, -1), TONE_BAD);
	assert_int_equal(model_change_tone(c, rev, 0.04), TONE_NONE);
	/* Report order: revenue, deals_won, win_rate, deals_lost, cycle_days. */
	n = model_metric_order(c, ids);
	assert_int_equal(n, 5);
	assert_string_equal(f->s->metric_name[ids[0]], "revenue");
	assert_string_equal(f->s->metric_name[ids[1]], "deals_won");
	assert_string_equal(f->s->metric_name[ids[2]], "win_rate");
	assert_string_equal(f->s->metric_name[ids[3]], "deals_lost");
	assert_string_equal(f->s->metric_name[ids[4]], "cycle_days");
	assert_int_equal(model_metric_rank("score"), 0);
	assert_true(model_metric_rank("tasks") < model_metric_rank("zzz"));
	fixture_free(f);
}

static void
one_team(void **state)
{
	struct fixture *f = model_of("west");	/* case does not matter */
	struct model *c = &f->c;

	(void)state;
	assert_int_equal(c->nteams, 1);
	assert_string_equal(c->teams[0], "West");
	assert_int_equal(c->nreps, 1);
	assert_string_equal(model_name(c, c->reps[0].id), "Cy");
	assert_true(model_in_scope(c, "West"));
	assert_false(model_in_scope(c, "East"));
	assert_string_equal(model_scope_rollup(c, NULL), "West");
	assert_string_equal(model_scope_rollup(c, "East"), "East");
	fixture_free(f);
}

/*
 * SPEC section 13: April finished, May 2 of 31 days in (6.5%): the
 * period reported on is April, and c->pick says why.  In April Bob had
 * nothing: he is not above zero, Ann is.
 */
static void
early_period(void **state)
{
	static const char early[] =
	    "period,rep,team,metric,actual,projected,rank,reps,elapsed\n"
	    "2025-04,Ann,,revenue,1000,1000,1,2,100.0\n"
	    "2025-04,Bob,,revenue,0,0,2,2,100.0\n"
	    "2025-05,Ann,,revenue,224,3472,1,2,6.5\n"
	    "2025-05,Bob,,revenue,0,0,2,2,6.5\n";
	struct report_opts op;
	struct model c;
	struct scores *s;
	char *path = tu_write_tmp(early);

	(void)state;
	memset(&op, 0, sizeof(op));
	memset(&c, 0, sizeof(c));
	op.min_elapsed = 25 * 10000;
	s = scores_load(&path, 1, ',', 0);
	c.s = s;
	c.op = &op;
	c.sel = model_pick_period(&c);
	c.score = model_metric(s, "score");
	c.lbm = model_pick_metric(&c);
	model_collect_reps(&c);
	assert_string_equal(s->period_key[c.sel], "2025-04");
	assert_string_equal(s->period_key[c.pick.early], "2025-05");
	assert_false(c.in_progress);
	assert_true(model_above_zero(&c, (int)scores_rep(s, "Ann")));
	assert_false(model_above_zero(&c, (int)scores_rep(s, "Bob")));
	free(c.reps);
	/* --min-elapsed 5: May, in progress by its elapsed. */
	memset(&c, 0, sizeof(c));
	op.min_elapsed = 5 * 10000;
	c.s = s;
	c.op = &op;
	c.sel = model_pick_period(&c);
	c.score = model_metric(s, "score");
	c.lbm = model_pick_metric(&c);
	model_collect_reps(&c);
	assert_string_equal(s->period_key[c.sel], "2025-05");
	assert_int_equal(c.pick.early, SC_NONE);
	assert_true(c.in_progress);
	/* -P wins, however early. */
	free(c.reps);
	memset(&c, 0, sizeof(c));
	op.min_elapsed = 25 * 10000;
	op.period = "2025-05";
	c.s = s;
	c.op = &op;
	c.sel = model_pick_period(&c);
	assert_string_equal(s->period_key[c.sel], "2025-05");
	assert_int_equal(c.pick.early, SC_NONE);
	scores_free(s);
	unlink(path);
	free(path);
}

/*
 * Coverage of everyone from its parts: open pipeline / (target - revenue).
 * A target of 9e14 less revenue of -9e14 is 1.8e15, past INT64_MAX in
 * 1/10000 units (it was undefined, and wrapped): open pipeline 9e14 /
 * 1.8e15 = 0.5.
 */
static void
coverage_near_the_limit(void **state)
{
	static const char table[] =
	    "period,rep,team,metric,actual,projected,target,rank,reps\n"
	    "2026-03,Ann,,revenue,-900000000000000,,900000000000000,1,1\n"
	    "2026-03,Ann,,open_pipeline,900000000000000,,,1,1\n"
	    "2026-03,Ann,,coverage,1.00,,,1,1\n";
	struct report_opts op;
	struct model c;
	struct model_total t;
	struct scores *s;
	char *path;
	int m;

	(void)state;
	path = tu_write_tmp(table);
	memset(&op, 0, sizeof(op));
	memset(&c, 0, sizeof(c));
	s = scores_load(&path, 1, ',', 0);
	c.s = s;
	c.op = &op;
	c.sel = model_pick_period(&c);
	c.lbm = model_pick_metric(&c);
	model_collect_reps(&c);
	m = model_metric(s, "coverage");
	assert_true(m >= 0);
	model_team_total(&c, c.sel, m, NULL, &t);
	assert_true(t.has_actual);
	assert_true(fabs(t.actual - 0.5) < 1e-9);
	free(c.reps);
	scores_free(s);
	unlink(path);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(period_metric_and_reps),
		cmocka_unit_test(flags_for_the_sections),
		cmocka_unit_test(totals),
		cmocka_unit_test(ratios_tones_and_order),
		cmocka_unit_test(one_team),
		cmocka_unit_test(early_period),
		cmocka_unit_test(coverage_near_the_limit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
