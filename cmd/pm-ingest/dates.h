/*
 * Dates as CRMs write them: ISO dates and date-times, M/D/YYYY and
 * D/M/YYYY (2-digit years, times, AM/PM), D.M.YYYY, YYYY/MM/DD,
 * 01-Mar-2026, Mar 1, 2026.  A time or zone is checked but ignored: the
 * date is the calendar date as written.  Whether 03/04/2026 is March or
 * April is the caller's decision, made from evidence over a column.
 */
#ifndef PM_INGEST_DATES_H
#define PM_INGEST_DATES_H

#include <stddef.h>

#include "date.h"

enum dorder { DO_UNKNOWN, DO_MDY, DO_DMY, DO_YMD };

enum {
	MD_OK = 0,
	MD_EMPTY = 1,		/* blank: not known */
	MD_INVALID = -1,	/* not a date */
	MD_CONTRA = -2,		/* a date only in the other day-month order */
	MD_AMBIG = -3		/* needs an order and none was given */
};

/* What a value says about the day-month order of its column. */
enum { EV_NONE, EV_AMBIG, EV_MDY, EV_DMY, EV_BAD };

int mdate_parse(const char *s, size_t n, enum dorder order, pm_day *out);
int mdate_evidence(const char *s, size_t n);
/* "dmy", "mdy", "ymd" (any case); -1 otherwise. */
int mdate_order_parse(const char *s, enum dorder *out);
const char *mdate_order_name(enum dorder o);

#endif
