/*
 * The rules of SPEC section 6.  Each rule looks at the judged metric in
 * the judged period and, for the rules about a run of periods, at the
 * consecutive periods before it; a rep with too little history, or with
 * an unknown (empty) number where the rule needs one, is not flagged.
 * Numbers are compared as exact fixed-point values; numbers quoted in
 * the notes are the fields as the scores table wrote them.
 */
#include <stdarg.h>
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

#define HUNDRED ((int64_t)100 * FIXED_SCALE)
/* recovering: the trouble lies among this many periods before the judged. */
#define RECOVER_WINDOW 6

struct judge_ctx {
	struct judgement *j;
	const struct scores *s;
	const struct flag_opts *o;
	uint32_t m, p;
	enum sc_col att, act;	/* pace or attainment, projected or actual */
	int progress;		/* the judged period is in progress */
	int higher;		/* the judged metric: higher is better */
	const struct score_row **run;	/* persist + 1 rows, or the window */
};

/* A number as the scores table wrote it, without surrounding spaces. */
static char *
text(const struct judge_ctx *c, const struct score_row *r, enum sc_col col)
{
	const char *f = scores_field(c->s, r, col);
	size_t n = trim_span(&f, strlen(f));

	return xstrndup(f, n);
}

static void
put_text(struct sbuf *b, const struct judge_ctx *c, const struct score_row *r,
    enum sc_col col)
{
	char *t = text(c, r, col);

	sbuf_printf(b, "%s", t);
	free(t);
}

static void
set_hit(struct judge_ctx *c, uint32_t rep, enum flag f, const char *metric,
    char *value, struct sbuf *note)
{
	struct hit *h = &c->j->hits[(size_t)rep * F_NFLAGS + f];

	h->metric = metric;
	h->value = value;
	h->note = sbuf_take(note);
}

static const char *
pkey(const struct judge_ctx *c, uint32_t p)
{
	return c->s->period_key[p];
}

/* "2026-07..2026-09" for the n periods ending with the judged one. */
static void
put_span(struct sbuf *b, const struct judge_ctx *c, size_t n)
{
	if (n <= 1)
		sbuf_printf(b, " in %s", pkey(c, c->p));
	else
		sbuf_printf(b, " in %s..%s", pkey(c, c->p - (uint32_t)(n - 1)),
		    pkey(c, c->p));
}

static const char *
att_label(const struct judge_ctx *c)
{
	return c->progress ? "pace" : "attainment";
}

static void
put_act_label(struct sbuf *b, const struct judge_ctx *c, uint32_t metric)
{
	sbuf_printf(b, "%s%s", c->progress ? "projected " : "",
	    c->s->metric_name[metric]);
}

static void
put_pct(struct sbuf *b, int64_t v)
{
	char buf[NUM_BUFSIZE];

	sbuf_printf(b, "%s%%", fixed_format(v, 4, buf));
}

static const struct score_row *
cell(const struct judge_ctx *c, uint32_t metric, uint32_t rep)
{
	return scores_cell(c->s, metric, rep, c->p);
}

/*
 * The judged metric's rows of the n consecutive periods ending with the
 * judged one into c->run, oldest first; 0 when the rep's history is
 * shorter or has a gap.
 */
static int
run_of(struct judge_ctx *c, uint32_t rep, size_t n)
{
	uint32_t q;
	size_t i;

	if (n > (size_t)c->p + 1)
		return 0;
	for (i = 0; i < n; i++) {
		q = c->p - (uint32_t)(n - 1 - i);
		if ((c->run[i] = scores_cell(c->s, c->m, rep, q)) == NULL)
			return 0;
		if (i > 0 && !scores_periods_adjacent(pkey(c, q - 1),
		    pkey(c, q)))
			return 0;
	}
	return 1;
}

/* underperformer (below) and high_flyer (!below) over --persist periods. */
static void
rule_attainment_run(struct judge_ctx *c, uint32_t rep, int below)
{
	size_t i, n = (size_t)c->o->persist;
	struct sbuf b = SBUF_INIT;
	int64_t v;

	if (!run_of(c, rep, n))
		return;
	for (i = 0; i < n; i++) {
		if (!scores_known(c->run[i], c->att))
			return;
		v = c->run[i]->v[c->att];
		if (below ? v >= c->o->under : v < c->o->over)
			return;
	}
	sbuf_printf(&b, "%s ", att_label(c));
	for (i = 0; i < n; i++) {
		sbuf_printf(&b, "%s", i ? ", " : "");
		put_text(&b, c, c->run[i], c->att);
		sbuf_printf(&b, "%%");
	}
	put_span(&b, c, n);
	sbuf_printf(&b, ", %s ", below ? "below" : "at or above");
	put_pct(&b, below ? c->o->under : c->o->over);
	set_hit(c, rep, below ? F_UNDERPERFORMER : F_HIGH_FLYER,
	    c->s->metric_name[c->m], text(c, c->run[n - 1], c->att), &b);
}

/* declining: worse in each of the last --persist steps. */
static void
rule_declining(struct judge_ctx *c, uint32_t rep)
{
	size_t i, n = (size_t)c->o->persist + 1;
	struct sbuf b = SBUF_INIT;
	int64_t prev = 0, v;

	if (!run_of(c, rep, n))
		return;
	for (i = 0; i < n; i++) {
		if (!scores_known(c->run[i], c->act))
			return;
		v = c->run[i]->v[c->act];
		if (i > 0 && (c->higher ? v >= prev : v <= prev))
			return;
		prev = v;
	}
	put_act_label(&b, c, c->m);
	sbuf_printf(&b, " ");
	for (i = 0; i < n; i++) {
		sbuf_printf(&b, "%s", i ? ", " : "");
		put_text(&b, c, c->run[i], c->act);
	}
	put_span(&b, c, n);
	sbuf_printf(&b, ", %s in each of the last %ld periods",
	    c->higher ? "down" : "up", c->o->persist);
	set_hit(c, rep, F_DECLINING, c->s->metric_name[c->m],
	    text(c, c->run[n - 1], c->act), &b);
}

/* The periods from index a to b of c->run (n rows ending at the judged). */
static void
put_run_span(struct sbuf *b, const struct judge_ctx *c, size_t n, size_t a,
    size_t z)
{
	sbuf_printf(b, " in %s", pkey(c, c->p - (uint32_t)(n - 1 - a)));
	if (z > a)
		sbuf_printf(b, "..%s", pkey(c, c->p - (uint32_t)(n - 1 - z)));
}

/*
 * The latest run of at least 2 periods below --under in c->run[0..last]
 * into *a..*z; 0 when there is none.
 */
static int
below_run(const struct judge_ctx *c, size_t last, size_t *a, size_t *z)
{
	size_t i = last + 1, e;

	while (i > 0) {
		for (; i > 0 && !(scores_known(c->run[i - 1], c->att) &&
		    c->run[i - 1]->v[c->att] < c->o->under); i--)
			;
		if (i == 0)
			return 0;
		e = i - 1;
		for (; i > 0 && scores_known(c->run[i - 1], c->att) &&
		    c->run[i - 1]->v[c->att] < c->o->under; i--)
			;
		if (e - i + 1 >= 2) {
			*a = i;
			*z = e;
			return 1;
		}
	}
	return 0;
}

/* The latest --persist falling steps of the actual in c->run[0..last]. */
static int
declining_run(const struct judge_ctx *c, size_t last, size_t *a, size_t *z)
{
	size_t steps = (size_t)c->o->persist, e, i;
	const struct score_row *x, *y;

	for (e = last + 1; e-- > steps;) {
		for (i = e - steps; i < e; i++) {
			x = c->run[i];
			y = c->run[i + 1];
			if (!scores_known(x, c->act) || !scores_known(y, c->act)
			    || (c->higher ? y->v[c->act] >= x->v[c->act] :
			    y->v[c->act] <= x->v[c->act]))
				break;
		}
		if (i == e) {
			*a = e - steps;
			*z = e;
			return 1;
		}
	}
	return 0;
}

/*
 * recovering: attainment rose in each of the last 2 steps after a run
 * below --under (2 periods at least) or a declining run, among the
 * RECOVER_WINDOW periods before the judged one.  A run below may reach
 * into the climb (it is still low there); the notes show it up to the
 * period before the climb when 2 periods at least are left that way,
 * the climb's numbers being quoted already.
 */
static void
rule_recovering(struct judge_ctx *c, uint32_t rep)
{
	size_t n, i, a, z, rise;
	struct sbuf b = SBUF_INIT;
	int below;

	for (n = RECOVER_WINDOW + 1; n >= 3 && !run_of(c, rep, n); n--)
		;
	if (n < 3)
		return;
	rise = n - 3;
	for (i = rise; i < n; i++)
		if (!scores_known(c->run[i], c->att) || (i > rise &&
		    c->run[i]->v[c->att] <= c->run[i - 1]->v[c->att]))
			return;
	if (!(below = below_run(c, n - 2, &a, &z)) &&
	    !declining_run(c, rise, &a, &z))
		return;
	if (below && z >= rise && rise >= a + 2)
		z = rise - 1;
	sbuf_printf(&b, "%s ", att_label(c));
	for (i = rise; i < n; i++) {
		sbuf_printf(&b, "%s", i > rise ? ", " : "");
		put_text(&b, c, c->run[i], c->att);
		sbuf_printf(&b, "%%");
	}
	put_run_span(&b, c, n, rise, n - 1);
	sbuf_printf(&b, ", rising after ");
	if (below) {
		sbuf_printf(&b, "%s", pkey(c, c->p - (uint32_t)(n - 1 - a)));
		sbuf_printf(&b, "..%s below ",
		    pkey(c, c->p - (uint32_t)(n - 1 - z)));
		put_pct(&b, c->o->under);
	} else {
		sbuf_printf(&b, "%s ", c->s->metric_name[c->m]);
		for (i = a; i <= z; i++) {
			sbuf_printf(&b, "%s", i > a ? ", " : "");
			put_text(&b, c, c->run[i], c->act);
		}
		put_run_span(&b, c, n, a, z);
		sbuf_printf(&b, ", %s in each step", c->higher ? "down" : "up");
	}
	set_hit(c, rep, F_RECOVERING, c->s->metric_name[c->m],
	    text(c, c->run[n - 1], c->att), &b);
}

static void
rule_target_hit(struct judge_ctx *c, uint32_t rep)
{
	const struct score_row *r = cell(c, c->m, rep);
	struct sbuf b = SBUF_INIT;

	if (r == NULL || !scores_known(r, c->att) || r->v[c->att] < HUNDRED)
		return;
	sbuf_printf(&b, "%s ", att_label(c));
	put_text(&b, c, r, c->att);
	sbuf_printf(&b, "%%");
	put_span(&b, c, 1);
	sbuf_printf(&b, ", at or above 100%%");
	set_hit(c, rep, F_TARGET_HIT, c->s->metric_name[c->m],
	    text(c, r, c->att), &b);
}

/* personal_best: better than every earlier period, 3 periods at least. */
static void
rule_personal_best(struct judge_ctx *c, uint32_t rep)
{
	const struct score_row *r = cell(c, c->m, rep), *e, *best = NULL;
	struct sbuf b = SBUF_INIT;
	size_t seen = 1;
	uint32_t q, bestq = 0;
	int64_t v;

	if (r == NULL || !scores_known(r, c->act))
		return;
	v = r->v[c->act];
	for (q = 0; q < c->p; q++) {
		e = scores_cell(c->s, c->m, rep, q);
		if (e == NULL || !scores_known(e, c->act))
			continue;
		seen++;
		if (c->higher ? e->v[c->act] >= v : e->v[c->act] <= v)
			return;
		if (best == NULL || (c->higher ?
		    e->v[c->act] >= best->v[c->act] :
		    e->v[c->act] <= best->v[c->act])) {
			best = e;
			bestq = q;
		}
	}
	if (seen < 3)
		return;
	put_act_label(&b, c, c->m);
	sbuf_printf(&b, " ");
	put_text(&b, c, r, c->act);
	put_span(&b, c, 1);
	sbuf_printf(&b, ", the best of %zu periods (previous best ", seen);
	put_text(&b, c, best, c->act);
	sbuf_printf(&b, " in %s)", pkey(c, bestq));
	set_hit(c, rep, F_PERSONAL_BEST, c->s->metric_name[c->m],
	    text(c, r, c->act), &b);
}

/* The change in attainment from the previous period into *d. */
static int
improvement(struct judge_ctx *c, uint32_t rep, int64_t *d)
{
	if (!run_of(c, rep, 2) || !scores_known(c->run[0], c->att) ||
	    !scores_known(c->run[1], c->att))
		return 0;
	/* Out of int64 range only for absurd input: then no flag. */
	return !__builtin_sub_overflow(c->run[1]->v[c->att],
	    c->run[0]->v[c->att], d);
}

/* most_improved: the largest positive change, every rep tied for it. */
static void
rule_most_improved(struct judge_ctx *c)
{
	char buf[NUM_BUFSIZE];
	struct sbuf b = SBUF_INIT;
	int64_t d, best = 0;
	uint32_t rep;
	size_t ties = 0;

	for (rep = 0; rep < c->s->nreps; rep++)
		if (improvement(c, rep, &d) && d > 0) {
			if (d > best) {
				best = d;
				ties = 0;
			}
			if (d == best)
				ties++;
		}
	if (ties == 0)
		return;
	for (rep = 0; rep < c->s->nreps; rep++) {
		if (!improvement(c, rep, &d) || d != best)
			continue;
		sbuf_printf(&b, "%s ", att_label(c));
		put_text(&b, c, c->run[0], c->att);
		sbuf_printf(&b, "%% in %s to ", pkey(c, c->p - 1));
		put_text(&b, c, c->run[1], c->att);
		sbuf_printf(&b, "%% in %s, up %s points, the most of any rep",
		    pkey(c, c->p), double_format(fixed_to_double(d), 1, buf));
		if (ties > 1)
			sbuf_printf(&b, " (tied with %zu other%s)", ties - 1,
			    ties > 2 ? "s" : "");
		set_hit(c, rep, F_MOST_IMPROVED, c->s->metric_name[c->m],
		    xstrdup(buf), &b);
	}
}

/* biggest_deal: the largest won deal of the period (metric largest_deal). */
static void
rule_biggest_deal(struct judge_ctx *c)
{
	uint32_t m = scores_metric(c->s, "largest_deal"), rep;
	const struct score_row *r;
	struct sbuf b = SBUF_INIT;
	size_t ties = 0;
	int64_t best = 0;

	if (m == SC_NONE)
		return;
	for (rep = 0; rep < c->s->nreps; rep++) {
		if ((r = cell(c, m, rep)) == NULL ||
		    !scores_known(r, c->act) || r->v[c->act] <= 0)
			continue;
		if (r->v[c->act] > best) {
			best = r->v[c->act];
			ties = 0;
		}
		if (r->v[c->act] == best)
			ties++;
	}
	for (rep = 0; ties > 0 && rep < c->s->nreps; rep++) {
		if ((r = cell(c, m, rep)) == NULL ||
		    !scores_known(r, c->act) || r->v[c->act] != best)
			continue;
		sbuf_printf(&b, "largest deal ");
		put_text(&b, c, r, c->act);
		put_span(&b, c, 1);
		sbuf_printf(&b, ", the biggest of the period");
		if (ties > 1)
			sbuf_printf(&b, " (tied with %zu other%s)", ties - 1,
			    ties > 2 ? "s" : "");
		set_hit(c, rep, F_BIGGEST_DEAL, c->s->metric_name[m],
		    text(c, r, c->act), &b);
	}
}

/*
 * Tiers (SPEC sections 6 and 13).  Counts are rounded half up; with
 * three reps or more each tier gets at least one rep (the larger outer
 * tier gives way, bottom before top on a tie, so the middle keeps one).
 * Ties are never split: the group tied for the best rank is top and the
 * group tied for the worst is bottom, whatever their sizes (everyone
 * tied: all middle); any other group goes to the tier where most of its
 * positions fall (an even split: middle).  With three reps or more an
 * empty middle takes the group nearest to it that is neither the best
 * nor the worst: 17 reps, one at 100, one at 50 and 15 at 0 are top,
 * middle and bottom, not top, top and 15 in the middle.
 */
struct tier_rep {
	uint32_t rep;
	int64_t rank;		/* fixed-point, as the rank column */
	int64_t val;		/* the judged value, to rank without ranks */
	const char *name;
	enum flag tier;
};

static int
cmp_tier(const void *a, const void *b)
{
	const struct tier_rep *x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return strcmp(x->name, y->name);
}

static size_t
round_share(size_t n, int64_t pct)
{
	return (size_t)(((int64_t)n * pct * 2 + HUNDRED) / (2 * HUNDRED));
}

/* The sizes of the tiers: nominal (from --tiers) or as the ties made them. */
struct tier_sizes {
	size_t top, mid, bot;
};

static void
tier_note(struct judge_ctx *c, const struct tier_rep *t, size_t n,
    const char *team, const struct tier_sizes *want,
    const struct tier_sizes *got)
{
	char rank[NUM_BUFSIZE];
	struct sbuf b = SBUF_INIT;
	enum flag f = t->tier;
	int64_t share;

	share = f == F_TIER_TOP ? c->o->top : f == F_TIER_BOTTOM ?
	    c->o->bottom : HUNDRED - c->o->top - c->o->bottom;
	fixed_format(t->rank, 4, rank);
	sbuf_printf(&b, "rank %s of %zu%s%s by %s", rank, n,
	    team ? " in team " : "",
	    team ? team : "", c->s->metric_name[c->m]);
	put_span(&b, c, 1);
	sbuf_printf(&b, ", in the %s ", f == F_TIER_TOP ? "top" :
	    f == F_TIER_BOTTOM ? "bottom" : "middle");
	put_pct(&b, share);
	if (got->top != want->top || got->mid != want->mid ||
	    got->bot != want->bot)
		sbuf_printf(&b, " (tied ranks: top, middle, bottom of %zu, "
		    "%zu, %zu reps instead of %zu, %zu, %zu)", got->top,
		    got->mid, got->bot, want->top, want->mid, want->bot);
	set_hit(c, t->rep, f, c->s->metric_name[c->m], xstrdup(rank), &b);
}

/* The tier of the tied group at positions i + 1 .. k of n. */
static enum flag
tier_of_group(size_t i, size_t k, size_t n, const struct tier_sizes *w)
{
	size_t in_top, in_bot, in_mid, lo = n - w->bot;

	if (i == 0 && k == n)
		return F_TIER_MIDDLE;
	if (i == 0 && w->top > 0)
		return F_TIER_TOP;
	if (k == n && w->bot > 0)
		return F_TIER_BOTTOM;
	in_top = w->top > i ? (k < w->top ? k : w->top) - i : 0;
	in_bot = k > lo ? k - (i > lo ? i : lo) : 0;
	in_mid = k - i - in_top - in_bot;
	if (in_top > in_mid && in_top > in_bot)
		return F_TIER_TOP;
	if (in_bot > in_mid && in_bot > in_top)
		return F_TIER_BOTTOM;
	return F_TIER_MIDDLE;
}

/*
 * An empty middle takes the group nearest to its positions, top+1 ..
 * n-bot, that is neither the first nor the last; the one below on a
 * tie (the bottom gives way first, as it does for the counts).
 */
static void
fill_middle(struct tier_rep *g, size_t n, const struct tier_sizes *w)
{
	size_t i, k, best = n, bestk = 0, d, bestd = 0;

	for (i = 0; i < n; i++)
		if (g[i].tier == F_TIER_MIDDLE)
			return;
	for (i = 0; i < n; i = k) {
		for (k = i + 1; k < n && g[k].rank == g[i].rank; k++)
			;
		if (i == 0 || k == n)
			continue;
		d = k < w->top + 1 ? w->top + 1 - k :
		    i + 1 > n - w->bot ? i + 1 - (n - w->bot) : 0;
		if (best == n || d <= bestd) {
			best = i;
			bestk = k;
			bestd = d;
		}
	}
	for (i = best; i < bestk; i++)
		g[i].tier = F_TIER_MIDDLE;
}

static void
tier_group(struct judge_ctx *c, struct tier_rep *g, size_t n, const char *team)
{
	struct tier_sizes want, got = { 0, 0, 0 };
	size_t mid = n >= 3 ? 1 : 0, i, k, x;
	enum flag f;

	want.top = round_share(n, c->o->top);
	want.bot = round_share(n, c->o->bottom);
	if (n >= 3) {
		want.top = want.top ? want.top : 1;
		want.bot = want.bot ? want.bot : 1;
	}
	while (want.top + want.bot > n - mid) {
		if (want.top > want.bot)
			want.top--;
		else
			want.bot--;
	}
	want.mid = n - want.top - want.bot;
	qsort(g, n, sizeof(*g), cmp_tier);
	for (i = 0; i < n; i = k) {
		for (k = i + 1; k < n && g[k].rank == g[i].rank; k++)
			;
		f = tier_of_group(i, k, n, &want);
		for (x = i; x < k; x++)
			g[x].tier = f;
	}
	if (n >= 3)
		fill_middle(g, n, &want);
	for (i = 0; i < n; i++) {
		got.top += g[i].tier == F_TIER_TOP;
		got.mid += g[i].tier == F_TIER_MIDDLE;
		got.bot += g[i].tier == F_TIER_BOTTOM;
	}
	for (i = 0; i < n; i++)
		tier_note(c, &g[i], n, team, &want, &got);
}

/* Reps by value, the best first (higher: the highest), then by name. */
static int
cmp_value(const void *a, const void *b, void *higher)
{
	const struct tier_rep *x = a, *y = b;
	int r = x->val < y->val ? -1 : x->val > y->val;

	if (r == 0)
		return strcmp(x->name, y->name);
	return *(const int *)higher ? -r : r;
}

/*
 * A table without a rank column (made by hand): rank the reps on the
 * judged value as pm-score does, 1 the best, ties sharing the better.
 */
static size_t
rank_by_value(struct judge_ctx *c, struct tier_rep *all)
{
	const struct score_row *r;
	size_t n = 0, i;
	uint32_t rep;

	for (rep = 0; rep < c->s->nreps; rep++)
		if ((r = cell(c, c->m, rep)) != NULL &&
		    scores_known(r, c->act)) {
			all[n].rep = rep;
			all[n].val = r->v[c->act];
			all[n++].name = c->s->rep_name[rep];
		}
	sort_with(all, n, sizeof(*all), cmp_value, &c->higher);
	for (i = 0; i < n; i++)
		all[i].rank = i > 0 && all[i].val == all[i - 1].val ?
		    all[i - 1].rank : (int64_t)(i + 1) * FIXED_SCALE;
	return n;
}

/*
 * Reps ranked on the judged metric, all together; or team by team when
 * the ranks were made within teams (pm-score --by-team: the reps column
 * then counts a team, not everyone).
 */
static void
tiers(struct judge_ctx *c)
{
	const struct scores *s = c->s;
	const struct score_row *r;
	struct tier_rep *all, *g;
	size_t n = 0, ng, i;
	int by_team = 0;
	uint32_t rep, team;

	all = xcalloc(s->nreps ? s->nreps : 1, sizeof(*all));
	g = xcalloc(s->nreps ? s->nreps : 1, sizeof(*g));
	if (s->col[SC_RANK] < 0)
		n = rank_by_value(c, all);
	for (rep = 0; s->col[SC_RANK] >= 0 && rep < s->nreps; rep++)
		if ((r = cell(c, c->m, rep)) != NULL &&
		    scores_known(r, SC_RANK)) {
			all[n].rep = rep;
			all[n].rank = r->v[SC_RANK];
			all[n++].name = s->rep_name[rep];
		}
	for (i = 0; s->col[SC_RANK] >= 0 && i < n; i++) {
		r = cell(c, c->m, all[i].rep);
		if (scores_known(r, SC_REPS) &&
		    r->v[SC_REPS] != (int64_t)n * FIXED_SCALE)
			by_team = 1;
	}
	if (!by_team)
		tier_group(c, all, n, NULL);
	for (team = 0; by_team && team < s->nteams; team++) {
		for (i = ng = 0; i < n; i++)
			if (cell(c, c->m, all[i].rep)->team == team)
				g[ng++] = all[i];
		if (ng > 0)
			tier_group(c, g, ng, s->team_name[team]);
	}
	free(all);
	free(g);
}

/*
 * The gap flags.  Activity is the mean, over the activity metrics, of
 * the rep's value over the median of the rep's team (everyone when the
 * rep has no team); a metric whose median is 0 or unknown says nothing
 * and is left out.  Activity metrics: --activity, else every leading
 * metric of the catalogue in the input except coverage (a ratio to the
 * target), score and the judged metric.
 */
struct medians {
	uint32_t *order;	/* metrics by name: the evidence's order */
	int64_t *v;
	char *state;		/* 0 not computed, 1 known, 2 unknown */
	int64_t *buf;
};

int
judge_is_activity(const struct judgement *j, uint32_t m)
{
	const char *name = j->s->metric_name[m];
	size_t i;

	if (j->o->activity != NULL) {
		for (i = 0; i < j->o->nactivity; i++)
			if (strcmp(j->o->activity[i], name) == 0)
				return 1;
		return 0;
	}
	return m != j->metric && strcmp(name, "coverage") != 0 &&
	    strcmp(name, "score") != 0 && metric_lookup(name).leading;
}

static int
is_activity(const struct judge_ctx *c, uint32_t m)
{
	return judge_is_activity(c->j, m);
}

uint32_t
judge_team(const struct judgement *j, uint32_t rep)
{
	const struct score_row *a = j->anchor[rep];

	if (a == NULL || j->s->team_name[a->team][0] == '\0')
		return SC_NONE;
	return a->team;
}

static uint32_t
team_of(const struct judge_ctx *c, uint32_t rep)
{
	return judge_team(c->j, rep);
}

static int
cmp_fixed(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

void
judge_sort(int64_t *v, size_t n)
{
	qsort(v, n, sizeof(*v), cmp_fixed);
}

int64_t
judge_median(int64_t *v, size_t n)
{
	judge_sort(v, n);
	return n % 2 ? v[n / 2] :
	    (int64_t)(((__int128)v[n / 2 - 1] + v[n / 2]) / 2);
}

static int
median(struct judge_ctx *c, struct medians *md, uint32_t m, uint32_t team,
    int64_t *out)
{
	size_t k = ((size_t)(team == SC_NONE ? 0 : team + 1)) *
	    c->s->nmetrics + m, n = 0;
	const struct score_row *r;
	uint32_t rep;

	if (md->state[k] == 0) {
		for (rep = 0; rep < c->s->nreps; rep++)
			if ((team == SC_NONE || team_of(c, rep) == team) &&
			    (r = cell(c, m, rep)) != NULL &&
			    scores_known(r, c->act))
				md->buf[n++] = r->v[c->act];
		md->state[k] = n ? 1 : 2;
		if (n)
			md->v[k] = judge_median(md->buf, n);
	}
	*out = md->v[k];
	return md->state[k] == 1;
}

/* The rep's activity into *act, the evidence into b; 0 when unknown. */
static int
activity(struct judge_ctx *c, struct medians *md, uint32_t rep, double *act,
    struct sbuf *b)
{
	const struct score_row *r;
	char buf[NUM_BUFSIZE];
	double sum = 0;
	size_t n = 0;
	int64_t med;
	uint32_t i, m;

	for (i = 0; i < c->s->nmetrics; i++) {
		m = md->order[i];
		if (!is_activity(c, m) || (r = cell(c, m, rep)) == NULL ||
		    !scores_known(r, c->act) ||
		    !median(c, md, m, team_of(c, rep), &med) || med <= 0)
			continue;
		sum += (double)r->v[c->act] / (double)med;
		sbuf_printf(b, "%s", n++ ? ", " : " (");
		put_act_label(b, c, m);
		sbuf_printf(b, " ");
		put_text(b, c, r, c->act);
		sbuf_printf(b, " vs %s", fixed_format(med, 2, buf));
	}
	if (n == 0)
		return 0;
	sbuf_printf(b, ")");
	*act = sum / (double)n;
	return 1;
}

static void
put_gap(struct sbuf *b, const struct judge_ctx *c)
{
	sbuf_printf(b, ", more than ");
	put_pct(b, c->o->gap);
	sbuf_printf(b, " below");
}

/*
 * Activity is compared as the notes show it, in percent to 1 decimal,
 * so that "75.0% ... more than 25% below" never appears.
 */
static void
gap_rules(struct judge_ctx *c, struct medians *md, uint32_t rep, uint32_t wr)
{
	const struct score_row *r = cell(c, c->m, rep), *w;
	char pct[NUM_BUFSIZE], buf[NUM_BUFSIZE];
	struct sbuf ev = SBUF_INIT, b = SBUF_INIT;
	int64_t act, med;
	double mean;

	if (!activity(c, md, rep, &mean, &ev))
		goto out;
	double_format(mean * 100.0, 1, pct);
	if (fixed_parse(pct, strlen(pct), &act) != NUM_OK)
		goto out;
	if (act < HUNDRED - c->o->gap && r != NULL &&
	    scores_known(r, c->att) && r->v[c->att] < HUNDRED) {
		sbuf_printf(&b, "activity %s%% of the team median", pct);
		put_span(&b, c, 1);
		sbuf_printf(&b, "%s", ev.p);
		put_gap(&b, c);
		sbuf_printf(&b, ", and %s ", att_label(c));
		put_text(&b, c, r, c->att);
		sbuf_printf(&b, "%% of target");
		set_hit(c, rep, F_ACTIVITY_GAP, "activity", xstrdup(pct), &b);
	}
	if (wr == SC_NONE || act < HUNDRED ||
	    (w = cell(c, wr, rep)) == NULL || !scores_known(w, c->act) ||
	    !median(c, md, wr, team_of(c, rep), &med) || med <= 0 ||
	    !((__int128)w->v[c->act] * HUNDRED <
	    (__int128)med * (HUNDRED - c->o->gap)))
		goto out;
	sbuf_printf(&b, "activity %s%% of the team median", pct);
	put_span(&b, c, 1);
	sbuf_printf(&b, "%s, but win_rate ", ev.p);
	put_text(&b, c, w, c->act);
	sbuf_printf(&b, "%% vs team median %s%%",
	    double_format(fixed_to_double(med), 1, buf));
	put_gap(&b, c);
	set_hit(c, rep, F_CONVERSION_GAP, "win_rate", text(c, w, c->act), &b);
out:
	free(ev.p);
}

static void
gaps(struct judge_ctx *c)
{
	const struct scores *s = c->s;
	struct medians md;
	size_t n = (s->nteams + 1) * s->nmetrics, i;
	uint32_t rep;

	for (i = 0; i < c->o->nactivity; i++)
		if (scores_metric(s, c->o->activity[i]) == SC_NONE &&
		    !c->o->quiet)
			pm_warn("--activity: no metric '%s' in the input",
			    c->o->activity[i]);
	md.v = xcalloc(n ? n : 1, sizeof(*md.v));
	md.state = xcalloc(n ? n : 1, 1);
	md.buf = xcalloc(s->nreps ? s->nreps : 1, sizeof(*md.buf));
	md.order = xcalloc(s->nmetrics ? s->nmetrics : 1, sizeof(*md.order));
	for (i = 0; i < s->nmetrics; i++)
		md.order[i] = (uint32_t)i;
	sort_ids_by_name(md.order, s->nmetrics, s->metric_name);
	for (rep = 0; rep < s->nreps; rep++)
		gap_rules(c, &md, rep, scores_metric(s, "win_rate"));
	free(md.v);
	free(md.state);
	free(md.buf);
	free(md.order);
}

/*
 * No -P: the latest period with a number in it, unless it has only just
 * begun (SPEC section 13); the same rule as pm-report's, in common/.
 */
static void
choose_latest(struct judgement *j, const struct scores *s,
    const struct flag_opts *o)
{
	struct scores_pick pk = scores_pick_period(s, o->min_elapsed);
	char why[160], pct[NUM_BUFSIZE];

	j->period = pk.period;
	if (pk.early == SC_NONE || o->quiet)
		return;
	scores_early_text(s, &pk, why, sizeof(why));
	fixed_format(o->min_elapsed, 1, pct);
	if (pk.none_finished)
		pm_warn("%s: %s, less than --min-elapsed %s%%, and no period "
		    "before it is finished: judging it all the same",
		    s->files[0], why, pct);
	else
		pm_warn("%s: %s, less than --min-elapsed %s%%: judging %s, "
		    "the latest finished period", s->files[0], why, pct,
		    s->period_key[pk.period]);
}

static void
choose(struct judgement *j, const struct scores *s, const struct flag_opts *o)
{
	const char *name = o->metric;

	j->metric = j->period = SC_NONE;
	if (s->nrows == 0)
		return;
	if (name == NULL)
		name = scores_metric(s, "score") != SC_NONE ? "score" :
		    "revenue";
	if ((j->metric = scores_metric(s, name)) == SC_NONE) {
		if (o->metric == NULL)
			pm_die(EX_DATAERR, "%s: neither 'score' nor 'revenue' "
			    "in the metric column: name one with --metric",
			    s->files[0]);
		pm_die(EX_DATAERR, "%s: no metric '%s' in the input",
		    s->files[0], name);
	}
	if (o->period == NULL) {
		choose_latest(j, s, o);
		return;
	}
	if ((j->period = scores_period(s, o->period)) == SC_NONE)
		pm_die(EX_DATAERR, "%s: no period '%s' in the input (%s..%s)",
		    s->files[0], o->period, s->period_key[0],
		    s->period_key[s->nperiods - 1]);
}

/* The row that carries a rep's flags: the judged metric's, else any. */
static void
anchors(struct judgement *j)
{
	const struct scores *s = j->s;
	const struct score_row *r;
	size_t i;
	uint32_t rep;

	j->anchor = xcalloc(s->nreps ? s->nreps : 1, sizeof(*j->anchor));
	for (rep = 0; rep < s->nreps; rep++)
		j->anchor[rep] = scores_cell(s, j->metric, rep, j->period);
	for (i = 0; i < s->nrows; i++) {
		r = &s->rows[i];
		if (!r->rollup && r->period == j->period &&
		    j->anchor[r->rep] == NULL)
			j->anchor[r->rep] = r;
	}
}

static int
in_progress(const struct judge_ctx *c)
{
	const struct score_row *r;
	int64_t el = scores_elapsed(c->s, c->p);
	size_t i;

	if (el >= 0)
		return el < 100 * FIXED_SCALE;
	/* An older table, without elapsed: a projection shows it. */
	for (i = 0; i < c->s->nrows; i++) {
		r = &c->s->rows[i];
		if (r->period != c->p)
			continue;
		if (scores_known(r, SC_PACE) && scores_known(r, SC_ATTAINMENT)
		    && r->v[SC_PACE] != r->v[SC_ATTAINMENT])
			return 1;
		if (scores_known(r, SC_PROJECTED) && scores_known(r, SC_ACTUAL)
		    && r->v[SC_PROJECTED] != r->v[SC_ACTUAL])
			return 1;
	}
	return 0;
}

static void
warn_no_target(const struct judge_ctx *c)
{
	const struct score_row *r;
	uint32_t rep;

	for (rep = 0; rep < c->s->nreps; rep++)
		if ((r = cell(c, c->m, rep)) != NULL &&
		    scores_known(r, c->att))
			return;
	if (!c->o->quiet)
		pm_warn("%s: no %s for %s in %s (no target?): underperformer,"
		    " high_flyer, target_hit, most_improved and activity_gap"
		    " cannot be judged", c->s->files[0], att_label(c),
		    c->s->metric_name[c->m], pkey(c, c->p));
}

void
judge(struct judgement *j, const struct scores *s, const struct flag_opts *o)
{
	struct judge_ctx c;
	uint32_t rep;

	memset(j, 0, sizeof(*j));
	j->s = s;
	j->o = o;
	choose(j, s, o);
	j->hits = xcalloc(s->nreps ? s->nreps * F_NFLAGS : 1,
	    sizeof(*j->hits));
	if (j->metric == SC_NONE)
		return;
	anchors(j);
	memset(&c, 0, sizeof(c));
	c.j = j;
	c.s = s;
	c.o = o;
	c.m = j->metric;
	c.p = j->period;
	c.att = scores_filled(s, SC_PACE) ? SC_PACE : SC_ATTAINMENT;
	c.act = scores_filled(s, SC_PROJECTED) ? SC_PROJECTED : SC_ACTUAL;
	c.progress = in_progress(&c);
	c.higher = metric_lookup(s->metric_name[c.m]).higher_better;
	c.run = xcalloc((size_t)o->persist + 2 > RECOVER_WINDOW + 1 ?
	    (size_t)o->persist + 2 : RECOVER_WINDOW + 1, sizeof(*c.run));
	j->att = c.att;
	j->act = c.act;
	warn_no_target(&c);
	for (rep = 0; rep < s->nreps; rep++) {
		rule_attainment_run(&c, rep, 1);
		rule_attainment_run(&c, rep, 0);
		rule_declining(&c, rep);
		rule_target_hit(&c, rep);
		rule_personal_best(&c, rep);
		rule_recovering(&c, rep);
	}
	tiers(&c);
	rule_biggest_deal(&c);
	rule_most_improved(&c);
	gaps(&c);
	judge_targets(j);
	free(c.run);
	if (o->plans != NULL)
		follow_plans(j, o->plans);
	mentor_match(j);
	stretch_goals(j);
}

void
judge_free(struct judgement *j)
{
	size_t i;

	for (i = 0; i < j->s->nreps * F_NFLAGS; i++) {
		free(j->hits[i].value);
		free(j->hits[i].note);
	}
	free(j->hits);
	free(j->anchor);
	for (i = 0; i < j->nph; i++) {
		free(j->ph[i].value);
		free(j->ph[i].note);
	}
	free(j->ph);
	for (i = 0; i < j->nmh; i++) {
		free(j->mh[i].value);
		free(j->mh[i].note);
	}
	free(j->mh);
}

const struct hit *
judge_hit(const struct judgement *j, uint32_t rep, enum flag f)
{
	return &j->hits[(size_t)rep * F_NFLAGS + f];
}
