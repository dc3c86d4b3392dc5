/* pm-flag's rules: which rep gets which flag, with the evidence in words. */
#ifndef PM_FLAG_H
#define PM_FLAG_H

#include <stddef.h>
#include <stdint.h>

#include "scores.h"
#include "plans.h"

/* In the order of SPEC section 6: flags and --list rows follow it. */
enum flag {
	F_UNDERPERFORMER, F_HIGH_FLYER, F_DECLINING,
	F_TIER_TOP, F_TIER_MIDDLE, F_TIER_BOTTOM,
	F_TARGET_HIT, F_BIGGEST_DEAL, F_PERSONAL_BEST, F_MOST_IMPROVED,
	F_ACTIVITY_GAP, F_CONVERSION_GAP,
	/* SPEC section 14: recovery, and the verdicts on coaching plans. */
	F_RECOVERING,
	F_PLAN_MET, F_PLAN_ON_TRACK, F_PLAN_BEHIND, F_PLAN_WORSE, F_PLAN_MISSED,
	/* SPEC section 15: learning from each other. */
	F_MENTOR_MATCH, F_MENTOR, F_STRETCH,
	/* SPEC section 16: a target out of reach, or a sandbag. */
	F_TARGET_UNREALISTIC,
	F_NFLAGS
};

/* Flag names by enum flag are common/scores' list, in the same order. */
_Static_assert(F_NFLAGS == SC_NFLAGS, "enum flag and scores_flagname differ");

struct flag_opts {
	const char *metric;	/* NULL: score when present, else revenue */
	const char *period;	/* NULL: the latest */
	int64_t min_elapsed;	/* fixed-point percent: judge the period in
				   progress from this share on */
	int64_t under, over;	/* fixed-point percent */
	long persist;
	int64_t top, bottom;	/* fixed-point percent */
	int64_t gap;		/* fixed-point percent */
	char **activity;	/* --activity: the metrics, or NULL */
	size_t nactivity;
	int quiet;
	struct plans *plans;	/* --plans, or NULL */
};

struct hit {
	const char *metric;	/* the metric the value is about */
	char *value;		/* NULL: no flag */
	char *note;
};

/*
 * A plan's verdict: a rep may have several plans, hence not a hit; and
 * a mentor pairing (a rep may have two learners, or needs on two
 * metrics).
 */
struct plan_hit {
	uint32_t rep;
	enum flag flag;
	const char *metric;	/* the plan's, or the pairing's */
	char *value;		/* progress, "" when unknown */
	char *note;
	int ended;		/* a plan's last word, the plan being over */
};

struct judgement {
	const struct scores *s;
	const struct flag_opts *o;
	uint32_t metric, period;	/* judged; SC_NONE on an empty table */
	const struct score_row **anchor;	/* per rep: the row flagged */
	struct hit *hits;		/* [rep * F_NFLAGS + flag] */
	enum sc_col att, act;	/* pace or attainment, projected or actual */
	struct plan_hit *ph;	/* plans' verdicts, in the plans' order */
	size_t nph;
	struct plan_hit *mh;	/* mentor pairings, learners' order */
	size_t nmh;
};

/* Applies every rule; exits 65 when the metric or period is not there. */
void judge(struct judgement *j, const struct scores *s,
    const struct flag_opts *o);
/* Releases what judge() allocated. */
void judge_free(struct judgement *j);
/* Flag f of rep: its value, metric and note (value NULL: not flagged). */
const struct hit *judge_hit(const struct judgement *j, uint32_t rep,
    enum flag f);

/* target_unrealistic for every rep of j's period (realistic.c). */
void judge_targets(struct judgement *j);

/* Judges every plan of pl in j's period (follow.c); exit 65 on bad ones. */
void follow_plans(struct judgement *j, struct plans *pl);

/*
 * Whether metric m counts as activity for the gap flags: --activity,
 * else a leading metric other than coverage, score and the judged one.
 */
int judge_is_activity(const struct judgement *j, uint32_t m);
/* The team a rep is compared with (SC_NONE: everyone, no team). */
uint32_t judge_team(const struct judgement *j, uint32_t rep);
/* Sorts v[0..n) in ascending order. */
void judge_sort(int64_t *v, size_t n);
/* The median of v[0..n), n > 0, sorting v (the mean of the middle two). */
int64_t judge_median(int64_t *v, size_t n);

/* A statistic of n values (sorting them); higher: the metric's direction. */
typedef int64_t (*teamstat_fn)(int64_t *v, size_t n, int higher);
/* A statistic per team and metric of the judged period, memoised. */
struct teamstat {
	const struct judgement *j;
	teamstat_fn fn;
	int64_t *v;		/* [(team + 1) * nmetrics + metric] */
	char *state;		/* 0 not yet, 1 known, 2 nobody */
	int64_t *buf;
};
/* Prepares t for j's table. */
void teamstat_init(struct teamstat *t, const struct judgement *j,
    teamstat_fn fn);
/* The statistic of m over team (SC_NONE: everyone); 0 when nobody has one. */
int teamstat_get(struct teamstat *t, uint32_t m, uint32_t team, int64_t *out);
/* Releases what teamstat_init allocated. */
void teamstat_free(struct teamstat *t);
/* The table's metric ids sorted by name (the caller frees them). */
uint32_t *metrics_by_name(const struct scores *s);

/*
 * Pairs learners with mentors (mentor.c, SPEC section 15) into j->mh,
 * sorted by rep, then flag (mentor_match before mentor).
 */
void mentor_match(struct judgement *j);
/* The index of rep's first pairing in j->mh (j->nmh when none). */
size_t mentor_first(const struct judgement *j, uint32_t rep);

/* Sets stretch on every high_flyer and tier_top rep (stretch.c). */
void stretch_goals(struct judgement *j);
/*
 * The 75th (upper) or 25th percentile of v[0..n), n > 0, by linear
 * interpolation between closest ranks, sorting v.
 */
int64_t stretch_quartile(int64_t *v, size_t n, int upper);

#endif
