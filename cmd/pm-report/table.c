/*
 * The scores table: pm-score or pm-flag output, read by common/scores
 * and turned into rows with doubles for display and fixed-point copies
 * for exact sums.  Reps and metrics are numbered in name order so that
 * ties come out the same way whatever the input order.
 */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "num.h"
#include "report.h"
#include "scores.h"

/* The table read, alive until exit: rows point to its strings. */
static struct scores *scores;

static char **sort_names;	/* for cmpname: C11 has no qsort_r */
/* Our rep and metric numbers back to the loader's. */
static int *rep_id, *metric_id;
static int *metric_pos;		/* the loader's metric number to ours */

static int
cmpname(const void *a, const void *b)
{
	return strcmp(sort_names[*(const int *)a], sort_names[*(const int *)b]);
}

/*
 * The names in byte order, map[id] = position in that order, and
 * inv[position] = id.
 */
static char **
by_name(char **names, size_t n, int **map, int **inv)
{
	int *perm = xcalloc(n + 1, sizeof(int));
	char **v = xcalloc(n + 1, sizeof(*v));
	size_t i;

	for (i = 0; i < n; i++)
		perm[i] = (int)i;
	sort_names = names;
	qsort(perm, n, sizeof(int), cmpname);
	*map = xcalloc(n + 1, sizeof(int));
	for (i = 0; i < n; i++) {
		v[i] = names[perm[i]];
		(*map)[perm[i]] = (int)i;
	}
	*inv = perm;
	return v;
}

void
table_load(struct table *t, char **files, int nfiles, unsigned char delim)
{
	const uint32_t need = SC_BIT(SC_PERIOD) | SC_BIT(SC_REP) |
	    SC_BIT(SC_METRIC) | SC_BIT(SC_ACTUAL);
	int *rmap, c;
	size_t i;

	memset(t, 0, sizeof(*t));
	scores = scores_load(files, (size_t)nfiles, delim, need);
	/* Periods are numbered chronologically by the loader already. */
	t->periods = scores->period_key;
	t->nperiods = (int)scores->nperiods;
	t->reps = by_name(scores->rep_name, scores->nreps, &rmap, &rep_id);
	t->nreps = (int)scores->nreps;
	t->metrics = by_name(scores->metric_name, scores->nmetrics, &metric_pos, &metric_id);
	t->nmetrics = (int)scores->nmetrics;
	t->has_flags = scores->col[SC_FLAGS] >= 0;
	t->nrows = scores->nrows;
	t->rows = xcalloc(t->nrows + 1, sizeof(*t->rows));
	for (i = 0; i < t->nrows; i++) {
		const struct score_row *r = &scores->rows[i];
		struct srow *s = &t->rows[i];

		s->period = (int)r->period;
		s->rep = r->rollup ? -1 : rmap[r->rep];
		s->metric = metric_pos[r->metric];
		s->team = scores_field(scores, r, SC_TEAM);
		for (c = 0; c < C_NUM; c++) {
			if (!scores_known(r, SC_ACTUAL + c))
				continue;
			s->fx[c] = r->v[SC_ACTUAL + c];
			s->v[c] = fixed_to_double(s->fx[c]);
			s->known |= 1u << c;
		}
		if (t->has_flags) {
			s->flags = scores_field(scores, r, SC_FLAGS);
			s->notes = scores_field(scores, r, SC_NOTES);
		}
	}
	free(rmap);
}

const struct srow *
table_get(const struct table *t, int period, int rep, int metric)
{
	const struct score_row *r;

	r = scores_cell(scores, (uint32_t)metric_id[metric],
	    (uint32_t)rep_id[rep], (uint32_t)period);
	return r != NULL ? &t->rows[r - scores->rows] : NULL;
}

const struct srow *
table_rollup(const struct table *t, int period, int metric, const char *team)
{
	size_t i;

	for (i = 0; i < t->nrows; i++) {
		const struct srow *r = &t->rows[i];

		if (r->rep == -1 && r->period == period &&
		    r->metric == metric && strcmp(r->team, team) == 0)
			return r;
	}
	return NULL;
}

int
table_metric(const struct table *t, const char *name)
{
	uint32_t m = scores_metric(scores, name);

	(void)t;
	return m == SC_NONE ? -1 : metric_pos[m];
}

int
table_period(const struct table *t, const char *key)
{
	uint32_t p = scores_period(scores, key);

	(void)t;
	return p == SC_NONE ? -1 : (int)p;
}
