/* The metric catalogue (SPEC section 2): how each metric aggregates. */
#ifndef PM_METRICS_H
#define PM_METRICS_H

enum metric_agg {
	AGG_SUM,
	AGG_MEAN,
	AGG_MAX,
	AGG_WIN_RATE,	/* deals_won / (deals_won + deals_lost) x 100 */
	AGG_AVG_DEAL,	/* revenue / deals_won */
	AGG_LARGEST,	/* max of the revenue facts */
	AGG_COVERAGE	/* open_pipeline / (revenue target - revenue) */
};

struct metric_def {
	char *name;
	enum metric_agg agg;
	int higher_better;
	int leading;
};

/* The built-in definition of name, or the default (sum, higher, leading). */
struct metric_def metric_lookup(const char *name);
/* Derived metrics are computed from other metrics, never from facts. */
int metric_is_derived(enum metric_agg agg);
/*
 * "NAME=sum|mean|max:higher|lower:leading|lagging" (the last two parts
 * optional) into *def; -1 with a reason in *why when malformed.
 */
int metric_parse_decl(const char *s, struct metric_def *def,
    const char **why);

#endif
