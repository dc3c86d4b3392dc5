/*
 * Currencies: a file that mixes them is not summed blindly (SPEC
 * section 3).  The first pass counts each file's records per currency;
 * the second rejects those not in the file's majority currency, unless
 * --rates converts them.
 */
#include <stdio.h>
#include <string.h>

#include "amount.h"
#include "err.h"
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

void
currency_decide(struct ingest *g, const struct input *in)
{
	snprintf(g->rules.majority, sizeof(g->rules.majority), "%s",
	    majority_of(in->cur, in->ncur));
	g->rules.mixed = in->ncur > 1;
}
