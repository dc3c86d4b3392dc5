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

int days_in_month(int y, int m);
int date_valid(int y, int m, int d);
pm_day ymd_to_day(int y, int m, int d);
void day_to_ymd(pm_day day, int *y, int *m, int *d);
int iso_weekday(pm_day day);			/* 1 = Monday .. 7 = Sunday */
void iso_week(pm_day day, int *wyear, int *week);

/* Exactly YYYY-MM-DD and a real date; -1 otherwise. */
int date_parse_iso(const char *s, size_t n, pm_day *out);
char *date_format(pm_day day, char *buf);

enum period_type { P_DAY, P_WEEK, P_MONTH, P_QUARTER, P_YEAR };

struct period_cfg {
	enum period_type type;
	int fiscal_start;	/* first month of the fiscal year, 1..12 */
};

int period_type_parse(const char *name, enum period_type *out);
const char *period_type_name(enum period_type t);
pm_day period_start(const struct period_cfg *c, pm_day day);
pm_day period_next(const struct period_cfg *c, pm_day start);
pm_day period_prev(const struct period_cfg *c, pm_day start);
int period_days(const struct period_cfg *c, pm_day start);
char *period_key(const struct period_cfg *c, pm_day start, char *buf);
/*
 * Any period key (2026-11-23, 2026-W47, 2026-11, 2026-Q4, 2026,
 * FY2027-Q1, FY2027) to its first and last day; -1 if it is none.
 * FY keys need fiscal_start > 1.
 */
int period_parse_key(const char *key, int fiscal_start, pm_day *first,
    pm_day *last);

#endif
