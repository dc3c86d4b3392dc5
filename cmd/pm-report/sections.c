/*
 * The report's sections, built from the scores table for one period:
 * headline, leaderboard, wins, coaching focus, distribution and the
 * one-on-one sheets.  Reps are listed in leaderboard order (rank, then
 * name), flags in the order of the tables below: never hash order.
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

#define TREND 6			/* periods in a trend */
#define PREVIEW 5		/* names in the headline's "needs attention" */
#define MAXFLAGS 16

struct flag {
	char name[32];
	char *note;
};

struct rep {
	int id;
	const char *team;
	struct flag fl[MAXFLAGS];
	int nfl;
};

struct ctx {
	const struct table *t;
	const struct opts *op;
	int sel;		/* the period reported on */
	int lbm;		/* leaderboard metric */
	int score;		/* metric `score`, or -1 */
	int in_progress;
	int has_teams;
	int by_team;		/* ranks are within teams (pm-score --by-team) */
	struct rep *reps;	/* in leaderboard order */
	int nreps;
};

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
};
#define NFLAGDEFS (int)(sizeof(flagdefs) / sizeof(flagdefs[0]))

static const char *const wins[] = {
	"target_hit", "high_flyer", "personal_best", "most_improved",
	"biggest_deal", NULL
};
static const char *const coaching[] = {
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

static int needs_coaching(const struct rep *r);

static const char *
flag_label(const char *f)
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

static int
metric_rank(const char *m)
{
	int i;

	for (i = 0; order[i] != NULL; i++)
		if (strcmp(order[i], m) == 0)
			return i;
	return i;
}

static const struct srow *
row(const struct ctx *c, int period, int rep, int metric)
{
	if (period < 0 || metric < 0)
		return NULL;
	return table_get(c->t, period, rep, metric);
}

static int
higher_better(const struct ctx *c, int metric)
{
	return metric_lookup(c->t->metrics[metric]).higher_better;
}

/* What a rep is judged on: the pace while the period runs, else attainment. */
static int
judged(const struct srow *r, double *v)
{
	if (r == NULL)
		return 0;
	if (KNOWN(r, C_PACE)) {
		*v = r->v[C_PACE];
		return 1;
	}
	if (KNOWN(r, C_ATTAIN)) {
		*v = r->v[C_ATTAIN];
		return 1;
	}
	return 0;
}

static const char *
name(const struct ctx *c, int rep)
{
	return c->t->reps[rep];
}

/* "Name (Team)" */
static char *
who(const struct ctx *c, const struct rep *r)
{
	const char *n = name(c, r->id);
	size_t len = strlen(n) + strlen(r->team) + 4;
	char *s = xmalloc(len);

	if (*r->team != '\0' && strcmp(r->team, "*") != 0)
		snprintf(s, len, "%s (%s)", n, r->team);
	else
		snprintf(s, len, "%s", n);
	return s;
}

/* ---- setting up: period, metric, reps, flags ---- */

static int
pick_period(const struct ctx *c)
{
	const struct table *t = c->t;
	int p, best = -1;
	size_t i;

	if (c->op->period != NULL) {
		p = table_period(t, c->op->period);
		if (p == -1)
			pm_die(EX_DATAERR, "period '%s' is not in the input "
			    "(it has %s to %s)", c->op->period, t->periods[0],
			    t->periods[t->nperiods - 1]);
		return p;
	}
	/*
	 * pm-score --to may add periods after the as-of date, where nothing
	 * is known yet: report on the latest period with a projection.
	 */
	for (i = 0; i < t->nrows; i++)
		if (KNOWN(&t->rows[i], C_PROJECTED) && t->rows[i].period > best)
			best = t->rows[i].period;
	return best >= 0 ? best : t->nperiods - 1;
}

static int
pick_metric(const struct ctx *c)
{
	int m;

	if ((m = table_metric(c->t, "score")) >= 0)
		return m;
	if ((m = table_metric(c->t, "revenue")) >= 0)
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
split_flags(struct rep *r, const struct srow *s)
{
	char *fl = xstrdup(s->flags), *f[MAXFLAGS], *p, *q;
	int nf = 0, i, j;

	for (p = fl; p != NULL && nf < MAXFLAGS; p = q) {
		if ((q = strchr(p, ';')) != NULL)
			*q++ = '\0';
		while (*p == ' ')
			p++;
		if (*p != '\0')
			f[nf++] = p;
	}
	for (i = 0; i < nf; i++) {
		for (j = 0; j < r->nfl; j++)
			if (strcmp(r->fl[j].name, f[i]) == 0)
				break;
		if (j < r->nfl || r->nfl == MAXFLAGS)
			continue;
		snprintf(r->fl[r->nfl].name, sizeof(r->fl[0].name), "%s", f[i]);
		r->fl[r->nfl].note = note_for(s->notes, f, nf, i);
		r->nfl++;
	}
	free(fl);
}

static const struct ctx *sort_ctx;

static int
cmprep(const void *a, const void *b)
{
	const struct rep *x = a, *y = b;
	const struct srow *rx = row(sort_ctx, sort_ctx->sel, x->id,
	    sort_ctx->lbm);
	const struct srow *ry = row(sort_ctx, sort_ctx->sel, y->id,
	    sort_ctx->lbm);
	int kx = rx != NULL && KNOWN(rx, C_RANK);
	int ky = ry != NULL && KNOWN(ry, C_RANK);
	int tc;

	if (sort_ctx->by_team && (tc = strcmp(x->team, y->team)) != 0)
		return tc;
	if (kx != ky)
		return kx ? -1 : 1;
	if (kx && rx->v[C_RANK] != ry->v[C_RANK])
		return rx->v[C_RANK] < ry->v[C_RANK] ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* Ranked among fewer reps than were ranked: ranks are per team. */
static int
ranked_by_team(const struct ctx *c)
{
	const struct table *t = c->t;
	int rep, ranked = 0;
	double most = 0;

	for (rep = 0; rep < t->nreps; rep++) {
		const struct srow *r = row(c, c->sel, rep, c->lbm);

		if (r != NULL && KNOWN(r, C_RANK)) {
			ranked++;
			if (KNOWN(r, C_REPS) && r->v[C_REPS] > most)
				most = r->v[C_REPS];
		}
	}
	return most > 0 && most < ranked;
}

static void
collect_reps(struct ctx *c)
{
	const struct table *t = c->t;
	int *seen = xcalloc((size_t)t->nreps + 1, sizeof(int)), m;
	size_t i;

	for (i = 0; i < t->nrows; i++) {
		const struct srow *s = &t->rows[i];

		if (s->period == c->sel && s->rep >= 0 && !seen[s->rep]) {
			seen[s->rep] = 1;
			c->reps = xreallocarray(c->reps, (size_t)c->nreps + 1,
			    sizeof(*c->reps));
			memset(&c->reps[c->nreps], 0, sizeof(*c->reps));
			c->reps[c->nreps].id = s->rep;
			c->reps[c->nreps].team = s->team;
			c->nreps++;
		}
		if (s->period == c->sel && s->rep >= 0 && *s->team != '\0')
			c->has_teams = 1;
		if (s->period == c->sel && KNOWN(s, C_PROJECTED) &&
		    KNOWN(s, C_ACTUAL) && s->fx[C_PROJECTED] != s->fx[C_ACTUAL])
			c->in_progress = 1;
	}
	free(seen);
	c->by_team = ranked_by_team(c);
	sort_ctx = c;
	qsort(c->reps, (size_t)c->nreps, sizeof(*c->reps), cmprep);
	if (!t->has_flags)
		return;
	/* The leaderboard metric's flags first, then the others'. */
	for (int k = 0; k < c->nreps; k++) {
		const struct srow *s = row(c, c->sel, c->reps[k].id, c->lbm);

		if (s != NULL)
			split_flags(&c->reps[k], s);
		for (m = 0; m < t->nmetrics; m++)
			if (m != c->lbm && (s = row(c, c->sel, c->reps[k].id,
			    m)) != NULL && *s->flags != '\0')
				split_flags(&c->reps[k], s);
	}
}

static const struct flag *
has_flag(const struct rep *r, const char *f)
{
	int i;

	for (i = 0; i < r->nfl; i++)
		if (strcmp(r->fl[i].name, f) == 0)
			return &r->fl[i];
	return NULL;
}

/* The last TREND values of a column up to the period reported on. */
static void
trend(const struct ctx *c, int rep, int metric, int col, struct series *s,
    double *v, unsigned char *known)
{
	int p, first = c->sel - TREND + 1;

	if (first < 0)
		first = 0;
	s->v = v;
	s->known = known;
	s->n = 0;
	for (p = first; p <= c->sel; p++) {
		const struct srow *r = row(c, p, rep, metric);
		int k = col;

		/* The period in progress counts with its projection. */
		if (col == C_ACTUAL && r != NULL && KNOWN(r, C_PROJECTED))
			k = C_PROJECTED;
		known[s->n] = r != NULL && KNOWN(r, k);
		v[s->n] = known[s->n] ? r->v[k] : 0;
		s->n++;
	}
}

/* ---- headline ---- */

struct total {
	double actual, projected, target;
	int has_actual, has_projected, has_target;
};

static void
sum_total(const struct ctx *c, int period, int metric, const char *team,
    struct total *tt)
{
	const struct table *t = c->t;
	int64_t a = 0, p = 0, g = 0;
	double max = -INFINITY, sum = 0, tsum = 0;
	int n = 0, nt = 0, rep;
	enum metric_agg agg = metric_lookup(t->metrics[metric]).agg;

	memset(tt, 0, sizeof(*tt));
	for (rep = 0; rep < t->nreps; rep++) {
		const struct srow *r = row(c, period, rep, metric);

		if (r == NULL || (team != NULL && strcmp(r->team, team) != 0))
			continue;
		if (KNOWN(r, C_ACTUAL)) {
			fixed_add(&a, r->fx[C_ACTUAL]);
			max = fmax(max, r->v[C_ACTUAL]);
			sum += r->v[C_ACTUAL];
			n++;
		}
		if (KNOWN(r, C_PROJECTED)) {
			fixed_add(&p, r->fx[C_PROJECTED]);
			tt->has_projected = 1;
		}
		if (KNOWN(r, C_TARGET)) {
			fixed_add(&g, r->fx[C_TARGET]);
			tsum += r->v[C_TARGET];
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
	tt->projected = tt->actual;
	tt->has_projected = tt->has_actual;
	tt->target = nt ? tsum / nt : 0;
}

/* The total of a team (NULL: everyone), from its roll-up row if any. */
static int
team_total(const struct ctx *c, int period, int metric, const char *team,
    struct total *tt)
{
	const struct srow *r = table_rollup(c->t, period, metric,
	    team != NULL ? team : "*");

	if (r == NULL) {
		sum_total(c, period, metric, team, tt);
		return 0;
	}
	memset(tt, 0, sizeof(*tt));
	tt->actual = r->v[C_ACTUAL];
	tt->has_actual = KNOWN(r, C_ACTUAL);
	tt->projected = r->v[C_PROJECTED];
	tt->has_projected = KNOWN(r, C_PROJECTED);
	tt->target = r->v[C_TARGET];
	tt->has_target = KNOWN(r, C_TARGET);
	return 1;
}

/*
 * The previous period's total from the prev column, when the input does
 * not have that period (a single period was selected upstream).
 */
static int
prev_column(const struct ctx *c, int metric, const char *team,
    struct total *tt)
{
	const struct srow *r = table_rollup(c->t, c->sel, metric,
	    team != NULL ? team : "*");
	int64_t sum = 0;
	int k, n = 0;

	memset(tt, 0, sizeof(*tt));
	if (r != NULL) {
		tt->actual = r->v[C_PREV];
		return tt->has_actual = KNOWN(r, C_PREV);
	}
	if (metric_lookup(c->t->metrics[metric]).agg != AGG_SUM)
		return 0;
	for (k = 0; k < c->nreps; k++)
		if ((r = row(c, c->sel, c->reps[k].id, metric)) != NULL &&
		    KNOWN(r, C_PREV) && (team == NULL ||
		    strcmp(r->team, team) == 0)) {
			fixed_add(&sum, r->fx[C_PREV]);
			n++;
		}
	tt->actual = fixed_to_double(sum);
	return tt->has_actual = n > 0;
}

static int
ratio(const struct ctx *c, int metric, double actual, double target,
    double *out)
{
	if (higher_better(c, metric)) {
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

static int
has_target(const struct ctx *c, int metric)
{
	const struct srow *r = table_rollup(c->t, c->sel, metric, "*");
	int k;

	if (r != NULL && KNOWN(r, C_TARGET))
		return 1;
	for (k = 0; k < c->nreps; k++)
		if ((r = row(c, c->sel, c->reps[k].id, metric)) != NULL &&
		    KNOWN(r, C_TARGET))
			return 1;
	return 0;
}

static int
cmpmetric(const void *a, const void *b)
{
	const char *x = *(char *const *)a, *y = *(char *const *)b;
	int rx = metric_rank(x), ry = metric_rank(y);

	return rx != ry ? rx - ry : strcmp(x, y);
}

/* Metric ids in report order (score, revenue, ...; others by name). */
static int
metric_order(const struct ctx *c, int *ids)
{
	const char **names = xcalloc((size_t)c->t->nmetrics + 1,
	    sizeof(*names));
	int i, n = c->t->nmetrics;

	for (i = 0; i < n; i++)
		names[i] = c->t->metrics[i];
	qsort(names, (size_t)n, sizeof(*names), cmpmetric);
	for (i = 0; i < n; i++)
		ids[i] = table_metric(c->t, names[i]);
	free(names);
	return n;
}

static enum tone
change_tone(const struct ctx *c, int metric, double ch)
{
	if (fabs(ch) < 0.05)
		return TONE_NONE;
	return (ch > 0) == (higher_better(c, metric) != 0) ? TONE_GOOD :
	    TONE_BAD;
}

static enum tone
att_tone(double a)
{
	return a >= 100 ? TONE_GOOD : a < 80 ? TONE_BAD : TONE_NONE;
}

/* Metrics with a target, or the results a manager looks at first. */
static int
headline_metrics(const struct ctx *c, int *show, int *targeted)
{
	const struct table *t = c->t;
	int *ids = xcalloc((size_t)t->nmetrics + 1, sizeof(int));
	int i, n = metric_order(c, ids), ns = 0, r;

	for (i = 0; i < n; i++)
		if (ids[i] != c->score && has_target(c, ids[i]))
			show[ns++] = ids[i];
	*targeted = ns > 0;
	for (i = 0; !*targeted && i < n; i++)
		if ((r = metric_rank(t->metrics[ids[i]])) >= 1 && r <= 3)
			show[ns++] = ids[i];
	for (i = 0; ns == 0 && i < n && i < 3; i++)
		show[ns++] = ids[i];
	free(ids);
	return ns;
}

static void
headline_table(struct doc *d, const struct ctx *c, const char *first,
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

/* One row of totals: for the metric, of a team (NULL: everyone). */
static void
headline_row(struct doc *d, const struct ctx *c, int metric,
    const char *team, const char *label, int targeted)
{
	const char *m = c->t->metrics[metric];
	char b[FMT_BUFSIZE];
	struct total cur, prev;
	double att, pace, ch, now;
	int has_prev;

	team_total(c, c->sel, metric, team, &cur);
	has_prev = c->sel > 0 &&
	    (team_total(c, c->sel - 1, metric, team, &prev), prev.has_actual);
	if (!has_prev)
		has_prev = prev_column(c, metric, team, &prev);
	doc_row(d);
	doc_cell(d, TONE_NONE, "%s", label);
	doc_cell(d, TONE_NONE, "%s", cur.has_actual ?
	    fmt_metric(m, cur.actual, b) : "");
	if (targeted) {
		doc_cell(d, TONE_NONE, "%s", cur.has_target ?
		    fmt_metric(m, cur.target, b) : "");
		if (cur.has_target && cur.has_actual &&
		    ratio(c, metric, cur.actual, cur.target, &att))
			doc_cell(d, c->in_progress ? TONE_NONE : att_tone(att),
			    "%s", fmt_pct(att, b));
		else
			doc_cell(d, TONE_NONE, "%s", "");
	}
	if (targeted && c->in_progress) {
		if (cur.has_target && cur.has_projected &&
		    ratio(c, metric, cur.projected, cur.target, &pace))
			doc_cell(d, att_tone(pace), "%s", fmt_pct(pace, b));
		else
			doc_cell(d, TONE_NONE, "%s", "");
	}
	now = c->in_progress && cur.has_projected ? cur.projected : cur.actual;
	if (has_prev && cur.has_actual && prev.actual != 0) {
		ch = (now - prev.actual) / fabs(prev.actual) * 100;
		doc_cell(d, change_tone(c, metric, ch), "%s",
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
teams(const struct ctx *c, const char **out)
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
headline_sentence(struct doc *d, const struct ctx *c, int metric)
{
	const char *m = c->t->metrics[metric];
	char b1[FMT_BUFSIZE], b2[FMT_BUFSIZE], b3[FMT_BUFSIZE];
	char b4[FMT_BUFSIZE], lc[FMT_BUFSIZE];
	struct total cur;
	double att, pace;

	/* "Team revenue", as in a sentence. */
	snprintf(lc, sizeof(lc), "%s", metric_label(m));
	if (lc[0] >= 'A' && lc[0] <= 'Z')
		lc[0] = (char)(lc[0] - 'A' + 'a');
	team_total(c, c->sel, metric, NULL, &cur);
	if (!cur.has_actual || !cur.has_target ||
	    !ratio(c, metric, cur.actual, cur.target, &att))
		return;
	if (c->in_progress && cur.has_projected &&
	    ratio(c, metric, cur.projected, cur.target, &pace))
		doc_para(d, "Team %s: %s to date against a target of %s, on "
		    "pace for %s (%s of target).", lc,
		    fmt_metric(m, cur.actual, b1), fmt_metric(m, cur.target, b2),
		    fmt_metric(m, cur.projected, b3), fmt_pct(pace, b4));
	else
		doc_para(d, "Team %s: %s against a target of %s (%s).",
		    lc, fmt_metric(m, cur.actual, b1),
		    fmt_metric(m, cur.target, b2), fmt_pct(att, b3));
}

/* Who leads, and who needs attention: names, for the email preview. */
static void
headline_people(struct doc *d, const struct ctx *c)
{
	char lead[512], attn[512];
	size_t ll = 0, la = 0;
	int k, n = 0;

	lead[0] = attn[0] = '\0';
	for (k = 0; k < c->nreps; k++) {
		const struct rep *r = &c->reps[k];
		const struct srow *s = row(c, c->sel, r->id, c->lbm);

		if (s != NULL && KNOWN(s, C_RANK) && s->v[C_RANK] == 1 &&
		    ll < sizeof(lead) - 100) {
			snprintf(lead + ll, sizeof(lead) - ll, "%s%s",
			    ll ? ", " : "", name(c, r->id));
			ll = strlen(lead);
		}
	}
	for (k = c->nreps - 1; k >= 0; k--) {
		if (!needs_coaching(&c->reps[k]))
			continue;
		/* A preview, not the list: that is the coaching section. */
		if (++n > PREVIEW || la >= sizeof(attn) - 100)
			continue;
		snprintf(attn + la, sizeof(attn) - la, "%s%s", la ? ", " : "",
		    name(c, c->reps[k].id));
		la = strlen(attn);
	}
	if (n > PREVIEW)
		snprintf(attn + la, sizeof(attn) - la, " and %d more",
		    n - PREVIEW);
	if (ll > 0 && la > 0)
		doc_para(d, "Leading: %s. Needs attention: %s.", lead, attn);
	else if (ll > 0)
		doc_para(d, "Leading: %s.", lead);
}

static void
headline(struct doc *d, struct ctx *c)
{
	const struct table *t = c->t;
	int *show = xcalloc((size_t)t->nmetrics + 1, sizeof(int));
	const char **tm = xcalloc((size_t)c->nreps + 1, sizeof(*tm));
	int i, ns, nt, targeted, hit = 0, judged_n = 0;
	double v;

	ns = headline_metrics(c, show, &targeted);
	doc_h2(d, "Headline");
	for (i = 0; i < c->nreps; i++)
		if (judged(row(c, c->sel, c->reps[i].id, c->lbm), &v)) {
			judged_n++;
			hit += v >= 100;
		}
	if (judged_n > 0)
		doc_para(d, "%d of %d rep%s %s target on %s.", hit,
		    judged_n, judged_n == 1 ? "" : "s", c->in_progress ?
		    (hit == 1 ? "is on pace for" : "are on pace for") :
		    "reached", c->lbm == c->score ? "the composite score" :
		    metric_label(t->metrics[c->lbm]));
	else
		doc_para(d, "%d rep%s in %s; no targets were given.",
		    c->nreps, c->nreps == 1 ? "" : "s", t->periods[c->sel]);
	if (targeted)
		headline_sentence(d, c, show[0]);
	headline_people(d, c);
	headline_table(d, c, "Metric", targeted);
	for (i = 0; i < ns; i++)
		headline_row(d, c, show[i], NULL, metric_label(t->metrics[show[i]]),
		    targeted);
	/* The first metric by team, when there are teams to compare. */
	if ((nt = teams(c, tm)) > 1) {
		char head[FMT_BUFSIZE];

		snprintf(head, sizeof(head), "%s by team",
		    metric_label(t->metrics[show[0]]));
		headline_table(d, c, head, targeted);
		for (i = 0; i < nt; i++)
			headline_row(d, c, show[0], tm[i], tm[i], targeted);
	}
	if (c->sel > 0)
		doc_note(d, "Change is against %s%s.", t->periods[c->sel - 1],
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
board_columns(struct doc *d, const struct ctx *c, const struct board *bd)
{
	struct column cols[10];
	int nc = 0;

	cols[nc++] = (struct column){ "#", AL_RIGHT, 0 };
	cols[nc++] = (struct column){ "Rep", AL_LEFT, 1 };
	if (c->has_teams)
		cols[nc++] = (struct column){ "Team", AL_LEFT, 1 };
	cols[nc++] = (struct column){ bd->is_score && c->in_progress ?
	    "To date" : (char *)metric_label(bd->metric), AL_RIGHT, 0 };
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
move_cell(struct doc *d, const struct ctx *c, int rep,
    const struct srow *r)
{
	const struct srow *pr = row(c, c->sel - 1, rep, c->lbm);
	double mv;

	if (pr == NULL) {
		doc_cell(d, TONE_NONE, "%s", "new");
		return;
	}
	if (r == NULL || !KNOWN(r, C_RANK) || !KNOWN(pr, C_RANK)) {
		doc_cell(d, TONE_NONE, "%s", "");
		return;
	}
	mv = pr->v[C_RANK] - r->v[C_RANK];
	if (mv > 0)
		doc_cell(d, TONE_GOOD, "\u25b2%.0f", mv);
	else if (mv < 0)
		doc_cell(d, TONE_BAD, "\u25bc%.0f", -mv);
	else
		doc_cell(d, TONE_NONE, "%s", "=");
}

/* A column of r, or an empty cell. */
static void
num_cell(struct doc *d, const struct srow *r, int col, enum tone tone,
    const char *metric)
{
	char b[FMT_BUFSIZE];

	if (r == NULL || !KNOWN(r, col))
		doc_cell(d, TONE_NONE, "%s", "");
	else
		doc_cell(d, tone, "%s", metric != NULL ?
		    fmt_metric(metric, r->v[col], b) : fmt_pct(r->v[col], b));
}

static void
board_row(struct doc *d, const struct ctx *c, const struct board *bd,
    const struct rep *rp)
{
	const struct srow *r = row(c, c->sel, rp->id, c->lbm);
	double v[TREND];
	unsigned char kn[TREND];
	struct series s;
	int done = c->in_progress == 0;

	doc_row(d);
	if (r != NULL && KNOWN(r, C_RANK))
		doc_cell(d, TONE_NONE, "%.0f", r->v[C_RANK]);
	else
		doc_cell(d, TONE_NONE, "%s", "-");
	doc_cell(d, TONE_NONE, "%s", name(c, rp->id));
	if (c->has_teams)
		doc_cell(d, TONE_NONE, "%s", rp->team);
	/* To-date numbers of a running period are not failures: no colour. */
	num_cell(d, r, C_ACTUAL, bd->is_score && done && r != NULL ?
	    att_tone(r->v[C_ACTUAL]) : TONE_NONE, bd->metric);
	if (bd->tgt)
		num_cell(d, r, C_ATTAIN, done && r != NULL ?
		    att_tone(r->v[C_ATTAIN]) : TONE_NONE, NULL);
	if (bd->pace)
		num_cell(d, r, C_PACE, r != NULL ? att_tone(r->v[C_PACE]) :
		    TONE_NONE, bd->is_score ? bd->metric : NULL);
	if (bd->rev >= 0)
		num_cell(d, row(c, c->sel, rp->id, bd->rev), C_ACTUAL,
		    TONE_NONE, "revenue");
	if (bd->history) {
		move_cell(d, c, rp->id, r);
		trend(c, rp->id, c->lbm, C_ACTUAL, &s, v, kn);
		doc_cell_trend(d, &s);
	}
}

/* Each rep's attainment (pace while the period runs) against 100%. */
static void
board_chart(struct doc *d, const struct ctx *c, const struct board *bd)
{
	struct chart *ch;
	double jv;
	int k;

	ch = doc_chart(d, CH_BARS, bd->is_score ? (c->in_progress ?
	    "Projected composite score by rep (pace; 100 = on target)" :
	    "Composite score by rep (100 = on target)") : (c->in_progress ?
	    "Pace by rep (projected attainment)" : "Attainment by rep"),
	    c->nreps);
	for (k = 0; k < c->nreps; k++) {
		ch->label[k] = xstrdup(name(c, c->reps[k].id));
		ch->value[k] = judged(row(c, c->sel, c->reps[k].id, c->lbm),
		    &jv) ? jv : 0;
	}
	ch->ref = 100;
}

static void
leaderboard(struct doc *d, struct ctx *c)
{
	const struct table *t = c->t;
	struct board bd;
	int k;

	bd.metric = t->metrics[c->lbm];
	bd.is_score = c->lbm == c->score;
	bd.tgt = !bd.is_score && has_target(c, c->lbm);
	bd.pace = c->in_progress && (bd.tgt || bd.is_score);
	bd.rev = bd.is_score ? table_metric(t, "revenue") : -1;
	bd.history = c->sel > 0;
	doc_h2(d, "Leaderboard");
	doc_para(d, "Reps ranked%s by %s%s.", c->by_team ?
	    " within each team" : "", bd.is_score ?
	    "composite score (weighted attainment of the targeted metrics, "
	    "capped)" : metric_label(bd.metric), c->in_progress &&
	    !bd.is_score ? " to date" : "");
	board_columns(d, c, &bd);
	for (k = 0; k < c->nreps; k++)
		board_row(d, c, &bd, &c->reps[k]);
	if (bd.history)
		doc_note(d, "Move: places gained (\u25b2) or lost (\u25bc) "
		    "since %s. Trend: %s over the last %d periods%s.",
		    t->periods[c->sel - 1], metric_label(bd.metric),
		    c->sel + 1 < TREND ? c->sel + 1 : TREND, c->in_progress ?
		    ", the last one projected" : "");
	if (bd.tgt || bd.is_score)
		board_chart(d, c, &bd);
}

/*
 * The names of the reps with flag f1 (or f2), in board order, joined
 * with commas into buf; how many there are.
 */
static int
names_with(const struct ctx *c, const char *f1, const char *f2, char *buf,
    size_t size)
{
	size_t len = 0;
	int k, n = 0;

	buf[0] = '\0';
	for (k = 0; k < c->nreps; k++) {
		const struct rep *r = &c->reps[k];

		if (has_flag(r, f1) == NULL &&
		    (f2 == NULL || has_flag(r, f2) == NULL))
			continue;
		if (len + 100 < size) {
			snprintf(buf + len, size - len, "%s%s", n ? ", " : "",
			    name(c, r->id));
			len = strlen(buf);
		} else if (len + 4 < size && buf[len - 1] != '.')
			strcpy(buf + len, ", ...");
		n++;
	}
	return n;
}

/* ---- wins and coaching ---- */

static int
no_flags(struct doc *d, const struct ctx *c, const char *what)
{
	if (c->t->has_flags)
		return 0;
	doc_para(d, "Flags were not computed: run pm-flag on the scores "
	    "before pm-report to see %s.", what);
	return 1;
}

static void
wins_section(struct doc *d, struct ctx *c)
{
	int w, k, any = 0;
	char *s;

	doc_h2(d, "Wins");
	if (no_flags(d, c, "wins"))
		return;
	for (w = 0; wins[w] != NULL; w++) {
		int first = 1;

		for (k = 0; k < c->nreps; k++) {
			const struct flag *f = has_flag(&c->reps[k], wins[w]);

			if (f == NULL)
				continue;
			if (first)
				doc_h3(d, c->in_progress &&
				    strcmp(wins[w], "target_hit") == 0 ?
				    "On pace for target" : flag_label(wins[w]));
			first = 0;
			any = 1;
			s = who(c, &c->reps[k]);
			doc_item(d, s, *f->note ? f->note : NULL);
			free(s);
		}
	}
	if (!any)
		doc_para(d, "No wins were flagged in %s.",
		    c->t->periods[c->sel]);
}

/* Up to two focus areas, the most specific first. */
static int
focus_areas(const struct rep *r, const char **out)
{
	static const char *const pref[] = {
		"activity_gap", "conversion_gap", "declining",
		"underperformer", NULL
	};
	int i, n = 0;

	for (i = 0; pref[i] != NULL && n < 2; i++)
		if (has_flag(r, pref[i]) != NULL)
			out[n++] = flag_focus(pref[i]);
	return n;
}

static int
needs_coaching(const struct rep *r)
{
	int i;

	for (i = 0; coaching[i] != NULL; i++)
		if (has_flag(r, coaching[i]) != NULL)
			return 1;
	return 0;
}

/* A rep to coach: the flags, their evidence, one or two focus areas. */
static void
coach_item(struct doc *d, const struct ctx *c, const struct rep *r)
{
	const char *fa[2];
	char buf[256], *s;
	size_t len = 0;
	int i, n;

	buf[0] = '\0';
	for (i = 0; coaching[i] != NULL; i++)
		if (has_flag(r, coaching[i]) != NULL) {
			snprintf(buf + len, sizeof(buf) - len, "%s%s",
			    len ? ", " : "", flag_label(coaching[i]));
			len = strlen(buf);
		}
	s = who(c, r);
	doc_item(d, s, buf);
	free(s);
	for (i = 0; coaching[i] != NULL; i++) {
		const struct flag *f = has_flag(r, coaching[i]);

		if (f != NULL && *f->note != '\0')
			doc_detail(d, flag_label(coaching[i]), f->note);
	}
	n = focus_areas(r, fa);
	for (i = 0; i < n; i++)
		doc_detail(d, "Focus", fa[i]);
}

static void
coaching_section(struct doc *d, struct ctx *c)
{
	char buf[512];
	int k, n, any = 0;

	doc_h2(d, "Coaching focus");
	if (no_flags(d, c, "who needs coaching"))
		return;
	/* The reps who most need it first: from the bottom of the board. */
	for (k = c->nreps - 1; k >= 0; k--)
		if (needs_coaching(&c->reps[k])) {
			coach_item(d, c, &c->reps[k]);
			any = 1;
		}
	if (!any)
		doc_para(d, "Nobody was flagged for coaching in %s.",
		    c->t->periods[c->sel]);
	/* Top performers need coaching too. */
	n = names_with(c, "high_flyer", "tier_top", buf, sizeof(buf));
	if (n > 0)
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
tiers(struct doc *d, const struct ctx *c)
{
	static const char *const tier[] = {
		"tier_top", "tier_middle", "tier_bottom"
	};
	struct chart *ch;
	char buf[1024], lead[64];
	int i, n[3], all = 0;

	for (i = 0; i < 3; i++) {
		all += n[i] = names_with(c, tier[i], NULL, buf, sizeof(buf));
		if (n[i] == 0)
			continue;
		snprintf(lead, sizeof(lead), "%s (%d)", flag_label(tier[i]),
		    n[i]);
		doc_item(d, lead, buf);
	}
	if (all == 0)
		return;
	/* Bottom to top, as a bell curve is drawn. */
	ch = doc_chart(d, CH_HIST, "Reps per tier", 3);
	ch->html_only = 1;
	for (i = 0; i < 3; i++) {
		ch->label[i] = xstrdup(flag_label(tier[2 - i]));
		ch->value[i] = n[2 - i];
	}
	ch->tone[0] = TONE_BAD;
	ch->tone[2] = TONE_GOOD;
}

#define NBANDS 5

/* Reps by attainment band (lower bounds included): the bell curve. */
static void
bands(struct doc *d, const struct ctx *c)
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
		if (!judged(row(c, c->sel, c->reps[k].id, c->lbm), &v)) {
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
	ch = doc_chart(d, CH_HIST, c->in_progress ?
	    "Reps by pace (projected attainment)" : "Reps by attainment",
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
distribution(struct doc *d, struct ctx *c)
{
	doc_h2(d, "Distribution");
	if (c->t->has_flags)
		tiers(d, c);
	bands(d, c);
}

/* ---- one-on-one sheets ---- */

/* Change on the previous period; of the projection while it runs. */
static int
sheet_change(const struct ctx *c, const struct srow *x, double *ch)
{
	if (!c->in_progress || !KNOWN(x, C_PROJECTED) || !KNOWN(x, C_PREV)) {
		*ch = x->v[C_CHANGE];
		return KNOWN(x, C_CHANGE);
	}
	if (x->v[C_PREV] == 0)
		return 0;
	*ch = (x->v[C_PROJECTED] - x->v[C_PREV]) / fabs(x->v[C_PREV]) * 100;
	return 1;
}

static void
sheet_columns(struct doc *d, const struct ctx *c)
{
	struct column cols[8];
	int nc = 0;

	cols[nc++] = (struct column){ "Metric", AL_LEFT, 1 };
	cols[nc++] = (struct column){ "Actual", AL_RIGHT, 0 };
	cols[nc++] = (struct column){ "Target", AL_RIGHT, 0 };
	cols[nc++] = (struct column){ "Attain.", AL_RIGHT, 0 };
	if (c->in_progress)
		cols[nc++] = (struct column){ "Pace", AL_RIGHT, 0 };
	cols[nc++] = (struct column){ "Median", AL_RIGHT, 0 };
	cols[nc++] = (struct column){ "Change", AL_RIGHT, 0 };
	if (c->sel > 0)
		cols[nc++] = (struct column){ "Trend", AL_LEFT, 0 };
	doc_table(d, nc, cols);
}

/* A metric of the rep against target and the team median. */
static void
sheet_row(struct doc *d, const struct ctx *c, const struct rep *r,
    int metric, const struct srow *x)
{
	const char *m = c->t->metrics[metric];
	char b[FMT_BUFSIZE];
	double v[TREND], ch;
	unsigned char kn[TREND];
	struct series se;

	doc_row(d);
	doc_cell(d, TONE_NONE, "%s", metric_label(m));
	num_cell(d, x, C_ACTUAL, TONE_NONE, m);
	num_cell(d, x, C_TARGET, TONE_NONE, m);
	num_cell(d, x, C_ATTAIN, c->in_progress ? TONE_NONE :
	    att_tone(x->v[C_ATTAIN]), NULL);
	if (c->in_progress)
		num_cell(d, x, C_PACE, att_tone(x->v[C_PACE]), NULL);
	num_cell(d, x, C_MEDIAN, TONE_NONE, m);
	if (sheet_change(c, x, &ch))
		doc_cell(d, change_tone(c, metric, ch), "%s",
		    fmt_change(ch, b));
	else
		doc_cell(d, TONE_NONE, "%s", "");
	if (c->sel > 0) {
		trend(c, r->id, metric, C_ACTUAL, &se, v, kn);
		doc_cell_trend(d, &se);
	}
}

/*
 * Focus areas: the coaching flags' first; else the leading metrics on
 * which the rep is furthest under the team median; else a stretch goal
 * for a top performer.
 */
static void
sheet_focus(struct doc *d, const struct ctx *c, const struct rep *r,
    const int *ids, int n)
{
	const char *fa[2];
	char text[256], b1[FMT_BUFSIZE], b2[FMT_BUFSIZE];
	int i, nfa = focus_areas(r, fa), shown = 0;

	for (i = 0; i < nfa; i++)
		doc_item(d, "Focus", fa[i]);
	for (i = 0; i < n && nfa == 0 && shown < 2; i++) {
		const char *m = c->t->metrics[ids[i]];
		struct metric_def def = metric_lookup(m);
		const struct srow *x = row(c, c->sel, r->id, ids[i]);

		if (x == NULL || !def.leading || !def.higher_better ||
		    !KNOWN(x, C_ACTUAL) || !KNOWN(x, C_MEDIAN) ||
		    x->v[C_MEDIAN] <= 0 ||
		    x->v[C_ACTUAL] >= 0.75 * x->v[C_MEDIAN])
			continue;
		snprintf(text, sizeof(text), "%s: %s against a team median "
		    "of %s", metric_label(m), fmt_metric(m, x->v[C_ACTUAL], b1),
		    fmt_metric(m, x->v[C_MEDIAN], b2));
		doc_item(d, "Focus", text);
		shown++;
	}
	if (nfa > 0 || shown > 0)
		return;
	if (has_flag(r, "high_flyer") != NULL || has_flag(r, "tier_top") != NULL)
		doc_item(d, "Focus", "a stretch goal, help on the biggest "
		    "open deal, and sharing what works with the team");
	else
		doc_item(d, "Focus", "agree on the one number to move next "
		    "period, and the deals and activities that will move it");
}

static void
sheet(struct doc *d, struct ctx *c, const struct rep *r)
{
	const struct table *t = c->t;
	int *ids = xcalloc((size_t)t->nmetrics + 1, sizeof(int));
	int n = metric_order(c, ids), i;
	const struct srow *s = row(c, c->sel, r->id, c->lbm), *x;
	char *w;

	w = who(c, r);
	doc_h3(d, w);
	free(w);
	if (s != NULL && KNOWN(s, C_RANK) && KNOWN(s, C_REPS))
		doc_para(d, "Rank %.0f of %.0f on %s%s.", s->v[C_RANK],
		    s->v[C_REPS], metric_label(t->metrics[c->lbm]),
		    c->in_progress ? " (period in progress: pace is the "
		    "projection)" : "");
	sheet_columns(d, c);
	for (i = 0; i < n; i++)
		if ((x = row(c, c->sel, r->id, ids[i])) != NULL)
			sheet_row(d, c, r, ids[i], x);
	if (!t->has_flags)
		doc_para(d, "Flags were not computed.");
	else if (r->nfl == 0)
		doc_para(d, "No flags this period.");
	for (i = 0; i < r->nfl; i++)
		doc_item(d, flag_label(r->fl[i].name),
		    *r->fl[i].note ? r->fl[i].note : NULL);
	sheet_focus(d, c, r, ids, n);
	free(ids);
}

/* In print, every sheet on a page of its own, to hand to the rep. */
static void
sheets(struct doc *d, struct ctx *c)
{
	int k;

	doc_page_break(d);
	doc_h2(d, "One-on-ones");
	for (k = 0; k < c->nreps; k++) {
		if (k > 0)
			doc_page_break(d);
		sheet(d, c, &c->reps[k]);
	}
}

/* ---- the whole report ---- */

static char *
period_label(const struct table *t, int p)
{
	char buf[128], a[DATE_BUFSIZE], b[DATE_BUFSIZE];
	pm_day first, last;

	if (period_parse_key(t->periods[p], 1, &first, &last) == 0 &&
	    first != last)
		snprintf(buf, sizeof(buf), "%s (%s to %s)", t->periods[p],
		    date_format(first, a), date_format(last, b));
	else
		snprintf(buf, sizeof(buf), "%s", t->periods[p]);
	return xstrdup(buf);
}

/* The rep named exactly, else the one rep named so ignoring case. */
static int
find_rep(const struct ctx *c, const char *want)
{
	int k, found = -1;

	for (k = 0; k < c->nreps; k++)
		if (strcmp(name(c, c->reps[k].id), want) == 0)
			return k;
	for (k = 0; k < c->nreps; k++)
		if (strcasecmp(name(c, c->reps[k].id), want) == 0) {
			if (found >= 0)
				return -1;
			found = k;
		}
	return found;
}

static struct ctx report_ctx;

void
build_report(struct doc *d, const struct table *t, const struct opts *op)
{
	struct ctx *c = &report_ctx;
	const char *title = op->title ? op->title : "Sales performance report";
	char *sub, *pl;
	size_t len;
	int k;

	memset(c, 0, sizeof(*c));
	c->t = t;
	c->op = op;
	if (t->nperiods == 0 || t->nreps == 0) {
		doc_title(d, title, NULL);
		doc_para(d, "No data: the input has no scores for any rep.");
		return;
	}
	c->sel = pick_period(c);
	c->score = table_metric(t, "score");
	c->lbm = pick_metric(c);
	collect_reps(c);
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
		    t->periods[c->sel]);
		return;
	}
	if (op->rep != NULL) {
		if ((k = find_rep(c, op->rep)) < 0)
			pm_die(EX_DATAERR, "--rep: no rep '%s' in %s",
			    op->rep, t->periods[c->sel]);
		doc_h2(d, "One-on-one");
		sheet(d, c, &c->reps[k]);
		return;
	}
	headline(d, c);
	leaderboard(d, c);
	wins_section(d, c);
	coaching_section(d, c);
	distribution(d, c);
	if (op->pareto != NULL)
		add_pareto(d, op->pareto);
	if (op->drivers != NULL)
		add_drivers(d, op->drivers);
	if (op->one_on_ones)
		sheets(d, c);
}
