/*
 * The scores table: one row per period x rep x metric over the complete
 * grid, with ranks, the rows in rank order, and roll-ups (SPEC section
 * 4).  The numbers come from the cells (cells.c); this is where they are
 * ranked, ordered and written, each rounded once.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "num.h"
#include "out.h"
#include "scores.h"
#include "sort.h"
#include "score.h"

enum fmt { FMT_MONEY, FMT_PCT, FMT_RATIO };

#define NAME_BUFSIZE 512

/* One output row, with what ranking adds to its cell. */
struct table_row {
	uint32_t rep;		/* NO_ID for a roll-up */
	uint32_t team;
	struct cell c;
	struct val prev;
	int ranked, rank, reps, pct_k, z_k, med_k;
	double pct, z;
	struct val med;
	uint32_t scope;
};

static enum fmt
metric_fmt(const struct cells *c, uint32_t m)
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

/* Ranks. */

struct rank_ctx {
	const struct table_row *rows;
	int higher;
};

/* Row indices by scope, then best value first. */
static int
rank_cmp(const void *x, const void *y, void *arg)
{
	const struct rank_ctx *k = arg;
	const struct table_row *a = &k->rows[*(const size_t *)x];
	const struct table_row *b = &k->rows[*(const size_t *)y];
	int r;

	if (a->scope != b->scope)
		return a->scope < b->scope ? -1 : 1;
	r = val_cmp(a->c.act, b->c.act);
	return k->higher ? -r : r;
}

static void
rank_scope(struct table_row *rows, const size_t *idx, size_t n)
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
			struct table_row *r = &rows[idx[i]];

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
rank_rows(const struct cells *c, struct table_row *rows, size_t n,
    uint32_t m)
{
	struct rank_ctx k = { rows, cells_higher(c, m) };
	size_t *idx, nk = 0, i, j;

	idx = xreallocarray(NULL, n + 1, sizeof(*idx));
	for (i = 0; i < n; i++)
		if (rows[i].c.act.known)
			idx[nk++] = i;
	sort_with(idx, nk, sizeof(*idx), rank_cmp, &k);
	for (i = 0; i < nk; i = j) {
		for (j = i + 1; j < nk && rows[idx[j]].scope ==
		    rows[idx[i]].scope; j++)
			;
		rank_scope(rows, idx + i, j - i);
	}
	free(idx);
}

/* Output order: ranked rows by rank, then the others; ties by name. */
static int
out_cmp(const void *x, const void *y, void *arg)
{
	const struct table_row *a = x, *b = y;
	const struct cells *c = arg;

	if (a->ranked != b->ranked)
		return a->ranked ? -1 : 1;
	if (a->ranked && a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	return strcmp(agg_rep_name(c->a, a->rep), agg_rep_name(c->a, b->rep));
}

static int
team_name_cmp(const void *x, const void *y, void *arg)
{
	return strcmp(agg_team_name(arg, *(const uint32_t *)x),
	    agg_team_name(arg, *(const uint32_t *)y));
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
		csv_put_fixed(o, (int64_t)val_rdiv(v.n * 100, v.d) * 100);
		break;
	case FMT_PCT:
		csv_put_num(o, double_format((double)val_rdiv(v.n * 10,
		    v.d) / 10, 1, buf));
		break;
	case FMT_RATIO:
		csv_put_num(o, double_format((double)val_rdiv(v.n * 100,
		    v.d) / 100, 2, buf));
		break;
	}
}

/* The period the rows are written for: its key and elapsed share. */
struct period_out {
	char key[PERIOD_BUFSIZE];
	long elapsed;		/* tenths of a percent */
	int elapsed_k;
};

/*
 * Whether a percent written with one decimal reads back in range:
 * pm-flag and pm-report read every column as fixed point, so a ratio
 * over a tiny target (900000000000000 of 0.0001) must not pass here
 * and fail there.
 */
static int
pct_in_range(double x)
{
	return isfinite(x) && fabs(x) < (double)(FIXED_MAX / FIXED_SCALE);
}

/* Exits 65 when a number of the row is out of the fixed-point range. */
static void
check_range(const struct cells *c, const char *pkey, uint32_t m,
    const struct table_row *r, const char *teamname, double ch, int ch_k)
{
	const struct val *v[5] = { &r->c.act, &r->c.proj, NULL, &r->med,
	    &r->prev };
	static const char *const what[5] = { "actual", "projection",
	    "target", "median", "previous period's value" };
	int known[5] = { 1, r->c.proj_k, r->c.has_t, r->ranked && r->med_k,
	    1 };
	struct val t = val_make(r->c.t, FIXED_SCALE);
	char group[NAME_BUFSIZE];
	int64_t x;
	int i;

	v[2] = &t;
	if (r->rep == NO_ID && strcmp(teamname, "*") == 0)
		snprintf(group, sizeof(group), "all reps");
	else
		snprintf(group, sizeof(group), "%s %s", r->rep == NO_ID ?
		    "team" : "rep", r->rep == NO_ID ? teamname :
		    agg_rep_name(c->a, r->rep));
	if (r->c.overflow)
		pm_die(EX_DATAERR, "period %s, %s, metric %s: the weighted "
		    "score is %s", pkey, group, agg_metric_name(c->a, m),
		    fixed_why(NUM_RANGE));
	if ((r->c.att_k && !pct_in_range(r->c.att)) ||
	    (r->c.pace_k && !pct_in_range(r->c.pace)) ||
	    (ch_k && !pct_in_range(ch)))
		pm_die(EX_DATAERR, "period %s, %s, metric %s: the %s is %s",
		    pkey, group, agg_metric_name(c->a, m), r->c.att_k &&
		    !pct_in_range(r->c.att) ? "attainment" : r->c.pace_k &&
		    !pct_in_range(r->c.pace) ? "pace" : "change",
		    fixed_why(NUM_RANGE));
	if (metric_fmt(c, m) != FMT_MONEY)
		return;
	for (i = 0; i < 5; i++)
		if (known[i] && v[i]->known && val_fixed(*v[i], &x) != NUM_OK)
			pm_die(EX_DATAERR, "period %s, %s, metric %s: the %s "
			    "is %s", pkey, group, agg_metric_name(c->a, m),
			    what[i], fixed_why(NUM_RANGE));
}

static void
put_row(const struct cells *c, struct out *o, const struct period_out *po,
    uint32_t m, const struct table_row *r, const char *teamname)
{
	enum fmt f = metric_fmt(c, m);
	double ch = 0;
	int ch_k;

	ch_k = r->c.act.known && r->prev.known && r->prev.n != 0;
	if (ch_k)
		ch = (double)((val_ld(r->c.act) - val_ld(r->prev)) /
		    fabsl(val_ld(r->prev)) * 100);
	check_range(c, po->key, m, r, teamname, ch, ch_k);
	csv_put_field(o, po->key);
	csv_put_field(o, r->rep == NO_ID ? "*" : agg_rep_name(c->a, r->rep));
	csv_put_field(o, teamname);
	csv_put_field(o, agg_metric_name(c->a, m));
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
	csv_put_double(o, ch, 1, ch_k);
	csv_put_double(o, (double)po->elapsed / 10, 1, po->elapsed_k);
	csv_end_row(o);
}

static void
rollup_row(struct cells *c, struct out *o, pm_day ps,
    const struct period_out *po, uint32_t m, uint32_t team, int everyone, const uint32_t *act,
    size_t nact)
{
	uint32_t *mem = xreallocarray(NULL, c->nrep + 1, sizeof(*mem));
	struct table_row r;
	size_t nmem;

	memset(&r, 0, sizeof(r));
	r.rep = NO_ID;
	nmem = cells_members(c, act, nact, team, everyone, mem);
	r.c = cells_get(c, ps, mem, nmem, 1, m);
	r.prev = cells_prev_rollup(c, ps, team, everyone, m);
	put_row(c, o, po, m, &r, everyone ? "*" : agg_team_name(c->a, team));
	free(mem);
}

static void
period_rows(struct cells *c, struct out *o, pm_day ps)
{
	struct period_out po = { "", 0, 0 };
	struct table_row *rows;
	uint32_t *teams, m, t;
	size_t nact, i, j, nteams;

	period_key(agg_periods(c->a), ps, po.key);
	po.elapsed_k = cells_elapsed(c, ps, &po.elapsed);
	nact = cells_active(c, ps, c->act);
	rows = xreallocarray(NULL, nact + 1, sizeof(*rows));
	teams = xreallocarray(NULL, nact + 1, sizeof(*teams));
	nteams = 0;
	for (i = 0; i < nact; i++) {
		t = cells_team(c, c->act[i]);
		for (j = 0; j < nteams && teams[j] != t; j++)
			;
		if (j == nteams && t != NO_ID)
			teams[nteams++] = t;
	}
	sort_with(teams, nteams, sizeof(*teams), team_name_cmp, c->a);
	for (j = 0; j < c->nm; j++) {
		m = c->mlist[j];
		for (i = 0; i < nact; i++) {
			memset(&rows[i], 0, sizeof(rows[i]));
			rows[i].rep = c->act[i];
			rows[i].team = cells_team(c, c->act[i]);
			rows[i].scope = c->o->by_team ? rows[i].team : 0;
			rows[i].c = cells_get(c, ps, &c->act[i], 1, 0, m);
			rows[i].prev = cells_prev(c, ps, c->act[i], m);
		}
		rank_rows(c, rows, nact, m);
		sort_with(rows, nact, sizeof(*rows), out_cmp, c);
		for (i = 0; i < nact; i++)
			put_row(c, o, &po, m, &rows[i], rows[i].team ==
			    NO_ID ? "" : agg_team_name(c->a, rows[i].team));
		if (!c->o->rollup)
			continue;
		for (i = 0; i < nteams; i++)
			rollup_row(c, o, ps, &po, m, teams[i], 0, c->act,
			    nact);
		rollup_row(c, o, ps, &po, m, NO_ID, 1, c->act, nact);
	}
	free(rows);
	free(teams);
}

void
table_write(struct cells *c, struct out *o)
{
	const struct period_cfg *cfg = agg_periods(c->a);
	int k;
	pm_day ps;

	/* pm-score writes the scores table's columns up to its own last. */
	for (k = 0; k < SC_NSCORE; k++)
		csv_put_field(o, scores_colname[k]);
	csv_end_row(o);
	if (c->pstart != NO_DAY && c->pend != NO_DAY)
		for (ps = c->pstart; ps <= c->pend; ps = period_next(cfg, ps))
			period_rows(c, o, ps);
}
