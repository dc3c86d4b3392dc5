/*
 * Currencies: a file that mixes them is not summed blindly (SPEC
 * section 3).  The first pass counts each file's records per currency,
 * and per rep; the second rejects those not in their rep's currency,
 * unless --rates converts them.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amount.h"
#include "err.h"
#include "hash.h"
#include "ingest.h"

void
currency_count(struct curcount *t, size_t *n, const char *cur, long k)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (strcmp(t[i].cur, cur) == 0) {
			t[i].n += k;
			return;
		}
	if (*n == MAX_CURRENCIES)
		return;
	memcpy(t[*n].cur, cur, 4);
	t[(*n)++].n = k;
}

void
currency_of_record(const struct input *in, const struct csv_row *row,
    char cur[4])
{
	static const enum field amt[] = { F_AMOUNT, F_EST_AMOUNT,
		F_LINE_AMOUNT };
	int c, i;

	cur[0] = '\0';
	c = in->fc.map.col[F_CURRENCY];
	if (c >= 0 && (size_t)c < row->n &&
	    currency_code(row->f[c], row->len[c], cur) == 0)
		return;
	for (i = 0; i < 3; i++) {
		c = in->fc.map.col[amt[i]];
		if (c < 0 || (size_t)c >= row->n)
			continue;
		if (amount_currency(row->f[c], row->len[c], cur) == 0)
			return;
	}
}

/* The currency of most records of t (ties: the first code), or "". */
static const char *
majority_of(const struct curcount *t, size_t n)
{
	size_t i, best = 0;

	for (i = 1; i < n; i++)
		if (t[i].n > t[best].n || (t[i].n == t[best].n &&
		    strcmp(t[i].cur, t[best].cur) < 0))
			best = i;
	return n > 0 ? t[best].cur : "";
}

/*
 * A file that mixes currencies has its minority records rejected (SPEC
 * section 3); files that are each in one currency, but not the same
 * one, are said to be so, since their sums would mix.
 */
void
currency_warn(const struct ingest *g, const struct input *in, int nin)
{
	const char *all = majority_of(g->allcur, g->nallcur), *mine;
	int i;

	if (g->nallcur < 2 || g->rules.nrates > 0)
		return;
	for (i = 0; i < nin; i++) {
		mine = majority_of(in[i].cur, in[i].ncur);
		if (*mine != '\0' && strcmp(mine, all) != 0)
			pm_warn("%s: amounts in %s, most inputs in %s: not "
			    "converted (use --rates FILE)", in[i].name, mine,
			    all);
	}
}


/*
 * Each rep's currency.  Real teams have reps who each sell in one
 * currency (the EUR desk, the USD desk): a file's majority would reject
 * every record of the smaller desk.  So the currency a record is held
 * to is its rep's (the currency of most of the rep's records in the
 * file; a tie goes to the file's majority, then to the first code), and
 * only a rep's odd one out is rejected.  Open addressing on the hash of
 * the owner as written, a few currencies per rep.
 */
#define REP_CURS 4

struct repent {
	uint64_t h;		/* 0: free */
	char cur[REP_CURS][4];
	long n[REP_CURS];
	char best[4];
};

struct repcur {
	struct repent *e;
	size_t cap, used;
};

static struct repent *
rep_slot(const struct repcur *t, uint64_t h)
{
	size_t i = (size_t)h & (t->cap - 1);

	while (t->e[i].h != 0 && t->e[i].h != h)
		i = (i + 1) & (t->cap - 1);
	return &t->e[i];
}

static void
rep_grow(struct repcur *t)
{
	struct repcur n;
	size_t i;

	n.cap = t->cap ? t->cap * 2 : 64;
	n.used = t->used;
	n.e = xcalloc(n.cap, sizeof(*n.e));
	for (i = 0; i < t->cap; i++)
		if (t->e[i].h != 0)
			*rep_slot(&n, t->e[i].h) = t->e[i];
	free(t->e);
	*t = n;
}

static uint64_t
rep_hash(const char *key, size_t n)
{
	uint64_t h = hash_bytes(key, n);

	return h != 0 ? h : 1;
}

void
currency_note_rep(struct input *in, const char *key, size_t n,
    const char cur[4])
{
	struct repcur *t;
	struct repent *e;
	uint64_t h;
	int i;

	if (n == 0)
		return;
	if (in->repcur == NULL)
		in->repcur = xcalloc(1, sizeof(*in->repcur));
	t = in->repcur;
	if (2 * (t->used + 1) > t->cap)
		rep_grow(t);
	h = rep_hash(key, n);
	e = rep_slot(t, h);
	if (e->h == 0) {
		e->h = h;
		t->used++;
	}
	for (i = 0; i < REP_CURS && e->n[i] > 0; i++)
		if (memcmp(e->cur[i], cur, 4) == 0)
			break;
	if (i == REP_CURS)
		return;		/* a rep in five currencies: the first four */
	memcpy(e->cur[i], cur, 4);
	e->n[i]++;
}

/* Each rep's currency; how many reps each currency has, into t. */
static void
rep_decide(struct repcur *rc, const char *file, struct curcount *t,
    size_t *nt)
{
	size_t k;
	int i, b;

	for (k = 0; k < rc->cap; k++) {
		struct repent *e = &rc->e[k];

		if (e->h == 0)
			continue;
		for (i = 1, b = 0; i < REP_CURS && e->n[i] > 0; i++)
			if (e->n[i] > e->n[b] || (e->n[i] == e->n[b] &&
			    (strcmp(e->cur[i], file) == 0 ||
			    (strcmp(e->cur[b], file) != 0 &&
			    strcmp(e->cur[i], e->cur[b]) < 0))))
				b = i;
		memcpy(e->best, e->cur[b], 4);
		currency_count(t, nt, e->best, 1);
	}
}

const char *
currency_of_rep(const struct rules *ru, const char *key, size_t n)
{
	const struct repent *e;

	if (ru->repcur == NULL || ru->repcur->cap == 0 || n == 0)
		return ru->majority;
	e = rep_slot(ru->repcur, rep_hash(key, n));
	return e->h != 0 ? e->best : ru->majority;
}

void
currency_free(struct input *in)
{
	if (in->repcur != NULL)
		free(in->repcur->e);
	free(in->repcur);
	in->repcur = NULL;
}

/* Most reps first, then by code. */
static int
cmp_reps(const void *a, const void *b)
{
	const struct curcount *x = a, *y = b;

	if (x->n != y->n)
		return x->n < y->n ? 1 : -1;
	return strcmp(x->cur, y->cur);
}

void
currency_decide(struct ingest *g, const struct input *in)
{
	struct curcount reps[MAX_CURRENCIES];
	size_t nreps = 0, i, o = 0;
	char list[512];
	int k;

	snprintf(g->rules.majority, sizeof(g->rules.majority), "%s",
	    majority_of(in->cur, in->ncur));
	g->rules.mixed = in->ncur > 1;
	g->rules.repcur = NULL;
	if (!g->rules.mixed || in->repcur == NULL)
		return;
	rep_decide(in->repcur, g->rules.majority, reps, &nreps);
	g->rules.repcur = in->repcur;
	if (nreps < 2 || g->rules.nrates > 0)
		return;
	qsort(reps, nreps, sizeof(reps[0]), cmp_reps);
	for (i = 0; i < nreps && o < sizeof(list); i++) {
		k = snprintf(list + o, sizeof(list) - o, "%s%s: %ld rep%s",
		    i ? ", " : "", reps[i].cur, reps[i].n, reps[i].n > 1 ?
		    "s" : "");
		if (k < 0)
			break;
		o += (size_t)k;
	}
	pm_warn("%s: reps sell in %zu currencies (%s): each rep's amounts "
	    "are kept in the rep's currency, not converted, so sums over "
	    "reps mix currencies (use --rates FILE)", in->name, nreps, list);
}
