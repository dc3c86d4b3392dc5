/*
 * Stretch goals (SPEC section 15): the best reps need a new challenge,
 * not only praise.  A high_flyer or tier_top rep is set the level of
 * the team's top quarter on the leading metric where they stand lowest
 * against it; a rep already at or above it everywhere is set their own
 * best of the periods before, 10% better.  Goals are worked out in
 * fixed point, rounded half away from zero to the table's 1/10000.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "metrics.h"
#include "num.h"
#include "sbuf.h"
#include "sort.h"
#include "trim.h"
#include "flag.h"

/* The periods before the judged one whose best the fallback beats. */
#define BEST_WINDOW 6

struct stretch_ctx {
	struct judgement *j;
	const struct scores *s;
	enum sc_col act;
	uint32_t *byname;	/* metrics by name: ties go to the first */
	struct teamstat q;	/* the teams' top quarters */
};

static const struct score_row *
cell(const struct stretch_ctx *c, uint32_t m, uint32_t rep, uint32_t p)
{
	const struct score_row *r = scores_cell(c->s, m, rep, p);

	return r != NULL && scores_known(r, c->act) ? r : NULL;
}

/* a / b rounded half away from zero; b > 0. */
static __int128
div_round(__int128 a, __int128 b)
{
	return a >= 0 ? (a + b / 2) / b : -((-a + b / 2) / b);
}

int64_t
stretch_quartile(int64_t *v, size_t n, int upper)
{
	__int128 d;
	size_t i;
	long k;

	judge_sort(v, n);
	/*
	 * The position (n - 1) x 3/4 (or x 1/4), in quarters: the value
	 * there, plus the share of the way to the next one.
	 */
	k = (long)(n - 1) * (upper ? 3 : 1);
	i = (size_t)(k / 4);
	if (k % 4 == 0)
		return v[i];
	/*
	 * Wide throughout: -9e14 to 9e14 passes INT64_MAX, and so does
	 * 3/4 of that difference; only the sum fits again.
	 */
	d = div_round(((__int128)v[i + 1] - v[i]) * (k % 4), 4);
	return (int64_t)(v[i] + d);
}

static void
put_field(struct sbuf *b, const struct stretch_ctx *c,
    const struct score_row *r)
{
	const char *f = scores_field(c->s, r, c->act);
	size_t n = trim_span(&f, strlen(f));

	sbuf_printf(b, "%.*s", (int)n, f);
}

static void
set(struct stretch_ctx *c, uint32_t rep, uint32_t m, int64_t goal,
    struct sbuf *note)
{
	struct hit *h = &c->j->hits[(size_t)rep * F_NFLAGS + F_STRETCH];
	char buf[NUM_BUFSIZE];

	h->metric = c->s->metric_name[m];
	h->value = xstrdup(fixed_format(goal, 2, buf));
	h->note = sbuf_take(note);
}

/*
 * The leading metric where rep stands lowest against the team's top
 * quarter (its value over the level, or the level over its value for a
 * lower-is-better metric); 0 when the rep is at or above it on each,
 * *seen the number of leading metrics compared.
 */
static int
lowest(struct stretch_ctx *c, uint32_t rep, int *seen)
{
	const struct score_row *r, *best = NULL;
	uint32_t team = judge_team(c->j, rep), i, m, bm = 0;
	char buf[NUM_BUFSIZE];
	struct sbuf b = SBUF_INIT;
	double ratio, low = 1;
	int64_t q, bq = 0;

	for (i = 0; i < c->s->nmetrics; i++) {
		m = c->byname[i];
		if (!judge_is_activity(c->j, m) ||
		    (r = cell(c, m, rep, c->j->period)) == NULL ||
		    !teamstat_get(&c->q, m, team, &q) || q <= 0)
			continue;
		++*seen;
		if (metric_lookup(c->s->metric_name[m]).higher_better)
			ratio = (double)r->v[c->act] / (double)q;
		else
			ratio = r->v[c->act] > 0 ? (double)q /
			    (double)r->v[c->act] : 2;
		if (r->v[c->act] == q || ratio >= low)
			continue;	/* at the level: no stretch there */
		low = ratio;
		best = r;
		bm = m;
		bq = q;
	}
	if (best == NULL)
		return 0;
	sbuf_printf(&b, "%s ", c->s->metric_name[bm]);
	put_field(&b, c, best);
	sbuf_printf(&b, ", the team's top quarter holds %s",
	    fixed_format(bq, 2, buf));
	set(c, rep, bm, bq, &b);
	return 1;
}

/*
 * At or above the top quarter everywhere (or no leading metric to
 * compare, seen 0): the judged metric at the rep's own best of the
 * BEST_WINDOW periods before, 10% better (the judged period's value
 * when there is no period before it).
 */
static void
own_best(struct stretch_ctx *c, uint32_t rep, int seen)
{
	const struct score_row *r, *now, *best = NULL;
	uint32_t m = c->j->metric, p = c->j->period, q, bestq = p;
	uint32_t first = p > BEST_WINDOW ? p - BEST_WINDOW : 0;
	int higher = metric_lookup(c->s->metric_name[m]).higher_better;
	char buf[NUM_BUFSIZE];
	struct sbuf b = SBUF_INIT;
	__int128 wide;
	int64_t goal;

	if ((now = cell(c, m, rep, p)) == NULL)
		return;
	for (q = first; q < p; q++)
		if ((r = cell(c, m, rep, q)) != NULL && (best == NULL ||
		    (higher ? r->v[c->act] > best->v[c->act] :
		    r->v[c->act] < best->v[c->act]))) {
			best = r;
			bestq = q;
		}
	if (best == NULL)
		best = now;
	wide = (__int128)best->v[c->act] * (higher ? 11 : 9);
	wide = wide >= 0 ? (wide + 5) / 10 : -((-wide + 5) / 10);
	/* 10% above a best of 9e14 does not fit: never a wrapped goal. */
	if (wide > FIXED_MAX || wide < -FIXED_MAX)
		pm_die(EX_DATAERR, "period %s, rep %s, metric %s: the stretch "
		    "goal is %s", c->s->period_key[p], c->s->rep_name[rep],
		    c->s->metric_name[m], fixed_why(NUM_RANGE));
	goal = (int64_t)wide;
	sbuf_printf(&b, "%s ", c->s->metric_name[m]);
	put_field(&b, c, now);
	sbuf_printf(&b, " now, goal %s: 10%% %s ", fixed_format(goal, 2, buf),
	    higher ? "above" : "below");
	if (bestq == p)
		sbuf_printf(&b, "it (no period before it)");
	else {
		sbuf_printf(&b, "the best of the %u period%s before (",
		    p - first, p - first == 1 ? "" : "s");
		put_field(&b, c, best);
		sbuf_printf(&b, " in %s)", c->s->period_key[bestq]);
	}
	sbuf_printf(&b, "; %s", seen ? "at or above the team's top quarter "
	    "on every leading metric" : "no leading metric to compare with "
	    "the team");
	set(c, rep, m, goal, &b);
}

void
stretch_goals(struct judgement *j)
{
	const struct scores *s = j->s;
	struct stretch_ctx c;
	uint32_t rep;
	int seen;

	if (j->metric == SC_NONE)
		return;
	memset(&c, 0, sizeof(c));
	c.j = j;
	c.s = s;
	c.act = j->act;
	teamstat_init(&c.q, j, stretch_quartile);
	c.byname = metrics_by_name(s);
	for (rep = 0; rep < s->nreps; rep++) {
		if (judge_hit(j, rep, F_HIGH_FLYER)->value == NULL &&
		    judge_hit(j, rep, F_TIER_TOP)->value == NULL)
			continue;
		seen = 0;
		if (!lowest(&c, rep, &seen))
			own_best(&c, rep, seen);
	}
	teamstat_free(&c.q);
	free(c.byname);
}
