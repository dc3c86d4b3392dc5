/*
 * pm-score internals.  The aggregation state is a table of sufficient
 * statistics per (period, rep, metric): the exact fixed-point sum, the
 * number of facts and the largest fact.  Every output number is derived
 * from these, so partial tables made on pieces of the input merge into
 * exactly the table of the whole (SPEC section 10).
 */
#ifndef PM_SCORE_H
#define PM_SCORE_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "intern.h"
#include "metrics.h"
#include "trim.h"

#define NO_ID UINT32_MAX
#define NO_DAY INT32_MIN

#define M_SEEN 1		/* the metric has facts */
#define M_CHECKED 2		/* M_DERIVED is known */
#define M_DERIVED 4		/* a derived metric's name */
#define M_FORECAST 8		/* open_pipeline: dated by expected close */

struct stats {
	int64_t sum;		/* 1/10000 units */
	int64_t n;		/* facts */
	int64_t max;		/* valid when n > 0 */
};

struct group {
	pm_day period;		/* first day */
	uint32_t rep, metric;
	struct stats s;
};

/* A fact read and waiting to be added (see agg.c). */
struct pending {
	pm_day period;
	uint32_t rep, metric;
	int64_t v;
	long line;
};

#define NPEND 32
#define NDCACHE 1024

struct repinfo {
	pm_day first, last;	/* dates of the rep's facts, NO_DAY if none */
	pm_day last_event;	/* the latest, forecasts left out */
	pm_day team_day;	/* date of the latest fact naming a team */
	uint32_t team;		/* that team (smallest name on a tie) */
	int in_roster;
	uint32_t rteam;		/* roster team, NO_ID when empty */
	pm_day start;		/* roster start_date, NO_DAY if none */
};

struct agg {
	struct period_cfg cfg;
	int type_given, fs_given;	/* -p, --fiscal-start */
	int shape_seen;			/* a partial row has set cfg */
	struct intern *reps, *metrics, *teams;
	struct repinfo *ri;
	size_t nri;
	unsigned char *mseen;	/* per metric id: M_* flags */
	size_t nmseen;
	struct group *g;	/* open addressing; rep NO_ID = empty */
	size_t ng, nslots;
	unsigned char delim;
	int quiet;
	long nderived;		/* facts named after a derived metric */
	struct daycache {
		pm_day day, period;
	} dcache[NDCACHE];		/* of period_start() */
	struct pending pend[NPEND];
	size_t npend;
};

/* agg.c */
void agg_init(struct agg *a);
uint32_t agg_rep(struct agg *a, const char *s, size_t n);
uint32_t agg_metric(struct agg *a, const char *s, size_t n);
struct stats *agg_find(const struct agg *a, pm_day period, uint32_t rep,
    uint32_t metric);
void agg_read_facts(struct agg *a, const char *path);
void agg_write_partial(struct agg *a, const char *path);
void agg_read_partial(struct agg *a, const char *path);
void agg_dates(const struct agg *a, pm_day *first, pm_day *last,
    pm_day *last_event);

/* targets.c */
struct target {
	pm_day first, last;	/* NO_DAY: every period (*) */
	uint32_t rep;		/* NO_ID: every rep */
	uint32_t team;		/* NO_ID: every team */
	uint32_t metric;
	int64_t value;
	long line;
};

struct targets {
	struct target *t;	/* by metric, rep (NO_ID last), line */
	size_t n;
	const struct target **rows;	/* scratch for target_for() */
	size_t *days;
};

void targets_read(struct agg *a, struct targets *tg, const char *path);
void roster_read(struct agg *a, const char *path);
/*
 * Target of rep for metric in period [ps, pe], judged from day `from`;
 * 0 if none.  Sums are prorated by days, levels (rates, means) are not.
 */
int target_for(const struct targets *tg, pm_day ps,
    pm_day pe, pm_day from, uint32_t rep, uint32_t team, uint32_t metric,
    int prorate, int64_t *out);

/* report.c */
struct weight {
	uint32_t metric;
	double w;
};

struct opts {
	const char *output;
	int have_asof;
	pm_day asof;
	pm_day from, to;	/* NO_DAY when not given */
	int by_team, rollup;
	double cap;
	char **metrics;		/* --metrics, NULL-terminated, or NULL */
	struct weight *weights;	/* -w */
	size_t nweights;
	struct metric_def *decls;	/* --metric */
	size_t ndecls;
	struct targets tg;
	int have_targets;
	const char *drivers;	/* outcome metric, or NULL */
	int lag;
};

void score_report(struct agg *a, struct opts *o);
void drivers_report(struct agg *a, struct opts *o);

#endif
