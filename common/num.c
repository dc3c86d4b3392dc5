#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "num.h"

static int
is_space(char c)
{
	return c == ' ' || c == '\t';
}

int
fixed_parse(const char *s, size_t n, int64_t *out)
{
	const char *p = s, *end = s + n;
	int neg = 0, digits = 0, frac = 0, round_up = 0, big = 0;
	uint64_t v = 0;

	while (p < end && is_space(*p))
		p++;
	while (end > p && is_space(end[-1]))
		end--;
	if (p < end && (*p == '-' || *p == '+'))
		neg = *p++ == '-';
	/*
	 * The whole part may have at most FIXED_MAX / FIXED_SCALE: past it
	 * v * FIXED_SCALE would wrap (1844674407370956 read as 0.8384).
	 * The digits are still read, so that "1e99x" stays NUM_INVALID.
	 */
	for (; p < end && *p >= '0' && *p <= '9'; p++, digits++) {
		if (v > FIXED_MAX / FIXED_SCALE / 10)
			big = 1;
		else
			v = v * 10 + (uint64_t)(*p - '0');
	}
	if (v > FIXED_MAX / FIXED_SCALE)
		big = 1;
	v *= FIXED_SCALE;
	if (p < end && *p == '.') {
		uint64_t scale = FIXED_SCALE / 10;

		for (p++; p < end && *p >= '0' && *p <= '9'; p++, frac++) {
			if (frac < 4) {
				v += (uint64_t)(*p - '0') * scale;
				scale /= 10;
			} else if (frac == 4)
				round_up = *p >= '5';
		}
		digits += frac;
	}
	if (p != end || digits == 0)
		return NUM_INVALID;
	v += (uint64_t)round_up;
	if (big || v > FIXED_MAX)
		return NUM_RANGE;
	*out = neg ? -(int64_t)v : (int64_t)v;
	return NUM_OK;
}

char *
fixed_format(int64_t v, int decimals, char *buf)
{
	uint64_t a, unit, whole, frac;
	int neg = v < 0, i, len;
	char tmp[32], *p;

	a = neg ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	unit = 1;
	for (i = decimals; i < 4; i++)
		unit *= 10;
	a = (a + unit / 2) / unit;	/* half away from zero */
	unit = 1;
	for (i = 0; i < decimals; i++)
		unit *= 10;
	whole = a / unit;
	frac = a % unit;
	if (a == 0)
		neg = 0;
	/* Digits written backwards into tmp, no printf, no locale. */
	p = tmp + sizeof(tmp);
	if (frac != 0) {
		for (i = decimals; i > 0 && frac % 10 == 0; i--)
			frac /= 10;
		for (; i > 0; i--, frac /= 10)
			*--p = (char)('0' + frac % 10);
		*--p = '.';
	}
	do
		*--p = (char)('0' + whole % 10);
	while ((whole /= 10) != 0);
	if (neg)
		*--p = '-';
	len = (int)(tmp + sizeof(tmp) - p);
	memcpy(buf, p, (size_t)len);
	buf[len] = '\0';
	return buf;
}

/*
 * Checked in the open rather than with a compiler builtin: the range is
 * the symmetric [-FIXED_MAX, FIXED_MAX], INT64_MIN left out so that a
 * value can always be negated.
 */
int
fixed_add(int64_t *acc, int64_t v)
{
	if ((v > 0 && *acc > FIXED_MAX - v) ||
	    (v < 0 && *acc < -FIXED_MAX - v))
		return NUM_RANGE;
	*acc += v;
	return NUM_OK;
}

int
fixed_sub(int64_t *acc, int64_t v)
{
	if (v < -FIXED_MAX)
		return NUM_RANGE;
	return fixed_add(acc, -v);
}

const char *
fixed_why(int rc)
{
	return rc == NUM_RANGE ? "out of range (the limit is "
	    "+-922337203685477.5807)" : "not a number";
}

static uint64_t
uabs(int64_t v)
{
	return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

int
fixed_mul_int(int64_t *acc, int64_t k)
{
	if (*acc != 0 && k != 0 && uabs(*acc) > (uint64_t)FIXED_MAX / uabs(k))
		return NUM_RANGE;
	*acc *= k;
	return NUM_OK;
}

double
fixed_to_double(int64_t v)
{
	return (double)v / FIXED_SCALE;
}

int64_t
fixed_from_double(double v)
{
	double r = v * FIXED_SCALE;

	if (isnan(r))
		return 0;
	r = r < 0 ? -floor(-r + 0.5) : floor(r + 0.5);
	if (r >= 9.2e18)
		return FIXED_MAX;
	if (r <= -9.2e18)
		return -FIXED_MAX;
	return (int64_t)r;
}

int
double_parse(const char *s, size_t n, double *out)
{
	char buf[NUM_BUFSIZE], *end;
	const char *p = s, *e = s + n;
	size_t i;
	double v;

	while (p < e && is_space(*p))
		p++;
	while (e > p && is_space(e[-1]))
		e--;
	if (p == e || (size_t)(e - p) >= sizeof(buf))
		return NUM_INVALID;
	/* strtod also takes hex, inf and nan, which are no data of ours. */
	for (i = 0; p + i < e; i++) {
		char c = p[i];

		if (!((c >= '0' && c <= '9') || c == '.' || c == '-' ||
		    c == '+' || c == 'e' || c == 'E'))
			return NUM_INVALID;
		buf[i] = c;
	}
	buf[i] = '\0';
	v = strtod(buf, &end);
	if (*end != '\0' || end == buf)
		return NUM_INVALID;
	if (!isfinite(v))
		return NUM_RANGE;
	*out = v;
	return NUM_OK;
}

char *
double_format(double v, int decimals, char *buf)
{
	double scale = 1, a;
	int i;

	for (i = 0; i < decimals; i++)
		scale *= 10;
	/*
	 * Half away from zero, as a reader checking by hand would round;
	 * the small nudge keeps 62.25 (stored as 62.249999...) at 62.3.
	 */
	a = floor(fabs(v) * scale + 0.5 + 1e-7);
	if (a == 0 || !isfinite(v))
		v = 0;
	snprintf(buf, NUM_BUFSIZE, "%s%.*f", v < 0 ? "-" : "", decimals,
	    a / scale);
	return buf;
}
