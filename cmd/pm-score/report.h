/* Shared by the scores table and the drivers analysis of pm-score. */
#ifndef PM_SCORE_REPORT_H
#define PM_SCORE_REPORT_H

#include "score.h"

struct val {
	int known;
	__int128 n, d;		/* the value is n / d, d > 0 */
};

struct cell {
	struct val act, proj;
	int proj_k;
	int has_t;
	int64_t t;		/* target, 1/10000 units */
	int att_k, pace_k;
	double att, pace;
};

struct ctx {
	struct agg *a;
	struct opts *o;
	struct metric_def *defs;	/* per metric id */
	uint32_t m_rev, m_won, m_lost, m_open, m_score;
	uint32_t *mlist;		/* output metrics, by name */
	size_t nm;
	struct weight *w;		/* the composite's weights */
	size_t nw;
	pm_day dfirst, dlast;		/* fact dates */
	pm_day first_data;		/* period of the first fact */
	pm_day asof;
	pm_day pstart, pend;		/* output periods (first days) */
	uint32_t *order;		/* reps with rows, by name */
	size_t nrep;
	uint32_t *act, *act2;		/* scratch */
};

void ctx_init(struct ctx *c, struct agg *a, struct opts *o);
size_t active_reps(const struct ctx *c, pm_day ps, uint32_t *out);
uint32_t rep_team(const struct ctx *c, uint32_t rep);
struct cell cell_of(const struct ctx *c, pm_day ps, const uint32_t *mem,
    size_t nmem, int rollup, uint32_t m);
long double val_ld(struct val v);

#endif
