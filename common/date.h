/*
 * Calendar dates as day numbers (days since 1970-01-01, proleptic
 * Gregorian) and the periods that scores are grouped by.  A period is
 * identified by the day number of its first day, so periods sort
 * chronologically as integers.
 */
#ifndef PM_DATE_H
#define PM_DATE_H

#include <stddef.h>
#include <stdint.h>

typedef int32_t pm_day;

#define DATE_BUFSIZE 16
#define PERIOD_BUFSIZE 16

/* The days of month m (1..12) of year y. */
int days_in_month(int y, int m);
/* Whether y-m-d is a real date of the years 1..9999. */
int date_valid(int y, int m, int d);
/* The day number of y-m-d (a valid date). */
pm_day ymd_to_day(int y, int m, int d);
/* The year, month and day of a day number. */
void day_to_ymd(pm_day day, int *y, int *m, int *d);
int iso_weekday(pm_day day);			/* 1 = Monday .. 7 = Sunday */
/* The ISO 8601 week of day and the year it belongs to. */
void iso_week(pm_day day, int *wyear, int *week);

/* Exactly YYYY-MM-DD and a real date; -1 otherwise. */
int date_parse_iso(const char *s, size_t n, pm_day *out);
/* day as YYYY-MM-DD into buf (DATE_BUFSIZE bytes). */
char *date_format(pm_day day, char *buf);

enum period_type { P_DAY, P_WEEK, P_MONTH, P_QUARTER, P_YEAR };

struct period_cfg {
	enum period_type type;
	int fiscal_start;	/* first month of the fiscal year, 1..12 */
};

/* "day", "week", "month", "quarter", "year" into *out; -1 otherwise. */
int period_type_parse(const char *name, enum period_type *out);
/* The name of t, as -p spells it. */
const char *period_type_name(enum period_type t);
/* The first day of the period that day lies in. */
pm_day period_start(const struct period_cfg *c, pm_day day);
/* The first day of the period after the one starting on start. */
pm_day period_next(const struct period_cfg *c, pm_day start);
/* The first day of the period before the one starting on start. */
pm_day period_prev(const struct period_cfg *c, pm_day start);
/* How many days the period starting on start has. */
int period_days(const struct period_cfg *c, pm_day start);
/* The key of the period starting on start (2026-W47, FY2027-Q1, ...). */
char *period_key(const struct period_cfg *c, pm_day start, char *buf);
/*
 * Any period key (2026-11-23, 2026-W47, 2026-11, 2026-Q4, 2026,
 * FY2027-Q1, FY2027) to its first and last day; -1 if it is none.
 * FY keys need fiscal_start > 1.
 */
int period_parse_key(const char *key, int fiscal_start, pm_day *first,
    pm_day *last);

#endif
