/*
 * target_unrealistic (SPEC section 16): "achievable" is checked, not
 * assumed.  A target of the judged period (any metric but the composite
 * score) is unrealistic above 1.5 times the rep's best actual of the up
 * to 6 finished periods before it, and a sandbag below their worst; for
 * a lower-is-better metric below the best divided by 1.5, or above the
 * worst.  3 such periods at least, or nothing is said.
 */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "metrics.h"
#include "num.h"
#include "sbuf.h"
#include "trim.h"
#include "flag.h"

/* How many finished periods before the judged one are looked at. */
#define REAL_WINDOW 6
#define REAL_MIN 3

/* A field as written, trimmed, for the note. */
static void
put_field(struct sbuf *b, const struct scores *s, const struct score_row *r,
    enum sc_col c)
{
	const char *f = scores_field(s, r, c);
	size_t n = trim_span(&f, strlen(f));

	sbuf_printf(b, "%.*s", (int)n, f);
}

static char *
field_dup(const struct scores *s, const struct score_row *r, enum sc_col c)
{
	const char *f = scores_field(s, r, c);

	return xstrndup(f, trim_span(&f, strlen(f)));
}

static int
finished(const struct scores *s, uint32_t p)
{
	int64_t el = scores_elapsed(s, p);

	/* An older table without elapsed: what precedes the judged is done. */
	return el < 0 || el >= 100 * (int64_t)FIXED_SCALE;
}

/*
 * The rep's target of metric m against its history: 1 with the reason
 * in b when it is out of reach or a sandbag.
 */
static int
check(const struct judgement *j, uint32_t rep, uint32_t m, struct sbuf *b)
{
	const struct scores *s = j->s;
	const struct score_row *r = scores_cell(s, m, rep, j->period), *e;
	const struct score_row *best = NULL, *worst = NULL;
	int higher = metric_lookup(s->metric_name[m]).higher_better;
	__int128 t, hi, lo;
	uint32_t q;
	size_t n = 0;
	int far;

	if (r == NULL || !scores_known(r, SC_TARGET))
		return 0;
	for (q = j->period; q > 0 && n < REAL_WINDOW; q--) {
		if (!finished(s, q - 1))
			continue;
		e = scores_cell(s, m, rep, q - 1);
		if (e == NULL || !scores_known(e, SC_ACTUAL))
			continue;
		n++;
		/* The latest period of a tie is the one named. */
		if (best == NULL || (higher ? e->v[SC_ACTUAL] >
		    best->v[SC_ACTUAL] : e->v[SC_ACTUAL] < best->v[SC_ACTUAL]))
			best = e;
		if (worst == NULL || (higher ? e->v[SC_ACTUAL] <
		    worst->v[SC_ACTUAL] : e->v[SC_ACTUAL] >
		    worst->v[SC_ACTUAL]))
			worst = e;
	}
	if (n < REAL_MIN)
		return 0;
	t = r->v[SC_TARGET];
	hi = best->v[SC_ACTUAL];
	lo = worst->v[SC_ACTUAL];
	/* 1.5 x without rounding: 2t against 3 x best. */
	far = higher ? 2 * t > 3 * hi : 3 * t < 2 * hi;
	if (!far && !(higher ? t < lo : t > lo))
		return 0;
	sbuf_printf(b, "%s%s target ", b->n ? "; " : "", s->metric_name[m]);
	put_field(b, s, r, SC_TARGET);
	sbuf_printf(b, " in %s is ", s->period_key[j->period]);
	if (far && higher)
		sbuf_printf(b, "more than 1.5 x the best");
	else if (far)
		sbuf_printf(b, "below 2/3 of the best");
	else
		sbuf_printf(b, "%s the worst", higher ? "below" : "above");
	sbuf_printf(b, " of the last %zu finished periods (", n);
	put_field(b, s, far ? best : worst, SC_ACTUAL);
	sbuf_printf(b, " in %s)", s->period_key[(far ? best : worst)->period]);
	return 1;
}

void
judge_targets(struct judgement *j)
{
	const struct scores *s = j->s;
	struct hit *h;
	struct sbuf b;
	uint32_t rep, m, first;
	const struct score_row *r;

	for (rep = 0; rep < s->nreps; rep++) {
		b = (struct sbuf)SBUF_INIT;
		first = SC_NONE;
		for (m = 0; m < s->nmetrics; m++) {
			if (strcmp(s->metric_name[m], "score") == 0)
				continue;
			if (check(j, rep, m, &b) && first == SC_NONE)
				first = m;
		}
		if (first == SC_NONE) {
			free(b.p);
			continue;
		}
		r = scores_cell(s, first, rep, j->period);
		h = &j->hits[(size_t)rep * F_NFLAGS + F_TARGET_UNREALISTIC];
		h->metric = s->metric_name[first];
		h->value = field_dup(s, r, SC_TARGET);
		h->note = sbuf_take(&b);
	}
}
