/*
 * Mentors (SPEC section 15): a rep who needs help on one metric is
 * paired with a colleague who is strong on exactly that metric in the
 * judged period, so that the report names someone to learn from, not
 * only a problem.  Needs: activity_gap (on the activity metric where
 * the rep stands lowest against the team median), conversion_gap (on
 * win_rate), a running coaching plan (on its metric).  Mentors: reps
 * flagged tier_top or target_hit, better than the learner on the
 * metric; the same team first, by value, then the other teams, ties by
 * name; no mentor takes more than MAX_LEARNERS learners, so that the
 * best rep is not asked to coach half the team.  Learners who stand
 * lowest are served first.
 */
#include <math.h>
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

#define MAX_LEARNERS 2

/* One rep's need for help on one metric. */
struct need {
	uint32_t rep, m;
	int has_ratio;
	double ratio;		/* the rep's standing against the team median */
};

struct mentor_ctx {
	struct judgement *j;
	const struct scores *s;
	enum sc_col act;
	struct teamstat med;	/* team medians */
	struct need *need;
	size_t nneed;
	/* Per metric, worked out once: the candidates, the best first. */
	uint32_t **cand;
	size_t *ncand;
	uint32_t *nlearners;	/* per rep: learners taken */
	uint32_t (*learner)[MAX_LEARNERS];	/* per rep: who they are */
	int higher;		/* of the metric being sorted on */
	uint32_t sort_m;
};

static const struct score_row *
cell(const struct mentor_ctx *c, uint32_t m, uint32_t rep)
{
	const struct score_row *r = scores_cell(c->s, m, rep, c->j->period);

	return r != NULL && scores_known(r, c->act) ? r : NULL;
}

static uint32_t
team_of(const struct mentor_ctx *c, uint32_t rep)
{
	return judge_team(c->j, rep);
}

static int64_t
median_of(int64_t *v, size_t n, int higher)
{
	(void)higher;
	return judge_median(v, n);
}

static int
higher_better(const struct mentor_ctx *c, uint32_t m)
{
	return metric_lookup(c->s->metric_name[m]).higher_better;
}

/*
 * The rep's value over the team median (the median over the value for
 * a lower-is-better metric, so that a low ratio always means behind);
 * 0 when either is unknown or the median is not above zero.
 */
static int
ratio(struct mentor_ctx *c, uint32_t rep, uint32_t m, double *out)
{
	const struct score_row *r = cell(c, m, rep);
	int64_t med;

	if (r == NULL || !teamstat_get(&c->med, m, team_of(c, rep), &med) ||
	    med <= 0)
		return 0;
	if (higher_better(c, m))
		*out = (double)r->v[c->act] / (double)med;
	else
		*out = r->v[c->act] > 0 ? (double)med /
		    (double)r->v[c->act] : HUGE_VAL;
	return 1;
}

static void
add_need(struct mentor_ctx *c, uint32_t rep, uint32_t m)
{
	struct need *n;
	size_t i;

	for (i = 0; i < c->nneed; i++)
		if (c->need[i].rep == rep && c->need[i].m == m)
			return;
	c->need = xreallocarray(c->need, c->nneed + 1, sizeof(*c->need));
	n = &c->need[c->nneed++];
	n->rep = rep;
	n->m = m;
	n->has_ratio = ratio(c, rep, m, &n->ratio);
}

/* activity_gap: the activity metric with the lowest ratio, by name. */
static void
activity_need(struct mentor_ctx *c, uint32_t rep, const uint32_t *byname)
{
	uint32_t i, m, best = SC_NONE;
	double r, low = 0;

	for (i = 0; i < c->s->nmetrics; i++) {
		m = byname[i];
		if (!judge_is_activity(c->j, m) || !ratio(c, rep, m, &r))
			continue;
		if (best == SC_NONE || r < low) {
			best = m;
			low = r;
		}
	}
	if (best != SC_NONE)
		add_need(c, rep, best);
}

static void
find_needs(struct mentor_ctx *c)
{
	const struct scores *s = c->s;
	uint32_t rep, wr = scores_metric(s, "win_rate"), m;
	uint32_t *byname = metrics_by_name(s);
	size_t i;

	for (rep = 0; rep < s->nreps; rep++) {
		if (judge_hit(c->j, rep, F_ACTIVITY_GAP)->value != NULL)
			activity_need(c, rep, byname);
		if (wr != SC_NONE &&
		    judge_hit(c->j, rep, F_CONVERSION_GAP)->value != NULL)
			add_need(c, rep, wr);
	}
	for (i = 0; i < c->j->nph; i++)
		if (!c->j->ph[i].ended && (m = scores_metric(s,
		    c->j->ph[i].metric)) != SC_NONE)
			add_need(c, c->j->ph[i].rep, m);
	free(byname);
}

/* Learners by their ratio, the lowest first, then by name and metric. */
static int
cmp_need(const void *a, const void *b, void *ctx)
{
	const struct need *x = a, *y = b;
	const struct scores *s = ctx;
	int r;

	if (x->has_ratio != y->has_ratio)
		return x->has_ratio ? -1 : 1;
	if (x->has_ratio && x->ratio != y->ratio)
		return x->ratio < y->ratio ? -1 : 1;
	if ((r = strcmp(s->rep_name[x->rep], s->rep_name[y->rep])) != 0)
		return r;
	return strcmp(s->metric_name[x->m], s->metric_name[y->m]);
}

/* Candidates by value, the best first, then by name. */
static int
cmp_cand(const void *a, const void *b, void *ctx)
{
	const struct mentor_ctx *c = ctx;
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	int64_t vx = cell(c, c->sort_m, x)->v[c->act];
	int64_t vy = cell(c, c->sort_m, y)->v[c->act];

	if (vx != vy)
		return (vx > vy) == (c->higher != 0) ? -1 : 1;
	return strcmp(c->s->rep_name[x], c->s->rep_name[y]);
}

/* The reps strong on m this period (tier_top or target_hit), best first. */
static const uint32_t *
candidates(struct mentor_ctx *c, uint32_t m, size_t *n)
{
	uint32_t rep, *v;

	if (c->cand[m] == NULL) {
		v = c->cand[m] = xcalloc(c->s->nreps ? c->s->nreps : 1,
		    sizeof(*v));
		for (rep = 0; rep < c->s->nreps; rep++)
			if ((judge_hit(c->j, rep, F_TIER_TOP)->value != NULL ||
			    judge_hit(c->j, rep, F_TARGET_HIT)->value != NULL)
			    && cell(c, m, rep) != NULL)
				v[c->ncand[m]++] = rep;
		c->sort_m = m;
		c->higher = higher_better(c, m);
		sort_with(v, c->ncand[m], sizeof(*v), cmp_cand, c);
	}
	*n = c->ncand[m];
	return c->cand[m];
}

/* Whether mentor can take learner: a free place, or theirs already. */
static int
has_room(const struct mentor_ctx *c, uint32_t mentor, uint32_t learner)
{
	uint32_t i;

	for (i = 0; i < c->nlearners[mentor]; i++)
		if (c->learner[mentor][i] == learner)
			return 1;
	return c->nlearners[mentor] < MAX_LEARNERS;
}

/* The mentor for need n: same team first, better than the learner. */
static uint32_t
choose_mentor(struct mentor_ctx *c, const struct need *n)
{
	const struct score_row *lr = cell(c, n->m, n->rep);
	uint32_t team = team_of(c, n->rep), rep;
	int higher = higher_better(c, n->m), pass;
	const uint32_t *cand;
	size_t i, nc;
	int64_t v;

	cand = candidates(c, n->m, &nc);
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < nc; i++) {
			rep = cand[i];
			if (rep == n->rep || (team_of(c, rep) == team) != !pass)
				continue;
			v = cell(c, n->m, rep)->v[c->act];
			if (lr != NULL && (higher ? v <= lr->v[c->act] :
			    v >= lr->v[c->act]))
				continue;	/* not ahead: nothing to show */
			if (has_room(c, rep, n->rep))
				return rep;
		}
	return SC_NONE;
}

/* "Aisha Khan (East)", or the name alone without a team. */
static void
put_who(struct sbuf *b, const struct mentor_ctx *c, uint32_t rep)
{
	const struct score_row *a = c->j->anchor[rep];

	sbuf_printf(b, "%s", c->s->rep_name[rep]);
	if (a != NULL && c->s->team_name[a->team][0] != '\0')
		sbuf_printf(b, " (%s)", c->s->team_name[a->team]);
}

/* A value as the table wrote it. */
static char *
value_text(const struct mentor_ctx *c, uint32_t m, uint32_t rep)
{
	const char *f = scores_field(c->s, cell(c, m, rep), c->act);

	return xstrndup(f, trim_span(&f, strlen(f)));
}

/* The same in the notes: win rates with their percent sign. */
static void
put_value(struct sbuf *b, const struct mentor_ctx *c, uint32_t m,
    uint32_t rep)
{
	char *t = value_text(c, m, rep);

	sbuf_printf(b, "%s%s", t, metric_lookup(c->s->metric_name[m]).agg ==
	    AGG_WIN_RATE ? "%" : "");
	free(t);
}

static void
add_pair(struct mentor_ctx *c, uint32_t rep, enum flag f, uint32_t m,
    char *value, struct sbuf *note)
{
	struct judgement *j = c->j;
	struct plan_hit *h;

	j->mh = xreallocarray(j->mh, j->nmh + 1, sizeof(*j->mh));
	h = &j->mh[j->nmh++];
	h->rep = rep;
	h->flag = f;
	h->metric = c->s->metric_name[m];
	h->value = value;
	h->note = sbuf_take(note);
	h->ended = 0;
}

/* Both sides of a pairing: mentor_match on the learner, mentor on the mentor. */
static void
pair(struct mentor_ctx *c, const struct need *n, uint32_t mentor)
{
	struct sbuf b = SBUF_INIT;
	const char *name = c->s->metric_name[n->m];
	uint32_t i;

	for (i = 0; i < c->nlearners[mentor]; i++)
		if (c->learner[mentor][i] == n->rep)
			break;
	if (i == c->nlearners[mentor])
		c->learner[mentor][c->nlearners[mentor]++] = n->rep;
	put_who(&b, c, mentor);
	sbuf_printf(&b, " could mentor on %s: ", name);
	put_value(&b, c, n->m, mentor);
	sbuf_printf(&b, " vs ");
	put_value(&b, c, n->m, n->rep);
	add_pair(c, n->rep, F_MENTOR_MATCH, n->m,
	    value_text(c, n->m, mentor), &b);
	sbuf_printf(&b, "could mentor ");
	put_who(&b, c, n->rep);
	sbuf_printf(&b, " on %s", name);
	add_pair(c, mentor, F_MENTOR, n->m, value_text(c, n->m, mentor), &b);
}

/* Pairings by rep, then flag, then as they were made. */
static int
cmp_pair(const void *a, const void *b)
{
	const struct plan_hit *x = *(const struct plan_hit *const *)a;
	const struct plan_hit *y = *(const struct plan_hit *const *)b;

	if (x->rep != y->rep)
		return x->rep < y->rep ? -1 : 1;
	if (x->flag != y->flag)
		return x->flag < y->flag ? -1 : 1;
	return x < y ? -1 : x > y;
}

/*
 * j->mh in the order the writers want it (reps by id are reps by name):
 * each rep's pairings together, found by binary search, not by a scan
 * for each rep of a large organisation.
 */
static void
sort_pairs(struct judgement *j)
{
	struct plan_hit **p, *v;
	size_t i;

	if (j->nmh < 2)
		return;
	p = xcalloc(j->nmh, sizeof(*p));
	v = xcalloc(j->nmh, sizeof(*v));
	for (i = 0; i < j->nmh; i++)
		p[i] = &j->mh[i];
	qsort(p, j->nmh, sizeof(*p), cmp_pair);
	for (i = 0; i < j->nmh; i++)
		v[i] = *p[i];
	free(p);
	free(j->mh);
	j->mh = v;
}

size_t
mentor_first(const struct judgement *j, uint32_t rep)
{
	size_t lo = 0, hi = j->nmh, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (j->mh[mid].rep < rep)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void
mentor_match(struct judgement *j)
{
	const struct scores *s = j->s;
	struct mentor_ctx c;
	uint32_t mentor;
	size_t i;

	if (j->metric == SC_NONE)
		return;
	memset(&c, 0, sizeof(c));
	c.j = j;
	c.s = s;
	c.act = j->act;
	teamstat_init(&c.med, j, median_of);
	c.cand = xcalloc(s->nmetrics ? s->nmetrics : 1, sizeof(*c.cand));
	c.ncand = xcalloc(s->nmetrics ? s->nmetrics : 1, sizeof(*c.ncand));
	c.nlearners = xcalloc(s->nreps ? s->nreps : 1, sizeof(*c.nlearners));
	c.learner = xcalloc(s->nreps ? s->nreps : 1, sizeof(*c.learner));
	find_needs(&c);
	sort_with(c.need, c.nneed, sizeof(*c.need), cmp_need, (void *)s);
	for (i = 0; i < c.nneed; i++)
		if ((mentor = choose_mentor(&c, &c.need[i])) != SC_NONE)
			pair(&c, &c.need[i], mentor);
	sort_pairs(j);
	teamstat_free(&c.med);
	for (i = 0; i < s->nmetrics; i++)
		free(c.cand[i]);
	free(c.cand);
	free(c.ncand);
	free(c.nlearners);
	free(c.learner);
	free(c.need);
}
