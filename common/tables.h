/*
 * The columns of the smaller tables one tool writes and another reads:
 * pm-pareto's detail and summary (SPEC section 5) and pm-score
 * --drivers (SPEC section 11), which pm-report --pareto and --drivers
 * read.  Spelled here once, as facts.h and scores.h spell theirs.
 */
#ifndef PM_TABLES_H
#define PM_TABLES_H

/* pm-pareto's detail; the group column only with -g. */
enum pareto_detail_col {
	PD_GROUP, PD_RANK, PD_KEY, PD_VALUE, PD_SHARE, PD_CUM_SHARE, PD_CLASS,
	PD_NCOLS
};
/* The names in order of enum pareto_detail_col, then NULL. */
extern const char *const tables_pareto_detail[PD_NCOLS + 1];

/* pm-pareto --summary: one row per group. */
enum pareto_summary_col {
	PS_GROUP, PS_KEYS, PS_TOTAL, PS_KEYS_AT, PS_PCT_KEYS_AT, PS_TOP20,
	PS_GINI, PS_HHI, PS_EXCLUDED, PS_NCOLS
};
/* The names in order of enum pareto_summary_col, then NULL. */
extern const char *const tables_pareto_summary[PS_NCOLS + 1];

/* pm-score --drivers: one row per leading metric and lag. */
enum drivers_col {
	DR_METRIC, DR_LAG, DR_PAIRS, DR_SPEARMAN, DR_PEARSON, DR_SLOPE,
	DR_DIRECTION, DR_NCOLS
};
/* The names in order of enum drivers_col, then NULL. */
extern const char *const tables_drivers[DR_NCOLS + 1];

#endif
