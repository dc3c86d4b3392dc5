/*
 * The aggregator of pm-score: reading facts into it, and writing and
 * reading it as a partial (SPEC section 10).  Its layout (a hash table
 * whose slots hold the groups, a batch of pending facts whose slots are
 * prefetched, a cache of period starts) is its own business.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvin.h"
#include "err.h"
#include "facts.h"
#include "intern.h"
#include "num.h"
#include "out.h"
#include "scores.h"
#include "trim.h"
#include "score.h"

#define PARTIAL_NCOL 13

static const char *const partial_cols[PARTIAL_NCOL + 1] = { "key", "shape",
    "period", "rep", "metric", "sum", "count", "max", "team", "team_date",
    "first", "last", "last_event", NULL };

#define M_SEEN 1		/* the metric has facts */
#define M_CHECKED 2		/* M_DERIVED is known */
#define M_DERIVED 4		/* a derived metric's name */
#define M_FORECAST 8		/* open_pipeline: dated by expected close */

struct group {
	pm_day period;		/* first day */
	uint32_t rep, metric;
	struct stats s;
};

/* A fact read and waiting to be added (see pend_add). */
struct pending {
	pm_day period;
	uint32_t rep, metric;
	int64_t v;
	long line;
};

#define NPEND 32		/* facts per prefetched batch */
#define NDCACHE 1024		/* period starts remembered */

struct agg {
	struct agg_cfg cfg;
	int shape_seen;			/* a partial row has set cfg */
	struct intern *reps, *metrics, *teams;
	struct repinfo *ri;
	size_t nri;
	unsigned char *mseen;	/* per metric id: M_* flags */
	size_t nmseen;
	struct group *g;	/* open addressing; rep NO_ID = empty */
	size_t ng, nslots;
	long nderived;		/* facts named after a derived metric */
	struct daycache {
		pm_day day, period;
	} dcache[NDCACHE];		/* of period_start() */
	struct pending pend[NPEND];
	size_t npend;
};

static struct group *table_new(size_t);

struct agg *
agg_new(const struct agg_cfg *cfg)
{
	struct agg *a;
	size_t i;

	a = xcalloc(1, sizeof(*a));
	a->cfg = *cfg;
	a->reps = intern_new();
	a->metrics = intern_new();
	a->teams = intern_new();
	a->nslots = 1024;
	a->g = table_new(a->nslots);
	for (i = 0; i < NDCACHE; i++)
		a->dcache[i].day = NO_DAY;
	return a;
}

void
agg_free(struct agg *a)
{
	if (a == NULL)
		return;
	intern_free(a->reps);
	intern_free(a->metrics);
	intern_free(a->teams);
	free(a->ri);
	free(a->mseen);
	free(a->g);
	free(a);
}

long
agg_nderived(const struct agg *a)
{
	return a->nderived;
}

const struct period_cfg *
agg_periods(const struct agg *a)
{
	return &a->cfg.period;
}

uint32_t
agg_team(struct agg *a, const char *s, size_t n)
{
	return intern_id(a->teams, s, n);
}

uint32_t
agg_metric_id(const struct agg *a, const char *name)
{
	return intern_find(a->metrics, name, strlen(name));
}

size_t
agg_nreps(const struct agg *a)
{
	return intern_count(a->reps);
}

size_t
agg_nmetrics(const struct agg *a)
{
	return intern_count(a->metrics);
}

const char *
agg_rep_name(const struct agg *a, uint32_t rep)
{
	return intern_str(a->reps, rep);
}

const char *
agg_metric_name(const struct agg *a, uint32_t metric)
{
	return intern_str(a->metrics, metric);
}

const char *
agg_team_name(const struct agg *a, uint32_t team)
{
	return intern_str(a->teams, team);
}

int
agg_metric_seen(const struct agg *a, uint32_t m)
{
	return m != NO_ID && m < a->nmseen && (a->mseen[m] & M_SEEN);
}

const struct repinfo *
agg_repinfo(const struct agg *a, uint32_t rep)
{
	return &a->ri[rep];
}

void
agg_set_roster(struct agg *a, uint32_t rep, uint32_t team, pm_day start)
{
	a->ri[rep].in_roster = 1;
	a->ri[rep].rteam = team;
	a->ri[rep].start = start;
}

/* The size, doubled from cap (first when 0), of an array that holds id. */
static size_t
grown(size_t cap, uint32_t id, size_t first)
{
	cap = cap ? cap * 2 : first;
	while (cap <= id)
		cap *= 2;
	return cap;
}

uint32_t
agg_rep(struct agg *a, const char *s, size_t n)
{
	uint32_t id;
	size_t old;

	n = trim_span(&s, n);
	id = intern_id(a->reps, s, n);
	if (id >= a->nri) {
		old = a->nri;
		a->nri = grown(a->nri, id, 64);
		a->ri = xreallocarray(a->ri, a->nri, sizeof(*a->ri));
		for (; old < a->nri; old++) {
			a->ri[old].first = a->ri[old].last = NO_DAY;
			a->ri[old].last_event = NO_DAY;
			a->ri[old].team_day = NO_DAY;
			a->ri[old].team = NO_ID;
			a->ri[old].in_roster = 0;
			a->ri[old].rteam = NO_ID;
			a->ri[old].start = NO_DAY;
		}
	}
	return id;
}

uint32_t
agg_metric(struct agg *a, const char *s, size_t n)
{
	uint32_t id;
	size_t old;

	n = trim_span(&s, n);
	id = intern_id(a->metrics, s, n);
	if (id >= a->nmseen) {
		old = a->nmseen;
		a->nmseen = grown(a->nmseen, id, 32);
		a->mseen = xrealloc(a->mseen, a->nmseen);
		memset(a->mseen + old, 0, a->nmseen - old);
	}
	return id;
}

static size_t
ghash(pm_day p, uint32_t rep, uint32_t metric)
{
	uint64_t h;

	/* splitmix64's finaliser over all three parts of the key. */
	h = ((uint64_t)(uint32_t)p << 32 | rep) ^
	    (uint64_t)metric * 0x9E3779B97F4A7C15ULL;
	h = (h ^ h >> 30) * 0xBF58476D1CE4E5B9ULL;
	h = (h ^ h >> 27) * 0x94D049BB133111EBULL;
	return (size_t)(h ^ h >> 31);
}

/* The groups live in the hash table itself: one cache miss a fact. */
static size_t
gslot(const struct agg *a, pm_day p, uint32_t rep, uint32_t metric)
{
	size_t mask = a->nslots - 1, i = ghash(p, rep, metric) & mask;
	const struct group *g;

	for (g = &a->g[i]; g->rep != NO_ID; g = &a->g[i]) {
		if (g->period == p && g->rep == rep && g->metric == metric)
			break;
		i = (i + 1) & mask;
	}
	return i;
}

const struct stats *
agg_find(const struct agg *a, pm_day period, uint32_t rep, uint32_t metric)
{
	size_t i = gslot(a, period, rep, metric);

	return a->g[i].rep != NO_ID ? &a->g[i].s : NULL;
}

static struct group *
table_new(size_t n)
{
	struct group *g = xreallocarray(NULL, n, sizeof(*g));
	size_t i;

	for (i = 0; i < n; i++)
		g[i].rep = NO_ID;
	return g;
}

static void
grow(struct agg *a)
{
	struct group *old = a->g;
	size_t i, j, n = a->nslots, mask;

	a->nslots *= 2;
	a->g = table_new(a->nslots);
	mask = a->nslots - 1;
	for (i = 0; i < n; i++) {
		if (old[i].rep == NO_ID)
			continue;
		j = ghash(old[i].period, old[i].rep, old[i].metric) & mask;
		while (a->g[j].rep != NO_ID)
			j = (j + 1) & mask;
		a->g[j] = old[i];
	}
	free(old);
}

static struct stats *
agg_get(struct agg *a, pm_day period, uint32_t rep, uint32_t metric)
{
	size_t i = gslot(a, period, rep, metric);
	struct group *g = &a->g[i];

	if (g->rep != NO_ID)
		return &g->s;
	g->period = period;
	g->rep = rep;
	g->metric = metric;
	g->s.sum = g->s.n = g->s.max = 0;
	a->mseen[metric] |= M_SEEN;
	if (++a->ng * 2 > a->nslots) {
		grow(a);
		return &a->g[gslot(a, period, rep, metric)].s;
	}
	return &g->s;
}

/* Adds one partial or fact into a group; the caller names where it came from. */
static int
stats_merge(struct stats *s, int64_t sum, int64_t n, int64_t max)
{
	if (n < 0 || n > INT64_MAX - s->n || fixed_add(&s->sum, sum) != NUM_OK)
		return -1;
	if (s->n == 0 || max > s->max)
		s->max = max;
	s->n += n;
	return 0;
}

/* Exits 65: the group's sum would be out of range. */
static void
sum_overflows(const struct agg *a, const char *file, long line, pm_day period,
    uint32_t rep, uint32_t metric)
{
	char key[PERIOD_BUFSIZE];

	pm_die_at(EX_DATAERR, file, line, "the sum of %s for %s in %s is %s",
	    intern_str(a->metrics, metric), intern_str(a->reps, rep),
	    period_key(&a->cfg.period, period, key), fixed_why(NUM_RANGE));
}

/*
 * The rep's team from the facts is the team of their latest fact that
 * names one, and the smallest name among that day's: a rule that does not
 * depend on the order of the input, so that partials merge exactly.
 */
static void
rep_seen(struct agg *a, uint32_t rep, pm_day first, pm_day last,
    pm_day last_event, pm_day team_day, uint32_t team)
{
	struct repinfo *r = &a->ri[rep];

	if (first != NO_DAY && (r->first == NO_DAY || first < r->first))
		r->first = first;
	if (last != NO_DAY && (r->last == NO_DAY || last > r->last))
		r->last = last;
	if (last_event != NO_DAY && (r->last_event == NO_DAY ||
	    last_event > r->last_event))
		r->last_event = last_event;
	if (team == NO_ID)
		return;
	if (r->team == NO_ID || team_day > r->team_day ||
	    (team_day == r->team_day && strcmp(intern_str(a->teams, team),
	    intern_str(a->teams, r->team)) < 0)) {
		r->team_day = team_day;
		r->team = team;
	}
}

/* Whether a metric is derived, looked up once per name. */
static int
is_derived_id(struct agg *a, uint32_t m)
{
	if (!(a->mseen[m] & M_CHECKED))
		a->mseen[m] |= M_CHECKED | (metric_is_derived(metric_lookup(
		    intern_str(a->metrics, m)).agg) ? M_DERIVED : 0) |
		    (strcmp(intern_str(a->metrics, m), "open_pipeline") == 0 ?
		    M_FORECAST : 0);
	return a->mseen[m] & M_DERIVED;
}

/*
 * open_pipeline facts are dated by the expected close date, which in
 * every real export lies ahead: they must not move the as-of date.
 */
static int
is_forecast_id(struct agg *a, uint32_t m)
{
	if (!(a->mseen[m] & M_CHECKED))
		is_derived_id(a, m);
	return a->mseen[m] & M_FORECAST;
}

struct fact_cols {
	int date, rep, metric, value, team;
	size_t n;
};

static void
find_cols(const struct factsr *fr, struct fact_cols *c)
{
	static const enum facts_col need[] = { FACT_DATE, FACT_REP,
		FACT_METRIC, FACT_VALUE };
	int *dst[] = { &c->date, &c->rep, &c->metric, &c->value };
	const struct csv_row *hdr = factsr_header(fr);
	size_t i;

	for (i = 0; i < 4; i++) {
		*dst[i] = factsr_col(fr, facts_cols[need[i]]);
		if (*dst[i] < 0)
			pm_die_at(EX_DATAERR, csvr_name(factsr_csvr(fr)),
			    hdr->line, "no '%s' column in the header (facts "
			    "need date,rep,metric,value)", facts_cols[need[i]]);
	}
	c->team = csv_find_col(hdr, facts_cols[FACT_TEAM]);
	c->n = hdr->n;
}

/* period_start() through a small cache: a file spans few distinct days. */
static pm_day
day_period(struct agg *a, pm_day day)
{
	struct daycache *dc = &a->dcache[(uint32_t)day % NDCACHE];

	if (dc->day != day) {
		dc->day = day;
		dc->period = period_start(&a->cfg.period, day);
	}
	return dc->period;
}

/*
 * Facts wait in a small batch whose hash slots are prefetched: with the
 * input in random order nearly every fact touches a different group, and
 * the table is larger than the cache.
 */
static void
pend_flush(struct agg *a, struct csvr *r)
{
	struct pending *p;
	struct stats *s;
	size_t i;

	for (i = 0; i < a->npend; i++) {
		p = &a->pend[i];
		s = agg_get(a, p->period, p->rep, p->metric);
		if (stats_merge(s, p->v, 1, p->v) != 0)
			sum_overflows(a, csvr_name(r), p->line, p->period,
			    p->rep, p->metric);
	}
	a->npend = 0;
}

static void
pend_add(struct agg *a, struct csvr *r, pm_day period, uint32_t rep,
    uint32_t metric, int64_t v, long line)
{
	struct pending *p = &a->pend[a->npend++];

	p->period = period;
	p->rep = rep;
	p->metric = metric;
	p->v = v;
	p->line = line;
	__builtin_prefetch(&a->g[ghash(period, rep, metric) &
	    (a->nslots - 1)], 1);
	if (a->npend == NPEND)
		pend_flush(a, r);
}

static void
add_fact(struct agg *a, struct csvr *r, const struct fact_cols *c,
    const struct csv_row *row)
{
	pm_day day;
	int64_t v;
	uint32_t rep, metric, team = NO_ID;
	const char *t;
	size_t tn;
	int rc, star;

	if (date_parse_iso(row->f[c->date], row->len[c->date], &day) != 0)
		pm_die_at(EX_DATAERR, csvr_name(r), row->line,
		    "date '%s' is not a YYYY-MM-DD date", row->f[c->date]);
	rc = fixed_parse(row->f[c->value], row->len[c->value], &v);
	if (rc != NUM_OK)
		pm_die_at(EX_DATAERR, csvr_name(r), row->line,
		    "value '%s' is %s", row->f[c->value], fixed_why(rc));
	t = row->f[c->rep];
	if (trim_span(&t, row->len[c->rep]) == 0)
		pm_die_at(EX_DATAERR, csvr_name(r), row->line, "rep is empty");
	star = scores_reserved_name(row->f[c->rep], row->len[c->rep]);
	if (star || (c->team >= 0 && scores_reserved_name(row->f[c->team],
	    row->len[c->team])))
		pm_die_at(EX_DATAERR, csvr_name(r), row->line, "%s: '*' is "
		    "reserved for the roll-up of all %s", star ? "rep" : "team",
		    star ? "reps" : "teams");
	t = row->f[c->metric];
	if (trim_span(&t, row->len[c->metric]) == 0)
		pm_die_at(EX_DATAERR, csvr_name(r), row->line,
		    "metric is empty");
	metric = agg_metric(a, row->f[c->metric], row->len[c->metric]);
	if (is_derived_id(a, metric)) {
		/* Derived metrics come from their parts, never from facts. */
		a->nderived++;
		return;
	}
	rep = agg_rep(a, row->f[c->rep], row->len[c->rep]);
	/* An older fact cannot change the rep's team: skip the lookup. */
	if (c->team >= 0 && (a->ri[rep].team == NO_ID ||
	    day >= a->ri[rep].team_day)) {
		t = row->f[c->team];
		tn = trim_span(&t, row->len[c->team]);
		if (tn > 0)
			team = intern_id(a->teams, t, tn);
	}
	rep_seen(a, rep, day, day, is_forecast_id(a, metric) ? NO_DAY : day,
	    day, team);
	pend_add(a, r, day_period(a, day), rep, metric, v, row->line);
}

void
agg_read_facts(struct agg *a, const char *path)
{
	struct csv_row row;
	struct fact_cols c;
	struct csvr *r;
	struct factsr *fr;

	r = csvr_open(path);
	csvr_set_delim(r, a->cfg.delim);
	fr = factsr_open(r, FR_FACTS);
	if (factsr_header(fr) == NULL) {
		factsr_close(fr);
		return;
	}
	find_cols(fr, &c);
	while (factsr_next(fr, &row) == 1)
		add_fact(a, r, &c, &row);
	pend_flush(a, r);
	factsr_close(fr);
}

/*
 * The first and last fact dates, and the last leaving out forecasts;
 * NO_DAY when there are none.
 */
void
agg_dates(const struct agg *a, pm_day *first, pm_day *last,
    pm_day *last_event)
{
	size_t i, n = intern_count(a->reps);

	*first = *last = *last_event = NO_DAY;
	for (i = 0; i < n; i++) {
		if (a->ri[i].first == NO_DAY)
			continue;
		if (*first == NO_DAY || a->ri[i].first < *first)
			*first = a->ri[i].first;
		if (*last == NO_DAY || a->ri[i].last > *last)
			*last = a->ri[i].last;
		if (a->ri[i].last_event != NO_DAY && (*last_event == NO_DAY ||
		    a->ri[i].last_event > *last_event))
			*last_event = a->ri[i].last_event;
	}
}

/* Partial output. */

struct pkey {
	char *key;
	size_t idx;		/* group index, or (size_t)-1 - rep */
};

static int
pkey_cmp(const void *x, const void *y)
{
	const struct pkey *a = x, *b = y;

	return strcmp(a->key, b->key);
}

static char *
shape(const struct agg *a, char *buf, size_t n)
{
	snprintf(buf, n, "%s:%d", period_type_name(a->cfg.period.type),
	    a->cfg.period.fiscal_start);
	return buf;
}

static char *
make_key(const char *a, const char *b, const char *c, const char *d)
{
	size_t n = strlen(a) + strlen(b) + strlen(c) + strlen(d) + 4;
	char *k = xmalloc(n);

	snprintf(k, n, "%s|%s%s%s%s%s", a, b, *c ? "|" : "", c, *d ? "|" : "",
	    d);
	return k;
}

static void
put_day(struct out *o, pm_day d)
{
	char buf[DATE_BUFSIZE];

	csv_put_field(o, d == NO_DAY ? "" : date_format(d, buf));
}

static void
put_exact(struct out *o, int64_t v)
{
	char buf[NUM_BUFSIZE];

	csv_put_num(o, fixed_format(v, 4, buf));
}

static void
write_group(struct out *o, const struct agg *a, const char *key,
    const char *shp, const struct group *g)
{
	csv_put_field(o, key);
	csv_put_field(o, shp);
	put_day(o, g->period);
	csv_put_field(o, intern_str(a->reps, g->rep));
	csv_put_field(o, intern_str(a->metrics, g->metric));
	put_exact(o, g->s.sum);
	out_printf(o, ",%lld", (long long)g->s.n);
	put_exact(o, g->s.max);
	csv_put_empty(o);
	csv_put_empty(o);
	csv_put_empty(o);
	csv_put_empty(o);
	csv_put_empty(o);
	csv_end_row(o);
}

static void
write_rep(struct out *o, const struct agg *a, const char *key,
    const char *shp, uint32_t rep)
{
	const struct repinfo *r = &a->ri[rep];
	int i;

	csv_put_field(o, key);
	csv_put_field(o, shp);
	csv_put_empty(o);
	csv_put_field(o, intern_str(a->reps, rep));
	for (i = 0; i < 4; i++)
		csv_put_empty(o);
	csv_put_field(o, r->team == NO_ID ? "" : intern_str(a->teams, r->team));
	put_day(o, r->team == NO_ID ? NO_DAY : r->team_day);
	put_day(o, r->first);
	put_day(o, r->last);
	put_day(o, r->last_event);
	csv_end_row(o);
}

/*
 * One row per group ("D|first day|rep|metric") and one per rep with facts
 * ("R|rep": dates and team), sorted by that key, each carrying the
 * period shape so that partials of different periods cannot be mixed.
 */
void
agg_write_partial(const struct agg *a, struct out *o)
{
	struct pkey *k;
	size_t nk = 0, i, nrep = intern_count(a->reps);
	char day[DATE_BUFSIZE], shp[32];
	uint32_t rep;

	k = xreallocarray(NULL, a->ng + nrep + 1, sizeof(*k));
	for (i = 0; i < a->nslots; i++) {
		if (a->g[i].rep == NO_ID)
			continue;
		k[nk].key = make_key("D", date_format(a->g[i].period, day),
		    intern_str(a->reps, a->g[i].rep),
		    intern_str(a->metrics, a->g[i].metric));
		k[nk++].idx = i;
	}
	for (i = 0; i < nrep; i++) {
		if (a->ri[i].first == NO_DAY)
			continue;
		k[nk].key = make_key("R", intern_str(a->reps, (uint32_t)i),
		    "", "");
		k[nk++].idx = (size_t)-1 - i;
	}
	qsort(k, nk, sizeof(*k), pkey_cmp);
	shape(a, shp, sizeof(shp));
	csv_put_row(o, partial_cols);
	for (i = 0; i < nk; i++) {
		if (k[i].idx < a->nslots)
			write_group(o, a, k[i].key, shp, &a->g[k[i].idx]);
		else {
			rep = (uint32_t)((size_t)-1 - k[i].idx);
			write_rep(o, a, k[i].key, shp, rep);
		}
		free(k[i].key);
	}
	free(k);
}

/* Partial input. */

static pm_day
p_day(struct csvr *r, const struct csv_row *row, int col, int empty_ok)
{
	const char *s = row->f[col];
	size_t n = trim_span(&s, row->len[col]);
	pm_day d;

	/* Trimmed: Hadoop Streaming may add a tab after a line it keyed. */
	if (n == 0 && empty_ok)
		return NO_DAY;
	if (date_parse_iso(s, n, &d) != 0)
		pm_die_at(EX_DATAERR, csvr_name(r), row->line,
		    "%s '%s' is not a YYYY-MM-DD date", partial_cols[col],
		    row->f[col]);
	return d;
}

static int64_t
p_num(struct csvr *r, const struct csv_row *row, int col)
{
	int64_t v;
	int rc;

	if ((rc = fixed_parse(row->f[col], row->len[col], &v)) != NUM_OK)
		pm_die_at(EX_DATAERR, csvr_name(r), row->line,
		    "%s '%s' is %s", partial_cols[col], row->f[col],
		    fixed_why(rc));
	return v;
}

static void
p_shape(struct agg *a, struct csvr *r, const struct csv_row *row,
    int *seen)
{
	char want[32], *colon;
	enum period_type t;
	long fs;

	if (*seen) {
		if (strcmp(row->f[1], shape(a, want, sizeof(want))) != 0)
			pm_die_at(EX_DATAERR, csvr_name(r), row->line,
			    "partial made with period '%s', expected '%s': "
			    "partials of different periods do not merge",
			    row->f[1], want);
		return;
	}
	colon = strchr(row->f[1], ':');
	if (colon == NULL)
		goto bad;
	*colon = '\0';
	if (period_type_parse(row->f[1], &t) != 0)
		goto bad;
	fs = strtol(colon + 1, NULL, 10);
	if (fs < 1 || fs > 12)
		goto bad;
	if ((a->cfg.type_given && t != a->cfg.period.type) ||
	    (a->cfg.fs_given && fs != a->cfg.period.fiscal_start))
		pm_die_at(EX_DATAERR, csvr_name(r), row->line,
		    "partial made with period '%s:%ld', but the options say "
		    "'%s'", row->f[1], fs, shape(a, want, sizeof(want)));
	a->cfg.period.type = t;
	a->cfg.period.fiscal_start = (int)fs;
	*seen = 1;
	return;
bad:
	pm_die_at(EX_DATAERR, csvr_name(r), row->line,
	    "shape '%s' is not PERIOD:FISCAL_START", row->f[1]);
}

static void
add_partial(struct agg *a, struct csvr *r, const struct csv_row *row,
    int *seen)
{
	struct stats *s;
	uint32_t rep, metric, team = NO_ID;
	pm_day p;

	csv_check_width(r, row, PARTIAL_NCOL);
	p_shape(a, r, row, seen);
	if (scores_reserved_name(row->f[3], row->len[3]) ||
	    scores_reserved_name(row->f[8], row->len[8]))
		pm_die_at(EX_DATAERR, csvr_name(r), row->line, "%s: '*' is "
		    "reserved for the roll-ups", scores_reserved_name(row->f[3],
		    row->len[3]) ? "rep" : "team");
	if (row->f[0][0] == 'R') {
		rep = agg_rep(a, row->f[3], row->len[3]);
		if (row->len[8] > 0)
			team = intern_id(a->teams, row->f[8], row->len[8]);
		rep_seen(a, rep, p_day(r, row, 10, 0), p_day(r, row, 11, 0),
		    p_day(r, row, 12, 1), p_day(r, row, 9, 1), team);
		return;
	}
	if (row->f[0][0] != 'D')
		pm_die_at(EX_DATAERR, csvr_name(r), row->line,
		    "key '%s' is not a pm-score partial key", row->f[0]);
	p = p_day(r, row, 2, 0);
	if (period_start(&a->cfg.period, p) != p)
		pm_die_at(EX_DATAERR, csvr_name(r), row->line,
		    "period '%s' does not start a %s", row->f[2],
		    period_type_name(a->cfg.period.type));
	rep = agg_rep(a, row->f[3], row->len[3]);
	metric = agg_metric(a, row->f[4], row->len[4]);
	s = agg_get(a, p, rep, metric);
	if (stats_merge(s, p_num(r, row, 5), p_num(r, row, 6) / FIXED_SCALE,
	    p_num(r, row, 7)) != 0)
		sum_overflows(a, csvr_name(r), row->line, p, rep, metric);
}

static int
same_word(const char *s, size_t n, const char *want)
{
	n = trim_span(&s, n);
	return n == strlen(want) && memcmp(s, want, n) == 0;
}

/* Partials concatenated in any order, headers repeated or not. */
void
agg_read_partial(struct agg *a, const char *path)
{
	struct csv_row row;
	struct csvr *r;
	size_t i;

	r = csvr_open(path);
	csvr_set_delim(r, a->cfg.delim);
	while (csvr_next_or_die(r, &row) == 1) {
		if (strcmp(row.f[0], "key") == 0) {
			for (i = 0; i < PARTIAL_NCOL; i++)
				if (i >= row.n || !same_word(row.f[i],
				    row.len[i], partial_cols[i]))
					pm_die_at(EX_DATAERR, csvr_name(r),
					    row.line, "not a pm-score partial "
					    "header (made by pm-score "
					    "--partial?)");
			continue;
		}
		add_partial(a, r, &row, &a->shape_seen);
	}
	csvr_close(r);
}
