/*
 * A statistic of one metric over one team in the judged period (a
 * median, a quartile), worked out once: every learner or top rep of a
 * team asks for the same few, and a large organisation has many.
 */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "metrics.h"
#include "sort.h"
#include "flag.h"

void
teamstat_init(struct teamstat *t, const struct judgement *j, teamstat_fn fn)
{
	const struct scores *s = j->s;
	size_t n = (s->nteams + 1) * s->nmetrics;

	t->j = j;
	t->fn = fn;
	t->v = xcalloc(n ? n : 1, sizeof(*t->v));
	t->state = xcalloc(n ? n : 1, 1);
	t->buf = xcalloc(s->nreps ? s->nreps : 1, sizeof(*t->buf));
}

int
teamstat_get(struct teamstat *t, uint32_t m, uint32_t team, int64_t *out)
{
	const struct scores *s = t->j->s;
	size_t k = (size_t)(team == SC_NONE ? 0 : team + 1) * s->nmetrics + m;
	size_t n = 0;
	const struct score_row *r;
	uint32_t rep;

	if (t->state[k] == 0) {
		for (rep = 0; rep < s->nreps; rep++)
			if ((team == SC_NONE || judge_team(t->j, rep) == team)
			    && (r = scores_cell(s, m, rep, t->j->period)) !=
			    NULL && scores_known(r, t->j->act))
				t->buf[n++] = r->v[t->j->act];
		t->state[k] = n ? 1 : 2;
		if (n)
			t->v[k] = t->fn(t->buf, n,
			    metric_lookup(s->metric_name[m]).higher_better);
	}
	*out = t->v[k];
	return t->state[k] == 1;
}

void
teamstat_free(struct teamstat *t)
{
	free(t->v);
	free(t->state);
	free(t->buf);
}

uint32_t *
metrics_by_name(const struct scores *s)
{
	uint32_t *v = xcalloc(s->nmetrics ? s->nmetrics : 1, sizeof(*v));
	size_t i;

	for (i = 0; i < s->nmetrics; i++)
		v[i] = (uint32_t)i;
	sort_ids_by_name(v, s->nmetrics, s->metric_name);
	return v;
}
