/*
 * The scores table: one row per period x rep x metric over the complete
 * grid, with targets, pace, ranks and roll-ups (SPEC section 4).
 *
 * Values are exact rationals n/d of 128-bit integers built from the
 * fixed-point sums, so ranks compare exactly and every number is rounded
 * once, when it is written, half away from zero as by hand.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "num.h"
#include "out.h"
#include "report.h"

enum fmt { FMT_MONEY, FMT_PCT, FMT_RATIO };

struct row {
	uint32_t rep;		/* NO_ID for a roll-up */
	uint32_t team;
	struct cell c;
	struct val prev;
	int ranked, rank, reps, pct_k, z_k, med_k;
	double pct, z;
	struct val med;
	uint32_t scope;
};

static __int128
rdiv(__int128 n, __int128 d)
{
	if (n < 0)
		return -rdiv(-n, d);
	return (2 * n + d) / (2 * d);
}

static struct val
val_unknown(void)
{
	struct val v = { 0, 0, 1 };

	return v;
}

static struct val
val_make(__int128 n, __int128 d)
{
	struct val v;

	if (d == 0)
		return val_unknown();
	if (d < 0) {
		n = -n;
		d = -d;
	}
	v.known = 1;
	v.n = n;
	v.d = d;
	return v;
}

long double
val_ld(struct val v)
{
	return (long double)v.n / (long double)v.d;
}

/* <0, 0, >0 as a is less than, equal to, greater than b. */
static int
val_cmp(struct val a, struct val b)
{
	__int128 l = a.n * b.d, r = b.n * a.d;

	return l < r ? -1 : l > r;
}

/* Context. */

static int
name_cmp_ctx(const struct ctx *c, uint32_t a, uint32_t b)
{
	return strcmp(intern_str(c->a->reps, a), intern_str(c->a->reps, b));
}

static const struct ctx *sort_ctx;

static int
rep_name_cmp(const void *x, const void *y)
{
	return name_cmp_ctx(sort_ctx, *(const uint32_t *)x,
	    *(const uint32_t *)y);
}

static int
metric_name_cmp(const void *x, const void *y)
{
	return strcmp(intern_str(sort_ctx->a->metrics, *(const uint32_t *)x),
	    intern_str(sort_ctx->a->metrics, *(const uint32_t *)y));
}

static int
team_name_cmp(const void *x, const void *y)
{
	return strcmp(intern_str(sort_ctx->a->teams, *(const uint32_t *)x),
	    intern_str(sort_ctx->a->teams, *(const uint32_t *)y));
}

uint32_t
rep_team(const struct ctx *c, uint32_t rep)
{
	const struct repinfo *r = &c->a->ri[rep];

	if (r->in_roster && r->rteam != NO_ID)
		return r->rteam;
	return r->team;
}

static void
add_metric(struct ctx *c, uint32_t m)
{
	size_t i;

	for (i = 0; i < c->nm; i++)
		if (c->mlist[i] == m)
			return;
	c->mlist = xreallocarray(c->mlist, c->nm + 1, sizeof(*c->mlist));
	c->mlist[c->nm++] = m;
}

static int
targeted(const struct ctx *c, uint32_t m)
{
	size_t i;

	for (i = 0; i < c->o->tg.n; i++)
		if (c->o->tg.t[i].metric == m)
			return 1;
	return 0;
}

static int
seen(const struct ctx *c, uint32_t m)
{
	return m != NO_ID && m < c->a->nmseen && (c->a->mseen[m] & M_SEEN);
}

static void
choose_metrics(struct ctx *c)
{
	struct agg *a = c->a;
	struct opts *o = c->o;
	size_t i, n = intern_count(a->metrics);
	char **p;
	uint32_t m;
	const char *name;

	/* The metrics of the input and of the targets, and derived ones. */
	for (i = 0; i < n; i++) {
		name = intern_str(a->metrics, (uint32_t)i);
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
			if (strcmp(intern_str(a->metrics, m), "score") == 0 ||
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
			    !metric_is_derived(c->defs[m].agg) && !a->quiet)
				pm_warn("--metrics: no facts and no targets of "
				    "'%s' (all zero)", *p);
			add_metric(c, m);
		}
	} else if (c->nw > 0)
		add_metric(c, c->m_score);
	sort_ctx = c;
	if (c->nm > 0)	/* mlist is NULL for empty input */
		qsort(c->mlist, c->nm, sizeof(*c->mlist), metric_name_cmp);
}

static void
make_defs(struct ctx *c)
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
	n = intern_count(c->a->metrics);
	c->defs = xcalloc(n, sizeof(*c->defs));
	for (i = 0; i < n; i++) {
		c->defs[i] = metric_lookup(intern_str(c->a->metrics,
		    (uint32_t)i));
		for (j = 0; j < c->o->ndecls; j++)
			if (strcmp(c->o->decls[j].name, c->defs[i].name) == 0)
				c->defs[i] = c->o->decls[j];
	}
	c->m_rev = intern_find(c->a->metrics, "revenue", 7);
	c->m_won = intern_find(c->a->metrics, "deals_won", 9);
	c->m_lost = intern_find(c->a->metrics, "deals_lost", 10);
	c->m_open = intern_find(c->a->metrics, "open_pipeline", 13);
}

static enum fmt
metric_fmt(const struct ctx *c, uint32_t m)
{
	if (m == c->m_score)
		return FMT_PCT;
	switch (c->defs[m].agg) {
	case AGG_WIN_RATE:
		return FMT_PCT;
	case AGG_COVERAGE:
		return FMT_RATIO;
	default:
		return FMT_MONEY;
	}
}

static int
higher_better(const struct ctx *c, uint32_t m)
{
	return m == c->m_score ? 1 : c->defs[m].higher_better;
}

static int
is_sum(const struct ctx *c, uint32_t m)
{
	return m != c->m_score && c->defs[m].agg == AGG_SUM;
}

void
ctx_init(struct ctx *c, struct agg *a, struct opts *o)
{
	size_t i, n;
	pm_day rs, re, devent;
	const struct repinfo *r;

	memset(c, 0, sizeof(*c));
	c->a = a;
	c->o = o;
	make_defs(c);
	agg_dates(a, &c->dfirst, &c->dlast, &devent);
	c->first_data = c->dfirst == NO_DAY ? NO_DAY :
	    period_start(&a->cfg, c->dfirst);
	/* Open deals' expected close dates are no evidence of today. */
	c->asof = o->have_asof ? o->asof : devent != NO_DAY ? devent :
	    c->dlast;
	c->pstart = o->from != NO_DAY ? period_start(&a->cfg, o->from) :
	    c->dfirst != NO_DAY ? period_start(&a->cfg, c->dfirst) : NO_DAY;
	c->pend = o->to != NO_DAY ? period_start(&a->cfg, o->to) :
	    c->dlast != NO_DAY ? period_start(&a->cfg, c->dlast) : c->pstart;
	if (c->pstart != NO_DAY && c->pend != NO_DAY && c->pend < c->pstart &&
	    o->to == NO_DAY)
		c->pend = c->pstart;
	if (c->pstart == NO_DAY && c->pend != NO_DAY)
		c->pstart = c->pend;
	/* The reps: the roster's, and those with facts in the range. */
	n = intern_count(a->reps);
	c->order = xreallocarray(NULL, n + 1, sizeof(*c->order));
	rs = c->pstart;
	re = c->pend == NO_DAY ? NO_DAY : period_next(&a->cfg, c->pend) - 1;
	for (i = 0; i < n; i++) {
		r = &a->ri[i];
		if (r->in_roster || (r->first != NO_DAY && rs != NO_DAY &&
		    r->first <= re && r->last >= rs))
			c->order[c->nrep++] = (uint32_t)i;
	}
	sort_ctx = c;
	qsort(c->order, c->nrep, sizeof(*c->order), rep_name_cmp);
	choose_metrics(c);
	c->act = xreallocarray(NULL, c->nrep + 1, sizeof(*c->act));
	c->act2 = xreallocarray(NULL, c->nrep + 1, sizeof(*c->act2));
}

/* Reps with rows in the period starting ps, by name. */
size_t
active_reps(const struct ctx *c, pm_day ps, uint32_t *out)
{
	pm_day pe = period_next(&c->a->cfg, ps) - 1;
	size_t i, n = 0;
	pm_day st;

	for (i = 0; i < c->nrep; i++) {
		st = c->a->ri[c->order[i]].start;
		if (st == NO_DAY || st <= pe)
			out[n++] = c->order[i];
	}
	return n;
}

/* Cells. */

static struct stats
sum_stats(const struct ctx *c, pm_day ps, const uint32_t *mem, size_t nmem,
    uint32_t m)
{
	struct stats s = { 0, 0, 0 }, *g;
	size_t i;

	if (m == NO_ID)
		return s;
	for (i = 0; i < nmem; i++) {
		if ((g = agg_find(c->a, ps, mem[i], m)) == NULL)
			continue;
		if (fixed_add(&s.sum, g->sum) != NUM_OK)
			pm_die(EX_DATAERR, "the roll-up of %s overflows",
			    intern_str(c->a->metrics, m));
		if (g->n > 0 && (s.n == 0 || g->max > s.max))
			s.max = g->max;
		s.n += g->n;
	}
	return s;
}

static struct val
value_of(const struct ctx *c, pm_day ps, const uint32_t *mem, size_t nmem,
    uint32_t m, int has_rt, int64_t rev_target)
{
	struct stats s, w, l;

	switch (c->defs[m].agg) {
	case AGG_SUM:
		s = sum_stats(c, ps, mem, nmem, m);
		return val_make(s.sum, FIXED_SCALE);
	case AGG_MEAN:
		s = sum_stats(c, ps, mem, nmem, m);
		return s.n > 0 ? val_make(s.sum, (__int128)s.n * FIXED_SCALE) :
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
		return w.sum + l.sum > 0 ? val_make((__int128)w.sum * 100,
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
rep_from(const struct ctx *c, uint32_t rep, pm_day ps)
{
	pm_day st = c->a->ri[rep].start;

	return st != NO_DAY && st > ps ? st : ps;
}

static int
rep_target(const struct ctx *c, pm_day ps, uint32_t rep, uint32_t m,
    int64_t *t)
{
	pm_day pe = period_next(&c->a->cfg, ps) - 1;

	if (m == c->m_score) {
		*t = 100 * FIXED_SCALE;
		return 1;
	}
	if (m == NO_ID)
		return 0;
	return target_for(&c->o->tg, ps, pe, rep_from(c, rep, ps), rep,
	    rep_team(c, rep), m, is_sum(c, m), t);
}

/*
 * Target of a group: the sum over its reps that have one, or for a level
 * (a rate, a mean) their mean.
 */
static int
group_target(const struct ctx *c, pm_day ps, const uint32_t *mem,
    size_t nmem, int rollup, uint32_t m, int64_t *t)
{
	int64_t one;
	__int128 sum = 0;
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
	*t = (int64_t)(is_sum(c, m) ? sum : rdiv(sum, known));
	return 1;
}

static int
attain(const struct ctx *c, uint32_t m, struct val v, int has_t, int64_t t,
    double *out)
{
	long double x;

	/* A target of 0 is no yardstick, whichever way is better. */
	if (!v.known || !has_t || t == 0)
		return 0;
	x = val_ld(v);
	if (higher_better(c, m)) {
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
project(const struct ctx *c, pm_day ps, uint32_t rep, uint32_t m,
    struct val act, struct val *out)
{
	pm_day pe = period_next(&c->a->cfg, ps) - 1, from;

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
	if (act.known && is_sum(c, m))
		*out = val_make(act.n * (pe - from + 1),
		    act.d * (c->asof - from + 1));
	return 1;
}

static struct cell
cell_plain(const struct ctx *c, pm_day ps, const uint32_t *mem, size_t nmem,
    int rollup, uint32_t m)
{
	struct cell k;
	struct val p;
	int64_t rt = 0, q;
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
			q += (int64_t)rdiv(p.n * FIXED_SCALE, p.d);
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

/*
 * A mean of attainments as a value, in steps of 1e-9: fine enough that
 * writing it to 1 decimal rounds the true mean, not a rounded one.
 */
static struct val
val_of_double(double x)
{
	if (fabs(x) < 9e9)
		return val_make((__int128)llround(x * 1e9), 1000000000);
	return val_make((__int128)llround(x), 1);
}

/* The composite: weighted mean of the capped attainments and paces. */
static struct cell
cell_score(const struct ctx *c, pm_day ps, const uint32_t *mem, size_t nmem,
    int rollup)
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
cell_of(const struct ctx *c, pm_day ps, const uint32_t *mem, size_t nmem,
    int rollup, uint32_t m)
{
	if (m == c->m_score)
		return cell_score(c, ps, mem, nmem, rollup);
	return cell_plain(c, ps, mem, nmem, rollup, m);
}

/* Ranks. */

static const struct row *rank_rows;
static int rank_higher;

static int
rank_cmp(const void *x, const void *y)
{
	const struct row *a = &rank_rows[*(const size_t *)x];
	const struct row *b = &rank_rows[*(const size_t *)y];
	int r;

	if (a->scope != b->scope)
		return a->scope < b->scope ? -1 : 1;
	r = val_cmp(a->c.act, b->c.act);
	return rank_higher ? -r : r;
}

static void
rank_scope(struct row *rows, const size_t *idx, size_t n)
{
	long double sum = 0, ss = 0, mean, sd, x;
	struct val lo, hi;
	size_t i, j, tie;

	for (i = 0; i < n; i++)
		sum += val_ld(rows[idx[i]].c.act);
	mean = sum / n;
	for (i = 0; i < n; i++) {
		x = val_ld(rows[idx[i]].c.act) - mean;
		ss += x * x;
	}
	sd = sqrtl(ss / n);
	lo = rows[idx[0]].c.act;
	hi = rows[idx[n - 1]].c.act;
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && val_cmp(rows[idx[j]].c.act,
		    rows[idx[i]].c.act) == 0; j++)
			;
		tie = j - i;
		for (; i < j; i++) {
			struct row *r = &rows[idx[i]];

			r->ranked = 1;
			r->rank = (int)(j - tie) + 1;
			r->reps = (int)n;
			r->pct_k = n > 1;
			if (n > 1)
				r->pct = (double)(n - j) / (double)(n - 1) *
				    100;
			r->z_k = val_cmp(lo, hi) != 0;
			if (r->z_k)
				r->z = (double)((val_ld(r->c.act) - mean) /
				    sd);
			r->med_k = 1;
			if (n % 2)
				r->med = rows[idx[n / 2]].c.act;
			else {
				struct val a = rows[idx[n / 2 - 1]].c.act;
				struct val b = rows[idx[n / 2]].c.act;

				r->med = val_make(a.n * b.d + b.n * a.d,
				    2 * a.d * b.d);
			}
		}
	}
}

static void
rank_rows_all(const struct ctx *c, struct row *rows, size_t n, uint32_t m)
{
	size_t *idx, k = 0, i, j;

	idx = xreallocarray(NULL, n + 1, sizeof(*idx));
	for (i = 0; i < n; i++)
		if (rows[i].c.act.known)
			idx[k++] = i;
	rank_rows = rows;
	rank_higher = higher_better(c, m);
	qsort(idx, k, sizeof(*idx), rank_cmp);
	for (i = 0; i < k; i = j) {
		for (j = i + 1; j < k && rows[idx[j]].scope ==
		    rows[idx[i]].scope; j++)
			;
		rank_scope(rows, idx + i, j - i);
	}
	free(idx);
}

static const struct ctx *out_ctx;

static int
out_cmp(const void *x, const void *y)
{
	const struct row *a = x, *b = y;

	if (a->ranked != b->ranked)
		return a->ranked ? -1 : 1;
	if (a->ranked && a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	return name_cmp_ctx(out_ctx, a->rep, b->rep);
}

/* Output. */

static void
put_val(struct out *o, enum fmt f, struct val v, int known)
{
	char buf[NUM_BUFSIZE];

	if (!known || !v.known) {
		csv_put_empty(o);
		return;
	}
	switch (f) {
	case FMT_MONEY:
		csv_put_fixed(o, (int64_t)rdiv(v.n * 100, v.d) * 100);
		break;
	case FMT_PCT:
		csv_put_field(o, double_format((double)rdiv(v.n * 10, v.d) /
		    10, 1, buf));
		break;
	case FMT_RATIO:
		csv_put_field(o, double_format((double)rdiv(v.n * 100, v.d) /
		    100, 2, buf));
		break;
	}
}

static void
put_row(struct ctx *c, struct out *o, const char *pkey, uint32_t m,
    const struct row *r, const char *teamname)
{
	enum fmt f = metric_fmt(c, m);
	double ch = 0;
	int ch_k;

	csv_put_field(o, pkey);
	csv_put_field(o, r->rep == NO_ID ? "*" : intern_str(c->a->reps,
	    r->rep));
	csv_put_field(o, teamname);
	csv_put_field(o, intern_str(c->a->metrics, m));
	put_val(o, f, r->c.act, 1);
	put_val(o, f, r->c.proj, r->c.proj_k);
	put_val(o, f, val_make(r->c.t, FIXED_SCALE), r->c.has_t);
	csv_put_double(o, r->c.att, 1, r->c.att_k);
	csv_put_double(o, r->c.pace, 1, r->c.pace_k);
	if (r->ranked) {
		csv_put_long(o, r->rank);
		csv_put_long(o, r->reps);
	} else {
		csv_put_empty(o);
		csv_put_empty(o);
	}
	csv_put_double(o, r->pct, 1, r->ranked && r->pct_k);
	csv_put_double(o, r->z, 2, r->ranked && r->z_k);
	put_val(o, f, r->med, r->ranked && r->med_k);
	put_val(o, f, r->prev, 1);
	ch_k = r->c.act.known && r->prev.known && r->prev.n != 0;
	if (ch_k)
		ch = (double)((val_ld(r->c.act) - val_ld(r->prev)) /
		    fabsl(val_ld(r->prev)) * 100);
	csv_put_double(o, ch, 1, ch_k);
	csv_end_row(o);
}

static struct val
rep_prev(struct ctx *c, pm_day ps, uint32_t rep, uint32_t m)
{
	pm_day pp = period_prev(&c->a->cfg, ps);
	pm_day st = c->a->ri[rep].start;

	if (c->first_data == NO_DAY || pp < c->first_data ||
	    (st != NO_DAY && st >= ps))
		return val_unknown();
	return cell_of(c, pp, &rep, 1, 0, m).act;
}

/* Members of team (NO_ID: everyone) among the reps of the period. */
static size_t
members(const struct ctx *c, const uint32_t *act, size_t nact, uint32_t team,
    int everyone, uint32_t *out)
{
	size_t i, n = 0;

	for (i = 0; i < nact; i++)
		if (everyone || rep_team(c, act[i]) == team)
			out[n++] = act[i];
	return n;
}

static void
rollup_row(struct ctx *c, struct out *o, pm_day ps, const char *pkey,
    uint32_t m, uint32_t team, int everyone, const uint32_t *act,
    size_t nact)
{
	pm_day pp = period_prev(&c->a->cfg, ps);
	uint32_t *mem = xreallocarray(NULL, c->nrep + 1, sizeof(*mem));
	size_t nmem, nprev;
	struct row r;

	memset(&r, 0, sizeof(r));
	r.rep = NO_ID;
	nmem = members(c, act, nact, team, everyone, mem);
	r.c = cell_of(c, ps, mem, nmem, 1, m);
	r.prev = val_unknown();
	if (c->first_data != NO_DAY && pp >= c->first_data) {
		nprev = active_reps(c, pp, c->act2);
		nmem = members(c, c->act2, nprev, team, everyone, mem);
		if (nmem > 0)
			r.prev = cell_of(c, pp, mem, nmem, 1, m).act;
	}
	put_row(c, o, pkey, m, &r, everyone ? "*" :
	    intern_str(c->a->teams, team));
	free(mem);
}

static void
period_rows(struct ctx *c, struct out *o, pm_day ps)
{
	char pkey[PERIOD_BUFSIZE];
	struct row *rows;
	uint32_t *teams, m, t;
	size_t nact, i, j, nteams;

	period_key(&c->a->cfg, ps, pkey);
	nact = active_reps(c, ps, c->act);
	rows = xreallocarray(NULL, nact + 1, sizeof(*rows));
	teams = xreallocarray(NULL, nact + 1, sizeof(*teams));
	nteams = 0;
	for (i = 0; i < nact; i++) {
		t = rep_team(c, c->act[i]);
		for (j = 0; j < nteams && teams[j] != t; j++)
			;
		if (j == nteams && t != NO_ID)
			teams[nteams++] = t;
	}
	sort_ctx = c;
	qsort(teams, nteams, sizeof(*teams), team_name_cmp);
	for (j = 0; j < c->nm; j++) {
		m = c->mlist[j];
		for (i = 0; i < nact; i++) {
			memset(&rows[i], 0, sizeof(rows[i]));
			rows[i].rep = c->act[i];
			rows[i].team = rep_team(c, c->act[i]);
			rows[i].scope = c->o->by_team ? rows[i].team : 0;
			rows[i].c = cell_of(c, ps, &c->act[i], 1, 0, m);
			rows[i].prev = rep_prev(c, ps, c->act[i], m);
		}
		rank_rows_all(c, rows, nact, m);
		out_ctx = c;
		qsort(rows, nact, sizeof(*rows), out_cmp);
		for (i = 0; i < nact; i++)
			put_row(c, o, pkey, m, &rows[i], rows[i].team ==
			    NO_ID ? "" : intern_str(c->a->teams,
			    rows[i].team));
		if (!c->o->rollup)
			continue;
		for (i = 0; i < nteams; i++)
			rollup_row(c, o, ps, pkey, m, teams[i], 0, c->act,
			    nact);
		rollup_row(c, o, ps, pkey, m, NO_ID, 1, c->act, nact);
	}
	free(rows);
	free(teams);
}

static const char *const header[] = { "period", "rep", "team", "metric",
    "actual", "projected", "target", "attainment", "pace", "rank", "reps",
    "percentile", "zscore", "median", "prev", "change", NULL };

void
score_report(struct agg *a, struct opts *o)
{
	struct ctx c;
	struct out *out;
	pm_day ps;

	ctx_init(&c, a, o);
	out = out_open(o->output);
	csv_put_row(out, header);
	if (c.pstart != NO_DAY && c.pend != NO_DAY)
		for (ps = c.pstart; ps <= c.pend; ps = period_next(&a->cfg,
		    ps))
			period_rows(&c, out, ps);
	out_close(out);
}
