/*
 * pm-score internals, one section per module.  The data goes
 *
 *   facts or partials --agg.c--> sufficient statistics per
 *   (period, rep, metric) --cells.c (with targets.c)--> the values of one
 *   group --table.c--> the scores table  (or --drivers.c--> drivers)
 *
 * agg.c      the aggregator: facts and partials in, partials out
 * targets.c  the targets (-t) and the roster (-r)
 * val.c      exact values, n/d of 128-bit integers
 * cells.c    the metrics to show, the reps and periods in range, and the
 *            values of one group: actual, projection, target, attainment,
 *            pace, the composite score
 * table.c    the scores table: ranks, row order, output
 * drivers.c  what drives results (--drivers), from the cells
 * ramp.c     new hires' ramps (the roster's ramp column, --ramp)
 * suggest.c  targets from history (--suggest-targets), from the cells
 *
 * table.c and drivers.c read the cells and the names of the
 * aggregator's ids; neither knows the other, nor how the aggregator
 * stores its groups.
 */
#ifndef PM_SCORE_H
#define PM_SCORE_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "metrics.h"

struct out;

#define NO_ID UINT32_MAX
#define NO_DAY INT32_MIN

/* ---- agg.c: the aggregator ---- */

/*
 * The aggregation state is a table of sufficient statistics per (period,
 * rep, metric): the exact fixed-point sum, the number of facts and the
 * largest fact.  Every output number is derived from these, so partial
 * tables made on pieces of the input merge into exactly the table of the
 * whole (SPEC section 10).
 */
struct stats {
	int64_t sum;		/* 1/10000 units */
	int64_t n;		/* facts */
	int64_t max;		/* valid when n > 0 */
};

/* What the aggregator knows of one rep, from facts and roster. */
struct repinfo {
	pm_day first, last;	/* dates of the rep's facts, NO_DAY if none */
	pm_day last_event;	/* the latest, forecasts left out */
	pm_day team_day;	/* date of the latest fact naming a team */
	uint32_t team;		/* that team (smallest name on a tie) */
	int in_roster;
	uint32_t rteam;		/* roster team, NO_ID when empty */
	pm_day start;		/* roster start_date, NO_DAY if none */
};

/* The options that shape the aggregation. */
struct agg_cfg {
	struct period_cfg period;	/* -p, --fiscal-start */
	int type_given, fs_given;	/* given, not the defaults */
	unsigned char delim;		/* -d */
};

struct agg;

/* An empty aggregator for the periods of cfg. */
struct agg *agg_new(const struct agg_cfg *cfg);
/* Releases a and everything it holds. */
void agg_free(struct agg *a);
/* Adds the facts of path (NULL: standard input); exits 65 on bad data. */
void agg_read_facts(struct agg *a, const char *path);
/* Adds a partial of pm-score --partial; its period shape becomes a's. */
void agg_read_partial(struct agg *a, const char *path);
/* Writes a as a partial (SPEC section 10), in key order. */
void agg_write_partial(const struct agg *a, struct out *o);
/* How many facts of derived metrics were left out. */
long agg_nderived(const struct agg *a);
/* The periods grouped by (a partial read may have set them). */
const struct period_cfg *agg_periods(const struct agg *a);
/* The id of a rep name, trimmed, adding it when new. */
uint32_t agg_rep(struct agg *a, const char *s, size_t n);
/* The id of a metric name, trimmed, adding it when new. */
uint32_t agg_metric(struct agg *a, const char *s, size_t n);
/* The id of a team name as given (not trimmed), adding it when new. */
uint32_t agg_team(struct agg *a, const char *s, size_t n);
/* The id of a metric name, or NO_ID when there is none. */
uint32_t agg_metric_id(const struct agg *a, const char *name);
/* How many reps have an id. */
size_t agg_nreps(const struct agg *a);
/* How many metrics have an id. */
size_t agg_nmetrics(const struct agg *a);
/* The name behind a rep id. */
const char *agg_rep_name(const struct agg *a, uint32_t rep);
/* The name behind a metric id. */
const char *agg_metric_name(const struct agg *a, uint32_t metric);
/* The name behind a team id. */
const char *agg_team_name(const struct agg *a, uint32_t team);
/* Whether metric m (NO_ID allowed) has a fact. */
int agg_metric_seen(const struct agg *a, uint32_t m);
/* The rep's dates and teams; valid until the next agg_rep(). */
const struct repinfo *agg_repinfo(const struct agg *a, uint32_t rep);
/* Puts the rep on the roster, with its team (NO_ID) and start (NO_DAY). */
void agg_set_roster(struct agg *a, uint32_t rep, uint32_t team,
    pm_day start);
/* The statistics of one group, or NULL when it has no fact. */
const struct stats *agg_find(const struct agg *a, pm_day period,
    uint32_t rep, uint32_t metric);
/* The first and last fact dates, and the last leaving out forecasts. */
void agg_dates(const struct agg *a, pm_day *first, pm_day *last,
    pm_day *last_event);

/* ---- targets.c: targets and roster ---- */

struct targets;

/* Reads a targets file (-t); -d applies when its header has that byte. */
struct targets *targets_read(struct agg *a, const char *path,
    unsigned char delim);
/* Releases tg (NULL is fine). */
void targets_free(struct targets *tg);
/* Whether some row of tg (NULL: no targets) is for metric m. */
int targets_have(const struct targets *tg, uint32_t m);
/*
 * Target of rep for metric in period [ps, pe], judged from day `from`;
 * 0 if none.  Sums are prorated by days, levels (rates, means) are not.
 * In 1/10000 units, wider than int64_t: the rows of a long period may
 * add up past the fixed-point range, which the output then reports.
 */
int targets_for(const struct targets *tg, pm_day ps, pm_day pe, pm_day from,
    uint32_t rep, uint32_t team, uint32_t metric, int prorate,
    __int128 *out);
struct ramps;
/* Reads a roster (-r) into a's reps, their ramp column into rp. */
void targets_read_roster(struct agg *a, const char *path,
    unsigned char delim, struct ramps *rp);

/* ---- ramp.c: new hires' ramps ---- */

/* No ramps yet. */
struct ramps *ramps_new(void);
/* Releases rp (NULL is fine). */
void ramps_free(struct ramps *rp);
/*
 * "25;50;75" (or commas; a % sign allowed) into *pct, fixed-point
 * percents 0..100, *np of them; -1 with a reason in *why.
 */
int ramps_parse(const char *s, size_t n, int64_t **pct, size_t *np,
    const char **why);
/* The ramp of rep (pct allocated, taken over; n 0: none). */
void ramps_set(struct ramps *rp, uint32_t rep, int64_t *pct, size_t n);
/* --ramp: the ramp of reps with a start date and none of their own. */
void ramps_set_default(struct ramps *rp, int64_t *pct, size_t n);
/*
 * The share of a full target (fixed-point percent) into *pct for a rep
 * starting on start in the period starting ps: 1 when the period is one
 * of the ramp's, 0 when the full target applies.
 */
int ramps_share(const struct ramps *rp, const struct period_cfg *cfg,
    uint32_t rep, pm_day start, pm_day ps, int64_t *pct);

/* ---- val.c: exact values ---- */

struct val {
	int known;
	__int128 n, d;		/* the value is n / d, d > 0 */
};

/* The unknown value (an empty field). */
struct val val_unknown(void);
/* n / d; unknown when d is 0. */
struct val val_make(__int128 n, __int128 d);
/* <0, 0, >0 as a is less than, equal to, greater than b. */
int val_cmp(struct val a, struct val b);
/* The value as a long double, for statistics that are not exact. */
long double val_ld(struct val v);
/* n / d (d > 0) rounded half away from zero. */
__int128 val_rdiv(__int128 n, __int128 d);
/* x in steps of 1e-9 (of 1 beyond 9e9); |x| must be below 9.2e18. */
struct val val_of_double(double x);
/* v rounded to 1/10000 units into *out; NUM_RANGE past FIXED_MAX. */
int val_fixed(struct val v, int64_t *out);

/* ---- cells.c: the values of one group ---- */

struct weight {
	uint32_t metric;
	double w;
};

/* The options that shape the values. */
struct score_opts {
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
	const char *drivers;	/* outcome metric, or NULL */
	int lag;
	int quiet;
};

/* One group's numbers: a rep's, or a roll-up's over its members. */
struct cell {
	struct val act, proj;
	int proj_k;
	int has_t;
	__int128 t;		/* target, 1/10000 units */
	int att_k, pace_k;
	double att, pace;
	int overflow;		/* the composite score is out of range */
};

struct cells {
	struct agg *a;
	const struct score_opts *o;
	const struct targets *tg;	/* NULL: none */
	const struct ramps *ramps;	/* NULL: none; set after cells_init */
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
	uint32_t *act, *act2;		/* scratch, nrep + 1 each */
};

/* Chooses the metrics, the periods and the reps of the output. */
void cells_init(struct cells *c, struct agg *a, const struct score_opts *o,
    const struct targets *tg);
/* Releases what cells_init allocated. */
void cells_free(struct cells *c);
/* Reps with rows in the period starting ps into out, by name. */
size_t cells_active(const struct cells *c, pm_day ps, uint32_t *out);
/* The rep's team: the roster's, else the latest facts'; NO_ID if none. */
uint32_t cells_team(const struct cells *c, uint32_t rep);
/* Those of act[0..nact) in team (every one when everyone), into out. */
size_t cells_members(const struct cells *c, const uint32_t *act, size_t nact,
    uint32_t team, int everyone, uint32_t *out);
/* Whether a higher value of m is better. */
int cells_higher(const struct cells *c, uint32_t m);
/* The cell of metric m in period ps over mem (one rep unless rollup). */
struct cell cells_get(const struct cells *c, pm_day ps, const uint32_t *mem,
    size_t nmem, int rollup, uint32_t m);
/*
 * The percent of the days of the period starting ps elapsed at the
 * as-of date, in tenths (1000 when finished); 0 after the as-of date.
 */
int cells_elapsed(const struct cells *c, pm_day ps, long *tenths);
/* The rep's actual of m in the period before ps, unknown if none. */
struct val cells_prev(const struct cells *c, pm_day ps, uint32_t rep,
    uint32_t m);
/* A roll-up's actual in the period before ps, over that period's reps. */
struct val cells_prev_rollup(struct cells *c, pm_day ps, uint32_t team,
    int everyone, uint32_t m);

/* Whether m sums its facts (and its targets are prorated, ramped). */
int cells_is_sum(const struct cells *c, uint32_t m);

/* ---- table.c: the scores table ---- */

/* Writes the scores table of every output period (SPEC section 4). */
void table_write(struct cells *c, struct out *o);

/* ---- drivers.c: what drives results ---- */

/* Writes the drivers table for outcome metric c->o->drivers (SPEC 11). */
void drivers_write(struct cells *c, struct out *o);

/* ---- suggest.c: targets from history ---- */

struct suggest_opts {
	int64_t hit;		/* --hit, fixed-point percent */
	int history;		/* --history */
	int64_t growth;		/* --growth, fixed-point percent */
	const char *for_period;	/* --for: NULL the next period, "all" */
};

/*
 * The target n/d (d > 0) times 1 + growth / 100 (divided by it when
 * lower is better), rounded half away from zero to 2 significant
 * digits, no finer than whole units (level 0) or tenths (level 1),
 * into *out in 1/10000 units; NUM_RANGE past the fixed-point range.
 */
int suggest_round(__int128 n, __int128 d, int64_t growth, int higher,
    int level, int64_t *out);
/* Writes the suggested targets file (SPEC section 16). */
void suggest_write(struct cells *c, const struct suggest_opts *so,
    struct out *o);

#endif
