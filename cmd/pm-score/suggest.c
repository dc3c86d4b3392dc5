/*
 * Targets from history (SPEC section 16): for a target period, each
 * rep's and metric's level reached in at least --hit percent of the
 * rep's --history most recent finished periods before it, grown by
 * --growth and rounded to a number people use in a target; the team's
 * median for reps with fewer than 3 of those periods.  The actuals come
 * from the cells, so they are the numbers the scores table shows; the
 * file written is a targets file that -t reads back.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "num.h"
#include "out.h"
#include "sort.h"
#include "score.h"

/* The fewest periods a rep's own suggestion is made from. */
#define MIN_HISTORY 3

enum sg_kind { SG_NONE, SG_OWN, SG_TEAM, SG_ALL };

/* One suggestion: a target and how it was found. */
struct sug {
	int64_t t;		/* 1/10000 units */
	int kind;		/* enum sg_kind */
	int n;			/* periods with an actual */
	int hits;		/* SG_OWN: of those, at or past the level */
	int reps;		/* SG_TEAM, SG_ALL: reps of the median */
	uint32_t p0, p1;	/* SG_OWN: first and last of those periods */
};

struct sg_ctx {
	struct cells *c;
	const struct suggest_opts *so;
	const struct period_cfg *cfg;
	pm_day *per;		/* periods with a history, oldest first */
	unsigned char *fin;	/* finished at the as-of date */
	size_t np;
	pm_day *tp;		/* target periods */
	size_t nt;
	size_t *below;		/* per target period: periods before it */
	uint32_t *ml;		/* the metrics, by name */
	size_t nm;
};

static __int128
pow10_128(int e)
{
	__int128 p = 1;

	while (e-- > 0)
		p *= 10;
	return p;
}

int
suggest_round(__int128 n, __int128 d, int64_t growth, int higher, int level,
    int64_t *out)
{
	const __int128 one = 100 * (__int128)FIXED_SCALE;
	__int128 a, q, step, floor8, r;
	int neg = n < 0, e;

	/* growth in 1/10000 percent: 100% is 1e6, the factor (1e6+g)/1e6. */
	if (growth != 0) {
		if (higher) {
			n *= one + growth;
			d *= one;
		} else {
			n *= one;
			d *= one + growth;
		}
	}
	a = neg ? -n : n;
	if (a / d > (__int128)FIXED_MAX / FIXED_SCALE + 1)
		return NUM_RANGE;
	/*
	 * In 1e-8 units, truncated: a step is 1e7 or more of them, so half
	 * a step is whole and the truncation cannot cross it.
	 */
	q = a / d * 100000000 + a % d * 100000000 / d;
	floor8 = level ? 10000000 : 100000000;
	for (e = 0; pow10_128(e + 1) <= q; e++)
		;
	step = e >= 1 ? pow10_128(e - 1) : 1;
	if (step < floor8)
		step = floor8;
	r = (q + step / 2) / step * step / 10000;
	if (r > FIXED_MAX)
		return NUM_RANGE;
	*out = (int64_t)(neg ? -r : r);
	return NUM_OK;
}

/* The target periods: --for, or the one after the as-of date's. */
static void
target_periods(struct sg_ctx *x)
{
	struct cells *c = x->c;
	const char *f = x->so->for_period;
	pm_day first, last, p;
	char key[PERIOD_BUFSIZE];

	if (f != NULL && strcmp(f, "all") == 0) {
		if (c->pstart == NO_DAY)
			return;
		for (p = c->pstart; p <= c->pend; p = period_next(x->cfg, p)) {
			x->tp = xreallocarray(x->tp, x->nt + 1, sizeof(*x->tp));
			x->tp[x->nt++] = p;
		}
		return;
	}
	if (f != NULL) {
		if (period_parse_key(f, x->cfg->fiscal_start, &first,
		    &last) != 0 || period_start(x->cfg, first) != first ||
		    period_next(x->cfg, first) - 1 != last)
			pm_usage_error("--for '%s' is not a %s key like %s, "
			    "or 'all'", f, period_type_name(x->cfg->type),
			    period_key(x->cfg, c->asof != NO_DAY ? c->asof :
			    period_start(x->cfg, 0), key));
		p = first;
	} else if (c->asof == NO_DAY)
		return;
	else
		p = period_next(x->cfg, period_start(x->cfg, c->asof));
	x->tp = xreallocarray(NULL, 1, sizeof(*x->tp));
	x->tp[x->nt++] = p;
}

/*
 * The periods a history can come from: from the first fact's period,
 * before the last target period, none after the as-of date's.
 */
static void
history_periods(struct sg_ctx *x)
{
	struct cells *c = x->c;
	pm_day p, end;
	size_t i, j;

	x->below = xcalloc(x->nt + 1, sizeof(*x->below));
	if (c->first_data == NO_DAY || c->asof == NO_DAY || x->nt == 0)
		return;
	end = period_start(x->cfg, c->asof);
	for (p = c->first_data; p <= end && p < x->tp[x->nt - 1];
	    p = period_next(x->cfg, p)) {
		x->per = xreallocarray(x->per, x->np + 1, sizeof(*x->per));
		x->fin = xreallocarray(x->fin, x->np + 1, sizeof(*x->fin));
		x->per[x->np] = p;
		x->fin[x->np++] = period_next(x->cfg, p) - 1 <= c->asof;
	}
	for (i = 0, j = 0; i < x->nt; i++) {
		while (j < x->np && x->per[j] < x->tp[i])
			j++;
		x->below[i] = j;
	}
}

static int
metric_cmp(const void *p, const void *q, void *a)
{
	return strcmp(agg_metric_name(a, *(const uint32_t *)p),
	    agg_metric_name(a, *(const uint32_t *)q));
}

/* The metrics: --metrics, else those of -t, else the defaults. */
static void
choose(struct sg_ctx *x)
{
	struct cells *c = x->c;
	struct agg *a = c->a;
	size_t i, n = agg_nmetrics(a);
	uint32_t m;
	int pick;

	x->ml = xreallocarray(NULL, n + 1, sizeof(*x->ml));
	for (i = 0; i < n; i++) {
		m = (uint32_t)i;
		if (m == c->m_score || c->defs[m].agg == AGG_COVERAGE)
			continue;	/* not a metric of one rep's history */
		if (c->o->metrics != NULL) {
			char **p;

			for (pick = 0, p = c->o->metrics; *p != NULL; p++)
				if (strcmp(*p, agg_metric_name(a, m)) == 0)
					pick = 1;
		} else if (c->tg != NULL)
			pick = targets_have(c->tg, m);
		else
			pick = agg_metric_seen(a, m) &&
			    !metric_is_derived(c->defs[m].agg) &&
			    (m == c->m_rev || m == c->m_won ||
			    c->defs[m].leading);
		if (pick)
			x->ml[x->nm++] = m;
	}
	sort_with(x->ml, x->nm, sizeof(*x->ml), metric_cmp, a);
}

/*
 * The rep's actual of m in history period i, as a full period's: a
 * sum of the period in which the rep starts scaled up by its days, one
 * of a ramp's periods by the ramp's share (0: no evidence).
 */
static struct val
full_actual(const struct sg_ctx *x, uint32_t rep, uint32_t m, size_t i)
{
	struct cells *c = x->c;
	pm_day ps = x->per[i], pe = period_next(x->cfg, ps) - 1;
	pm_day st = agg_repinfo(c->a, rep)->start;
	struct val v = cells_get(c, ps, &rep, 1, 0, m).act;
	int64_t share;

	if (!v.known || !cells_is_sum(c, m))
		return v;
	if (st != NO_DAY && st > ps)
		v = val_make(v.n * (pe - ps + 1), v.d * (pe - st + 1));
	if (ramps_share(c->ramps, x->cfg, rep, st, ps, &share)) {
		if (share == 0)
			return val_unknown();
		v = val_make(v.n * 100 * FIXED_SCALE, v.d * share);
	}
	return v;
}

/* The first history period of the rep: its start's, else its first fact's. */
static size_t
rep_first(const struct sg_ctx *x, uint32_t rep)
{
	const struct repinfo *r = agg_repinfo(x->c->a, rep);
	pm_day from = r->start != NO_DAY ? r->start : r->first;
	size_t i;

	if (from == NO_DAY)
		return x->np;
	from = period_start(x->cfg, from);
	for (i = 0; i < x->np && x->per[i] < from; i++)
		;
	return i;
}

struct vsort {
	int higher;
};

static int
val_order(const void *p, const void *q, void *arg)
{
	const struct vsort *k = arg;
	int r = val_cmp(*(const struct val *)p, *(const struct val *)q);

	return k->higher ? -r : r;
}

/* Dies naming the rep and metric whose target is past the range. */
_Noreturn static void
too_large(const struct sg_ctx *x, uint32_t rep, uint32_t m, pm_day tp)
{
	char key[PERIOD_BUFSIZE];

	pm_die(EX_DATAERR, "--suggest-targets: the target of %s for %s in "
	    "%s is out of the fixed-point range", agg_rep_name(x->c->a, rep),
	    agg_metric_name(x->c->a, m), period_key(x->cfg, tp, key));
}

/* The rep's own suggestions of m for every target period into s[nt]. */
static void
own(const struct sg_ctx *x, uint32_t rep, uint32_t m, struct val *vals,
    struct val *pick, uint32_t *pidx, struct sug *s)
{
	struct cells *c = x->c;
	int higher = cells_higher(c, m), level = !cells_is_sum(c, m);
	size_t lo = rep_first(x, rep), i, j, seen, n, k;
	struct vsort vs = { higher };
	struct val lv;

	for (i = lo; i < x->np; i++)
		if (x->fin[i])
			vals[i] = full_actual(x, rep, m, i);
	for (j = 0; j < x->nt; j++) {
		memset(&s[j], 0, sizeof(s[j]));
		n = seen = 0;
		for (i = x->below[j]; i > lo && seen < (size_t)x->so->history;
		    i--) {
			if (!x->fin[i - 1])
				continue;
			seen++;
			if (vals[i - 1].known) {
				pidx[n] = (uint32_t)(i - 1);
				pick[n++] = vals[i - 1];
			}
		}
		if (n < MIN_HISTORY) {
			s[j].n = (int)n;
			continue;
		}
		sort_with(pick, n, sizeof(*pick), val_order, &vs);
		k = (size_t)(((__int128)n * x->so->hit + 100 * FIXED_SCALE -
		    1) / (100 * FIXED_SCALE));
		if (k < 1)
			k = 1;
		lv = pick[k - 1];
		s[j].kind = SG_OWN;
		s[j].n = (int)n;
		for (i = 0; i < n; i++)
			if (higher ? val_cmp(pick[i], lv) >= 0 :
			    val_cmp(pick[i], lv) <= 0)
				s[j].hits++;
		s[j].p0 = pidx[n - 1];
		s[j].p1 = pidx[0];
		if (suggest_round(lv.n, lv.d, x->so->growth, higher, level,
		    &s[j].t) != NUM_OK)
			too_large(x, rep, m, x->tp[j]);
	}
}

/* A rep's own target and team, for the medians. */
struct tv {
	uint32_t team;
	int64_t t;
};

static int
tv_cmp(const void *p, const void *q)
{
	const struct tv *a = p, *b = q;

	if (a->team != b->team)
		return a->team < b->team ? -1 : 1;
	return a->t < b->t ? -1 : a->t > b->t;
}

/* The median of v[0..n) (n > 0, sorted), rounded like a target. */
static int64_t
median_sorted(const struct tv *v, size_t n, int level)
{
	int64_t r;

	if (n % 2)
		return v[n / 2].t;
	/* Two rounded targets' midpoint rounds again: within range. */
	if (suggest_round((__int128)v[n / 2 - 1].t + v[n / 2].t,
	    2 * FIXED_SCALE, 0, 1, level, &r) != NUM_OK)
		r = v[n / 2].t;
	return r;
}

/*
 * The reps with too little history of metric index mi in target period
 * j: the median of their team's own suggestions, else everyone's.  One
 * sort by team and value, then each rep finds its team's run by binary
 * search: linear in the reps but for the sort.
 */
static void
medians(const struct sg_ctx *x, size_t mi, size_t j, const uint32_t *act,
    size_t nact, struct sug *all, struct tv *buf, struct tv *tmp)
{
	struct cells *c = x->c;
	int level = !cells_is_sum(c, x->ml[mi]);
	struct sug *s;
	size_t i, lo, hi, mid, n = 0, e;
	uint32_t team;
	int64_t everyone;

#define SUG(r) (&all[((size_t)(r) * x->nm + mi) * x->nt + j])
	for (i = 0; i < nact; i++)
		if (SUG(act[i])->kind == SG_OWN) {
			buf[n].team = cells_team(c, act[i]);
			buf[n++].t = SUG(act[i])->t;
		}
	if (n == 0)
		return;
	for (i = 0; i < n; i++) {
		tmp[i].team = 0;
		tmp[i].t = buf[i].t;
	}
	qsort(tmp, n, sizeof(*tmp), tv_cmp);
	everyone = median_sorted(tmp, n, level);
	qsort(buf, n, sizeof(*buf), tv_cmp);
	for (i = 0; i < nact; i++) {
		s = SUG(act[i]);
		if (s->kind == SG_OWN)
			continue;
		team = cells_team(c, act[i]);
		for (lo = 0, hi = n; team != NO_ID && lo < hi;) {
			mid = lo + (hi - lo) / 2;
			if (buf[mid].team < team)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (e = lo; team != NO_ID && e < n && buf[e].team == team; e++)
			;
		if (team != NO_ID && e > lo) {
			s->kind = SG_TEAM;
			s->reps = (int)(e - lo);
			s->t = median_sorted(buf + lo, e - lo, level);
		} else {
			s->kind = SG_ALL;
			s->reps = (int)n;
			s->t = everyone;
		}
	}
#undef SUG
}

static void
basis(const struct sg_ctx *x, const struct sug *s, uint32_t m, char *buf,
    size_t size)
{
	char k0[PERIOD_BUFSIZE], k1[PERIOD_BUFSIZE], g[NUM_BUFSIZE];
	int len;

	switch (s->kind) {
	case SG_OWN:
		period_key(x->cfg, x->per[s->p0], k0);
		period_key(x->cfg, x->per[s->p1], k1);
		len = snprintf(buf, size, "%s in %d of %d periods (%s%s%s)",
		    cells_higher(x->c, m) ? "reached" : "at or below",
		    s->hits, s->n, k0, s->p0 == s->p1 ? "" : "..",
		    s->p0 == s->p1 ? "" : k1);
		if (x->so->growth != 0 && len > 0 && (size_t)len < size)
			snprintf(buf + len, size - (size_t)len, ", %s%s%% %s",
			    x->so->growth > 0 ? "+" : "",
			    fixed_format(x->so->growth, 4, g),
			    cells_higher(x->c, m) ? "growth" :
			    "improvement");
		break;
	case SG_TEAM:
		snprintf(buf, size, "team median of %d rep%s (%d period%s of "
		    "history)", s->reps, s->reps == 1 ? "" : "s", s->n,
		    s->n == 1 ? "" : "s");
		break;
	default:
		snprintf(buf, size, "median of all %d rep%s (%d period%s of "
		    "history)", s->reps, s->reps == 1 ? "" : "s", s->n,
		    s->n == 1 ? "" : "s");
		break;
	}
}

void
suggest_write(struct cells *c, const struct suggest_opts *so, struct out *o)
{
	static const char *const hdr[] = { "period", "rep", "metric",
	    "target", "basis", NULL };
	struct sg_ctx x;
	struct sug *all, *s;
	struct val *vals, *pick;
	uint32_t *pidx, *act;
	struct tv *buf, *tmp;
	size_t r, mi, j, nact, i;
	char key[PERIOD_BUFSIZE], text[160];

	memset(&x, 0, sizeof(x));
	x.c = c;
	x.so = so;
	x.cfg = agg_periods(c->a);
	target_periods(&x);
	history_periods(&x);
	choose(&x);
	csv_put_row(o, hdr);
	if (x.nt == 0 || x.nm == 0 || c->nrep == 0)
		goto done;
	all = xcalloc((size_t)agg_nreps(c->a) * x.nm * x.nt, sizeof(*all));
	vals = xcalloc(x.np + 1, sizeof(*vals));
	pick = xcalloc(x.np + 1, sizeof(*pick));
	pidx = xcalloc(x.np + 1, sizeof(*pidx));
	act = xcalloc(c->nrep + 1, sizeof(*act));
	buf = xcalloc(c->nrep + 1, sizeof(*buf));
	tmp = xcalloc(c->nrep + 1, sizeof(*tmp));
	for (i = 0; i < c->nrep; i++)
		for (mi = 0; mi < x.nm; mi++)
			own(&x, c->order[i], x.ml[mi], vals, pick, pidx,
			    &all[((size_t)c->order[i] * x.nm + mi) * x.nt]);
	for (j = 0; j < x.nt; j++) {
		nact = cells_active(c, x.tp[j], act);
		for (mi = 0; mi < x.nm; mi++)
			medians(&x, mi, j, act, nact, all, buf,
				    tmp);
		period_key(x.cfg, x.tp[j], key);
		for (r = 0; r < nact; r++)
			for (mi = 0; mi < x.nm; mi++) {
				s = &all[((size_t)act[r] * x.nm + mi) * x.nt +
				    j];
				if (s->kind == SG_NONE)
					continue;
				csv_put_field(o, key);
				csv_put_field(o, agg_rep_name(c->a, act[r]));
				csv_put_field(o, agg_metric_name(c->a,
				    x.ml[mi]));
				csv_put_fixed(o, s->t);
				basis(&x, s, x.ml[mi], text, sizeof(text));
				csv_put_field(o, text);
				csv_end_row(o);
			}
	}
	free(all);
	free(vals);
	free(pick);
	free(pidx);
	free(act);
	free(buf);
	free(tmp);
done:
	free(x.per);
	free(x.fin);
	free(x.tp);
	free(x.below);
	free(x.ml);
}
