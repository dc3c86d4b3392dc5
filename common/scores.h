/*
 * The scores table (pm-score output, SPEC section 4, or pm-flag output
 * with its flags and notes) held in memory: pm-flag and pm-report read
 * the whole table through this module and keep only what they compute
 * on top of it.  Every field is kept as read, so a filter can write rows
 * back unchanged; the known columns are found by name and their numbers
 * parsed once into exact fixed-point values.
 */
#ifndef PM_SCORES_H
#define PM_SCORES_H

#include <stddef.h>
#include <stdint.h>

/*
 * The columns of the table: the one list of its vocabulary.  pm-score
 * writes those before SC_FLAGS, in this order; pm-flag adds the rest.
 * A new column is one line here (its number, if a number: SC_NUM), and
 * every tool that reads or writes the table knows its name.
 * X(ID, name, kind): kind SC_KEY (a key of the row), SC_NUM (a number,
 * parsed into v[]) or SC_TEXT.
 */
#define SC_COLUMNS(X) \
	X(PERIOD, "period", SC_KEY) \
	X(REP, "rep", SC_KEY) \
	X(TEAM, "team", SC_KEY) \
	X(METRIC, "metric", SC_KEY) \
	X(ACTUAL, "actual", SC_NUM) \
	X(PROJECTED, "projected", SC_NUM) \
	X(TARGET, "target", SC_NUM) \
	X(ATTAINMENT, "attainment", SC_NUM) \
	X(PACE, "pace", SC_NUM) \
	X(RANK, "rank", SC_NUM) \
	X(REPS, "reps", SC_NUM) \
	X(PERCENTILE, "percentile", SC_NUM) \
	X(ZSCORE, "zscore", SC_NUM) \
	X(MEDIAN, "median", SC_NUM) \
	X(PREV, "prev", SC_NUM) \
	X(CHANGE, "change", SC_NUM) \
	X(ELAPSED, "elapsed", SC_NUM) \
	X(FLAGS, "flags", SC_TEXT) \
	X(NOTES, "notes", SC_TEXT)

enum sc_kind { SC_KEY, SC_NUM, SC_TEXT };

#define SC_ENUM_(id, name, kind) SC_##id,
enum sc_col {
	SC_COLUMNS(SC_ENUM_)
	SC_NCOL
};
#undef SC_ENUM_

/* The columns pm-score writes: SC_PERIOD up to SC_FLAGS. */
#define SC_NSCORE SC_FLAGS

#define SC_BIT(c) (1u << (c))
#define SC_NUMBIT_(id, name, kind) | ((kind) == SC_NUM ? SC_BIT(SC_##id) : 0u)
/* The set of the number columns, and whether c is one. */
#define SC_NUMBERS (0u SC_COLUMNS(SC_NUMBIT_))
#define SC_IS_NUMBER(c) ((SC_NUMBERS & SC_BIT(c)) != 0)

/* Column names, by enum sc_col. */
extern const char *const scores_colname[SC_NCOL];

/*
 * The flags of the flags column, in the order pm-flag writes them (SPEC
 * sections 6 and 14-16), NULL-terminated: one list for the tool that
 * writes them and the one that reads the notes back.
 */
#define SC_NFLAGS 22
extern const char *const scores_flagname[SC_NFLAGS + 1];

#define SC_NONE UINT32_MAX

struct score_row {
	uint32_t *off;		/* every field as read: see scores_fieldn */
	long line;		/* physical line where the record starts */
	uint32_t file;		/* index into scores.files */
	/* Dense ids: index into the period / rep / team / metric tables. */
	uint32_t period, rep, team, metric;
	int rollup;		/* rep is "*" */
	uint32_t known;		/* SC_BIT(c): column c present, not empty */
	int64_t v[SC_NCOL];	/* numbers, fixed-point 1/10000 */
};

struct scores {
	size_t ncol;		/* header fields */
	char **hdr;
	int col[SC_NCOL];	/* field index of each known column, or -1 */
	struct score_row *rows;	/* in input order */
	size_t nrows;
	char **files;
	size_t nfiles;
	/*
	 * Periods, reps, teams and metrics are numbered in the byte order
	 * of their keys and names: chronological for periods of one type
	 * (2026-09 < 2026-10, 2026-W09 < 2026-W10), and for the others an
	 * order that does not depend on the order of the input.
	 */
	size_t nperiods, nreps, nteams, nmetrics;
	char **period_key, **rep_name, **team_name, **metric_name;
	uint32_t *cell;		/* see scores_cell */
	struct scores_key *rollups;	/* see scores_rollup */
	int64_t *elapsed;	/* by period: see scores_elapsed */
	size_t nrollups;
	struct scores_block *blocks;	/* the rows' fields */
};

/*
 * Reads FILES (none, or "-": standard input) as one table; their headers
 * must agree.  required is a set of SC_BIT()s: a missing one is exit 65
 * naming every missing column.  Exits 65 on a malformed number, an empty
 * period, rep or metric, or two rows for one period, rep and metric
 * (roll-up rows, rep "*", excepted).
 */
struct scores *scores_load(char **files, size_t nfiles, unsigned char delim,
    uint32_t required);
/* Releases s (NULL allowed). */
void scores_free(struct scores *s);

/* The row of (metric, rep, period) for a rep other than "*", or NULL. */
const struct score_row *scores_cell(const struct scores *s, uint32_t metric,
    uint32_t rep, uint32_t period);
/*
 * The first roll-up row (rep "*") of (metric, team, period) in input
 * order, or NULL; team by id.
 */
const struct score_row *scores_rollup(const struct scores *s, uint32_t metric,
    uint32_t team, uint32_t period);
/*
 * Whether s (n bytes) is "*" once trimmed: the name of the roll-ups of
 * the scores table and of the targets' wildcard, which no rep or team of
 * facts or a roster may have (SPEC section 18).
 */
int scores_reserved_name(const char *s, size_t n);
/* Dense id of a period key, or SC_NONE. */
uint32_t scores_period(const struct scores *s, const char *key);
/* Dense id of a metric name, or SC_NONE. */
uint32_t scores_metric(const struct scores *s, const char *name);
/* Dense id of a rep name, or SC_NONE. */
uint32_t scores_rep(const struct scores *s, const char *name);
/* Dense id of a team name, or SC_NONE. */
uint32_t scores_team(const struct scores *s, const char *name);

/* Field c of row as read ("" when the column is absent). */
const char *scores_field(const struct scores *s, const struct score_row *r,
    enum sc_col c);
/*
 * Field k (0 .. ncol - 1) of row as read, NUL-terminated; its length
 * into *len unless len is NULL.
 */
const char *scores_fieldn(const struct scores *s, const struct score_row *r,
    size_t k, size_t *len);
/* Whether field c of r is there and not empty (a number if c is one). */
int scores_known(const struct score_row *r, enum sc_col c);
/* Whether column c has a value in some row (a table made by hand may not). */
int scores_filled(const struct scores *s, enum sc_col c);

/*
 * 1 when period b directly follows period a (2026-09, 2026-10), 0 when
 * there is a gap between them, and 1 too when the keys are not periods
 * that can be told apart (any key that period_parse_key() rejects).
 */
int scores_periods_adjacent(const char *a, const char *b);

/*
 * The period a reader judges when none is named (SPEC section 13): the
 * latest period with a number (a projection when the table has them).
 * When the elapsed column says less than min_elapsed (fixed-point
 * percent) of that period has gone by, the latest finished period
 * before it instead, if there is one.  pm-flag and pm-report both ask
 * here, so that they judge the same period of the same table.
 */
struct scores_pick {
	uint32_t period;	/* the period to judge; SC_NONE: empty table */
	uint32_t early;		/* the period in progress passed over, or
				   SC_NONE */
	int none_finished;	/* too early, but no finished period: judged
				   anyway */
	int64_t elapsed;	/* early's (or period's) elapsed; -1 unknown */
};
/* The period to judge when none is named (see struct scores_pick). */
struct scores_pick scores_pick_period(const struct scores *s,
    int64_t min_elapsed);
/* The elapsed percent of a period as written, fixed-point; -1: unknown. */
int64_t scores_elapsed(const struct scores *s, uint32_t period);
/*
 * "2026-05 has just begun (2 of 31 days)" for a pick that passed over
 * early (or 6.5% of it, when its days cannot be told from its key).
 */
void scores_early_text(const struct scores *s, const struct scores_pick *p,
    char *buf, size_t size);

#endif
