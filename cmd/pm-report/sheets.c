/*
 * One-on-one sheets: a rep's metrics against target and the team
 * median, the trend, the flags with their evidence, and focus areas.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "metrics.h"
#include "num.h"
#include "report.h"
#include "model.h"

/* Change on the previous period; of the projection while it runs. */
static int
sheet_change(const struct model *c, const struct score_row *x, double *ch)
{
	if (!c->in_progress || !scores_known(x, SC_PROJECTED) || !scores_known(x, SC_PREV) ||
	    x->v[SC_PROJECTED] == x->v[SC_ACTUAL]) {
		*ch = model_num(x, SC_CHANGE);
		return scores_known(x, SC_CHANGE);
	}
	if (model_num(x, SC_PREV) == 0)
		return 0;
	*ch = (model_num(x, SC_PROJECTED) - model_num(x, SC_PREV)) / fabs(model_num(x, SC_PREV)) * 100;
	return 1;
}

/*
 * What every sheet shares, worked out once for the report rather than
 * once a rep, so that the sheets of n reps cost n, not n squared: the
 * metrics in report order, and each team's median of each metric (made
 * the first time a sheet asks for that metric).
 */
struct sheets_cache {
	int *ids;		/* metric ids in report order */
	int n;
	unsigned char *done;	/* by metric: medians worked out */
	unsigned char *has;	/* by metric x team: a median exists */
	int64_t *med;		/* by metric x team */
};

struct team_value {
	uint32_t team;
	int64_t v;
};

static int
cmp_tv(const void *a, const void *b)
{
	const struct team_value *x = a, *y = b;

	if (x->team != y->team)
		return x->team < y->team ? -1 : 1;
	return x->v < y->v ? -1 : x->v > y->v;
}

static struct sheets_cache *
sheets_cache(struct model *c)
{
	struct sheets_cache *sc;
	size_t nm = c->s->nmetrics, nt = c->s->nteams;

	if (c->sheets != NULL)
		return c->sheets;
	sc = xcalloc(1, sizeof(*sc));
	sc->ids = xcalloc(nm + 1, sizeof(int));
	sc->n = model_metric_order(c, sc->ids);
	sc->done = xcalloc(nm + 1, 1);
	sc->has = xcalloc(nm * nt + 1, 1);
	sc->med = xcalloc(nm * nt + 1, sizeof(int64_t));
	c->sheets = sc;
	return sc;
}

/* Every team's median actual of metric, from one sorted pass. */
static void
team_medians(const struct model *c, struct sheets_cache *sc, int metric)
{
	struct team_value *tv = xcalloc((size_t)c->nreps + 1, sizeof(*tv));
	size_t base = (size_t)metric * c->s->nteams;
	int k, i, j, n = 0, h;

	for (k = 0; k < c->nreps; k++) {
		const struct score_row *o = model_row(c, c->sel, c->reps[k].id, metric);

		if (o != NULL && scores_known(o, SC_ACTUAL))
			tv[n++] = (struct team_value){ o->team, o->v[SC_ACTUAL] };
	}
	qsort(tv, (size_t)n, sizeof(*tv), cmp_tv);
	for (i = 0; i < n; i = j) {
		for (j = i; j < n && tv[j].team == tv[i].team; j++)
			;
		h = (j - i) / 2;
		sc->med[base + tv[i].team] = (j - i) % 2 ? tv[i + h].v :
		    (int64_t)(((__int128)tv[i + h - 1].v + tv[i + h].v) / 2);
		sc->has[base + tv[i].team] = 1;
	}
	sc->done[metric] = 1;
	free(tv);
}

/*
 * The median actual of the rep's team, reps with an empty actual left
 * out.  pm-score's median column is over everyone unless it ranked by
 * team; a rep without a team is compared with everyone.
 */
static int
team_median(const struct model *c, const struct model_rep *r, int metric,
    const struct score_row *x, double *out)
{
	struct sheets_cache *sc = c->sheets;
	uint32_t t;
	size_t k;

	if (*r->team == '\0') {
		*out = model_num(x, SC_MEDIAN);
		return scores_known(x, SC_MEDIAN);
	}
	if ((t = scores_team(c->s, r->team)) == SC_NONE)
		return 0;
	if (!sc->done[metric])
		team_medians(c, sc, metric);
	k = (size_t)metric * c->s->nteams + t;
	if (sc->has[k])
		*out = fixed_to_double(sc->med[k]);
	return sc->has[k];
}

static void
sheet_columns(struct doc *d, const struct model *c)
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
sheet_row(struct doc *d, const struct model *c, const struct model_rep *r,
    int metric, const struct score_row *x)
{
	const char *m = c->s->metric_name[metric];
	char b[FMT_BUFSIZE];
	double v[MODEL_TREND], ch, med;
	unsigned char kn[MODEL_TREND];
	struct series se;

	doc_row(d);
	doc_cell(d, TONE_NONE, "%s", fmt_metric_label(m));
	model_num_cell(d, x, SC_ACTUAL, TONE_NONE, m);
	model_num_cell(d, x, SC_TARGET, TONE_NONE, m);
	model_num_cell(d, x, SC_ATTAINMENT, c->in_progress ? TONE_NONE :
	    model_att_tone(model_num(x, SC_ATTAINMENT)), NULL);
	if (c->in_progress)
		model_num_cell(d, x, SC_PACE, model_att_tone(model_num(x,
		    SC_PACE)), NULL);
	doc_cell(d, TONE_NONE, "%s", team_median(c, r, metric, x, &med) ?
	    fmt_metric(m, med, b) : "");
	if (sheet_change(c, x, &ch))
		doc_cell(d, model_change_tone(c, metric, ch), "%s",
		    fmt_change(ch, b));
	else
		doc_cell(d, TONE_NONE, "%s", "");
	if (c->sel > 0) {
		model_trend(c, r->id, metric, SC_ACTUAL, &se, v, kn);
		doc_cell_trend(d, &se);
	}
}

/*
 * Focus areas: the coaching flags' first; else the leading metrics on
 * which the rep is furthest under the team median; else a stretch goal
 * for a top performer.
 */
static void
sheet_focus(struct doc *d, const struct model *c, const struct model_rep *r,
    const int *ids, int n)
{
	const char *fa[2];
	char text[256], b1[FMT_BUFSIZE], b2[FMT_BUFSIZE];
	int i, nfa, shown = 0;
	double med;

	/* While a coaching plan runs, its focus is the rep's. */
	if ((nfa = followup_focus(c, (int)(r - c->reps), fa, 2)) == 0)
		nfa = model_focus_areas(r, fa);

	for (i = 0; i < nfa; i++)
		doc_item(d, "Focus", fa[i]);
	for (i = 0; i < n && nfa == 0 && shown < 2; i++) {
		const char *m = c->s->metric_name[ids[i]];
		struct metric_def def = metric_lookup(m);
		const struct score_row *x = model_row(c, c->sel, r->id, ids[i]);

		/* The composite score is results, not a leading metric. */
		if (ids[i] == c->score)
			continue;
		if (x == NULL || !def.leading || !def.higher_better ||
		    !scores_known(x, SC_ACTUAL) || !team_median(c, r, ids[i], x, &med) ||
		    med <= 0 || model_num(x, SC_ACTUAL) >= 0.75 * med)
			continue;
		snprintf(text, sizeof(text), "%s: %s against a team median "
		    "of %s", fmt_metric_label(m), fmt_metric(m, model_num(x, SC_ACTUAL), b1),
		    fmt_metric(m, med, b2));
		doc_item(d, "Focus", text);
		shown++;
	}
	if (nfa > 0 || shown > 0)
		return;
	if (model_has_flag(r, "high_flyer") != NULL || model_has_flag(r, "tier_top") != NULL)
		doc_item(d, "Focus", "a stretch goal, help on the biggest "
		    "open deal, and sharing what works with the team");
	else
		doc_item(d, "Focus", "agree on the one number to move next "
		    "period, and the deals and activities that will move it");
}

void
sheets_one(struct doc *d, struct model *c, const struct model_rep *r)
{
	const struct scores *t = c->s;
	const struct sheets_cache *sc = sheets_cache(c);
	const int *ids = sc->ids;
	int n = sc->n, i;
	const struct score_row *s = model_row(c, c->sel, r->id, c->lbm), *x;
	char *w;

	w = model_who(c, r);
	doc_h3(d, w);
	free(w);
	if (s != NULL && scores_known(s, SC_RANK) && scores_known(s, SC_REPS))
		doc_para(d, "Rank %.0f of %.0f on %s%s.", model_num(s, SC_RANK),
		    model_num(s, SC_REPS),
		        fmt_metric_label(t->metric_name[c->lbm]),
		    c->in_progress ? " (period in progress: pace is the "
		    "projection)" : "");
	sheet_columns(d, c);
	for (i = 0; i < n; i++)
		if ((x = model_row(c, c->sel, r->id, ids[i])) != NULL)
			sheet_row(d, c, r, ids[i], x);
	change_sheet(d, c, r);
	if (!(t->col[SC_FLAGS] >= 0))
		doc_para(d, "Flags were not computed.");
	else if (r->nfl == 0)
		doc_para(d, "No flags this period.");
	for (i = 0; i < r->nfl; i++)
		/* Plans and pairings have their own lines, below. */
		if (strncmp(r->fl[i].name, "plan_", 5) != 0 &&
		    !learn_is_flag(r->fl[i].name))
			doc_item(d, model_flag_label(r->fl[i].name),
			    *r->fl[i].note ? r->fl[i].note : NULL);
	followup_sheet(d, c, (int)(r - c->reps));
	learn_sheet(d, c, r);
	sheet_focus(d, c, r, ids, n);
}

/* In print, every sheet on a page of its own, to hand to the rep. */
void
sheets_all(struct doc *d, struct model *c)
{
	int k;

	d->sheets_from = d->n;
	doc_page_break(d);
	doc_h2(d, "One-on-ones");
	for (k = 0; k < c->nreps; k++) {
		if (k > 0)
			doc_page_break(d);
		sheets_one(d, c, &c->reps[k]);
	}
}
