/*
 * The (group, key) -> sum table and the concentration measures.  Sums are
 * fixed-point integers of 1/10000, and every comparison against a
 * percentage (classes, --at) and every rounded percentage is computed in
 * 128-bit integers, so that a key sitting exactly on 80% is classed the
 * same on every machine and for every split of the input.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "intern.h"
#include "num.h"
#include "out.h"
#include "tables.h"
#include "pareto.h"

typedef unsigned __int128 u128;
typedef __int128 i128;

const char *const partial_cols[PARTIAL_NCOLS + 1] = {
	"pareto_partial", "key_column", "metric", "value_column",
	"group_column", "group", "key", "sum", NULL
};

struct ptab {
	int grouped;
	struct intern *ids;	/* key, or group NUL key when grouped */
	int64_t *sum;		/* by id */
	size_t cap;
	char *buf;		/* the group NUL key being looked up */
	size_t bufcap;
};

struct ent {
	const char *g, *k;
	size_t gn, kn;
	int64_t v;
};

struct ptab *
ptab_new(int grouped)
{
	struct ptab *t;

	t = xcalloc(1, sizeof(*t));
	t->grouped = grouped;
	t->ids = intern_new();
	return t;
}

void
ptab_free(struct ptab *t)
{
	if (t == NULL)
		return;
	intern_free(t->ids);
	free(t->sum);
	free(t->buf);
	free(t);
}

size_t
ptab_count(const struct ptab *t)
{
	return intern_count(t->ids);
}

/*
 * Group and key are joined by a NUL, which no CSV field can hold (the
 * reader rejects it), so every pair has one unambiguous name.
 */
static uint32_t
lookup(struct ptab *t, const char *g, size_t gn, const char *k, size_t kn)
{
	size_t n;

	if (!t->grouped)
		return intern_id(t->ids, k, kn);
	n = gn + 1 + kn;
	if (n > t->bufcap) {
		t->bufcap = n * 2;
		t->buf = xrealloc(t->buf, t->bufcap);
	}
	memcpy(t->buf, g, gn);
	t->buf[gn] = '\0';
	memcpy(t->buf + gn + 1, k, kn);
	return intern_id(t->ids, t->buf, n);
}

/* Room in t->sum for id. */
static void
grow(struct ptab *t, uint32_t id)
{
	size_t old;

	if (id < t->cap)
		return;
	old = t->cap;
	while (id >= t->cap)
		t->cap = t->cap ? t->cap * 2 : 1024;
	t->sum = xreallocarray(t->sum, t->cap, sizeof(*t->sum));
	memset(t->sum + old, 0, (t->cap - old) * sizeof(*t->sum));
}

int
ptab_add(struct ptab *t, const char *g, size_t gn, const char *k, size_t kn,
    int64_t v)
{
	uint32_t id = lookup(t, g, gn, k, kn);

	grow(t, id);
	return fixed_add(&t->sum[id], v) == NUM_OK ? 0 : -1;
}

int
ptab_merge(struct ptab *dst, const struct ptab *src)
{
	size_t i, n = intern_count(src->ids);
	uint32_t id;

	for (i = 0; i < n; i++) {
		id = intern_id(dst->ids, intern_str(src->ids, (uint32_t)i),
		    intern_len(src->ids, (uint32_t)i));
		grow(dst, id);
		if (fixed_add(&dst->sum[id], src->sum[i]) != NUM_OK)
			return -1;
	}
	return 0;
}

static int
bytes_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	int c = memcmp(a, b, an < bn ? an : bn);

	if (c != 0)
		return c;
	return an < bn ? -1 : an > bn;
}

/* Group, then value descending, then key: the ranking order. */
static int
by_rank(const void *pa, const void *pb)
{
	const struct ent *a = pa, *b = pb;
	int c = bytes_cmp(a->g, a->gn, b->g, b->gn);

	if (c != 0)
		return c;
	if (a->v != b->v)
		return a->v > b->v ? -1 : 1;
	return bytes_cmp(a->k, a->kn, b->k, b->kn);
}

/* Group, then key: the partial's order. */
static int
by_key(const void *pa, const void *pb)
{
	const struct ent *a = pa, *b = pb;
	int c = bytes_cmp(a->g, a->gn, b->g, b->gn);

	if (c != 0)
		return c;
	return bytes_cmp(a->k, a->kn, b->k, b->kn);
}

static struct ent *
entries(const struct ptab *t, int (*cmp)(const void *, const void *))
{
	size_t i, n = intern_count(t->ids);
	struct ent *e;
	const char *s;

	e = xreallocarray(NULL, n ? n : 1, sizeof(*e));
	for (i = 0; i < n; i++) {
		s = intern_str(t->ids, (uint32_t)i);
		if (t->grouped) {
			e[i].g = s;
			e[i].gn = strlen(s);
			e[i].k = s + e[i].gn + 1;
			e[i].kn = intern_len(t->ids, (uint32_t)i) - e[i].gn - 1;
		} else {
			e[i].g = "";
			e[i].gn = 0;
			e[i].k = s;
			e[i].kn = intern_len(t->ids, (uint32_t)i);
		}
		e[i].v = t->sum[i];
	}
	qsort(e, n, sizeof(*e), cmp);
	return e;
}

/* End of the group that starts at lo. */
static size_t
group_end(const struct ent *e, size_t lo, size_t n)
{
	size_t hi;

	for (hi = lo + 1; hi < n; hi++)
		if (bytes_cmp(e[hi].g, e[hi].gn, e[lo].g, e[lo].gn) != 0)
			break;
	return hi;
}

_Noreturn static void
too_large(const struct ent *first)
{
	if (first->gn == 0)
		pm_die(EX_DATAERR, "the total is too large");
	pm_die(EX_DATAERR, "group '%.*s': the total is too large",
	    (int)first->gn, first->g);
}

/*
 * One group's ranked keys (the positive ones, which sort first) and
 * their total.  A total past the fixed-point range is a data error.
 */
static size_t
ranked(const struct ent *e, size_t lo, size_t hi, int64_t *total)
{
	size_t i;

	*total = 0;
	for (i = lo; i < hi && e[i].v > 0; i++)
		if (fixed_add(total, e[i].v) != NUM_OK)
			too_large(&e[lo]);
	return i - lo;
}

/* part / whole x 100 in tenths, rounded half up: exact. */
static uint64_t
tenths(uint64_t part, uint64_t whole)
{
	return (uint64_t)(((u128)part * 2000 + whole) / ((u128)whole * 2));
}

static void
put_tenths(struct out *o, uint64_t q)
{
	char buf[48];

	snprintf(buf, sizeof(buf), "%llu.%llu", (unsigned long long)(q / 10),
	    (unsigned long long)(q % 10));
	csv_put_num(o, buf);
}

/* Whether cum / total has reached pct percent (pct in 1/10000). */
static int
reaches(int64_t cum, int64_t total, int64_t pct)
{
	return (u128)cum * 100 * FIXED_SCALE >= (u128)pct * (u128)total;
}

static const char *
class_of(int64_t before, int64_t total, const struct pcfg *c)
{
	if (!reaches(before, total, c->class_a))
		return "A";
	if (!reaches(before, total, c->class_b))
		return "B";
	return "C";
}

static void
detail_group(const struct ent *e, size_t lo, size_t hi,
    const struct pcfg *c, struct out *o)
{
	int64_t total, cum = 0, before;
	size_t i, n;

	n = ranked(e, lo, hi, &total);
	if (c->top > 0 && (size_t)c->top < n)
		n = (size_t)c->top;
	for (i = 0; i < n; i++) {
		before = cum;
		cum += e[lo + i].v;	/* cannot overflow: ranked() summed */
		if (c->grouped)
			csv_put_fieldn(o, e[lo].g, e[lo].gn);
		csv_put_long(o, (long)(i + 1));
		csv_put_fieldn(o, e[lo + i].k, e[lo + i].kn);
		csv_put_fixed(o, e[lo + i].v);
		put_tenths(o, tenths((uint64_t)e[lo + i].v, (uint64_t)total));
		put_tenths(o, tenths((uint64_t)cum, (uint64_t)total));
		csv_put_field(o, class_of(before, total, c));
		csv_end_row(o);
	}
}

void
ptab_write_detail(struct ptab *t, const struct pcfg *c, struct out *o)
{
	size_t lo, hi, n = intern_count(t->ids);
	struct ent *e = entries(t, by_rank);

	csv_put_row(o, tables_pareto_detail +
	    (c->grouped ? PD_GROUP : PD_RANK));
	for (lo = 0; lo < n; lo = hi) {
		hi = group_end(e, lo, n);
		detail_group(e, lo, hi, c, o);
	}
	free(e);
}

/*
 * Gini over the ranked keys sorted ascending x_1..x_n:
 *   G = 2 sum(i x_i) / (n sum x) - (n + 1) / n
 *     = (2 sum(i x_i) - (n + 1) sum x) / (n sum x)
 * The numerator (never negative) and the denominator are exact, and so
 * is G rounded to thousandths: equal keys give 0.000, a half rounds up.
 */
static void
put_gini(struct out *o, const struct ent *e, size_t n, int64_t total)
{
	i128 num = 0, den = (i128)n * total;
	uint64_t q;
	char buf[48];
	size_t r;

	for (r = 0; r < n; r++)		/* rank r + 1 is x_(n - r) */
		num += (i128)(n - r) * e[r].v;
	num = 2 * num - (i128)(n + 1) * total;
	q = (uint64_t)((num * 2000 + den) / (den * 2));
	snprintf(buf, sizeof(buf), "%llu.%03llu",
	    (unsigned long long)(q / 1000), (unsigned long long)(q % 1000));
	csv_put_num(o, buf);
}

/* Sum of squared shares in percent: 10000 sum(x^2) / (sum x)^2. */
static double
hhi(const struct ent *e, size_t n, int64_t total)
{
	u128 sq = 0;
	size_t r;

	/* sum(x^2) <= (sum x)^2 < 2^126: no overflow. */
	for (r = 0; r < n; r++)
		sq += (u128)e[r].v * (u128)e[r].v;
	return (double)((long double)sq * 10000 /
	    ((long double)total * total));
}

static void
summary_group(const struct ent *e, size_t lo, size_t hi,
    const struct pcfg *c, struct out *o)
{
	int64_t total, cum = 0, top20 = 0;
	size_t i, n, at = 0, m;

	n = ranked(e, lo, hi, &total);
	m = (n + 4) / 5;	/* ceil(n / 5): the top 20%, whole keys */
	for (i = 0; i < n; i++) {
		cum += e[lo + i].v;
		if (at == 0 && reaches(cum, total, c->at))
			at = i + 1;
		if (i + 1 == m)
			top20 = cum;
	}
	csv_put_fieldn(o, e[lo].g, e[lo].gn);
	csv_put_long(o, (long)n);
	csv_put_fixed(o, total);
	if (n > 0) {
		csv_put_long(o, (long)at);
		put_tenths(o, tenths(at, n));
		put_tenths(o, tenths((uint64_t)top20, (uint64_t)total));
		put_gini(o, e + lo, n, total);
		csv_put_double(o, hhi(e + lo, n, total), 1, 1);
	} else {
		for (i = 0; i < 5; i++)
			csv_put_empty(o);
	}
	csv_put_long(o, (long)(hi - lo - n));
	csv_end_row(o);
}

void
ptab_write_summary(struct ptab *t, const struct pcfg *c, struct out *o)
{
	size_t lo, hi, n = intern_count(t->ids);
	struct ent *e = entries(t, by_rank);
	struct ent none = { "", "", 0, 0, 0 };

	csv_put_row(o, tables_pareto_summary);
	/* Without -g the whole input is one group, even an empty one. */
	if (n == 0 && !c->grouped)
		summary_group(&none, 0, 0, c, o);
	for (lo = 0; lo < n; lo = hi) {
		hi = group_end(e, lo, n);
		summary_group(e, lo, hi, c, o);
	}
	free(e);
}

void
ptab_write_partial(struct ptab *t, const struct pmeta *m, struct out *o)
{
	size_t i, n = intern_count(t->ids);
	struct ent *e = entries(t, by_key);
	char buf[NUM_BUFSIZE];

	csv_put_row(o, partial_cols);
	for (i = 0; i < n; i++) {
		csv_put_field(o, PARTIAL_VERSION);
		csv_put_field(o, m->key);
		csv_put_field(o, m->metric);
		csv_put_field(o, m->value);
		csv_put_field(o, m->group);
		csv_put_fieldn(o, e[i].g, e[i].gn);
		csv_put_fieldn(o, e[i].k, e[i].kn);
		csv_put_num(o, fixed_format(e[i].v, 4, buf));
		csv_end_row(o);
	}
	free(e);
}
