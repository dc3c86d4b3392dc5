/*
 * Exact values: rationals n/d of 128-bit integers built from the
 * fixed-point sums, so that ranks compare exactly and every number is
 * rounded once, when it is written, half away from zero as by hand.
 */
#include <math.h>

#include "num.h"
#include "score.h"

__int128
val_rdiv(__int128 n, __int128 d)
{
	if (n < 0)
		return -val_rdiv(-n, d);
	return (2 * n + d) / (2 * d);
}

struct val
val_unknown(void)
{
	struct val v = { 0, 0, 1 };

	return v;
}

struct val
val_make(__int128 n, __int128 d)
{
	struct val v;

	if (d == 0)
		return val_unknown();
	if (d < 0) {
		n = -n;
		d = -d;
	}
	v.known = 1;
	v.n = n;
	v.d = d;
	return v;
}

long double
val_ld(struct val v)
{
	return (long double)v.n / (long double)v.d;
}

int
val_cmp(struct val a, struct val b)
{
	__int128 l = a.n * b.d, r = b.n * a.d;

	return l < r ? -1 : l > r;
}

int
val_fixed(struct val v, int64_t *out)
{
	__int128 x = val_rdiv(v.n * FIXED_SCALE, v.d);

	if (x > FIXED_MAX || x < -FIXED_MAX)
		return NUM_RANGE;
	*out = (int64_t)x;
	return NUM_OK;
}

/*
 * A mean of attainments as a value, in steps of 1e-9: fine enough that
 * writing it to 1 decimal rounds the true mean, not a rounded one.
 */
struct val
val_of_double(double x)
{
	if (fabs(x) < 9e9)
		return val_make((__int128)llround(x * 1e9), 1000000000);
	return val_make((__int128)llround(x), 1);
}
