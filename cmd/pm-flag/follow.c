/*
 * Following coaching plans up (SPEC section 14): for each plan that
 * runs in the judged period, or whose last period was the one before,
 * where the rep stands against their own baseline, the goal and the
 * share of the plan gone, and how far the team's median moved over the
 * same span, so that a rise with the tide is not taken for the coaching
 * working.  Every number that a verdict compares is rounded first as
 * the note writes it, so the note never contradicts the flag.
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

/* Baseline periods before a plan's first (SPEC: up to 3). */
#define BASE_PERIODS 3
/* The fewest reps in a team median that can show a tide. */
#define TIDE_TEAM 3
/* A plan longer than this many periods is not followed period by period. */
#define MAX_STEPS 100000

struct follow {
	struct judgement *j;
	const struct scores *s;
	const struct plans *pl;
	struct period_cfg cfg;
	pm_day judged;		/* first day of the judged period */
	int64_t *buf;		/* one value per rep, for medians */
	/*
	 * Medians already worked out, per metric and column, by period and
	 * team: every plan of a team asks for the same few, and a large
	 * organisation has a plan for many of its reps.
	 */
	struct median_memo *memo;	/* [metric * NCOLS + column] */
	struct folded *reps, *metrics;
};

/* The columns plans read medians of. */
enum { MC_ACTUAL, MC_ATTAINMENT, MC_PROJECTED, MC_PACE, NCOLS };

struct median_memo {
	int64_t *v;		/* [period * nteams + team] */
	size_t *count;		/* 0 not yet, else 1 + the reps counted */
};

/* One plan's numbers in the period it is judged on. */
struct standing {
	const struct plan *p;
	uint32_t rep, m, q;	/* q: the period "now" is read in */
	enum sc_col base_col, now_col;
	int higher, ended;
	int nb;			/* baseline periods with a value */
	uint32_t bq[BASE_PERIODS];
	int64_t base, now;
	int has_progress, has_drift, has_change;
	size_t team_size;	/* reps in the team median now */
	int64_t progress, elapsed, drift, change;	/* 1 decimal */
	long k, n;		/* periods gone, periods of the plan */
};

/* A table's names folded to lower case, sorted, to look names up in. */
struct folded {
	char *key;
	uint32_t id;
};

static int
cmp_folded(const void *a, const void *b)
{
	const struct folded *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c != 0 ? c : x->id < y->id ? -1 : x->id > y->id;
}

static char *
fold(const char *s)
{
	char *t = xstrdup(s), *p;

	for (p = t; *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return t;
}

static struct folded *
folded_new(char *const *names, size_t n)
{
	struct folded *v = xcalloc(n ? n : 1, sizeof(*v));
	size_t i;

	for (i = 0; i < n; i++) {
		v[i].key = fold(names[i]);
		v[i].id = (uint32_t)i;
	}
	qsort(v, n, sizeof(*v), cmp_folded);
	return v;
}

static void
folded_free(struct folded *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].key);
	free(v);
}

/*
 * A name of the table: exact (the names are numbered in byte order),
 * else the only one equal to it ignoring ASCII case.
 */
static uint32_t
lookup(char *const *names, const struct folded *fv, size_t n,
    const char *name)
{
	size_t lo = 0, hi = n, mid;
	struct folded key, *hit;
	uint32_t id = SC_NONE;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((c = strcmp(names[mid], name)) == 0)
			return (uint32_t)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	key.key = fold(name);
	key.id = 0;
	/* The first of the equal keys: ids from 0 sort first. */
	for (lo = 0, hi = n; lo < hi;) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(fv[mid].key, key.key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	hit = lo < n && strcmp(fv[lo].key, key.key) == 0 ?
	    (struct folded *)&fv[lo] : NULL;
	if (hit != NULL && !(lo + 1 < n && strcmp(fv[lo + 1].key,
	    key.key) == 0))
		id = hit->id;
	free(key.key);
	return id;
}

static const char *
key_of(const struct follow *f, pm_day start, char *buf)
{
	return period_key(&f->cfg, start, buf);
}

/* The table's id of the period starting on day, or SC_NONE. */
static uint32_t
period_id(const struct follow *f, pm_day start)
{
	char buf[PERIOD_BUFSIZE];

	return scores_period(f->s, key_of(f, start, buf));
}

/* Periods from a to b, both included (a <= b). */
static long
count(const struct follow *f, pm_day a, pm_day b)
{
	long n = 1;

	while (a < b && n < MAX_STEPS) {
		a = period_next(&f->cfg, a);
		n++;
	}
	return n;
}

static int
cmp_fixed(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * The median of column col of metric m in period q over the reps of
 * team (everyone when the team has no name); how many reps it is of.
 */
static size_t
median_of(struct follow *f, uint32_t m, uint32_t q, uint32_t team,
    enum sc_col col, int64_t *out)
{
	const struct score_row *r;
	int everyone = f->s->team_name[team][0] == '\0';
	uint32_t rep;
	size_t n = 0;

	for (rep = 0; rep < f->s->nreps; rep++)
		if ((r = scores_cell(f->s, m, rep, q)) != NULL &&
		    scores_known(r, col) && (everyone || r->team == team))
			f->buf[n++] = r->v[col];
	if (n == 0)
		return 0;
	qsort(f->buf, n, sizeof(*f->buf), cmp_fixed);
	*out = n % 2 ? f->buf[n / 2] :
	    (int64_t)(((__int128)f->buf[n / 2 - 1] + f->buf[n / 2]) / 2);
	return n;
}

/* median_of, each worked out once. */
static size_t
median(struct follow *f, uint32_t m, uint32_t q, uint32_t team,
    enum sc_col col, int64_t *out)
{
	int c = col == SC_ACTUAL ? MC_ACTUAL : col == SC_ATTAINMENT ?
	    MC_ATTAINMENT : col == SC_PROJECTED ? MC_PROJECTED : MC_PACE;
	struct median_memo *mm = &f->memo[(size_t)m * NCOLS + (size_t)c];
	size_t k = (size_t)q * f->s->nteams + team;

	if (mm->v == NULL) {
		mm->v = xcalloc(f->s->nperiods * f->s->nteams, sizeof(*mm->v));
		mm->count = xcalloc(f->s->nperiods * f->s->nteams,
		    sizeof(*mm->count));
	}
	if (mm->count[k] == 0)
		mm->count[k] = median_of(f, m, q, team, col, &mm->v[k]) + 1;
	*out = mm->v[k];
	return mm->count[k] - 1;
}

/* x rounded half away from zero to `decimals` (0..4). */
static int64_t
round_to(__int128 num, __int128 den, int decimals)
{
	__int128 unit = 1, q;
	int i;

	for (i = decimals; i < 4; i++)
		unit *= 10;
	den *= unit;
	q = (num < 0 ? num - den / 2 : num + den / 2) / den;
	return (int64_t)(q * unit);
}

/*
 * A ratio in percent to 1 decimal, as fixed-point; one past the range
 * (9e14 now on a baseline of 0.0001) is exit 65 naming the plan, never
 * a silent 0.0%.
 */
static int64_t
pct1(const struct follow *f, const struct standing *st, const char *what,
    double v)
{
	char buf[NUM_BUFSIZE];
	int64_t x = 0;

	if (isfinite(v)) {
		double_format(v, 1, buf);
		if (fixed_parse(buf, strlen(buf), &x) == NUM_OK)
			return x;
	}
	pm_die_at(EX_DATAERR, f->pl->file, st->p->line, "the plan of %s for "
	    "%s: the %s is %s", st->p->rep, st->p->metric, what,
	    fixed_why(NUM_RANGE));
}

static int
beyond(const struct standing *st, int64_t a, int64_t b)
{
	return st->higher ? a >= b : a <= b;
}

static int
worse(const struct standing *st, int64_t a, int64_t b)
{
	return st->higher ? a < b : a > b;
}

static void
baseline(struct follow *f, struct standing *st)
{
	const struct score_row *r;
	__int128 sum = 0;
	pm_day d = st->p->start;
	uint32_t q;
	int i;

	for (i = 0; i < BASE_PERIODS; i++) {
		d = period_prev(&f->cfg, d);
		if ((q = period_id(f, d)) == SC_NONE)
			continue;
		r = scores_cell(f->s, st->m, st->rep, q);
		if (r == NULL || !scores_known(r, st->base_col))
			continue;
		sum += r->v[st->base_col];
		st->bq[st->nb++] = q;
	}
	if (st->nb > 0)
		st->base = round_to(sum, st->nb, st->p->pct ? 1 : 2);
}

/* The team median's change over the plan's span, in percent. */
static void
drift(struct follow *f, struct standing *st, uint32_t team)
{
	double mean = 0;
	int64_t med, now;
	int i, n = 0;

	if (st->nb == 0 ||
	    (st->team_size = median(f, st->m, st->q, team, st->now_col,
	    &now)) == 0)
		return;
	for (i = 0; i < st->nb; i++)
		if (median(f, st->m, st->bq[i], team, st->base_col, &med)) {
			mean += (double)med;
			n++;
		}
	if (n == 0 || mean == 0)
		return;
	mean /= n;
	st->drift = pct1(f, st, "team median's change", ((double)now - mean) /
	    (mean < 0 ? -mean : mean) * 100.0);
	st->has_drift = 1;
}

static void
numbers(struct follow *f, struct standing *st)
{
	int64_t b = st->base, g = st->p->goal;

	st->k = count(f, st->p->start, st->ended ? st->p->end : f->judged);
	st->n = count(f, st->p->start, st->p->end);
	st->elapsed = pct1(f, st, "share of periods gone", (double)st->k /
	    (double)st->n * 100.0);
	if (st->nb == 0)
		return;
	if (st->higher ? g > b : g < b) {
		/* In double: now - b can pass INT64_MAX (-9e14 to 9e14). */
		st->progress = pct1(f, st, "progress", ((double)st->now -
		    (double)b) / ((double)g - (double)b) * 100.0);
		st->has_progress = 1;
	}
	if (b != 0) {
		st->change = pct1(f, st, "change", ((double)st->now -
		    (double)b) / ((double)b < 0 ? -(double)b : (double)b) *
		    100.0);
		st->has_change = 1;
	}
}

static enum flag
verdict(const struct standing *st)
{
	if (beyond(st, st->now, st->p->goal))
		return F_PLAN_MET;
	if (st->ended)
		return F_PLAN_MISSED;
	if (st->nb > 0 && worse(st, st->now, st->base))
		return F_PLAN_WORSE;
	if (st->has_progress && st->progress >= st->elapsed)
		return F_PLAN_ON_TRACK;
	return F_PLAN_BEHIND;
}

/* A value in the metric's unit (at most 2 decimals) or an attainment. */
static void
put_num(struct sbuf *b, int64_t v, int pct)
{
	char buf[NUM_BUFSIZE];

	if (pct)
		sbuf_printf(b, "%s%%", double_format(fixed_to_double(v), 1,
		    buf));
	else
		sbuf_printf(b, "%s", fixed_format(v, 2, buf));
}

/* A share or a change in percent, 1 decimal, a change with its sign. */
static void
put_pct(struct sbuf *b, int64_t v, int sign)
{
	sbuf_printf(b, "%s", sign && v > 0 ? "+" : "");
	put_num(b, v, 1);
}

/* Free text into a note: a "; " would end the note, so ';' is ','. */
static void
put_text(struct sbuf *b, const char *label, const char *s)
{
	const char *p;

	if (*s == '\0')
		return;
	sbuf_printf(b, "; %s: ", label);
	for (p = s; *p != '\0'; p++)
		sbuf_printf(b, "%c", *p == ';' ? ',' : *p);
}

/* The table's number as written, trimmed. */
static void
put_field(struct sbuf *b, const struct follow *f, const struct score_row *r,
    enum sc_col col, int pct)
{
	const char *s = scores_field(f->s, r, col);
	size_t n = trim_span(&s, strlen(s));

	sbuf_printf(b, "%.*s%s", (int)n, s, pct ? "%" : "");
}

/*
 * "meetings 7.33 before 2026-09, 9.5 now (+29.6%), goal 12: 46.5% of the
 * way, 2 of 3 periods gone (2026-09..2026-11); team median +4.2%; focus:
 * discovery calls; coach: Maria", the SPEC's example with the plan's
 * periods and the rep's own change (pm-flag(1) gives the grammar, which
 * pm-report reads back).
 */
static char *
note(const struct follow *f, const struct standing *st,
    const struct score_row *now)
{
	const struct plan *p = st->p;
	char from[PERIOD_BUFSIZE], to[PERIOD_BUFSIZE], gbuf[NUM_BUFSIZE];
	struct sbuf b = SBUF_INIT;
	int tide;

	key_of(f, p->start, from);
	key_of(f, p->end, to);
	sbuf_printf(&b, "%s%s ", f->s->metric_name[st->m],
	    p->pct ? " attainment" : "");
	if (st->nb > 0) {
		put_num(&b, st->base, p->pct);
		sbuf_printf(&b, " before %s", from);
	} else
		sbuf_printf(&b, "no baseline before %s", from);
	sbuf_printf(&b, ", ");
	put_field(&b, f, now, st->now_col, p->pct);
	/* After the plan, "now" is its last period's value: say which. */
	if (st->ended)
		sbuf_printf(&b, " in %s", f->s->period_key[st->q]);
	else
		sbuf_printf(&b, " now");
	if (st->has_change) {
		sbuf_printf(&b, " (");
		put_pct(&b, st->change, 1);
		sbuf_printf(&b, ")");
	}
	sbuf_printf(&b, ", goal %s%s", fixed_format(p->goal, 4, gbuf),
	    p->pct ? "%" : "");
	if (st->has_progress) {
		sbuf_printf(&b, ": ");
		put_pct(&b, st->progress, 0);
		sbuf_printf(&b, " of the way");
	} else if (st->nb > 0)
		sbuf_printf(&b, ", reached before the plan");
	sbuf_printf(&b, ", %ld of %ld period%s gone (%s", st->k, st->n,
	    st->n == 1 ? "" : "s", from);
	sbuf_printf(&b, "%s%s)", st->n > 1 ? ".." : "", st->n > 1 ? to : "");
	if (st->ended)
		sbuf_printf(&b, ", the plan is over");
	if (st->has_drift) {
		sbuf_printf(&b, "; team median ");
		put_pct(&b, st->drift, 1);
		/* A team of one or two is mostly the rep: no tide to tell. */
		tide = st->team_size >= TIDE_TEAM && st->has_change &&
		    (st->higher ?
		    st->change > 0 && st->drift >= st->change :
		    st->change < 0 && st->drift <= st->change);
		if (tide) {
			sbuf_printf(&b, ", as much as the rep's ");
			put_pct(&b, st->change, 1);
			sbuf_printf(&b, ": the whole team moved, not only "
			    "the rep");
		}
	}
	put_text(&b, "focus", p->focus);
	put_text(&b, "coach", p->coach);
	return sbuf_take(&b);
}

static void
add_hit(struct judgement *j, uint32_t rep, enum flag flag,
    const char *metric, char *value, char *note)
{
	struct plan_hit *h;

	j->ph = xreallocarray(j->ph, j->nph + 1, sizeof(*j->ph));
	h = &j->ph[j->nph++];
	h->rep = rep;
	h->flag = flag;
	h->metric = metric;
	h->value = value;
	h->note = note;
	h->ended = 0;
}

static void
warn_plan(const struct follow *f, const struct plan *p, const char *fmt,
    const char *a, const char *b, const char *c)
{
	if (!f->j->o->quiet)
		pm_warn_at(f->pl->file, p->line, fmt, a, b, c);
}

static void
judge_plan(struct follow *f, const struct plan *p)
{
	struct standing st;
	const struct score_row *now;
	char key[PERIOD_BUFSIZE], buf[NUM_BUFSIZE];
	struct judgement *j = f->j;

	memset(&st, 0, sizeof(st));
	st.p = p;
	st.rep = lookup(f->s->rep_name, f->reps, f->s->nreps, p->rep);
	st.m = lookup(f->s->metric_name, f->metrics, f->s->nmetrics,
	    p->metric);
	if (st.rep == SC_NONE || st.m == SC_NONE) {
		warn_plan(f, p, "no %s '%s' in the scores table: the plan "
		    "for %s is not followed", st.rep == SC_NONE ? "rep" :
		    "metric", st.rep == SC_NONE ? p->rep : p->metric, p->rep);
		return;
	}
	if (f->judged < p->start || f->judged > period_next(&f->cfg, p->end))
		return;		/* not begun, or over before the last period */
	st.ended = f->judged > p->end;
	st.q = st.ended ? period_id(f, p->end) : j->period;
	if (st.q == SC_NONE) {
		warn_plan(f, p, "no period %s in the scores table: the plan "
		    "for %s%s cannot be judged", key_of(f, p->end, key),
		    p->rep, "");
		return;
	}
	st.higher = p->pct || metric_lookup(f->s->metric_name[st.m])
	    .higher_better;
	st.base_col = p->pct ? SC_ATTAINMENT : SC_ACTUAL;
	st.now_col = p->pct ? j->att : j->act;
	now = scores_cell(f->s, st.m, st.rep, st.q);
	if (now == NULL || !scores_known(now, st.now_col)) {
		warn_plan(f, p, "no %s for %s in %s: the plan cannot be "
		    "judged", p->pct ? scores_colname[st.now_col] :
		    f->s->metric_name[st.m], p->rep, f->s->period_key[st.q]);
		return;
	}
	if (j->anchor[st.rep] == NULL) {
		warn_plan(f, p, "%s has no row in %s to carry the plan's "
		    "flag%s", p->rep, f->s->period_key[j->period], "");
		return;
	}
	st.now = now->v[st.now_col];
	baseline(f, &st);
	drift(f, &st, now->team);
	numbers(f, &st);
	add_hit(j, st.rep, verdict(&st), f->s->metric_name[st.m],
	    xstrdup(st.has_progress ? double_format(fixed_to_double(
	    st.progress), 1, buf) : ""),
	    note(f, &st, now));
	j->ph[j->nph - 1].ended = st.ended;
}

void
follow_plans(struct judgement *j, struct plans *pl)
{
	const struct scores *s = j->s;
	struct plan_error e;
	struct follow f;
	pm_day last;
	int fiscal;
	size_t i;

	if (j->metric == SC_NONE || pl->n == 0)
		return;
	memset(&f, 0, sizeof(f));
	f.j = j;
	f.s = s;
	f.pl = pl;
	if (plans_period_cfg(s->period_key[j->period], &f.cfg, &fiscal) != 0)
		pm_die(EX_DATAERR, "%s: the scores table's periods ('%s') are "
		    "not period keys: plans cannot be placed on them",
		    s->files[0], s->period_key[j->period]);
	if (plans_place(pl, &f.cfg, fiscal, &e) != 0)
		pm_die_at(EX_DATAERR, pl->file, e.line, "%s: %s", e.field,
		    e.msg);
	(void)period_parse_key(s->period_key[j->period], f.cfg.fiscal_start,
	    &f.judged, &last);
	f.buf = xcalloc(s->nreps ? s->nreps : 1, sizeof(*f.buf));
	f.memo = xcalloc(s->nmetrics * NCOLS, sizeof(*f.memo));
	f.reps = folded_new(s->rep_name, s->nreps);
	f.metrics = folded_new(s->metric_name, s->nmetrics);
	for (i = 0; i < pl->n; i++)
		judge_plan(&f, &pl->p[i]);
	for (i = 0; i < s->nmetrics * NCOLS; i++) {
		free(f.memo[i].v);
		free(f.memo[i].count);
	}
	free(f.memo);
	folded_free(f.reps, s->nreps);
	folded_free(f.metrics, s->nmetrics);
	free(f.buf);
}
