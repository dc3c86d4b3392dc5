/*
 * Unit tests for pm-score's suggested targets and ramps
 * (cmd/pm-score/suggest.c, ramp.c): the rounding to 2 significant
 * digits, the growth, and which period of a ramp a rep is in.  Every
 * expected value is worked out by hand in the comments.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <unistd.h>

#include "num.h"
#include "out.h"
#include "tutil.h"
#include "../../cmd/pm-score/score.h"

#define U FIXED_SCALE	/* one unit in 1/10000 */

/* n / d rounded as a sum (level 0) or a level (1), no growth. */
static int64_t
rnd(__int128 n, __int128 d, int level)
{
	int64_t v = -1;

	assert_int_equal(suggest_round(n, d, 0, 1, level, &v), NUM_OK);
	return v;
}

static void
round_sums(void **state)
{
	(void)state;
	/* 41,250: two digits are 41, the rest 250 < 500: down. */
	assert_int_equal(rnd(41250, 1, 0), 41000 * (int64_t)U);
	/* 41,500: the rest is half: up to 42,000. */
	assert_int_equal(rnd(41500, 1, 0), 42000 * (int64_t)U);
	/* 99.5 is under 100: whole units, half up to 100. */
	assert_int_equal(rnd(995, 10, 0), 100 * (int64_t)U);
	/* 99.4 to 99; 7.4 to 7 (no decimals for a sum); 0.4 to 0; 0.5 to 1. */
	assert_int_equal(rnd(994, 10, 0), 99 * (int64_t)U);
	assert_int_equal(rnd(74, 10, 0), 7 * (int64_t)U);
	assert_int_equal(rnd(4, 10, 0), 0);
	assert_int_equal(rnd(5, 10, 0), 1 * (int64_t)U);
	/* 995: step 10, 99.5 tens up to 1000; 1049 down, 1050 up. */
	assert_int_equal(rnd(995, 1, 0), 1000 * (int64_t)U);
	assert_int_equal(rnd(1049, 1, 0), 1000 * (int64_t)U);
	assert_int_equal(rnd(1050, 1, 0), 1100 * (int64_t)U);
	/* 123,456,789 keeps 12: 120,000,000. */
	assert_int_equal(rnd(123456789, 1, 0), 120000000 * (int64_t)U);
	/* Half away from zero below zero too: -41,500 to -42,000. */
	assert_int_equal(rnd(-41500, 1, 0), -42000 * (int64_t)U);
	/* 200/3 = 66.67 to 67. */
	assert_int_equal(rnd(200, 3, 0), 67 * (int64_t)U);
}

static void
round_levels(void **state)
{
	(void)state;
	/* 4.56 to 4.6; 0.74 to 0.7 (tenths at the finest); 0.75 to 0.8. */
	assert_int_equal(rnd(456, 100, 1), 46000);
	assert_int_equal(rnd(74, 100, 1), 7000);
	assert_int_equal(rnd(75, 100, 1), 8000);
	/* 1/3 to 0.3; 47.36 to 47; 99.95 to 100. */
	assert_int_equal(rnd(1, 3, 1), 3000);
	assert_int_equal(rnd(4736, 100, 1), 47 * (int64_t)U);
	assert_int_equal(rnd(9995, 100, 1), 100 * (int64_t)U);
	/* 22.3 (the midpoint of 40 and 4.6) to 22. */
	assert_int_equal(rnd(223, 10, 1), 22 * (int64_t)U);
}

static void
round_growth(void **state)
{
	int64_t v = 0;

	(void)state;
	/* 30,000 x 1.1 = 33,000; 41,250 x 1.1 = 45,375 to 45,000. */
	assert_int_equal(suggest_round(30000, 1, 10 * U, 1, 0, &v), NUM_OK);
	assert_int_equal(v, 33000 * (int64_t)U);
	assert_int_equal(suggest_round(41250, 1, 10 * U, 1, 0, &v), NUM_OK);
	assert_int_equal(v, 45000 * (int64_t)U);
	/* Lower is better: 40 / 1.1 = 36.36 to 36; 4.56 / 1.1 = 4.145 to 4.1. */
	assert_int_equal(suggest_round(40, 1, 10 * U, 0, 1, &v), NUM_OK);
	assert_int_equal(v, 36 * (int64_t)U);
	assert_int_equal(suggest_round(456, 100, 10 * U, 0, 1, &v), NUM_OK);
	assert_int_equal(v, 41000);
	/* 2.5%: 1000 x 1.025 = 1025 to 1000 (25 < 50). */
	assert_int_equal(suggest_round(1000, 1, 25000, 1, 0, &v), NUM_OK);
	assert_int_equal(v, 1000 * (int64_t)U);
}

static void
round_range(void **state)
{
	int64_t v = 7;

	(void)state;
	/* 9e14 units rounds to 9.0e14, within the range (9.22e14). */
	assert_int_equal(suggest_round((__int128)900000000000000, 1, 0, 1, 0,
	    &v), NUM_OK);
	assert_int_equal(v, (int64_t)900000000000000 * U);
	/* 9.2e14 x 1.1 is past it: an error, *out kept. */
	v = 7;
	assert_int_equal(suggest_round((__int128)920000000000000, 1, 10 * U,
	    1, 0, &v), NUM_RANGE);
	assert_int_equal(v, 7);
	/* 9.25e14 rounds to 9.3e14, past the range. */
	assert_int_equal(suggest_round((__int128)925000000000000, 1, 0, 1, 0,
	    &v), NUM_RANGE);
}

static void
ramp_parse(void **state)
{
	int64_t *p;
	size_t n;
	const char *why;

	(void)state;
	assert_int_equal(ramps_parse("25;50; 75%", 10, &p, &n, &why), 0);
	assert_int_equal(n, 3);
	assert_int_equal(p[0], 25 * (int64_t)U);
	assert_int_equal(p[1], 50 * (int64_t)U);
	assert_int_equal(p[2], 75 * (int64_t)U);
	free(p);
	assert_int_equal(ramps_parse("37.5,100", 8, &p, &n, &why), 0);
	assert_int_equal(n, 2);
	assert_int_equal(p[0], 375000);
	free(p);
	assert_int_equal(ramps_parse("25;;75", 6, &p, &n, &why), -1);
	assert_int_equal(ramps_parse("", 0, &p, &n, &why), -1);
	assert_int_equal(ramps_parse("25;150", 6, &p, &n, &why), -1);
	assert_int_equal(ramps_parse("-5", 2, &p, &n, &why), -1);
	assert_int_equal(ramps_parse("half", 4, &p, &n, &why), -1);
}

static void
ramp_share(void **state)
{
	struct period_cfg m = { P_MONTH, 1 };
	struct ramps *rp = ramps_new();
	int64_t *p, v = 0;
	size_t n;
	const char *why;

	(void)state;
	assert_int_equal(ramps_parse("50;75", 5, &p, &n, &why), 0);
	ramps_set(rp, 3, p, n);
	/* Starts 2025-06-15: June prorated, not ramped; July 50, August 75. */
	assert_int_equal(ramps_share(rp, &m, 3, ymd_to_day(2025, 6, 15),
	    ymd_to_day(2025, 6, 1), &v), 0);
	assert_int_equal(ramps_share(rp, &m, 3, ymd_to_day(2025, 6, 15),
	    ymd_to_day(2025, 7, 1), &v), 1);
	assert_int_equal(v, 50 * (int64_t)U);
	assert_int_equal(ramps_share(rp, &m, 3, ymd_to_day(2025, 6, 15),
	    ymd_to_day(2025, 8, 1), &v), 1);
	assert_int_equal(v, 75 * (int64_t)U);
	assert_int_equal(ramps_share(rp, &m, 3, ymd_to_day(2025, 6, 15),
	    ymd_to_day(2025, 9, 1), &v), 0);
	/* Starts on the 1st: that month is the first full one. */
	assert_int_equal(ramps_share(rp, &m, 3, ymd_to_day(2025, 6, 1),
	    ymd_to_day(2025, 6, 1), &v), 1);
	assert_int_equal(v, 50 * (int64_t)U);
	/* No start date, or a rep without a ramp and no --ramp: none. */
	assert_int_equal(ramps_share(rp, &m, 3, NO_DAY,
	    ymd_to_day(2025, 7, 1), &v), 0);
	assert_int_equal(ramps_share(rp, &m, 1, ymd_to_day(2025, 6, 15),
	    ymd_to_day(2025, 7, 1), &v), 0);
	/* --ramp 25: rep 1, who has none of their own, gets it. */
	assert_int_equal(ramps_parse("25", 2, &p, &n, &why), 0);
	ramps_set_default(rp, p, n);
	assert_int_equal(ramps_share(rp, &m, 1, ymd_to_day(2025, 6, 15),
	    ymd_to_day(2025, 7, 1), &v), 1);
	assert_int_equal(v, 25 * (int64_t)U);
	assert_int_equal(ramps_share(rp, &m, 3, ymd_to_day(2025, 6, 15),
	    ymd_to_day(2025, 7, 1), &v), 1);
	assert_int_equal(v, 50 * (int64_t)U);
	ramps_free(rp);
}

/*
 * Ann's revenue 100 200 300 400 in 2025-01..04, Bob's 50 and 70 in
 * March and April (his first fact is in March: 2 periods), both East;
 * the last fact 2025-04-30 finishes April.
 */
static const char FACTS[] =
    "date,rep,metric,value,account,product,team,ref\n"
    "2025-01-10,Ann,revenue,100,,,East,a1\n"
    "2025-02-10,Ann,revenue,200,,,East,a2\n"
    "2025-03-10,Ann,revenue,300,,,East,a3\n"
    "2025-04-30,Ann,revenue,400,,,East,a4\n"
    "2025-03-10,Bob,revenue,50,,,East,b1\n"
    "2025-04-10,Bob,revenue,70,,,East,b2\n";

/* The suggestions of FACTS for --for fp (NULL: the next period). */
static char *
suggest(const char *fp)
{
	struct agg_cfg cfg = { { P_MONTH, 1 }, 1, 0, ',' };
	struct suggest_opts so = { 60 * U, 6, 0, fp };
	struct score_opts o;
	char *pf = tu_write_tmp(FACTS), *text;
	struct cells c;
	struct agg *a;
	struct out *out = out_mem();
	size_t len;

	memset(&o, 0, sizeof(o));
	o.cap = 150;
	o.from = o.to = NO_DAY;
	a = agg_new(&cfg);
	agg_read_facts(a, pf);
	cells_init(&c, a, &o, NULL);
	suggest_write(&c, &so, out);
	cells_free(&c);
	text = out_mem_take(out, &len);
	agg_free(a);
	unlink(pf);
	free(pf);
	return text;
}

static void
suggest_next(void **state)
{
	char *t = suggest(NULL);

	(void)state;
	/*
	 * May.  Ann: k = ceil(4 x 0.6) = 3, the 3rd largest of 400 300 200
	 * 100: 200, reached in 3 of 4.  Bob: 2 periods, the median of East's
	 * own suggestions (Ann's 200).  Revenue only: no deals_won, no
	 * leading metric in the facts.
	 */
	assert_string_equal(t,
	    "period,rep,metric,target,basis\n"
	    "2025-05,Ann,revenue,200,reached in 3 of 4 periods "
	    "(2025-01..2025-04)\n"
	    "2025-05,Bob,revenue,200,team median of 1 rep (2 periods of "
	    "history)\n");
	free(t);
}

static void
suggest_all(void **state)
{
	char *t = suggest("all");

	(void)state;
	/*
	 * January to March: nobody has 3 periods before them.  April: Ann's
	 * 100 200 300, k = ceil(1.8) = 2: 200; Bob (1 period): her 200.
	 */
	assert_string_equal(t,
	    "period,rep,metric,target,basis\n"
	    "2025-04,Ann,revenue,200,reached in 2 of 3 periods "
	    "(2025-01..2025-03)\n"
	    "2025-04,Bob,revenue,200,team median of 1 rep (1 period of "
	    "history)\n");
	free(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(round_sums),
		cmocka_unit_test(round_levels),
		cmocka_unit_test(round_growth),
		cmocka_unit_test(round_range),
		cmocka_unit_test(ramp_parse),
		cmocka_unit_test(ramp_share),
		cmocka_unit_test(suggest_next),
		cmocka_unit_test(suggest_all),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
