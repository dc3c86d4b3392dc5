/*
 * The cells of the scores table: which metrics, periods and reps it has,
 * and the numbers of one group (a rep, or a roll-up over reps) for one
 * metric in one period: the actual and its projection, the target, the
 * attainment and the pace; the composite score from those of the
 * weighted metrics.  Values stay exact (val.c) until they are written.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "num.h"
#include "sort.h"
#include "score.h"

/* Ids by the names an aggregator's id table (arg) gives them. */
static int
rep_name_cmp(const void *x, const void *y, void *a)
{
	return strcmp(agg_rep_name(a, *(const uint32_t *)x),
	    agg_rep_name(a, *(const uint32_t *)y));
}

static int
metric_name_cmp(const void *x, const void *y, void *a)
{
	return strcmp(agg_metric_name(a, *(const uint32_t *)x),
	    agg_metric_name(a, *(const uint32_t *)y));
}

/* cells_metric_seen, short: choose_metrics asks it often. */
#define seen(c, m) agg_metric_seen((c)->a, m)

uint32_t
cells_team(const struct cells *c, uint32_t rep)
{
	const struct repinfo *r = agg_repinfo(c->a, rep);

	if (r->in_roster && r->rteam != NO_ID)
		return r->rteam;
	return r->team;
}

static void
add_metric(struct cells *c, uint32_t m)
{
	size_t i;

	for (i = 0; i < c->nm; i++)
		if (c->mlist[i] == m)
			return;
	c->mlist = xreallocarray(c->mlist, c->nm + 1, sizeof(*c->mlist));
	c->mlist[c->nm++] = m;
}

static int
targeted(const struct cells *c, uint32_t m)
{
	return targets_have(c->tg, m);
}

static void
choose_metrics(struct cells *c)
{
	struct agg *a = c->a;
	const struct score_opts *o = c->o;
	size_t i, n = agg_nmetrics(a);
	char **p;
	uint32_t m;
	const char *name;

	/* The metrics of the input and of the targets, and derived ones. */
	for (i = 0; i < n; i++) {
		name = agg_metric_name(a, (uint32_t)i);
		if (strcmp(name, "score") == 0)
			continue;
		if ((seen(c, (uint32_t)i) && !metric_is_derived(
		    c->defs[i].agg)) || targeted(c, (uint32_t)i))
			add_metric(c, (uint32_t)i);
	}
	for (i = 0; i < o->nweights; i++)
		add_metric(c, o->weights[i].metric);
	if (seen(c, c->m_rev))
		add_metric(c, agg_metric(a, "largest_deal", 12));
	if (seen(c, c->m_rev) && seen(c, c->m_won))
		add_metric(c, agg_metric(a, "avg_deal", 8));
	if (seen(c, c->m_won) || seen(c, c->m_lost))
		add_metric(c, agg_metric(a, "win_rate", 8));
	if (seen(c, c->m_open) && targeted(c, c->m_rev))
		add_metric(c, agg_metric(a, "coverage", 8));
	/* The composite: -w, or every targeted metric equally weighted. */
	if (o->nweights > 0) {
		c->w = o->weights;
		c->nw = o->nweights;
	} else {
		for (i = 0; i < c->nm; i++) {
			m = c->mlist[i];
			if (strcmp(agg_metric_name(a, m), "score") == 0 ||
			    !targeted(c, m))
				continue;
			c->w = xreallocarray(c->w, c->nw + 1, sizeof(*c->w));
			c->w[c->nw].metric = m;
			c->w[c->nw++].w = 1;
		}
	}
	c->m_score = agg_metric(a, "score", 5);
	if (o->metrics != NULL) {
		/* --metrics: exactly those, in the table's order. */
		c->nm = 0;
		for (p = o->metrics; *p != NULL; p++) {
			m = agg_metric(a, *p, strlen(*p));
			if (m == c->m_score && c->nw == 0)
				pm_usage_error("--metrics score needs targets "
				    "(-t) or weights (-w)");
			if (m != c->m_score && !seen(c, m) && !targeted(c, m) &&
			    !metric_is_derived(c->defs[m].agg) && !o->quiet)
				pm_warn("--metrics: no facts and no targets of "
				    "'%s' (all zero)", *p);
			add_metric(c, m);
		}
	} else if (c->nw > 0)
		add_metric(c, c->m_score);
	sort_with(c->mlist, c->nm, sizeof(*c->mlist), metric_name_cmp, a);
}

static void
make_defs(struct cells *c)
{
	size_t i, j, n;

	/* Metric names may still be added (derived ones): leave room. */
	agg_metric(c->a, "largest_deal", 12);
	agg_metric(c->a, "avg_deal", 8);
	agg_metric(c->a, "win_rate", 8);
	agg_metric(c->a, "coverage", 8);
	agg_metric(c->a, "score", 5);
	for (i = 0; i < c->o->ndecls; i++)
		agg_metric(c->a, c->o->decls[i].name,
		    strlen(c->o->decls[i].name));
	if (c->o->metrics != NULL)
		for (i = 0; c->o->metrics[i] != NULL; i++)
			agg_metric(c->a, c->o->metrics[i],
			    strlen(c->o->metrics[i]));
	n = agg_nmetrics(c->a);
	c->defs = xcalloc(n, sizeof(*c->defs));
	for (i = 0; i < n; i++) {
		c->defs[i] = metric_lookup(agg_metric_name(c->a, (uint32_t)i));
		for (j = 0; j < c->o->ndecls; j++)
			if (strcmp(c->o->decls[j].name, c->defs[i].name) == 0)
				c->defs[i] = c->o->decls[j];
	}
	c->m_rev = agg_metric_id(c->a, "revenue");
	c->m_won = agg_metric_id(c->a, "deals_won");
	c->m_lost = agg_metric_id(c->a, "deals_lost");
	c->m_open = agg_metric_id(c->a, "open_pipeline");
}

int
cells_higher(const struct cells *c, uint32_t m)
{
	return m == c->m_score ? 1 : c->defs[m].higher_better;
}

static int
is_sum(const struct cells *c, uint32_t m)
{
	return m != c->m_score && c->defs[m].agg == AGG_SUM;
}

int
cells_is_sum(const struct cells *c, uint32_t m)
{
	return m != NO_ID && is_sum(c, m);
}

/*
 * A sum that accumulates with the days, and so is projected.  Open
 * pipeline is a stock, what is expected to close in the period: the
 * same whether a day or all of the period has gone by.
 */
static int
is_flow(const struct cells *c, uint32_t m)
{
	return is_sum(c, m) && m != c->m_open;
}

void
cells_init(struct cells *c, struct agg *a, const struct score_opts *o,
    const struct targets *tg)
{
	const struct period_cfg *cfg = agg_periods(a);
	size_t i, n;
	pm_day rs, re, devent;
	const struct repinfo *r;

	memset(c, 0, sizeof(*c));
	c->a = a;
	c->o = o;
	c->tg = tg;
	make_defs(c);
	agg_dates(a, &c->dfirst, &c->dlast, &devent);
	c->first_data = c->dfirst == NO_DAY ? NO_DAY :
	    period_start(cfg, c->dfirst);
	/* Open deals' expected close dates are no evidence of today. */
	c->asof = o->have_asof ? o->asof : devent != NO_DAY ? devent :
	    c->dlast;
	c->pstart = o->from != NO_DAY ? period_start(cfg, o->from) :
	    c->dfirst != NO_DAY ? period_start(cfg, c->dfirst) : NO_DAY;
	c->pend = o->to != NO_DAY ? period_start(cfg, o->to) :
	    c->dlast != NO_DAY ? period_start(cfg, c->dlast) : c->pstart;
	if (c->pstart != NO_DAY && c->pend != NO_DAY && c->pend < c->pstart &&
	    o->to == NO_DAY)
		c->pend = c->pstart;
	if (c->pstart == NO_DAY && c->pend != NO_DAY)
		c->pstart = c->pend;
	/* The reps: the roster's, and those with facts in the range. */
	n = agg_nreps(a);
	c->order = xreallocarray(NULL, n + 1, sizeof(*c->order));
	rs = c->pstart;
	re = c->pend == NO_DAY ? NO_DAY : period_next(cfg, c->pend) - 1;
	for (i = 0; i < n; i++) {
		r = agg_repinfo(a, (uint32_t)i);
		if (r->in_roster || (r->first != NO_DAY && rs != NO_DAY &&
		    r->first <= re && r->last >= rs))
			c->order[c->nrep++] = (uint32_t)i;
	}
	sort_with(c->order, c->nrep, sizeof(*c->order), rep_name_cmp, a);
	choose_metrics(c);
	c->act = xreallocarray(NULL, c->nrep + 1, sizeof(*c->act));
	c->act2 = xreallocarray(NULL, c->nrep + 1, sizeof(*c->act2));
}

void
cells_free(struct cells *c)
{
	if (c->w != c->o->weights)
		free(c->w);
	free(c->defs);
	free(c->mlist);
	free(c->order);
	free(c->act);
	free(c->act2);
}

size_t
cells_active(const struct cells *c, pm_day ps, uint32_t *out)
{
	pm_day pe = period_next(agg_periods(c->a), ps) - 1;
	size_t i, n = 0;
	pm_day st;

	for (i = 0; i < c->nrep; i++) {
		st = agg_repinfo(c->a, c->order[i])->start;
		if (st == NO_DAY || st <= pe)
			out[n++] = c->order[i];
	}
	return n;
}

size_t
cells_members(const struct cells *c, const uint32_t *act, size_t nact,
    uint32_t team, int everyone, uint32_t *out)
{
	size_t i, n = 0;

	for (i = 0; i < nact; i++)
		if (everyone || cells_team(c, act[i]) == team)
			out[n++] = act[i];
	return n;
}

/*
 * A group's statistics.  The sum is wider than a rep's: a roll-up may
 * add up past the fixed-point range, which table.c reports, naming the
 * group, rather than this wrapping it.
 */
struct gstats {
	__int128 sum, n;
	int64_t max;
};

static struct gstats
sum_stats(const struct cells *c, pm_day ps, const uint32_t *mem,
    size_t nmem, uint32_t m)
{
	struct gstats s = { 0, 0, 0 };
	const struct stats *g;
	size_t i;

	if (m == NO_ID)
		return s;
	for (i = 0; i < nmem; i++) {
		if ((g = agg_find(c->a, ps, mem[i], m)) == NULL)
			continue;
		s.sum += g->sum;
		if (g->n > 0 && (s.n == 0 || g->max > s.max))
			s.max = g->max;
		s.n += g->n;
	}
	return s;
}

static struct val
value_of(const struct cells *c, pm_day ps, const uint32_t *mem, size_t nmem,
    uint32_t m, int has_rt, __int128 rev_target)
{
	struct gstats s, w, l;

	switch (c->defs[m].agg) {
	case AGG_SUM:
		s = sum_stats(c, ps, mem, nmem, m);
		return val_make(s.sum, FIXED_SCALE);
	case AGG_MEAN:
		s = sum_stats(c, ps, mem, nmem, m);
		return s.n > 0 ? val_make(s.sum, s.n * FIXED_SCALE) :
		    val_unknown();
	case AGG_MAX:
		s = sum_stats(c, ps, mem, nmem, m);
		return s.n > 0 ? val_make(s.max, FIXED_SCALE) : val_unknown();
	case AGG_LARGEST:
		s = sum_stats(c, ps, mem, nmem, c->m_rev);
		return s.n > 0 ? val_make(s.max, FIXED_SCALE) : val_unknown();
	case AGG_AVG_DEAL:
		s = sum_stats(c, ps, mem, nmem, c->m_rev);
		w = sum_stats(c, ps, mem, nmem, c->m_won);
		return w.sum > 0 ? val_make(s.sum, w.sum) : val_unknown();
	case AGG_WIN_RATE:
		w = sum_stats(c, ps, mem, nmem, c->m_won);
		l = sum_stats(c, ps, mem, nmem, c->m_lost);
		return w.sum + l.sum > 0 ? val_make(w.sum * 100,
		    w.sum + l.sum) : val_unknown();
	case AGG_COVERAGE:
		if (!has_rt)
			return val_unknown();
		s = sum_stats(c, ps, mem, nmem, c->m_rev);
		w = sum_stats(c, ps, mem, nmem, c->m_open);
		return rev_target - s.sum > 0 ? val_make(w.sum,
		    rev_target - s.sum) : val_unknown();
	}
	return val_unknown();
}

/* The first day a rep is judged on in the period: the start date. */
static pm_day
rep_from(const struct cells *c, uint32_t rep, pm_day ps)
{
	pm_day st = agg_repinfo(c->a, rep)->start;

	return st != NO_DAY && st > ps ? st : ps;
}

static int
rep_target(const struct cells *c, pm_day ps, uint32_t rep, uint32_t m,
    __int128 *t)
{
	pm_day pe = period_next(agg_periods(c->a), ps) - 1;
	int64_t share;

	if (m == c->m_score) {
		*t = 100 * FIXED_SCALE;
		return 1;
	}
	if (m == NO_ID)
		return 0;
	if (!targets_for(c->tg, ps, pe, rep_from(c, rep, ps), rep,
	    cells_team(c, rep), m, is_sum(c, m), t))
		return 0;
	/* A new hire's ramp, after the start period's day proration. */
	if (is_sum(c, m) && ramps_share(c->ramps, agg_periods(c->a), rep,
	    agg_repinfo(c->a, rep)->start, ps, &share))
		*t = val_rdiv(*t * share, 100 * FIXED_SCALE);
	return 1;
}

/*
 * Target of a group: the sum over its reps that have one, or for a level
 * (a rate, a mean) their mean.
 */
static int
group_target(const struct cells *c, pm_day ps, const uint32_t *mem,
    size_t nmem, int rollup, uint32_t m, __int128 *t)
{
	__int128 one, sum = 0;
	size_t i, known = 0;

	if (m == c->m_score) {
		*t = 100 * FIXED_SCALE;
		return 1;
	}
	if (!rollup)
		return rep_target(c, ps, mem[0], m, t);
	for (i = 0; i < nmem; i++) {
		if (!rep_target(c, ps, mem[i], m, &one))
			continue;
		known++;
		sum += one;
	}
	if (known == 0)
		return 0;
	*t = is_sum(c, m) ? sum : val_rdiv(sum, (__int128)known);
	return 1;
}

static int
attain(const struct cells *c, uint32_t m, struct val v, int has_t,
    __int128 t, double *out)
{
	long double x;

	/* A target of 0 is no yardstick, whichever way is better. */
	if (!v.known || !has_t || t == 0)
		return 0;
	x = val_ld(v);
	if (cells_higher(c, m)) {
		*out = (double)(x / ((long double)t / FIXED_SCALE) * 100);
	} else {
		if (v.n == 0)
			return 0;
		*out = (double)((long double)t / FIXED_SCALE / x * 100);
	}
	return 1;
}

/*
 * Projection of a sum over the period in progress: actual / elapsed
 * share, the share counted in days from the rep's first day in it; any
 * other metric projects to its actual.
 * 0 when the period is after the as-of date, 1 otherwise.
 */
static int
project(const struct cells *c, pm_day ps, uint32_t rep, uint32_t m,
    struct val act, struct val *out)
{
	pm_day pe = period_next(agg_periods(c->a), ps) - 1, from;

	*out = act;
	if (c->asof == NO_DAY)
		return 1;
	if (ps > c->asof)
		return 0;
	if (pe <= c->asof)
		return 1;
	from = rep == NO_ID ? ps : rep_from(c, rep, ps);
	if (from > c->asof)
		return 0;
	if (act.known && is_flow(c, m))
		*out = val_make(act.n * (pe - from + 1),
		    act.d * (c->asof - from + 1));
	return 1;
}

static struct cell
cell_plain(const struct cells *c, pm_day ps, const uint32_t *mem,
    size_t nmem, int rollup, uint32_t m)
{
	struct cell k;
	struct val p;
	__int128 rt = 0, q;
	int has_rt = 0;
	size_t i;
	int known;

	memset(&k, 0, sizeof(k));
	if (c->defs[m].agg == AGG_COVERAGE)
		has_rt = group_target(c, ps, mem, nmem, rollup, c->m_rev, &rt);
	k.act = value_of(c, ps, mem, nmem, m, has_rt, rt);
	k.has_t = group_target(c, ps, mem, nmem, rollup, m, &k.t);
	if (!rollup || !is_sum(c, m)) {
		k.proj_k = project(c, ps, rollup ? NO_ID : mem[0], m, k.act,
		    &k.proj);
	} else {
		/* A team's projection is the sum of its reps'. */
		q = 0;
		known = 0;
		for (i = 0; i < nmem; i++) {
			struct val one = value_of(c, ps, mem + i, 1, m, 0, 0);

			if (!project(c, ps, mem[i], m, one, &p))
				continue;
			known = 1;
			q += val_rdiv(p.n * FIXED_SCALE, p.d);
		}
		if (nmem == 0)
			known = project(c, ps, NO_ID, m, k.act, &p);
		k.proj_k = known;
		k.proj = val_make(q, FIXED_SCALE);
	}
	k.att_k = attain(c, m, k.act, k.has_t, k.t, &k.att);
	k.pace_k = k.proj_k && attain(c, m, k.proj, k.has_t, k.t, &k.pace);
	return k;
}

/* The largest composite score written: the fixed-point range's. */
#define SCORE_MAX ((double)FIXED_MAX / FIXED_SCALE)

/* The composite: weighted mean of the capped attainments and paces. */
static struct cell
cell_score(const struct cells *c, pm_day ps, const uint32_t *mem,
    size_t nmem, int rollup)
{
	struct cell k, one;
	double sa = 0, wa = 0, sp = 0, wp = 0, cap = c->o->cap;
	size_t i;

	memset(&k, 0, sizeof(k));
	for (i = 0; i < c->nw; i++) {
		one = cell_plain(c, ps, mem, nmem, rollup, c->w[i].metric);
		if (one.att_k) {
			sa += c->w[i].w * (one.att < cap ? one.att : cap);
			wa += c->w[i].w;
		}
		if (one.pace_k) {
			sp += c->w[i].w * (one.pace < cap ? one.pace : cap);
			wp += c->w[i].w;
		}
	}
	k.has_t = 1;
	k.t = 100 * FIXED_SCALE;
	k.act = val_unknown();
	k.proj = val_unknown();
	/*
	 * Huge weights (-w revenue=1e308) make the weighted sums infinite;
	 * a score past the fixed-point range cannot be written either.
	 */
	if (!isfinite(sa) || !isfinite(wa) || !isfinite(sp) ||
	    !isfinite(wp) || (wa > 0 && !(fabs(sa / wa) < SCORE_MAX)) ||
	    (wp > 0 && !(fabs(sp / wp) < SCORE_MAX))) {
		k.overflow = 1;
		return k;
	}
	if (wa > 0) {
		k.att_k = 1;
		k.att = sa / wa;
		k.act = val_of_double(k.att);
		k.att = (double)val_ld(k.act);	/* one number, one rounding */
	}
	if (wp > 0) {
		k.pace_k = k.proj_k = 1;
		k.pace = sp / wp;
		k.proj = val_of_double(k.pace);
		k.pace = (double)val_ld(k.proj);
	}
	return k;
}

struct cell
cells_get(const struct cells *c, pm_day ps, const uint32_t *mem, size_t nmem,
    int rollup, uint32_t m)
{
	if (m == c->m_score)
		return cell_score(c, ps, mem, nmem, rollup);
	return cell_plain(c, ps, mem, nmem, rollup, m);
}

int
cells_elapsed(const struct cells *c, pm_day ps, long *tenths)
{
	pm_day pe = period_next(agg_periods(c->a), ps) - 1;
	long done, days = (long)(pe - ps + 1);

	/* No as-of date (no facts): every period counts as finished. */
	if (c->asof != NO_DAY && ps > c->asof)
		return 0;
	done = c->asof == NO_DAY || pe <= c->asof ? days :
	    (long)(c->asof - ps + 1);
	*tenths = (done * 2000 + days) / (2 * days);
	return 1;
}

struct val
cells_prev(const struct cells *c, pm_day ps, uint32_t rep, uint32_t m)
{
	pm_day pp = period_prev(agg_periods(c->a), ps);
	pm_day st = agg_repinfo(c->a, rep)->start;

	if (c->first_data == NO_DAY || pp < c->first_data ||
	    (st != NO_DAY && st >= ps))
		return val_unknown();
	return cells_get(c, pp, &rep, 1, 0, m).act;
}

struct val
cells_prev_rollup(struct cells *c, pm_day ps, uint32_t team, int everyone,
    uint32_t m)
{
	pm_day pp = period_prev(agg_periods(c->a), ps);
	uint32_t *mem;
	size_t nmem, nprev;
	struct val v = val_unknown();

	if (c->first_data == NO_DAY || pp < c->first_data)
		return v;
	mem = xreallocarray(NULL, c->nrep + 1, sizeof(*mem));
	nprev = cells_active(c, pp, c->act2);
	nmem = cells_members(c, c->act2, nprev, team, everyone, mem);
	if (nmem > 0)
		v = cells_get(c, pp, mem, nmem, 1, m).act;
	free(mem);
	return v;
}
