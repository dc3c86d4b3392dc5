/*
 * Numbers, independent of the locale.  Money and counts are fixed-point
 * integers of 1/10000 so that sums are exact and do not depend on the
 * order of the input; ratios are doubles, rounded only when written.
 */
#ifndef PM_NUM_H
#define PM_NUM_H

#include <stddef.h>
#include <stdint.h>

#define FIXED_SCALE 10000
/*
 * The range of a fixed-point value: +-922337203685477.5807.  INT64_MIN
 * is left out so that every value can be negated; a number past the
 * range, read or computed, is an error (NUM_RANGE), never wrapped.
 */
#define FIXED_MAX INT64_MAX
#define NUM_BUFSIZE 64

enum { NUM_OK = 0, NUM_INVALID = -1, NUM_RANGE = -2 };

/*
 * Plain decimal: optional sign, digits, optional fraction.  Surrounding
 * spaces are allowed, nothing else.  Digits past the fourth decimal are
 * rounded half away from zero.  NUM_RANGE past +-FIXED_MAX.
 */
int fixed_parse(const char *s, size_t n, int64_t *out);
/* v rounded half away from zero to at most `decimals` (0..4), zeros trimmed. */
char *fixed_format(int64_t v, int decimals, char *buf);
/* *acc + v into *acc; NUM_RANGE, *acc kept, past +-FIXED_MAX. */
int fixed_add(int64_t *acc, int64_t v);
/* *acc - v into *acc; NUM_RANGE, *acc kept, past +-FIXED_MAX. */
int fixed_sub(int64_t *acc, int64_t v);
/* *acc times a whole number k; NUM_RANGE, *acc kept, past +-FIXED_MAX. */
int fixed_mul_int(int64_t *acc, int64_t k);
/* Why fixed_parse failed, for a message: "not a number", "out of range ...". */
const char *fixed_why(int rc);
/* v as a double (for ratios and display only, never for sums). */
double fixed_to_double(int64_t v);
/* v in 1/10000 units, clamped to +-FIXED_MAX. */
int64_t fixed_from_double(double v);

/* A plain decimal (or exponent) number; NUM_INVALID otherwise. */
int double_parse(const char *s, size_t n, double *out);
/* Exactly `decimals` places, half away from zero, never an exponent. */
char *double_format(double v, int decimals, char *buf);

#endif
