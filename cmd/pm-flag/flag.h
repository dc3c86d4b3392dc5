/* pm-flag's rules: which rep gets which flag, with the evidence in words. */
#ifndef PM_FLAG_H
#define PM_FLAG_H

#include <stddef.h>
#include <stdint.h>

#include "scores.h"

/* In the order of SPEC section 6: flags and --list rows follow it. */
enum flag {
	F_UNDERPERFORMER, F_HIGH_FLYER, F_DECLINING,
	F_TIER_TOP, F_TIER_MIDDLE, F_TIER_BOTTOM,
	F_TARGET_HIT, F_BIGGEST_DEAL, F_PERSONAL_BEST, F_MOST_IMPROVED,
	F_ACTIVITY_GAP, F_CONVERSION_GAP,
	F_NFLAGS
};

extern const char *const flag_name[F_NFLAGS];

struct flag_opts {
	const char *metric;	/* NULL: score when present, else revenue */
	const char *period;	/* NULL: the latest */
	int64_t under, over;	/* fixed-point percent */
	long persist;
	int64_t top, bottom;	/* fixed-point percent */
	int64_t gap;		/* fixed-point percent */
	char **activity;	/* --activity: the metrics, or NULL */
	size_t nactivity;
	int quiet;
};

struct hit {
	const char *metric;	/* the metric the value is about */
	char *value;		/* NULL: no flag */
	char *note;
};

struct judgement {
	const struct scores *s;
	const struct flag_opts *o;
	uint32_t metric, period;	/* judged; SC_NONE on an empty table */
	const struct score_row **anchor;	/* per rep: the row flagged */
	struct hit *hits;		/* [rep * F_NFLAGS + flag] */
};

/* Applies every rule; exits 65 when the metric or period is not there. */
void judge(struct judgement *j, const struct scores *s,
    const struct flag_opts *o);
/* Releases what judge() allocated. */
void judge_free(struct judgement *j);
/* Flag f of rep: its value, metric and note (value NULL: not flagged). */
const struct hit *judge_hit(const struct judgement *j, uint32_t rep,
    enum flag f);

#endif
