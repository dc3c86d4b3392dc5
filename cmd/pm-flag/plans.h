/*
 * The coaching plans file (SPEC section 14): what a manager and a rep
 * agreed to work on, read from a CSV that people write by hand (often
 * in a spreadsheet), and placed on the scores table's periods.
 */
#ifndef PM_FLAG_PLANS_H
#define PM_FLAG_PLANS_H

#include <stddef.h>
#include <stdint.h>

#include "csvin.h"
#include "date.h"

struct plan {
	long line;		/* physical line of the plan in the file */
	char *rep, *metric;	/* trimmed */
	char *focus, *coach;	/* trimmed, "" when none */
	char *from, *to;	/* the keys as typed, trimmed */
	int64_t goal;		/* fixed-point: the metric's unit or percent */
	int pct;		/* an attainment goal, written "110%" */
	int fiscal;		/* from and to are fiscal keys (FY2027-Q1) */
	pm_day from_first, to_last;	/* the days from and to cover */
	/* After plans_place: first days of the table periods from and to. */
	pm_day start, end;
};

struct plans {
	char *file;
	struct plan *p;
	size_t n;
};

/* What is wrong with a plan: its line, the field, the message. */
struct plan_error {
	long line;
	const char *field;
	char msg[256];
};

/*
 * Reads every plan from r (its first record is the header) into pl;
 * -1 and e at the first malformed one.
 */
int plans_parse(struct csvr *r, struct plans *pl, struct plan_error *e);
/* plans_parse of the file at path; a malformed plan is exit 65. */
struct plans *plans_read(const char *path, unsigned char delim);
/*
 * The period type of a scores table from one of its period keys;
 * *fiscal when the keys are FY keys.  -1 when key is not a period.
 */
int plans_period_cfg(const char *key, struct period_cfg *cfg, int *fiscal);
/*
 * Places every plan on periods of type cfg (from: the period of its
 * first day, to: that of its last day); -1 and e for a plan whose keys
 * are fiscal when the table's are not (or the other way round), or for
 * two plans of one rep and metric that share a period.
 */
int plans_place(struct plans *pl, const struct period_cfg *cfg, int fiscal,
    struct plan_error *e);
/* Releases pl and every plan in it (NULL is fine). */
void plans_free(struct plans *pl);

/* A goal as people type it ("12", "12.0", "$50,000", "110%"); -1 if none. */
int plans_goal(const char *s, size_t n, int64_t *goal, int *pct);
/*
 * A period key or ISO date as typed ("2026-09", "2026-q3", " 2026-09-01")
 * into the days it covers; -1 if it is neither.
 */
int plans_period(const char *s, size_t n, pm_day *first, pm_day *last,
    int *fiscal);

#endif
