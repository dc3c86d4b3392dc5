/*
 * Ramps of new hires (SPEC section 16): a list of percents of a full
 * target for the 1st, 2nd, ... full period from a rep's start date, from
 * the roster's ramp column or, for every rep with a start date and no
 * ramp of their own, --ramp.  The period in which a rep starts is
 * prorated by days (targets.c); its ramp begins with the first period
 * that starts on or after the start date.
 */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "num.h"
#include "trim.h"
#include "score.h"

struct ramp {
	int64_t *pct;		/* fixed-point percents */
	size_t n;
};

struct ramps {
	struct ramp *byrep;	/* by rep id; n 0: none of their own */
	size_t nrep;
	struct ramp dflt;	/* --ramp */
};

struct ramps *
ramps_new(void)
{
	return xcalloc(1, sizeof(struct ramps));
}

void
ramps_free(struct ramps *rp)
{
	size_t i;

	if (rp == NULL)
		return;
	for (i = 0; i < rp->nrep; i++)
		free(rp->byrep[i].pct);
	free(rp->byrep);
	free(rp->dflt.pct);
	free(rp);
}

int
ramps_parse(const char *s, size_t n, int64_t **pct, size_t *np,
    const char **why)
{
	const char *p, *end = s + n, *q;
	size_t len;
	int64_t v;

	*pct = NULL;
	*np = 0;
	for (p = s; p <= end; p = q + 1) {
		for (q = p; q < end && *q != ';' && *q != ','; q++)
			;
		len = (size_t)(q - p);
		len = trim_span(&p, len);
		if (len > 0 && p[len - 1] == '%')
			len--;
		if (len == 0 || fixed_parse(p, len, &v) != NUM_OK) {
			free(*pct);
			*pct = NULL;
			*np = 0;
			*why = "is not a list of percents like 25;50;75";
			return -1;
		}
		if (v < 0 || v > 100 * FIXED_SCALE) {
			free(*pct);
			*pct = NULL;
			*np = 0;
			*why = "has a percent outside 0 to 100";
			return -1;
		}
		*pct = xreallocarray(*pct, *np + 1, sizeof(**pct));
		(*pct)[(*np)++] = v;
	}
	return 0;
}

void
ramps_set(struct ramps *rp, uint32_t rep, int64_t *pct, size_t n)
{
	size_t old = rp->nrep;

	if (rep >= rp->nrep) {
		rp->nrep = (size_t)rep + 1;
		rp->byrep = xreallocarray(rp->byrep, rp->nrep,
		    sizeof(*rp->byrep));
		memset(rp->byrep + old, 0, (rp->nrep - old) *
		    sizeof(*rp->byrep));
	}
	free(rp->byrep[rep].pct);
	rp->byrep[rep].pct = pct;
	rp->byrep[rep].n = n;
}

void
ramps_set_default(struct ramps *rp, int64_t *pct, size_t n)
{
	free(rp->dflt.pct);
	rp->dflt.pct = pct;
	rp->dflt.n = n;
}

int
ramps_share(const struct ramps *rp, const struct period_cfg *cfg,
    uint32_t rep, pm_day start, pm_day ps, int64_t *pct)
{
	const struct ramp *r;
	pm_day first;
	size_t i;

	if (rp == NULL || start == NO_DAY)
		return 0;
	r = rep < rp->nrep && rp->byrep[rep].n > 0 ? &rp->byrep[rep] :
	    &rp->dflt;
	if (r->n == 0)
		return 0;
	first = period_start(cfg, start);
	if (first != start)
		first = period_next(cfg, first);
	if (ps < first)
		return 0;
	for (i = 0; i < r->n; i++, first = period_next(cfg, first))
		if (first == ps) {
			*pct = r->pct[i];
			return 1;
		}
	return 0;
}
