#include <stdio.h>
#include <string.h>

#include "date.h"

int
days_in_month(int y, int m)
{
	static const int dim[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dim[m - 1];
}

int
date_valid(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= days_in_month(y, m);
}

/* Howard Hinnant's days_from_civil: exact, no tables, no time zones. */
pm_day
ymd_to_day(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
day_to_ymd(pm_day day, int *y, int *m, int *d)
{
	int z, era, doe, yoe, doy, mp;

	z = day + 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

int
iso_weekday(pm_day day)
{
	/* 1970-01-01 was a Thursday. */
	int w = (day % 7 + 7 + 3) % 7;

	return w + 1;
}

void
iso_week(pm_day day, int *wyear, int *week)
{
	pm_day thursday, jan1;
	int y, m, d;

	/* The ISO year of a week is the year of its Thursday. */
	thursday = day - iso_weekday(day) + 4;
	day_to_ymd(thursday, &y, &m, &d);
	jan1 = ymd_to_day(y, 1, 1);
	*wyear = y;
	*week = (thursday - jan1) / 7 + 1;
}

static int
digits(const char *s, int n)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int
date_parse_iso(const char *s, size_t n, pm_day *out)
{
	int y, m, d;

	if (n != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	y = digits(s, 4);
	m = digits(s + 5, 2);
	d = digits(s + 8, 2);
	if (y < 0 || m < 0 || d < 0 || !date_valid(y, m, d))
		return -1;
	*out = ymd_to_day(y, m, d);
	return 0;
}

char *
date_format(pm_day day, char *buf)
{
	int y, m, d;

	day_to_ymd(day, &y, &m, &d);
	snprintf(buf, DATE_BUFSIZE, "%04d-%02d-%02d", y, m, d);
	return buf;
}

static const char *const type_names[] = { "day", "week", "month",
    "quarter", "year" };

int
period_type_parse(const char *name, enum period_type *out)
{
	int i;

	for (i = 0; i < 5; i++) {
		if (strcmp(name, type_names[i]) == 0) {
			*out = (enum period_type)i;
			return 0;
		}
	}
	return -1;
}

const char *
period_type_name(enum period_type t)
{
	return type_names[t];
}

/* The first month of the quarter or year holding month m. */
static int
span_first_month(const struct period_cfg *c, int m, int len)
{
	int fm = (m - c->fiscal_start + 12) % 12;

	return (c->fiscal_start - 1 + fm / len * len) % 12 + 1;
}

pm_day
period_start(const struct period_cfg *c, pm_day day)
{
	int y, m, d, first;

	switch (c->type) {
	case P_DAY:
		return day;
	case P_WEEK:
		return day - iso_weekday(day) + 1;
	case P_MONTH:
		day_to_ymd(day, &y, &m, &d);
		return ymd_to_day(y, m, 1);
	case P_QUARTER:
	case P_YEAR:
		day_to_ymd(day, &y, &m, &d);
		first = span_first_month(c, m, c->type == P_QUARTER ? 3 : 12);
		if (first > m)
			y--;
		return ymd_to_day(y, first, 1);
	}
	return day;
}

pm_day
period_next(const struct period_cfg *c, pm_day start)
{
	int y, m, d, add;

	switch (c->type) {
	case P_DAY:
		return start + 1;
	case P_WEEK:
		return start + 7;
	default:
		add = c->type == P_MONTH ? 1 : c->type == P_QUARTER ? 3 : 12;
		day_to_ymd(start, &y, &m, &d);
		m += add;
		while (m > 12) {
			m -= 12;
			y++;
		}
		return ymd_to_day(y, m, 1);
	}
}

pm_day
period_prev(const struct period_cfg *c, pm_day start)
{
	return period_start(c, start - 1);
}

int
period_days(const struct period_cfg *c, pm_day start)
{
	return period_next(c, start) - start;
}

char *
period_key(const struct period_cfg *c, pm_day start, char *buf)
{
	int y, m, d, fy, q;

	day_to_ymd(start, &y, &m, &d);
	switch (c->type) {
	case P_DAY:
		return date_format(start, buf);
	case P_WEEK:
		iso_week(start, &y, &q);
		snprintf(buf, PERIOD_BUFSIZE, "%04d-W%02d", y, q);
		return buf;
	case P_MONTH:
		snprintf(buf, PERIOD_BUFSIZE, "%04d-%02d", y, m);
		return buf;
	default:
		break;
	}
	q = (m - c->fiscal_start + 12) % 12 / 3 + 1;
	if (c->fiscal_start == 1) {
		if (c->type == P_QUARTER)
			snprintf(buf, PERIOD_BUFSIZE, "%04d-Q%d", y, q);
		else
			snprintf(buf, PERIOD_BUFSIZE, "%04d", y);
		return buf;
	}
	/* A fiscal year is named after the calendar year in which it ends. */
	fy = m >= c->fiscal_start ? y + 1 : y;
	if (c->type == P_QUARTER)
		snprintf(buf, PERIOD_BUFSIZE, "FY%04d-Q%d", fy, q);
	else
		snprintf(buf, PERIOD_BUFSIZE, "FY%04d", fy);
	return buf;
}

static int
month_span(int y, int m, int len, pm_day *first, pm_day *last)
{

	*first = ymd_to_day(y, m, 1);
	m += len;
	while (m > 12) {
		m -= 12;
		y++;
	}
	*last = ymd_to_day(y, m, 1) - 1;
	return 0;
}

int
period_parse_key(const char *key, int fiscal_start, pm_day *first,
    pm_day *last)
{
	size_t n = strlen(key);
	int y, v, m;

	if (n >= 2 && key[0] == 'F' && key[1] == 'Y') {
		if (fiscal_start <= 1 || n < 6 || (y = digits(key + 2, 4)) < 1)
			return -1;
		/* FYy starts in fiscal_start of year y - 1. */
		if (n == 6)
			return month_span(y - 1, fiscal_start, 12, first, last);
		if (n != 9 || key[6] != '-' || key[7] != 'Q' ||
		    (v = digits(key + 8, 1)) < 1 || v > 4)
			return -1;
		m = fiscal_start + (v - 1) * 3;
		y -= 1;
		while (m > 12) {
			m -= 12;
			y++;
		}
		return month_span(y, m, 3, first, last);
	}
	if (n < 4 || (y = digits(key, 4)) < 1)
		return -1;
	if (n == 4)
		return month_span(y, 1, 12, first, last);
	if (key[4] != '-')
		return -1;
	if (n == 10) {
		if (date_parse_iso(key, n, first) != 0)
			return -1;
		*last = *first;
		return 0;
	}
	if (n == 7 && key[5] == 'Q') {
		if ((v = digits(key + 6, 1)) < 1 || v > 4)
			return -1;
		return month_span(y, (v - 1) * 3 + 1, 3, first, last);
	}
	if (n == 8 && key[5] == 'W') {
		pm_day jan4;
		int wy, wk;

		if ((v = digits(key + 6, 2)) < 1)
			return -1;
		jan4 = ymd_to_day(y, 1, 4);
		*first = jan4 - iso_weekday(jan4) + 1 + (v - 1) * 7;
		iso_week(*first, &wy, &wk);
		if (wy != y || wk != v)
			return -1;
		*last = *first + 6;
		return 0;
	}
	if (n == 7) {
		if ((v = digits(key + 5, 2)) < 1 || v > 12)
			return -1;
		return month_span(y, v, 1, first, last);
	}
	return -1;
}
