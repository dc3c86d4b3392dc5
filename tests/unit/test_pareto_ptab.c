/*
 * Unit tests for pm-pareto's table (cmd/pm-pareto/ptab.c): sums per
 * key, the detail's shares and classes, the summary's concentration
 * measures (SPEC section 5), by hand in the comments.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "num.h"
#include "out.h"
#include "../../cmd/pm-pareto/pareto.h"

#define PCT(x) ((int64_t)(x) * FIXED_SCALE)

static const struct pcfg DEFAULTS = { PCT(80), PCT(95), PCT(80), 0, 0 };

static void
add(struct ptab *t, const char *g, const char *k, int v)
{
	assert_int_equal(ptab_add(t, g, strlen(g), k, strlen(k), PCT(v)), 0);
}

/*
 * Acme 40 + 10 = 50, Kite 30, Bolt 10, Dune 10 (total 100); Echo -5 and
 * Fern 0 are left out of the ranking and counted as excluded.
 */
static struct ptab *
accounts(void)
{
	struct ptab *t = ptab_new(0);

	add(t, "", "Kite", 30);
	add(t, "", "Acme", 40);
	add(t, "", "Bolt", 10);
	add(t, "", "Echo", -5);
	add(t, "", "Acme", 10);
	add(t, "", "Dune", 10);
	add(t, "", "Fern", 0);
	return t;
}

/* What w writes of t under c. */
static char *
written(struct ptab *t, const struct pcfg *c,
    void (*w)(struct ptab *, const struct pcfg *, struct out *))
{
	struct out *o = out_mem();
	size_t len;

	w(t, c, o);
	return out_mem_take(o, &len);
}

static void
detail(void **state)
{
	struct ptab *t = accounts();
	struct pcfg top2 = DEFAULTS;
	char *s;

	(void)state;
	assert_int_equal(ptab_count(t), 6);
	/*
	 * Shares 50, 30, 10, 10; cumulative 50, 80, 90, 100.  A: the keys
	 * that reach 80% (Kite reaches it exactly), B: up to 95% (Dune
	 * crosses it), ties by key (Bolt before Dune).
	 */
	s = written(t, &DEFAULTS, ptab_write_detail);
	assert_string_equal(s, "rank,key,value,share,cum_share,class\n"
	    "1,Acme,50,50.0,50.0,A\n"
	    "2,Kite,30,30.0,80.0,A\n"
	    "3,Bolt,10,10.0,90.0,B\n"
	    "4,Dune,10,10.0,100.0,B\n");
	free(s);
	top2.top = 2;
	s = written(t, &top2, ptab_write_detail);
	assert_string_equal(s, "rank,key,value,share,cum_share,class\n"
	    "1,Acme,50,50.0,50.0,A\n"
	    "2,Kite,30,30.0,80.0,A\n");
	free(s);
	ptab_free(t);
}

static void
summary(void **state)
{
	struct ptab *t = accounts();
	char *s;

	(void)state;
	/*
	 * keys 4, total 100; 80% reached with 2 keys (50.0% of them); the
	 * top 20% = ceil(4 / 5) = 1 key: 50.0%.  Gini over 10, 10, 30, 50:
	 * 2 (1x10 + 2x10 + 3x30 + 4x50) / (4 x 100) - 5/4 = 0.350.  HHI
	 * 50^2 + 30^2 + 10^2 + 10^2 = 3600.  Excluded: Echo, Fern.
	 */
	s = written(t, &DEFAULTS, ptab_write_summary);
	assert_string_equal(s, "group,keys,total,keys_at,pct_keys_at,"
	    "top20_share,gini,hhi,excluded\n"
	    ",4,100,2,50.0,50.0,0.350,3600.0,2\n");
	free(s);
	ptab_free(t);
}

static void
groups(void **state)
{
	struct ptab *t = ptab_new(1);
	struct pcfg c = DEFAULTS;
	char *s;

	(void)state;
	c.grouped = 1;
	add(t, "West", "c", 2);
	add(t, "East", "b", 1);
	add(t, "East", "a", 3);
	/*
	 * East: a 3 (75%), b 1 (cumulative 100%, but 75% before it: A).
	 * Gini of 1, 3: 2 (1 + 6) / 8 - 3/2 = 0.250; HHI 75^2 + 25^2.
	 * West: one key, 100% of everything, Gini 0, HHI 10000.
	 */
	s = written(t, &c, ptab_write_detail);
	assert_string_equal(s, "group,rank,key,value,share,cum_share,class\n"
	    "East,1,a,3,75.0,75.0,A\n"
	    "East,2,b,1,25.0,100.0,A\n"
	    "West,1,c,2,100.0,100.0,A\n");
	free(s);
	s = written(t, &c, ptab_write_summary);
	assert_string_equal(s, "group,keys,total,keys_at,pct_keys_at,"
	    "top20_share,gini,hhi,excluded\n"
	    "East,2,4,2,100.0,75.0,0.250,6250.0,0\n"
	    "West,1,2,1,100.0,100.0,0.000,10000.0,0\n");
	free(s);
	ptab_free(t);
}

static void
overflow(void **state)
{
	struct ptab *t = ptab_new(0);

	(void)state;
	assert_int_equal(ptab_add(t, "", 0, "k", 1, INT64_MAX - 1), 0);
	assert_int_equal(ptab_add(t, "", 0, "k", 1, 2), -1);
	/* Another key is another sum. */
	assert_int_equal(ptab_add(t, "", 0, "j", 1, 2), 0);
	ptab_free(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(detail),
		cmocka_unit_test(summary),
		cmocka_unit_test(groups),
		cmocka_unit_test(overflow),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
