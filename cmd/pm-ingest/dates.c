/*
 * Messy date parsing.  One scanner reads every accepted form into its
 * numeric parts; the order question is settled only for the forms that
 * have one (A/B/YYYY and A-B-YYYY with both A and B up to 12).
 */
#include <string.h>
#include <strings.h>

#include "ingest.h"

enum form { FM_YMD, FM_SLASH, FM_DOTTED, FM_NAMED };

struct raw {
	enum form form;
	int a, b, c;		/* as written, left to right */
	int alen, clen;		/* digits in the first and last part */
	int y, m, d;		/* for the forms whose order is fixed */
};

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int
isdig(int c)
{
	return c >= '0' && c <= '9';
}

static int
isalph(int c)
{
	c = lower(c);
	return c >= 'a' && c <= 'z';
}

/* Up to max digits at *p; their count, 0 when none. */
static int
digits(const char **p, const char *end, int max, int *v)
{
	int k = 0;

	*v = 0;
	while (*p < end && isdig(**p) && k < max) {
		*v = *v * 10 + (**p - '0');
		(*p)++;
		k++;
	}
	if (*p < end && isdig(**p))
		return 0;	/* too many digits */
	return k;
}

/* An English month name or its 3-letter (or "Sept") abbreviation. */
static int
month_name(const char **p, const char *end)
{
	static const char *const full[] = { "january", "february", "march",
		"april", "may", "june", "july", "august", "september",
		"october", "november", "december" };
	const char *s = *p;
	size_t n = 0, i, k;

	while (s + n < end && isalph(s[n]))
		n++;
	for (i = 0; i < 12; i++) {
		size_t fl = strlen(full[i]);

		if (n != 3 && n != fl && !(i == 8 && n == 4))
			continue;
		if (n > fl)
			continue;
		for (k = 0; k < n && lower(s[k]) == full[i][k]; k++)
			;
		if (k == n) {
			*p = s + n;
			if (*p < end && **p == '.' && n < fl)
				(*p)++;
			return (int)i + 1;
		}
	}
	return 0;
}

static int
skip_spaces(const char **p, const char *end)
{
	int k = 0;

	while (*p < end && (**p == ' ' || **p == '\t')) {
		(*p)++;
		k++;
	}
	return k;
}

/* "AM", "PM", "a.m.", "p.m." (any case). */
static int
ampm(const char **p, const char *end)
{
	const char *s = *p;
	int c;

	if (s >= end)
		return 0;
	c = lower(*s);
	if (c != 'a' && c != 'p')
		return 0;
	s++;
	if (s < end && *s == '.')
		s++;
	if (s >= end || lower(*s) != 'm')
		return 0;
	s++;
	if (s < end && *s == '.')
		s++;
	*p = s;
	return c;
}

/* Exactly two digits, whatever follows. */
static int
two_digits(const char **p, const char *end, int *v)
{
	if (end - *p < 2 || !isdig((*p)[0]) || !isdig((*p)[1]))
		return -1;
	*v = ((*p)[0] - '0') * 10 + ((*p)[1] - '0');
	*p += 2;
	return 0;
}

/* Z, +HH, +HH:MM, +HHMM, or UTC/GMT. */
static int
zone(const char **p, const char *end)
{
	const char *s = *p;
	int h, m;

	if (s < end && *s == 'Z') {
		*p = s + 1;
		return 0;
	}
	if (end - s >= 3 && (memcmp(s, "UTC", 3) == 0 ||
	    memcmp(s, "GMT", 3) == 0)) {
		*p = s + 3;
		return 0;
	}
	if (s >= end || (*s != '+' && *s != '-'))
		return -1;
	s++;
	if (two_digits(&s, end, &h) != 0 || h > 23)
		return -1;
	if (s < end && *s == ':')
		s++;
	if (s < end && (two_digits(&s, end, &m) != 0 || m > 59))
		return -1;
	*p = s;
	return 0;
}

/*
 * What may follow a date: nothing, or a time (T, spaces or ", ", H:MM,
 * optional :SS and fraction, optional AM/PM, optional zone).
 */
static int
time_tail(const char *p, const char *end)
{
	int h, m, sec, k, ap, sp;

	if (p == end)
		return 0;
	if (*p == 'T')
		p++;
	else {
		/* ICU locales (Salesforce, Excel): "1/29/2026, 4:04 PM" */
		if (*p == ',')
			p++;
		if (skip_spaces(&p, end) == 0)
			return -1;
	}
	if (p == end)
		return 0;
	if (digits(&p, end, 2, &h) == 0 || p == end || *p != ':')
		return -1;
	p++;
	if (digits(&p, end, 2, &m) != 2 || m > 59)
		return -1;
	if (p < end && *p == ':') {
		p++;
		if (digits(&p, end, 2, &sec) != 2 || sec > 60)
			return -1;
		if (p < end && (*p == '.' || *p == ',')) {
			p++;
			for (k = 0; p < end && isdig(*p); p++)
				k++;
			if (k == 0)
				return -1;
		}
	}
	sp = skip_spaces(&p, end);
	if ((ap = ampm(&p, end)) != 0) {
		if (h < 1 || h > 12)
			return -1;
		sp = skip_spaces(&p, end);
	} else if (h > 23)
		return -1;
	if (p == end)
		return 0;
	if (!sp && *p != 'Z' && *p != '+' && *p != '-')
		return -1;
	if (zone(&p, end) != 0)
		return -1;
	skip_spaces(&p, end);
	return p == end ? 0 : -1;
}

/* A year of 2 digits is 1930..2029, as spreadsheets read it. */
static int
full_year(int y, int len)
{
	if (len == 4)
		return y;
	return y < 30 ? 2000 + y : 1900 + y;
}

/* The English ordinal suffix of day d (1st, 2nd, 3rd, 4th), if there. */
static void
ordinal(const char **p, const char *end, int d)
{
	const char *want = d % 10 == 1 && d != 11 ? "st" : d % 10 == 2 &&
	    d != 12 ? "nd" : d % 10 == 3 && d != 13 ? "rd" : "th";

	if (end - *p >= 2 && lower((*p)[0]) == want[0] &&
	    lower((*p)[1]) == want[1])
		*p += 2;
}

static int
scan_named(const char *p, const char *end, struct raw *r)
{
	int k, v;

	/* Mar 1, 2026 / March 1 2026 */
	if ((r->m = month_name(&p, end)) == 0)
		return -1;
	if (skip_spaces(&p, end) == 0 && (p >= end || *p != '-'))
		return -1;
	if (p < end && *p == '-')
		p++;
	if ((k = digits(&p, end, 2, &r->d)) == 0)
		return -1;
	ordinal(&p, end, r->d);
	if (p < end && *p == ',')
		p++;
	if (skip_spaces(&p, end) == 0 && (p >= end || *p != '-'))
		return -1;
	if (p < end && *p == '-')
		p++;
	if ((k = digits(&p, end, 4, &v)) != 4)
		return -1;
	r->y = v;
	r->form = FM_NAMED;
	return time_tail(p, end);
}

static int
scan(const char *s, size_t n, struct raw *r)
{
	const char *p = s, *end = s + n;
	int k, k2, k3;
	char sep;

	memset(r, 0, sizeof(*r));
	if (p < end && isalph(*p))
		return scan_named(p, end, r);
	if ((k = digits(&p, end, 4, &r->a)) == 0 || p == end)
		return -1;
	r->alen = k;
	sep = *p;
	if (k == 4) {
		/* YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD */
		if (sep != '-' && sep != '/' && sep != '.')
			return -1;
		p++;
		if (digits(&p, end, 2, &r->m) == 0 || p == end || *p != sep)
			return -1;
		p++;
		if (digits(&p, end, 2, &r->d) == 0)
			return -1;
		r->y = r->a;
		r->form = FM_YMD;
		return time_tail(p, end);
	}
	if (k > 2)
		return -1;
	p++;
	if ((sep == '-' || sep == ' ') && p < end && isalph(*p)) {
		/* 01-Mar-2026, 1 Mar 2026 */
		r->d = r->a;
		if ((r->m = month_name(&p, end)) == 0 || p == end ||
		    *p != sep)
			return -1;
		p++;
		k3 = digits(&p, end, 4, &r->c);
		if (k3 != 2 && k3 != 4)
			return -1;
		r->y = full_year(r->c, k3);
		r->form = FM_NAMED;
		return time_tail(p, end);
	}
	if (sep != '/' && sep != '-' && sep != '.')
		return -1;
	if ((k2 = digits(&p, end, 2, &r->b)) == 0 || p == end || *p != sep)
		return -1;
	p++;
	k3 = digits(&p, end, 4, &r->c);
	if (k3 != 2 && k3 != 4)
		return -1;
	r->clen = k3;
	r->form = sep == '.' ? FM_DOTTED : FM_SLASH;
	return time_tail(p, end);
}

static int
make(int y, int m, int d, pm_day *out)
{
	if (!date_valid(y, m, d))
		return MD_INVALID;
	*out = ymd_to_day(y, m, d);
	return MD_OK;
}

static int
blank(const char **s, size_t *n)
{
	while (*n > 0 && (**s == ' ' || **s == '\t')) {
		(*s)++;
		(*n)--;
	}
	while (*n > 0 && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
	return *n == 0;
}

int
mdate_parse(const char *s, size_t n, enum dorder order, pm_day *out)
{
	struct raw r;
	int y;

	if (blank(&s, &n))
		return MD_EMPTY;
	if (scan(s, n, &r) != 0)
		return MD_INVALID;
	switch (r.form) {
	case FM_YMD:
	case FM_NAMED:
		return make(r.y, r.m, r.d, out);
	case FM_DOTTED:
		return make(full_year(r.c, r.clen), r.b, r.a, out);
	case FM_SLASH:
		break;
	}
	if (order == DO_YMD && r.alen == 2 && r.clen == 2)
		return make(full_year(r.a, 2), r.b, r.c, out);
	y = full_year(r.c, r.clen);
	if (r.a > 12 && r.b > 12)
		return MD_INVALID;
	if (r.a == r.b)
		return make(y, r.a, r.b, out);
	if (r.a > 12)	/* only D/M */
		return order == DO_MDY ? (date_valid(y, r.b, r.a) ?
		    MD_CONTRA : MD_INVALID) : make(y, r.b, r.a, out);
	if (r.b > 12)	/* only M/D */
		return order == DO_DMY ? (date_valid(y, r.a, r.b) ?
		    MD_CONTRA : MD_INVALID) : make(y, r.a, r.b, out);
	if (order == DO_MDY)
		return make(y, r.a, r.b, out);
	if (order == DO_DMY)
		return make(y, r.b, r.a, out);
	return MD_AMBIG;
}

int
mdate_evidence(const char *s, size_t n)
{
	struct raw r;
	pm_day d;

	if (blank(&s, &n))
		return EV_NONE;
	if (scan(s, n, &r) != 0)
		return EV_BAD;
	if (r.form != FM_SLASH)
		return mdate_parse(s, n, DO_UNKNOWN, &d) == MD_OK ? EV_NONE :
		    EV_BAD;
	if (r.a > 12 && r.b <= 12)
		return date_valid(full_year(r.c, r.clen), r.b, r.a) ?
		    EV_DMY : EV_BAD;
	if (r.b > 12 && r.a <= 12)
		return date_valid(full_year(r.c, r.clen), r.a, r.b) ?
		    EV_MDY : EV_BAD;
	if (r.a > 12 || r.a == 0 || r.b == 0)
		return EV_BAD;
	return r.a == r.b ? EV_NONE : EV_AMBIG;
}

int
mdate_order_parse(const char *s, enum dorder *out)
{
	if (strcasecmp(s, "mdy") == 0)
		*out = DO_MDY;
	else if (strcasecmp(s, "dmy") == 0)
		*out = DO_DMY;
	else if (strcasecmp(s, "ymd") == 0)
		*out = DO_YMD;
	else
		return -1;
	return 0;
}

const char *
mdate_order_name(enum dorder o)
{
	switch (o) {
	case DO_MDY:
		return "M/D/YYYY";
	case DO_DMY:
		return "D/M/YYYY";
	case DO_YMD:
		return "YY/MM/DD";
	default:
		return "unknown";
	}
}
