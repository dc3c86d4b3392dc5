/*
 * The report's model: the period reported on, the leaderboard metric, the
 * reps in board order with their flags and evidence, and the helpers the
 * sections share (lookups, totals, trends, tones).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "err.h"
#include "metrics.h"
#include "num.h"
#include "sort.h"
#include "trim.h"
#include "report.h"
#include "model.h"

static const char *const order[] = {
	"score", "revenue", "deals_won", "win_rate", "avg_deal",
	"largest_deal", "deals_lost", "cycle_days", "coverage",
	"open_pipeline", "pipeline_created", "opps_created", "meetings",
	"calls", "emails", "tasks", NULL
};

static const struct {
	const char *flag, *label, *focus;
} flagdefs[] = {
	{ "target_hit", "Target hit", NULL },
	{ "high_flyer", "High flyer", NULL },
	{ "personal_best", "Personal best", NULL },
	{ "most_improved", "Most improved", NULL },
	{ "biggest_deal", "Biggest deal", NULL },
	{ "recovering", "Back on track", NULL },
	{ "activity_gap", "Activity gap",
	    "prospecting volume (calls, meetings, new opportunities) back to "
	    "the team's level" },
	{ "conversion_gap", "Conversion gap",
	    "qualification and closing (review the lost deals together, "
	    "tighten qualification)" },
	{ "declining", "Declining",
	    "review the pipeline together (where deals stall, what "
	    "changed)" },
	{ "underperformer", "Underperformer",
	    "a 30-day plan (the deals that can close now, and pipeline for "
	    "next period)" },
	{ "tier_top", "Top tier", NULL },
	{ "tier_middle", "Middle tier", NULL },
	{ "tier_bottom", "Bottom tier", NULL },
	{ "plan_met", "Plan met", NULL },
	{ "plan_on_track", "Plan on track", NULL },
	{ "plan_behind", "Plan behind", NULL },
	{ "plan_worse", "Plan worse than before", NULL },
	{ "plan_missed", "Plan missed", NULL },
	{ "mentor_match", "Mentor", NULL },
	{ "mentor", "Mentoring", NULL },
	{ "stretch", "Stretch", NULL },
	{ "target_unrealistic", "Target to review", NULL },
};
#define NFLAGDEFS (int)(sizeof(flagdefs) / sizeof(flagdefs[0]))

const char *const model_win_flags[] = {
	"target_hit", "high_flyer", "personal_best", "most_improved",
	"recovering", "biggest_deal", NULL
};
const char *const model_coaching_flags[] = {
	"underperformer", "declining", "activity_gap", "conversion_gap", NULL
};

static int
flag_index(const char *f)
{
	int i;

	for (i = 0; i < NFLAGDEFS; i++)
		if (strcmp(flagdefs[i].flag, f) == 0)
			return i;
	return -1;
}

const char *
model_flag_label(const char *f)
{
	int i = flag_index(f);

	return i >= 0 ? flagdefs[i].label : f;
}

static const char *
flag_focus(const char *f)
{
	int i = flag_index(f);

	return i >= 0 ? flagdefs[i].focus : NULL;
}

int
model_metric_rank(const char *m)
{
	int i;

	for (i = 0; order[i] != NULL; i++)
		if (strcmp(order[i], m) == 0)
			return i;
	return i;
}

const struct score_row *
model_row(const struct model *c, int period, int rep, int metric)
{
	if (period < 0 || metric < 0)
		return NULL;
	return scores_cell(c->s, (uint32_t)metric, (uint32_t)rep,
	    (uint32_t)period);
}

double
model_num(const struct score_row *r, enum sc_col c)
{
	return fixed_to_double(r->v[c]);
}

int
model_metric(const struct scores *s, const char *name)
{
	uint32_t m = scores_metric(s, name);

	return m == SC_NONE ? -1 : (int)m;
}

const struct score_row *
model_rollup(const struct scores *s, int period, int metric, const char *team)
{
	uint32_t t = scores_team(s, team);

	if (period < 0 || metric < 0 || t == SC_NONE)
		return NULL;
	return scores_rollup(s, (uint32_t)metric, t, (uint32_t)period);
}

const char *
model_team(const struct scores *s, const struct score_row *r)
{
	return s->team_name[r->team];
}

int
model_higher_better(const struct model *c, int metric)
{
	return metric_lookup(c->s->metric_name[metric]).higher_better;
}

/* What a rep is judged on: the pace while the period runs, else attainment. */
int
model_judged(const struct score_row *r, double *v)
{
	if (r == NULL)
		return 0;
	if (scores_known(r, SC_PACE)) {
		*v = model_num(r, SC_PACE);
		return 1;
	}
	if (scores_known(r, SC_ATTAINMENT)) {
		*v = model_num(r, SC_ATTAINMENT);
		return 1;
	}
	return 0;
}

const char *
model_name(const struct model *c, int rep)
{
	return c->s->rep_name[rep];
}

/* "Name (Team)" */
char *
model_who(const struct model *c, const struct model_rep *r)
{
	const char *n = model_name(c, r->id);
	size_t len = strlen(n) + strlen(r->team) + 4;
	char *s = xmalloc(len);

	if (*r->team != '\0' && strcmp(r->team, "*") != 0)
		snprintf(s, len, "%s (%s)", n, r->team);
	else
		snprintf(s, len, "%s", n);
	return s;
}

int
model_pick_period(struct model *c)
{
	const struct scores *t = c->s;
	uint32_t q;

	c->pick.early = SC_NONE;
	if (c->op->period != NULL) {
		q = scores_period(t, c->op->period);
		if (q == SC_NONE)
			pm_die(EX_DATAERR, "period '%s' is not in the input "
			    "(it has %s to %s)", c->op->period, t->period_key[0],
			    t->period_key[t->nperiods - 1]);
		return (int)q;
	}
	c->pick = scores_pick_period(t, c->op->min_elapsed);
	return (int)c->pick.period;
}

int
model_pick_metric(const struct model *c)
{
	int m;

	if ((m = model_metric(c->s, "score")) >= 0)
		return m;
	if ((m = model_metric(c->s, "revenue")) >= 0)
		return m;
	return 0;
}

/* Where "flag: " starts a note in notes (at the start or after "; "). */
static const char *
note_start(const char *notes, const char *flag)
{
	size_t n = strlen(flag);
	const char *p = notes;

	for (;;) {
		if (strncmp(p, flag, n) == 0 && p[n] == ':' && p[n + 1] == ' ')
			return p;
		if ((p = strstr(p, "; ")) == NULL)
			return NULL;
		p += 2;
	}
}

/*
 * The evidence for flag i of f[] in notes.  pm-flag writes
 * "flag: note; flag: note"; a note may itself contain "; ", so it runs
 * to the next flag's name.  Without names, notes pair with flags by
 * position when there is one each, else every flag gets all of them.
 */
static char *
note_for(const char *notes, char **f, int nf, int i)
{
	const char *p = note_start(notes, f[i]), *end, *e;
	int k, nn;

	if (p != NULL) {
		p += strlen(f[i]) + 2;
		end = p + strlen(p);
		for (k = 0; k < nf; k++)
			if (k != i && (e = note_start(p, f[k])) != NULL &&
			    e - 2 < end && e > p)
				end = e - 2;
		return xstrndup(p, (size_t)(end - p));
	}
	for (nn = 1, p = notes; (p = strstr(p, "; ")) != NULL; p += 2)
		nn++;
	if (nn != nf || *notes == '\0')
		return xstrdup(notes);
	for (p = notes, k = 0; k < i; k++)
		p = strstr(p, "; ") + 2;
	end = strstr(p, "; ");
	return end != NULL ? xstrndup(p, (size_t)(end - p)) : xstrdup(p);
}

static void
split_flags(const struct model *c, struct model_rep *r,
    const struct score_row *s)
{
	char *fl = xstrdup(scores_field(c->s, s, SC_FLAGS));
	char *f[MODEL_MAXFLAGS], *p;
	const char *t, *notes = scores_field(c->s, s, SC_NOTES);
	char *q;
	int nf = 0, i, j;
	size_t n;

	for (p = fl; p != NULL && nf < MODEL_MAXFLAGS; p = q) {
		if ((q = strchr(p, ';')) != NULL)
			*q++ = '\0';
		t = p;
		n = trim_span(&t, strlen(p));
		p += t - p;
		p[n] = '\0';
		if (n > 0)
			f[nf++] = p;
	}
	for (i = 0; i < nf; i++) {
		for (j = 0; j < r->nfl; j++)
			if (strcmp(r->fl[j].name, f[i]) == 0)
				break;
		if (j < r->nfl || r->nfl == MODEL_MAXFLAGS)
			continue;
		snprintf(r->fl[r->nfl].name, sizeof(r->fl[0].name), "%s", f[i]);
		r->fl[r->nfl].note = note_for(notes, f, nf, i);
		r->nfl++;
	}
	free(fl);
}

/* Board order: team when ranked by team, rank (ranked first), name. */
static int
cmprep(const void *a, const void *b, void *ctx)
{
	const struct model_rep *x = a, *y = b;
	const struct model *sort_ctx = ctx;
	const struct score_row *rx = model_row(sort_ctx, sort_ctx->sel, x->id,
	    sort_ctx->lbm);
	const struct score_row *ry = model_row(sort_ctx, sort_ctx->sel, y->id,
	    sort_ctx->lbm);
	int kx = rx != NULL && scores_known(rx, SC_RANK);
	int ky = ry != NULL && scores_known(ry, SC_RANK);
	int tc;

	if (sort_ctx->by_team && (tc = strcmp(x->team, y->team)) != 0)
		return tc;
	if (kx != ky)
		return kx ? -1 : 1;
	if (kx && model_num(rx, SC_RANK) != model_num(ry, SC_RANK))
		return model_num(rx, SC_RANK) < model_num(ry, SC_RANK) ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* Ranked among fewer reps than were ranked: ranks are per team. */
static int
ranked_by_team(const struct model *c)
{
	const struct scores *t = c->s;
	int rep, ranked = 0;
	double most = 0;

	for (rep = 0; rep < (int)t->nreps; rep++) {
		const struct score_row *r = model_row(c, c->sel, rep, c->lbm);

		if (r != NULL && scores_known(r, SC_RANK)) {
			ranked++;
			if (scores_known(r, SC_REPS) && model_num(r, SC_REPS) > most)
				most = model_num(r, SC_REPS);
		}
	}
	return most > 0 && most < ranked;
}

void
model_collect_reps(struct model *c)
{
	const struct scores *t = c->s;
	int *seen = xcalloc(t->nreps + 1, sizeof(int)), m;
	const char *team;
	int64_t el;
	size_t i;

	for (i = 0; i < t->nrows; i++) {
		const struct score_row *s = &t->rows[i];

		team = model_team(t, s);
		if (!s->rollup && !model_in_scope(c, team))
			continue;
		if ((int)s->period == c->sel && !s->rollup && !seen[s->rep]) {
			seen[s->rep] = 1;
			c->reps = xreallocarray(c->reps, (size_t)c->nreps + 1,
			    sizeof(*c->reps));
			memset(&c->reps[c->nreps], 0, sizeof(*c->reps));
			c->reps[c->nreps].id = (int)s->rep;
			c->reps[c->nreps].team = team;
			c->nreps++;
		}
		if ((int)s->period == c->sel && !s->rollup && *team != '\0')
			c->has_teams = 1;
		if ((int)s->period == c->sel && scores_known(s, SC_PROJECTED) &&
		    scores_known(s, SC_ACTUAL) &&
		    s->v[SC_PROJECTED] != s->v[SC_ACTUAL])
			c->in_progress = 1;
	}
	free(seen);
	/* elapsed says it when the table has it (nobody sold yet: 0 = 0). */
	if ((el = scores_elapsed(t, (uint32_t)c->sel)) >= 0)
		c->in_progress = el < 100 * FIXED_SCALE;
	c->by_team = ranked_by_team(c);
	sort_with(c->reps, (size_t)c->nreps, sizeof(*c->reps), cmprep, c);
	if (t->col[SC_FLAGS] < 0)
		return;
	/* The leaderboard metric's flags first, then the others'. */
	for (int k = 0; k < c->nreps; k++) {
		const struct score_row *s = model_row(c, c->sel, c->reps[k].id, c->lbm);

		if (s != NULL)
			split_flags(c, &c->reps[k], s);
		for (m = 0; m < (int)t->nmetrics; m++)
			if (m != c->lbm && (s = model_row(c, c->sel,
			    c->reps[k].id, m)) != NULL && *scores_field(t, s,
			    SC_FLAGS) != '\0')
				split_flags(c, &c->reps[k], s);
	}
}

const struct model_flag *
model_has_flag(const struct model_rep *r, const char *f)
{
	int i;

	for (i = 0; i < r->nfl; i++)
		if (strcmp(r->fl[i].name, f) == 0)
			return &r->fl[i];
	return NULL;
}

/* The last MODEL_TREND values of a column up to the period reported on. */
void
model_trend(const struct model *c, int rep, int metric, int col,
    struct series *s, double *v, unsigned char *known)
{
	int p, first = c->sel - MODEL_TREND + 1;

	if (first < 0)
		first = 0;
	s->v = v;
	s->known = known;
	s->n = 0;
	for (p = first; p <= c->sel; p++) {
		const struct score_row *r = model_row(c, p, rep, metric);
		int k = col;

		/* The period in progress counts with its projection. */
		if (col == SC_ACTUAL && r != NULL && scores_known(r, SC_PROJECTED))
			k = SC_PROJECTED;
		known[s->n] = r != NULL && scores_known(r, k);
		v[s->n] = known[s->n] ? model_num(r, k) : 0;
		s->n++;
	}
}

int
model_in_scope(const struct model *c, const char *team)
{
	int i;

	if (c->nteams == 0)
		return 1;
	for (i = 0; i < c->nteams; i++)
		if (strcmp(c->teams[i], team) == 0)
			return 1;
	return 0;
}

/* A row of rteam counts in the total of team (NULL: the report's). */
static int
team_match(const struct model *c, const char *rteam, const char *team)
{
	return team != NULL ? strcmp(rteam, team) == 0 : model_in_scope(c,
	    rteam);
}

const char *
model_scope_rollup(const struct model *c, const char *team)
{
	if (team != NULL)
		return team;
	if (c->nteams == 0)
		return "*";
	return c->nteams == 1 ? c->teams[0] : NULL;
}

/*
 * acc += the row's col, or exit 65 naming the total: a report total past
 * the fixed-point range is never shown wrapped, nor stuck at a part.
 */
static void
total_add(const struct model *c, int period, int metric, const char *team,
    int64_t *acc, const struct score_row *r, enum sc_col col)
{
	if (fixed_add(acc, r->v[col]) != NUM_OK)
		pm_die(EX_DATAERR, "%s, %s%s%s%s: the total of %s is %s",
		    c->s->period_key[period], team != NULL ? "team " : "",
		    team != NULL ? team : "", team != NULL ? ", " : "",
		    c->s->metric_name[metric], scores_colname[col],
		    fixed_why(NUM_RANGE));
}

/* Several --team: the sum of their roll-up rows, for a summed metric. */
static int
sum_rollups(const struct model *c, int period, int metric,
    struct model_total *tt)
{
	int64_t a = 0, p = 0, g = 0;
	int i, ka = 1, kp = 1, kg = 1;

	if (metric_lookup(c->s->metric_name[metric]).agg != AGG_SUM)
		return 0;
	for (i = 0; i < c->nteams; i++) {
		const struct score_row *r = model_rollup(c->s, period, metric,
		    c->teams[i]);

		if (r == NULL)
			return 0;
		ka &= scores_known(r, SC_ACTUAL);
		kp &= scores_known(r, SC_PROJECTED);
		kg &= scores_known(r, SC_TARGET);
		total_add(c, period, metric, NULL, &a, r, SC_ACTUAL);
		total_add(c, period, metric, NULL, &p, r, SC_PROJECTED);
		total_add(c, period, metric, NULL, &g, r, SC_TARGET);
	}
	memset(tt, 0, sizeof(*tt));
	tt->actual = fixed_to_double(a);
	tt->has_actual = ka;
	tt->projected = fixed_to_double(p);
	tt->has_projected = kp;
	tt->target = fixed_to_double(g);
	tt->has_target = kg;
	return 1;
}

/* The team named, else the one team named so ignoring case; or NULL. */
static const char *
find_team(const struct scores *t, const char *want)
{
	const char *found = NULL;
	size_t i;

	for (i = 0; i < t->nteams; i++)
		if (strcmp(t->team_name[i], want) == 0)
			return t->team_name[i];
	for (i = 0; i < t->nteams; i++)
		if (strcasecmp(t->team_name[i], want) == 0 &&
		    strcmp(t->team_name[i], "*") != 0) {
			if (found != NULL)
				return NULL;
			found = t->team_name[i];
		}
	return found;
}

void
model_resolve_teams(struct model *c)
{
	int i, j;

	c->nteams = 0;
	if (c->op->nteams == 0)
		return;
	c->teams = xcalloc((size_t)c->op->nteams, sizeof(*c->teams));
	for (i = 0; i < c->op->nteams; i++) {
		const char *tm = *c->op->teams[i] != '\0' &&
		    strcmp(c->op->teams[i], "*") != 0 ?
		    find_team(c->s, c->op->teams[i]) : NULL;

		if (tm == NULL)
			pm_die(EX_DATAERR, "--team: no team '%s' in the input",
			    c->op->teams[i]);
		for (j = 0; j < c->nteams && strcmp(c->teams[j], tm) != 0; j++)
			;
		if (j == c->nteams)
			c->teams[c->nteams++] = tm;
	}
}

/* The sum of a metric's actuals over a team's reps; 0 when none is known. */
static int
part_sum(const struct model *c, int period, const char *metric,
    const char *team, int col, int64_t *sum)
{
	int m = model_metric(c->s, metric), rep, n = 0;

	*sum = 0;
	for (rep = 0; m >= 0 && rep < (int)c->s->nreps; rep++) {
		const struct score_row *r = model_row(c, period, rep, m);

		if (r == NULL || !team_match(c, model_team(c->s, r), team) ||
		    !scores_known(r, col))
			continue;
		total_add(c, period, m, team, sum, r, col);
		n++;
	}
	return n > 0;
}

/* cycle_days weighted by deals won: the deals its mean is over. */
static int
weighted_cycle(const struct model *c, int period, int metric, const char *team,
    double *out)
{
	int won = model_metric(c->s, "deals_won"), rep;
	double sum = 0, w = 0;

	if (won < 0)
		return -1;
	for (rep = 0; rep < (int)c->s->nreps; rep++) {
		const struct score_row *r = model_row(c, period, rep, metric);
		const struct score_row *d = model_row(c, period, rep, won);

		if (r == NULL || d == NULL || !scores_known(r, SC_ACTUAL) ||
		    !scores_known(d, SC_ACTUAL) ||
		    !team_match(c, model_team(c->s, r), team))
			continue;
		sum += model_num(r, SC_ACTUAL) * model_num(d, SC_ACTUAL);
		w += model_num(d, SC_ACTUAL);
	}
	if (w <= 0)
		return 0;
	*out = sum / w;
	return 1;
}

/*
 * A ratio or mean recomputed from its parts, as pm-score --rollup does:
 * 1 with the value, 0 when it has none (no closed deal), -1 when the
 * table lacks the parts.
 */
static int
from_parts(const struct model *c, int period, int metric, const char *team,
    double *out)
{
	enum metric_agg agg = metric_lookup(c->s->metric_name[metric]).agg;
	int64_t a, b, t;

	switch (agg) {
	case AGG_WIN_RATE:
		if (!part_sum(c, period, "deals_won", team, SC_ACTUAL, &a) ||
		    !part_sum(c, period, "deals_lost", team, SC_ACTUAL, &b))
			return -1;
		if (a + b <= 0)
			return 0;
		*out = (double)a / (double)(a + b) * 100;
		return 1;
	case AGG_AVG_DEAL:
		if (!part_sum(c, period, "revenue", team, SC_ACTUAL, &a) ||
		    !part_sum(c, period, "deals_won", team, SC_ACTUAL, &b))
			return -1;
		if (b <= 0)
			return 0;
		*out = (double)a / (double)b;
		return 1;
	case AGG_MEAN:
		if (strcmp(c->s->metric_name[metric], "cycle_days") != 0)
			return -1;
		return weighted_cycle(c, period, metric, team, out);
	case AGG_COVERAGE:
		if (!part_sum(c, period, "open_pipeline", team, SC_ACTUAL, &a) ||
		    !part_sum(c, period, "revenue", team, SC_ACTUAL, &b))
			return -1;
		/* In double: a target of 9e14 less revenue of -9e14 passes
		 * INT64_MAX. */
		if (!part_sum(c, period, "revenue", team, SC_TARGET, &t) ||
		    (double)t - (double)b <= 0)
			return 0;
		*out = (double)a / ((double)t - (double)b);
		return 1;
	default:
		return -1;
	}
}

static void
sum_total(const struct model *c, int period, int metric, const char *team,
    struct model_total *tt)
{
	const struct scores *t = c->s;
	int64_t a = 0, p = 0, g = 0;
	double max = -INFINITY, sum = 0, tsum = 0;
	int n = 0, nt = 0, rep;
	enum metric_agg agg = metric_lookup(t->metric_name[metric]).agg;

	memset(tt, 0, sizeof(*tt));
	for (rep = 0; rep < (int)t->nreps; rep++) {
		const struct score_row *r = model_row(c, period, rep, metric);

		if (r == NULL || !team_match(c, model_team(c->s, r), team))
			continue;
		if (scores_known(r, SC_ACTUAL)) {
			total_add(c, period, metric, team, &a, r, SC_ACTUAL);
			max = fmax(max, model_num(r, SC_ACTUAL));
			sum += model_num(r, SC_ACTUAL);
			n++;
		}
		if (scores_known(r, SC_PROJECTED)) {
			total_add(c, period, metric, team, &p, r,
			    SC_PROJECTED);
			tt->has_projected = 1;
		}
		if (scores_known(r, SC_TARGET)) {
			total_add(c, period, metric, team, &g, r, SC_TARGET);
			tsum += model_num(r, SC_TARGET);
			nt++;
		}
	}
	tt->has_actual = n > 0;
	tt->has_target = nt > 0;
	if (agg == AGG_SUM) {
		tt->actual = fixed_to_double(a);
		tt->projected = fixed_to_double(p);
		tt->target = fixed_to_double(g);
		return;
	}
	/* Ratios and means have no total: the team's typical rep. */
	tt->actual = agg == AGG_MAX || agg == AGG_LARGEST ? max :
	    n ? sum / n : 0;
	/* Unless the table has their parts: then as pm-score --rollup. */
	switch (from_parts(c, period, metric, team, &tt->actual)) {
	case 0:
		tt->has_actual = 0;
		break;
	case 1:
		tt->has_actual = 1;
		break;
	}
	tt->projected = tt->actual;
	tt->has_projected = tt->has_actual;
	tt->target = nt ? tsum / nt : 0;
}

/* The total of a team (NULL: everyone), from its roll-up row if any. */
int
model_team_total(const struct model *c, int period, int metric,
    const char *team, struct model_total *tt)
{
	const char *ru = model_scope_rollup(c, team);
	const struct score_row *r = ru != NULL ? model_rollup(c->s, period, metric,
	    ru) : NULL;

	if (r == NULL) {
		if (ru == NULL && sum_rollups(c, period, metric, tt))
			return 1;
		sum_total(c, period, metric, team, tt);
		return 0;
	}
	memset(tt, 0, sizeof(*tt));
	tt->actual = model_num(r, SC_ACTUAL);
	tt->has_actual = scores_known(r, SC_ACTUAL);
	tt->projected = model_num(r, SC_PROJECTED);
	tt->has_projected = scores_known(r, SC_PROJECTED);
	tt->target = model_num(r, SC_TARGET);
	tt->has_target = scores_known(r, SC_TARGET);
	tt->att = model_num(r, SC_ATTAINMENT);
	tt->has_att = scores_known(r, SC_ATTAINMENT);
	tt->pace = model_num(r, SC_PACE);
	tt->has_pace = scores_known(r, SC_PACE);
	tt->change = model_num(r, SC_CHANGE);
	tt->has_change = scores_known(r, SC_CHANGE);
	return 1;
}

/*
 * The previous period's total from the prev column, when the input does
 * not have that period (a single period was selected upstream).
 */
int
model_prev_column(const struct model *c, int metric, const char *team,
    struct model_total *tt)
{
	const char *ru = model_scope_rollup(c, team);
	const struct score_row *r = ru != NULL ? model_rollup(c->s, c->sel, metric,
	    ru) : NULL;
	int64_t sum = 0;
	int k, n = 0;

	memset(tt, 0, sizeof(*tt));
	if (r != NULL) {
		tt->actual = model_num(r, SC_PREV);
		return tt->has_actual = scores_known(r, SC_PREV);
	}
	if (metric_lookup(c->s->metric_name[metric]).agg != AGG_SUM)
		return 0;
	for (k = 0; k < c->nreps; k++)
		if ((r = model_row(c, c->sel, c->reps[k].id, metric)) != NULL &&
		    scores_known(r, SC_PREV) && team_match(c, model_team(c->s, r), team)) {
			total_add(c, c->sel, metric, team, &sum, r, SC_PREV);
			n++;
		}
	tt->actual = fixed_to_double(sum);
	return tt->has_actual = n > 0;
}

int
model_ratio(const struct model *c, int metric, double actual, double target,
    double *out)
{
	if (model_higher_better(c, metric)) {
		if (target <= 0)
			return 0;
		*out = actual / target * 100;
	} else {
		if (actual <= 0)
			return 0;
		*out = target / actual * 100;
	}
	return 1;
}

int
model_has_target(const struct model *c, int metric)
{
	const char *ru = model_scope_rollup(c, NULL);
	const struct score_row *r = ru != NULL ? model_rollup(c->s, c->sel, metric,
	    ru) : NULL;
	int k;

	if (r != NULL && scores_known(r, SC_TARGET))
		return 1;
	for (k = 0; k < c->nreps; k++)
		if ((r = model_row(c, c->sel, c->reps[k].id, metric)) != NULL &&
		    scores_known(r, SC_TARGET))
			return 1;
	return 0;
}

static int
cmpmetric(const void *a, const void *b)
{
	const char *x = *(char *const *)a, *y = *(char *const *)b;
	int rx = model_metric_rank(x), ry = model_metric_rank(y);

	return rx != ry ? rx - ry : strcmp(x, y);
}

/* Metric ids in report order (score, revenue, ...; others by name). */
int
model_metric_order(const struct model *c, int *ids)
{
	const char **names = xcalloc(c->s->nmetrics + 1,
	    sizeof(*names));
	int i, n = (int)c->s->nmetrics;

	for (i = 0; i < n; i++)
		names[i] = c->s->metric_name[i];
	qsort(names, (size_t)n, sizeof(*names), cmpmetric);
	for (i = 0; i < n; i++)
		ids[i] = model_metric(c->s, names[i]);
	free(names);
	return n;
}

enum tone
model_change_tone(const struct model *c, int metric, double ch)
{
	if (fabs(ch) < 0.05)
		return TONE_NONE;
	return (ch > 0) == (model_higher_better(c, metric) != 0) ? TONE_GOOD :
	    TONE_BAD;
}

enum tone
model_att_tone(double a)
{
	return a >= 100 ? TONE_GOOD : a < 80 ? TONE_BAD : TONE_NONE;
}

/* A column of r, or an empty cell. */
void
model_num_cell(struct doc *d, const struct score_row *r, int col,
    enum tone tone, const char *metric)
{
	char b[FMT_BUFSIZE];

	if (r == NULL || !scores_known(r, col))
		doc_cell(d, TONE_NONE, "%s", "");
	else
		doc_cell(d, tone, "%s", metric != NULL ?
		    fmt_metric(metric, model_num(r, col), b) : fmt_pct(model_num(r, col), b));
}

/*
 * The names of the reps with flag f1 (or f2), in board order, joined
 * with commas into buf; how many there are.
 */
int
model_above_zero(const struct model *c, int rep)
{
	const struct score_row *s = model_row(c, c->sel, rep, c->lbm);

	return s != NULL && scores_known(s, SC_ACTUAL) && s->v[SC_ACTUAL] > 0;
}

static int
names_of(const struct model *c, const char *f1, const char *f2,
    int above_zero, char *buf, size_t size)
{
	size_t len = 0;
	int k, n = 0;

	buf[0] = '\0';
	for (k = 0; k < c->nreps; k++) {
		const struct model_rep *r = &c->reps[k];

		if (model_has_flag(r, f1) == NULL &&
		    (f2 == NULL || model_has_flag(r, f2) == NULL))
			continue;
		if (above_zero && !model_above_zero(c, r->id))
			continue;
		if (len + 100 < size) {
			snprintf(buf + len, size - len, "%s%s", n ? ", " : "",
			    model_name(c, r->id));
			len = strlen(buf);
		} else if (len + sizeof(", ...") <= size)
			strcpy(buf + len, ", ...");
		n++;
	}
	return n;
}

int
model_names_with(const struct model *c, const char *f1, const char *f2,
    char *buf, size_t size)
{
	return names_of(c, f1, f2, 0, buf, size);
}

int
model_names_above_zero(const struct model *c, const char *f1,
    const char *f2, char *buf, size_t size)
{
	return names_of(c, f1, f2, 1, buf, size);
}

/* Up to two focus areas, the most specific first. */
int
model_focus_areas(const struct model_rep *r, const char **out)
{
	static const char *const pref[] = {
		"activity_gap", "conversion_gap", "declining",
		"underperformer", NULL
	};
	int i, n = 0;

	for (i = 0; pref[i] != NULL && n < 2; i++)
		if (model_has_flag(r, pref[i]) != NULL)
			out[n++] = flag_focus(pref[i]);
	return n;
}

int
model_needs_coaching(const struct model_rep *r)
{
	int i;

	for (i = 0; model_coaching_flags[i] != NULL; i++)
		if (model_has_flag(r, model_coaching_flags[i]) != NULL)
			return 1;
	return 0;
}
