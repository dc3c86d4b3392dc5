/*
 * The report's sections for one period: headline, leaderboard, wins,
 * coaching focus and distribution, and sections_build() putting them (and
 * the optional ones) together.  Reps are listed in leaderboard order
 * (rank, then name), flags in the order of model.c's tables: never in
 * hash order.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "date.h"
#include "err.h"
#include "metrics.h"
#include "num.h"
#include "report.h"
#include "model.h"

#define PREVIEW 5		/* names in the headline's "needs attention" */
/* Above BOARD_MAX reps the leaderboard shows the top and the bottom. */
#define BOARD_MAX 50
#define BOARD_TOP 20
#define BOARD_BOTTOM 10

/* ---- headline ---- */

/* Metrics with a target, or the results a manager looks at first. */
static int
headline_metrics(const struct model *c, int *show, int *targeted)
{
	const struct scores *t = c->s;
	int *ids = xcalloc(t->nmetrics + 1, sizeof(int));
	int i, n = model_metric_order(c, ids), ns = 0, r;

	for (i = 0; i < n; i++)
		if (ids[i] != c->score && model_has_target(c, ids[i]))
			show[ns++] = ids[i];
	*targeted = ns > 0;
	for (i = 0; !*targeted && i < n; i++)
		if ((r = model_metric_rank(t->metric_name[ids[i]])) >= 1 && r <= 3)
			show[ns++] = ids[i];
	/* Never a total of the score: it is a mean of capped attainments. */
	for (i = 0; ns == 0 && i < n && i < 3; i++)
		if (ids[i] != c->score)
			show[ns++] = ids[i];
	free(ids);
	return ns;
}

static void
headline_table(struct doc *d, const struct model *c, const char *first,
    int targeted)
{
	struct column cols[6];
	int nc = 0;

	cols[nc++] = (struct column){ (char *)first, AL_LEFT, 1 };
	cols[nc++] = (struct column){ "Actual", AL_RIGHT, 0 };
	if (targeted) {
		cols[nc++] = (struct column){ "Target", AL_RIGHT, 0 };
		cols[nc++] = (struct column){ "Attain.", AL_RIGHT, 0 };
		if (c->in_progress)
			cols[nc++] = (struct column){ "Pace", AL_RIGHT, 0 };
	}
	cols[nc++] = (struct column){ "Change", AL_RIGHT, 0 };
	doc_table(d, nc, cols);
}

/* Attainment and pace of a total: the roll-up's own when it has them. */
static int
total_att(const struct model *c, int metric, const struct model_total *tt,
    double *att)
{
	if (tt->has_att) {
		*att = tt->att;
		return 1;
	}
	return tt->has_target && tt->has_actual &&
	    model_ratio(c, metric, tt->actual, tt->target, att);
}

static int
total_pace(const struct model *c, int metric, const struct model_total *tt,
    double *pace)
{
	if (tt->has_pace) {
		*pace = tt->pace;
		return 1;
	}
	return tt->has_target && tt->has_projected &&
	    model_ratio(c, metric, tt->projected, tt->target, pace);
}

/* One row of totals: for the metric, of a team (NULL: everyone). */
static void
headline_row(struct doc *d, const struct model *c, int metric,
    const char *team, const char *label, int targeted)
{
	const char *m = c->s->metric_name[metric];
	char b[FMT_BUFSIZE];
	struct model_total cur, prev;
	double att, pace, ch, now;
	int has_prev;

	model_team_total(c, c->sel, metric, team, &cur);
	has_prev = c->sel > 0 &&
	    (model_team_total(c, c->sel - 1, metric, team, &prev),
	        prev.has_actual);
	if (!has_prev)
		has_prev = model_prev_column(c, metric, team, &prev);
	doc_row(d);
	doc_cell(d, TONE_NONE, "%s", label);
	doc_cell(d, TONE_NONE, "%s", cur.has_actual ?
	    fmt_metric(m, cur.actual, b) : "");
	if (targeted) {
		doc_cell(d, TONE_NONE, "%s", cur.has_target ?
		    fmt_metric(m, cur.target, b) : "");
		if (total_att(c, metric, &cur, &att))
			doc_cell(d,
			    c->in_progress ? TONE_NONE : model_att_tone(att),
			    "%s", fmt_pct(att, b));
		else
			doc_cell(d, TONE_NONE, "%s", "");
	}
	if (targeted && c->in_progress) {
		if (total_pace(c, metric, &cur, &pace))
			doc_cell(d, model_att_tone(pace), "%s",
			    fmt_pct(pace, b));
		else
			doc_cell(d, TONE_NONE, "%s", "");
	}
	now = c->in_progress && cur.has_projected ? cur.projected : cur.actual;
	/* The roll-up's change, unless it is of a partial period's actual. */
	if (cur.has_change && now == cur.actual)
		doc_cell(d, model_change_tone(c, metric, cur.change), "%s",
		    fmt_change(cur.change, b));
	else if (has_prev && cur.has_actual && prev.actual != 0) {
		ch = (now - prev.actual) / fabs(prev.actual) * 100;
		doc_cell(d, model_change_tone(c, metric, ch), "%s",
		    fmt_change(ch, b));
	} else
		doc_cell(d, TONE_NONE, "%s", "");
}

static int
cmpstrp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The teams of the period's reps, by name. */
static int
teams(const struct model *c, const char **out)
{
	int k, i, n = 0;

	for (k = 0; k < c->nreps; k++) {
		const char *tm = c->reps[k].team;

		if (*tm == '\0' || strcmp(tm, "*") == 0)
			continue;
		for (i = 0; i < n && strcmp(out[i], tm) != 0; i++)
			;
		if (i == n)
			out[n++] = tm;
	}
	qsort(out, (size_t)n, sizeof(*out), cmpstrp);
	return n;
}

/* The first number a manager asks for, in one sentence. */
static void
headline_sentence(struct doc *d, const struct model *c, int metric)
{
	const char *m = c->s->metric_name[metric];
	char b1[FMT_BUFSIZE], b2[FMT_BUFSIZE], b3[FMT_BUFSIZE];
	char b4[FMT_BUFSIZE], lc[FMT_BUFSIZE];
	struct model_total cur;
	double att, pace;

	/* "Team revenue", as in a sentence. */
	snprintf(lc, sizeof(lc), "%s", fmt_metric_label(m));
	if (lc[0] >= 'A' && lc[0] <= 'Z')
		lc[0] = (char)(lc[0] - 'A' + 'a');
	model_team_total(c, c->sel, metric, NULL, &cur);
	if (!cur.has_actual || !cur.has_target ||
	    !total_att(c, metric, &cur, &att))
		return;
	if (c->in_progress && cur.has_projected &&
	    total_pace(c, metric, &cur, &pace))
		doc_para(d, "Team %s: %s to date against a target of %s, on "
		    "pace for %s (%s of target).", lc,
		    fmt_metric(m, cur.actual, b1), fmt_metric(m, cur.target, b2),
		    fmt_metric(m, cur.projected, b3), fmt_pct(pace, b4));
	else
		doc_para(d, "Team %s: %s against a target of %s (%s).",
		    lc, fmt_metric(m, cur.actual, b1),
		    fmt_metric(m, cur.target, b2), fmt_pct(att, b3));
}

/*
 * SPEC section 13: two days into a month the report judges the month
 * before, and says so first.
 */
static void
early_note(struct doc *d, const struct model *c)
{
	char why[160];

	if (c->pick.early == SC_NONE)
		return;
	scores_early_text(c->s, &c->pick, why, sizeof(why));
	if (c->pick.none_finished)
		doc_para(d, "%s; no earlier period is finished, so this report "
		    "judges it all the same, on early projections.", why);
	else
		doc_para(d, "%s; this report judges %s.", why,
		    c->s->period_key[c->sel]);
}

/* What the leaderboard ranks on, in a sentence: "revenue", "a score". */
static const char *
board_metric_words(const struct model *c)
{
	return c->lbm == c->score ? "a composite score" :
	    c->s->metric_name[c->lbm];
}

/* Who leads, and who needs attention: names, for the email preview. */
static void
headline_people(struct doc *d, const struct model *c)
{
	char lead[512], attn[512];
	size_t ll = 0, la = 0;
	int k, n = 0, positive = 0;

	double best = INFINITY;

	lead[0] = attn[0] = '\0';
	/*
	 * 1 unless --team leaves the company's leader out.  Nobody leads
	 * with nothing: only reps above zero.
	 */
	for (k = 0; k < c->nreps; k++) {
		const struct score_row *s = model_row(c, c->sel, c->reps[k].id, c->lbm);

		if (s != NULL && scores_known(s, SC_RANK) &&
		    model_above_zero(c, c->reps[k].id)) {
			best = fmin(best, model_num(s, SC_RANK));
			positive = 1;
		}
	}
	for (k = 0; k < c->nreps; k++) {
		const struct model_rep *r = &c->reps[k];
		const struct score_row *s = model_row(c, c->sel, r->id, c->lbm);

		if (s != NULL && scores_known(s, SC_RANK) && model_num(s, SC_RANK) == best &&
		    model_above_zero(c, r->id) && ll < sizeof(lead) - 100) {
			snprintf(lead + ll, sizeof(lead) - ll, "%s%s",
			    ll ? ", " : "", model_name(c, r->id));
			ll = strlen(lead);
		}
	}
	for (k = c->nreps - 1; k >= 0; k--) {
		if (!model_needs_coaching(&c->reps[k]))
			continue;
		/* A preview, not the list: that is the coaching section. */
		if (++n > PREVIEW || la >= sizeof(attn) - 100)
			continue;
		snprintf(attn + la, sizeof(attn) - la, "%s%s", la ? ", " : "",
		    model_name(c, c->reps[k].id));
		la = strlen(attn);
	}
	if (n > PREVIEW)
		snprintf(attn + la, sizeof(attn) - la, " and %d more",
		    n - PREVIEW);
	if (!positive) {
		snprintf(lead, sizeof(lead), "nobody yet (no rep has %s above "
		    "zero in %s)", board_metric_words(c),
		    c->s->period_key[c->sel]);
		ll = strlen(lead);
	}
	if (ll > 0 && la > 0)
		doc_para(d, "Leading: %s. Needs attention: %s.", lead, attn);
	else if (ll > 0)
		doc_para(d, "Leading: %s.", lead);
}

static void
headline(struct doc *d, struct model *c)
{
	const struct scores *t = c->s;
	int *show = xcalloc(t->nmetrics + 1, sizeof(int));
	const char **tm = xcalloc((size_t)c->nreps + 1, sizeof(*tm));
	int i, ns, nt, targeted, hit = 0, judged_n = 0;
	double v;

	ns = headline_metrics(c, show, &targeted);
	doc_h2(d, "Headline");
	early_note(d, c);
	for (i = 0; i < c->nreps; i++)
		if (model_judged(model_row(c, c->sel, c->reps[i].id,
		    c->lbm), &v)) {
			judged_n++;
			hit += v >= 100;
		}
	if (judged_n > 0)
		doc_para(d, "%d of %d rep%s %s target on %s.", hit,
		    judged_n, judged_n == 1 ? "" : "s", c->in_progress ?
		    (hit == 1 ? "is on pace for" : "are on pace for") :
		    "reached", c->lbm == c->score ? "the composite score" :
		    fmt_metric_label(t->metric_name[c->lbm]));
	else
		doc_para(d, "%d rep%s in %s; no targets were given.",
		    c->nreps, c->nreps == 1 ? "" : "s", t->period_key[c->sel]);
	if (targeted)
		headline_sentence(d, c, show[0]);
	headline_people(d, c);
	if (ns > 0)
		headline_table(d, c, "Metric", targeted);
	for (i = 0; i < ns; i++)
		headline_row(d, c, show[i], NULL, fmt_metric_label(t->metric_name[show[i]]),
		    targeted);
	/* The first metric by team, when there are teams to compare. */
	if (ns > 0 && (nt = teams(c, tm)) > 1) {
		char head[FMT_BUFSIZE];

		snprintf(head, sizeof(head), "%s by team",
		    fmt_metric_label(t->metric_name[show[0]]));
		headline_table(d, c, head, targeted);
		for (i = 0; i < nt; i++)
			headline_row(d, c, show[0], tm[i], tm[i], targeted);
		/* Several --team: their sum. */
		if (c->nteams > 1)
			headline_row(d, c, show[0], NULL, "Total", targeted);
	}
	if (c->sel > 0 && ns > 0)
		doc_note(d, "Change is against %s%s.", t->period_key[c->sel - 1],
		    c->in_progress ? ", of the projection; while the period "
		    "runs, actuals are to date and pace is the projected "
		    "attainment at its end" : "");
	else if (c->in_progress)
		doc_note(d, "The period is in progress: actuals are to date "
		    "and pace is the projection to its end.");
	free(show);
	free(tm);
}

/* ---- leaderboard ---- */

/* What the leaderboard shows besides rank and name. */
struct board {
	const char *metric;
	int is_score;		/* ranked on the composite score */
	int tgt;		/* the metric has targets (not the score) */
	int pace;		/* a pace column: the period runs */
	int rev;		/* revenue beside the score, or -1 */
	int history;		/* an earlier period: move and trend */
};

static void
board_columns(struct doc *d, const struct model *c, const struct board *bd)
{
	struct column cols[10];
	int nc = 0;

	cols[nc++] = (struct column){ "#", AL_RIGHT, 0 };
	cols[nc++] = (struct column){ "Rep", AL_LEFT, 1 };
	if (c->has_teams)
		cols[nc++] = (struct column){ "Team", AL_LEFT, 1 };
	cols[nc++] = (struct column){ bd->is_score && c->in_progress ?
	    "To date" : (char *)fmt_metric_label(bd->metric), AL_RIGHT, 0 };
	if (bd->tgt)
		cols[nc++] = (struct column){ "Attain.", AL_RIGHT, 0 };
	if (bd->pace)
		cols[nc++] = (struct column){ "Pace", AL_RIGHT, 0 };
	if (bd->rev >= 0)
		cols[nc++] = (struct column){ "Revenue", AL_RIGHT, 0 };
	if (bd->history) {
		cols[nc++] = (struct column){ "Move", AL_RIGHT, 0 };
		cols[nc++] = (struct column){ "Trend", AL_LEFT, 0 };
	}
	doc_table(d, nc, cols);
}

/* Places gained or lost since the previous period. */
static void
move_cell(struct doc *d, const struct model *c, int rep,
    const struct score_row *r)
{
	const struct score_row *pr = model_row(c, c->sel - 1, rep, c->lbm);
	double mv;

	if (pr == NULL) {
		doc_cell(d, TONE_NONE, "%s", "new");
		return;
	}
	if (r == NULL || !scores_known(r, SC_RANK) || !scores_known(pr, SC_RANK)) {
		doc_cell(d, TONE_NONE, "%s", "");
		return;
	}
	mv = model_num(pr, SC_RANK) - model_num(r, SC_RANK);
	if (mv > 0)
		doc_cell(d, TONE_GOOD, "\u25b2%.0f", mv);
	else if (mv < 0)
		doc_cell(d, TONE_BAD, "\u25bc%.0f", -mv);
	else
		doc_cell(d, TONE_NONE, "%s", "=");
}

static void
board_row(struct doc *d, const struct model *c, const struct board *bd,
    const struct model_rep *rp)
{
	const struct score_row *r = model_row(c, c->sel, rp->id, c->lbm);
	double v[MODEL_TREND];
	unsigned char kn[MODEL_TREND];
	struct series s;
	int done = c->in_progress == 0;

	doc_row(d);
	if (r != NULL && scores_known(r, SC_RANK))
		doc_cell(d, TONE_NONE, "%.0f", model_num(r, SC_RANK));
	else
		doc_cell(d, TONE_NONE, "%s", "-");
	doc_cell(d, TONE_NONE, "%s", model_name(c, rp->id));
	if (c->has_teams)
		doc_cell(d, TONE_NONE, "%s", rp->team);
	/* To-date numbers of a running period are not failures: no colour. */
	model_num_cell(d, r, SC_ACTUAL, bd->is_score && done && r != NULL ?
	    model_att_tone(model_num(r, SC_ACTUAL)) : TONE_NONE, bd->metric);
	if (bd->tgt)
		model_num_cell(d, r, SC_ATTAINMENT, done && r != NULL ?
		    model_att_tone(model_num(r, SC_ATTAINMENT)) : TONE_NONE,
		        NULL);
	if (bd->pace)
		model_num_cell(d, r, SC_PACE, r != NULL ? model_att_tone(model_num(r, SC_PACE)) :
		    TONE_NONE, bd->is_score ? bd->metric : NULL);
	if (bd->rev >= 0)
		model_num_cell(d, model_row(c, c->sel, rp->id, bd->rev),
		    SC_ACTUAL, TONE_NONE, "revenue");
	if (bd->history) {
		move_cell(d, c, rp->id, r);
		model_trend(c, rp->id, c->lbm, SC_ACTUAL, &s, v, kn);
		doc_cell_trend(d, &s);
	}
}

/* Whether the leaderboard shows the rep at board position k. */
static int
board_shows(const struct model *c, int k)
{
	return c->op->all || c->nreps <= BOARD_MAX || k < BOARD_TOP ||
	    k >= c->nreps - BOARD_BOTTOM;
}

static int
board_count(const struct model *c)
{
	return c->op->all || c->nreps <= BOARD_MAX ? c->nreps :
	    BOARD_TOP + BOARD_BOTTOM;
}

/* A team's roll-up row, above the reps of a cut leaderboard. */
static void
board_team(struct doc *d, const struct model *c, const struct board *bd,
    const char *team)
{
	const struct score_row *r = model_rollup(c->s, c->sel, c->lbm, team);
	char label[FMT_BUFSIZE + 16];
	int done = c->in_progress == 0;

	if (r == NULL)
		return;
	snprintf(label, sizeof(label), "%s (team)", team);
	doc_row(d);
	doc_cell(d, TONE_NONE, "%s", "");
	doc_cell(d, TONE_NONE, "%s", label);
	if (c->has_teams)
		doc_cell(d, TONE_NONE, "%s", team);
	model_num_cell(d, r, SC_ACTUAL, bd->is_score && done ?
	    model_att_tone(model_num(r, SC_ACTUAL)) : TONE_NONE, bd->metric);
	if (bd->tgt)
		model_num_cell(d, r, SC_ATTAINMENT, done ? model_att_tone(model_num(r, SC_ATTAINMENT)) :
		    TONE_NONE, NULL);
	if (bd->pace)
		model_num_cell(d, r, SC_PACE, model_att_tone(model_num(r,
		    SC_PACE)), bd->is_score ? bd->metric : NULL);
	if (bd->rev >= 0)
		model_num_cell(d, model_rollup(c->s, c->sel, bd->rev, team), SC_ACTUAL,
		    TONE_NONE, "revenue");
	if (bd->history) {
		doc_cell(d, TONE_NONE, "%s", "");
		doc_cell(d, TONE_NONE, "%s", "");
	}
}

/* Each rep's attainment (pace while the period runs) against 100%. */
static void
board_chart(struct doc *d, const struct model *c, const struct board *bd)
{
	struct chart *ch;
	double jv;
	int k, n;

	ch = doc_chart(d, CH_BARS, bd->is_score ? (c->in_progress ?
	    "Projected composite score by rep (pace; 100 = on target)" :
	    "Composite score by rep (100 = on target)") : (c->in_progress ?
	    "Pace by rep (projected attainment)" : "Attainment by rep"),
	    board_count(c));
	for (k = 0, n = 0; k < c->nreps; k++) {
		if (!board_shows(c, k))
			continue;
		ch->label[n] = xstrdup(model_name(c, c->reps[k].id));
		ch->value[n++] = model_judged(model_row(c, c->sel,
		    c->reps[k].id, c->lbm), &jv) ? jv : 0;
	}
	ch->ref = 100;
}

static void
leaderboard(struct doc *d, struct model *c)
{
	const struct scores *t = c->s;
	const char **tm;
	struct board bd;
	int k, nt, cut;

	bd.metric = t->metric_name[c->lbm];
	bd.is_score = c->lbm == c->score;
	bd.tgt = !bd.is_score && model_has_target(c, c->lbm);
	bd.pace = c->in_progress && (bd.tgt || bd.is_score);
	bd.rev = bd.is_score ? model_metric(t, "revenue") : -1;
	bd.history = c->sel > 0;
	doc_h2(d, "Leaderboard");
	doc_para(d, "Reps ranked%s by %s%s.", c->by_team ?
	    " within each team" : "", bd.is_score ?
	    "composite score (weighted attainment of the targeted metrics, "
	    "capped)" : fmt_metric_label(bd.metric), c->in_progress &&
	    !bd.is_score ? " to date" : "");
	board_columns(d, c, &bd);
	cut = board_count(c) < c->nreps;
	if (cut) {
		tm = xcalloc((size_t)c->nreps + 1, sizeof(*tm));
		nt = teams(c, tm);
		for (k = 0; k < nt; k++)
			board_team(d, c, &bd, tm[k]);
		free(tm);
	}
	for (k = 0; k < c->nreps; k++)
		if (board_shows(c, k))
			board_row(d, c, &bd, &c->reps[k]);
	if (cut)
		doc_note(d, "%d more reps not shown: places %d to %d of %d "
		    "(pm-report --all shows every rep).",
		    c->nreps - board_count(c), BOARD_TOP + 1,
		    c->nreps - BOARD_BOTTOM, c->nreps);
	if (bd.history)
		doc_note(d, "Move: places gained (\u25b2) or lost (\u25bc) "
		    "since %s. Trend: %s over the last %d periods%s.",
		    t->period_key[c->sel - 1], fmt_metric_label(bd.metric),
		    c->sel + 1 < MODEL_TREND ? c->sel + 1 : MODEL_TREND,
		        c->in_progress ?
		    ", the last one projected" : "");
	change_moves(d, c);
	if (bd.tgt || bd.is_score)
		board_chart(d, c, &bd);
}

/* ---- wins and coaching ---- */

static int
no_flags(struct doc *d, const struct model *c, const char *what)
{
	if ((c->s->col[SC_FLAGS] >= 0))
		return 0;
	doc_para(d, "Flags were not computed: run pm-flag on the scores "
	    "before pm-report to see %s.", what);
	return 1;
}

/* Evidence when pm-flag gave none: the rep's attainment or pace. */
static const char *
own_evidence(const struct model *c, const struct model_rep *r, char *buf)
{
	const struct score_row *s = model_row(c, c->sel, r->id, c->lbm);
	char b[FMT_BUFSIZE];
	double v;

	if (!model_judged(s, &v))
		return NULL;
	snprintf(buf, FMT_BUFSIZE * 2, "%s %s on %s", c->in_progress &&
	    scores_known(s, SC_PACE) ? "pace" : "attainment", fmt_pct(v, b),
	    c->lbm == c->score ? "the composite score" :
	    c->s->metric_name[c->lbm]);
	return buf;
}

static void
wins_section(struct doc *d, struct model *c)
{
	int w, k, any = 0;
	char *s, ev[FMT_BUFSIZE * 2];

	doc_h2(d, "Wins");
	if (no_flags(d, c, "wins"))
		return;
	for (w = 0; model_win_flags[w] != NULL; w++) {
		int first = 1;

		for (k = 0; k < c->nreps; k++) {
			const struct model_flag *f = model_has_flag(&c->reps[k], model_win_flags[w]);

			if (f == NULL)
				continue;
			if (first)
				doc_h3(d, c->in_progress &&
				    strcmp(model_win_flags[w],
				        "target_hit") == 0 ?
				    "On pace for target" : model_flag_label(model_win_flags[w]));
			first = 0;
			any = 1;
			s = model_who(c, &c->reps[k]);
			doc_item(d, s, *f->note ? f->note :
			    own_evidence(c, &c->reps[k], ev));
			free(s);
		}
	}
	if (!any)
		doc_para(d, "No wins were flagged in %s.",
		    c->s->period_key[c->sel]);
}

/* A rep to coach: the flags, their evidence, one or two focus areas. */
static void
coach_item(struct doc *d, const struct model *c, const struct model_rep *r)
{
	const char *fa[2];
	char buf[256], *s;
	size_t len = 0;
	int i, n;

	buf[0] = '\0';
	for (i = 0; model_coaching_flags[i] != NULL; i++)
		if (model_has_flag(r, model_coaching_flags[i]) != NULL) {
			snprintf(buf + len, sizeof(buf) - len, "%s%s",
			    len ? ", " : "",
			        model_flag_label(model_coaching_flags[i]));
			len = strlen(buf);
		}
	s = model_who(c, r);
	doc_item(d, s, buf);
	free(s);
	for (i = 0; model_coaching_flags[i] != NULL; i++) {
		const struct model_flag *f = model_has_flag(r,
		    model_coaching_flags[i]);

		if (f != NULL && *f->note != '\0')
			doc_detail(d, model_flag_label(model_coaching_flags[i]),
			    f->note);
	}
	/* While a coaching plan runs, its focus is the rep's. */
	if ((n = followup_focus(c, (int)(r - c->reps), fa, 2)) == 0)
		n = model_focus_areas(r, fa);
	for (i = 0; i < n; i++)
		doc_detail(d, "Focus", fa[i]);
}

static void
coaching_section(struct doc *d, struct model *c)
{
	char buf[512];
	int k, n, any = 0;

	doc_h2(d, "Coaching focus");
	if (no_flags(d, c, "who needs coaching"))
		return;
	/* The reps who most need it first: from the bottom of the board. */
	for (k = c->nreps - 1; k >= 0; k--)
		if (model_needs_coaching(&c->reps[k])) {
			coach_item(d, c, &c->reps[k]);
			any = 1;
		}
	if (!any)
		doc_para(d, "Nobody was flagged for coaching in %s.",
		    c->s->period_key[c->sel]);
	/* Top performers need coaching too; nobody tops with nothing. */
	n = model_names_above_zero(c, "high_flyer", "tier_top", buf,
	    sizeof(buf));
	for (k = 0; k < c->nreps && !model_above_zero(c, c->reps[k].id); k++)
		;
	if (k == c->nreps)
		doc_note(d, "Top performers need coaching too, but nobody has "
		    "%s above zero in %s yet.", board_metric_words(c),
		    c->s->period_key[c->sel]);
	else if (n > 0)
		doc_note(d, "Top performers need coaching too: %s. Give them "
		    "stretch goals and help on their biggest deals, and ask "
		    "them to share what works with the team.", buf);
	else
		doc_note(d, "Top performers need coaching too: stretch goals, "
		    "help on their biggest deals, and a chance to share what "
		    "works with the team.");
}

/* ---- distribution ---- */

static void
tiers(struct doc *d, const struct model *c)
{
	static const char *const tier[] = {
		"tier_top", "tier_middle", "tier_bottom"
	};
	struct chart *ch;
	char buf[1024], lead[64];
	int i, n[3], all = 0;

	for (i = 0; i < 3; i++) {
		all += n[i] = model_names_with(c, tier[i], NULL, buf,
		    sizeof(buf));
		if (n[i] == 0)
			continue;
		snprintf(lead, sizeof(lead), "%s (%d)",
		    model_flag_label(tier[i]), n[i]);
		doc_item(d, lead, buf);
	}
	if (all == 0)
		return;
	/* Bottom to top, as a bell curve is drawn. */
	ch = doc_chart(d, CH_HIST, "Reps per tier", 3);
	ch->html_only = 1;
	for (i = 0; i < 3; i++) {
		ch->label[i] = xstrdup(model_flag_label(tier[2 - i]));
		ch->value[i] = n[2 - i];
	}
	ch->tone[0] = TONE_BAD;
	ch->tone[2] = TONE_GOOD;
}

#define NBANDS 5

/* Reps by attainment band (lower bounds included): the bell curve. */
static void
bands(struct doc *d, const struct model *c)
{
	static const char *const label[NBANDS] = {
		"under 50%", "50 to 80%", "80 to 100%", "100 to 120%",
		"120% or more"
	};
	static const double lo[NBANDS] = { -INFINITY, 50, 80, 100, 120 };
	static const enum tone tone[NBANDS] = {
		TONE_BAD, TONE_BAD, TONE_WARN, TONE_GOOD, TONE_GOOD
	};
	struct chart *ch;
	int count[NBANDS] = { 0 }, k, i, none = 0;
	double v;

	for (k = 0; k < c->nreps; k++) {
		if (!model_judged(model_row(c, c->sel, c->reps[k].id,
		    c->lbm), &v)) {
			none++;
			continue;
		}
		for (i = NBANDS - 1; i > 0 && v < lo[i]; i--)
			;
		count[i]++;
	}
	if (none == c->nreps) {
		doc_para(d, "No targets, so no attainment bands.");
		return;
	}
	ch = doc_chart(d, CH_HIST, c->lbm == c->score ? (c->in_progress ?
	    "Reps by projected composite score (pace)" :
	    "Reps by composite score") : (c->in_progress ?
	    "Reps by pace (projected attainment)" : "Reps by attainment"),
	    NBANDS);
	for (i = 0; i < NBANDS; i++) {
		ch->label[i] = xstrdup(label[i]);
		ch->value[i] = count[i];
		ch->tone[i] = tone[i];
	}
	if (none > 0)
		doc_note(d, "%d rep%s without a target %s not counted.", none,
		    none == 1 ? "" : "s", none == 1 ? "is" : "are");
}

static void
distribution(struct doc *d, struct model *c)
{
	doc_h2(d, "Distribution");
	if ((c->s->col[SC_FLAGS] >= 0))
		tiers(d, c);
	bands(d, c);
}

/* ---- one-on-one sheets ---- */

/* ---- the whole report ---- */

static char *
period_label(const struct scores *t, int p)
{
	char buf[128], a[DATE_BUFSIZE], b[DATE_BUFSIZE];
	pm_day first, last;

	if (period_parse_key(t->period_key[p], 1, &first, &last) == 0 &&
	    first != last)
		snprintf(buf, sizeof(buf), "%s (%s to %s)", t->period_key[p],
		    date_format(first, a), date_format(last, b));
	else
		snprintf(buf, sizeof(buf), "%s", t->period_key[p]);
	return xstrdup(buf);
}

/* What a period is, in words, from the shape of its key. */
static const char *
period_unit(const char *key)
{
	size_t n = strlen(key);

	if (strchr(key, 'W') != NULL)
		return "week";
	if (strchr(key, 'Q') != NULL)
		return "quarter";
	if (n == 10)
		return "day";
	if (n == 7 && key[4] == '-')
		return "month";
	if (n == 4 || strncmp(key, "FY", 2) == 0)
		return "year";
	return "period";
}

/* The rep named exactly, else the one rep named so ignoring case. */
static int
find_rep(const struct model *c, const char *want)
{
	int k, found = -1;

	for (k = 0; k < c->nreps; k++)
		if (strcmp(model_name(c, c->reps[k].id), want) == 0)
			return k;
	for (k = 0; k < c->nreps; k++)
		if (strcasecmp(model_name(c, c->reps[k].id), want) == 0) {
			if (found >= 0)
				return -1;
			found = k;
		}
	return found;
}

/* The default title of a --team report: "Sales performance report: East". */
static const char *
team_title(const struct model *c)
{
	static char buf[512];
	size_t len;
	int i;

	len = (size_t)snprintf(buf, sizeof(buf), "Sales performance report: ");
	for (i = 0; i < c->nteams && len < sizeof(buf); i++)
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s%s",
		    i ? (i + 1 == c->nteams ? " and " : ", ") : "", c->teams[i]);
	return buf;
}

void
sections_build(struct doc *d, const struct scores *t,
    const struct report_opts *op)
{
	struct model mc, *c = &mc;
	const char *title = op->title ? op->title : "Sales performance report";
	char *sub, *pl;
	size_t len;
	int k;

	memset(c, 0, sizeof(*c));
	c->s = t;
	c->op = op;
	if (t->nperiods == 0 || t->nreps == 0) {
		doc_title(d, title, NULL);
		doc_para(d, "No data: the input has no scores for any rep.");
		return;
	}
	c->sel = model_pick_period(c);
	c->score = model_metric(t, "score");
	c->lbm = model_pick_metric(c);
	model_resolve_teams(c);
	model_collect_reps(c);
	followup_collect(c);
	if (op->title == NULL && c->nteams > 0)
		title = team_title(c);
	d->period = t->period_key[c->sel];
	pl = period_label(t, c->sel);
	len = strlen(pl) + 160;
	sub = xmalloc(len);
	snprintf(sub, len, "Period %s%s. %d rep%s.", pl, c->in_progress ?
	    ", in progress" : "", c->nreps, c->nreps == 1 ? "" : "s");
	doc_title(d, title, sub);
	free(sub);
	free(pl);
	if (c->nreps == 0) {
		doc_para(d, "No data: no rep has scores in %s.",
		    t->period_key[c->sel]);
		return;
	}
	if (op->rep != NULL) {
		if ((k = find_rep(c, op->rep)) < 0)
			pm_die(EX_DATAERR, "--rep: no rep '%s' in %s",
			    op->rep, t->period_key[c->sel]);
		doc_h2(d, "One-on-one");
		early_note(d, c);
		sheets_one(d, c, &c->reps[k]);
		return;
	}
	headline(d, c);
	leaderboard(d, c);
	wins_section(d, c);
	coaching_section(d, c);
	followup_section(d, c);
	learn_section(d, c);
	distribution(d, c);
	if (op->pareto != NULL)
		extra_pareto(d, op->pareto);
	if (op->drivers != NULL)
		extra_drivers(d, op->drivers,
		    period_unit(t->period_key[c->sel]));
	if (op->one_on_ones)
		sheets_all(d, c);
}
