/*
 * What drives results (SPEC section 11): for each leading metric and lag,
 * the pairs (rep, period t) with the metric in period t and the outcome
 * in period t + lag, and how they go together.  The values come from the
 * cells (cells.c), as in the scores table.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "num.h"
#include "out.h"
#include "sort.h"
#include "tables.h"
#include "score.h"

struct drow {
	uint32_t metric;
	int lag;
	size_t pairs;
	int known;		/* coefficients (neither side constant) */
	double spearman, pearson, slope;
	int slope_k;
};

static int
constant(const double *v, size_t n)
{
	size_t i;

	for (i = 1; i < n; i++)
		if (v[i] != v[0])
			return 0;
	return 1;
}

static double
pearson(const double *x, const double *y, size_t n, double *slope)
{
	long double mx = 0, my = 0, sxy = 0, sxx = 0, syy = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		mx += x[i];
		my += y[i];
	}
	mx /= n;
	my /= n;
	for (i = 0; i < n; i++) {
		sxy += (x[i] - mx) * (y[i] - my);
		sxx += (x[i] - mx) * (x[i] - mx);
		syy += (y[i] - my) * (y[i] - my);
	}
	if (slope != NULL)
		*slope = (double)(sxy / sxx);
	return (double)(sxy / sqrtl(sxx * syy));
}

/* Indices by their values in v (arg). */
static int
idx_cmp(const void *a, const void *b, void *arg)
{
	const double *v = arg;
	double x = v[*(const size_t *)a], y = v[*(const size_t *)b];

	return x < y ? -1 : x > y;
}

/* Ranks 1..n, ties sharing the average of their ranks. */
static void
avg_ranks(const double *v, size_t n, double *r)
{
	size_t *idx = xreallocarray(NULL, n, sizeof(*idx)), i, j, k;

	for (i = 0; i < n; i++)
		idx[i] = i;
	sort_with(idx, n, sizeof(*idx), idx_cmp, (void *)v);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && v[idx[j]] == v[idx[i]]; j++)
			;
		for (k = i; k < j; k++)
			r[idx[k]] = (double)(i + j + 1) / 2;
	}
	free(idx);
}

static void
correlate(struct drow *d, const double *x, const double *y, size_t n)
{
	double *rx, *ry;

	d->pairs = n;
	if (n < 2 || constant(x, n)) {
		d->known = d->slope_k = 0;
		return;
	}
	d->slope_k = 1;
	d->pearson = pearson(x, y, n, &d->slope);
	if (constant(y, n)) {
		d->known = 0;
		return;
	}
	d->known = 1;
	rx = xreallocarray(NULL, n, sizeof(*rx));
	ry = xreallocarray(NULL, n, sizeof(*ry));
	avg_ranks(x, n, rx);
	avg_ranks(y, n, ry);
	d->spearman = pearson(rx, ry, n, NULL);
	free(rx);
	free(ry);
}

static void
pairs_for(const struct cells *c, uint32_t m, uint32_t outcome, int lag,
    struct drow *d)
{
	const struct period_cfg *cfg = agg_periods(c->a);
	double *x = NULL, *y = NULL;
	size_t n = 0, cap = 0, nact, i;
	pm_day ps, pl, last;
	struct val vx, vy;
	int k;

	d->metric = m;
	d->lag = lag;
	/* Periods after the as-of date are not judged. */
	last = c->pend;
	if (c->asof != NO_DAY && last != NO_DAY && last > c->asof)
		last = period_start(cfg, c->asof);
	for (ps = c->pstart; ps != NO_DAY && last != NO_DAY && ps <= last;
	    ps = period_next(cfg, ps)) {
		pl = ps;
		for (k = 0; k < lag; k++)
			pl = period_next(cfg, pl);
		if (pl > last)
			break;
		nact = cells_active(c, ps, c->act);
		for (i = 0; i < nact; i++) {
			vx = cells_get(c, ps, &c->act[i], 1, 0, m).act;
			vy = cells_get(c, pl, &c->act[i], 1, 0, outcome).act;
			if (!vx.known || !vy.known)
				continue;
			if (n == cap) {
				cap = cap ? cap * 2 : 64;
				x = xreallocarray(x, cap, sizeof(*x));
				y = xreallocarray(y, cap, sizeof(*y));
			}
			x[n] = (double)val_ld(vx);
			y[n++] = (double)val_ld(vy);
		}
	}
	correlate(d, x, y, n);
	free(x);
	free(y);
}

/* Strongest first; rows that look tied by metric name and lag. */
static int
drow_cmp(const void *a, const void *b, void *arg)
{
	const struct drow *x = a, *y = b;
	const struct cells *c = arg;
	/* As shown: rows that look tied are ordered by name and lag. */
	double ax = round(fabs(x->spearman) * 1000);
	double ay = round(fabs(y->spearman) * 1000);
	int r;

	if (x->known != y->known)
		return x->known ? -1 : 1;
	if (x->known && ax != ay)
		return ax > ay ? -1 : 1;
	r = strcmp(agg_metric_name(c->a, x->metric),
	    agg_metric_name(c->a, y->metric));
	if (r != 0)
		return r;
	return x->lag - y->lag;
}

/*
 * helps / hurts the outcome (its direction taken into account), or
 * unclear when the relation is weak or rests on too few pairs.
 */
static const char *
direction(const struct cells *c, const struct drow *d, uint32_t outcome)
{
	double s;

	if (!d->known || d->pairs < 10)
		return "unclear";
	s = d->spearman;
	if (!c->defs[outcome].higher_better)
		s = -s;
	if (fabs(d->spearman) < 0.2)
		return "unclear";
	return s > 0 ? "helps" : "hurts";
}

/* Whether --metrics (when given) names m. */
static int
listed(const struct cells *c, uint32_t m)
{
	char **p;

	if (c->o->metrics == NULL)
		return 1;
	for (p = c->o->metrics; *p != NULL; p++)
		if (strcmp(*p, agg_metric_name(c->a, m)) == 0)
			return 1;
	return 0;
}

void
drivers_write(struct cells *c, struct out *out)
{
	const struct score_opts *o = c->o;
	struct drow *rows = NULL;
	size_t n = 0, i, nm;
	uint32_t outcome, m;
	int lag;

	outcome = agg_metric_id(c->a, o->drivers);
	if (outcome == NO_ID || (!agg_metric_seen(c->a, outcome) &&
	    !metric_is_derived(c->defs[outcome].agg)))
		pm_die(EX_DATAERR, "no facts of the outcome metric '%s'",
		    o->drivers);
	nm = agg_nmetrics(c->a);
	for (m = 0; m < nm; m++) {
		if (m == outcome || !agg_metric_seen(c->a, m) ||
		    !c->defs[m].leading || metric_is_derived(c->defs[m].agg) ||
		    !listed(c, m))
			continue;
		for (lag = 0; lag <= o->lag; lag++) {
			rows = xreallocarray(rows, n + 1, sizeof(*rows));
			memset(&rows[n], 0, sizeof(rows[n]));
			pairs_for(c, m, outcome, lag, &rows[n++]);
		}
	}
	sort_with(rows, n, sizeof(*rows), drow_cmp, c);
	csv_put_row(out, tables_drivers);
	for (i = 0; i < n; i++) {
		csv_put_field(out, agg_metric_name(c->a, rows[i].metric));
		csv_put_long(out, rows[i].lag);
		csv_put_long(out, (long)rows[i].pairs);
		csv_put_double(out, rows[i].spearman, 3, rows[i].known);
		csv_put_double(out, rows[i].pearson, 3, rows[i].known);
		/* A slope past the fixed-point range is not clamped. */
		if (rows[i].slope_k && !(fabs(rows[i].slope) <
		    (double)FIXED_MAX / FIXED_SCALE))
			pm_die(EX_DATAERR, "drivers: the slope of %s (lag %d) "
			    "is %s", agg_metric_name(c->a, rows[i].metric),
			    rows[i].lag, fixed_why(NUM_RANGE));
		if (rows[i].slope_k)
			csv_put_fixed(out, fixed_from_double(rows[i].slope));
		else
			csv_put_empty(out);
		csv_put_field(out, direction(c, &rows[i], outcome));
		csv_end_row(out);
	}
	free(rows);
}
