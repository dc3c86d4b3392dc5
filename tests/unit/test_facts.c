/*
 * Unit tests for common/facts.c: a facts file with a header, a piece
 * without one, headers repeated where pieces were joined, columns
 * found by name.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "facts.h"
#include "tutil.h"

static struct tu_mem M;

static struct factsr *
open_str(const char *s, int flags)
{
	M.s = s;
	M.len = strlen(s);
	M.pos = 0;
	return factsr_open(csvr_open_fn(tu_mem_read, &M, "x.csv"), flags);
}

static void
with_header(void **state)
{
	struct factsr *fr = open_str("rep,date,metric,value\n"
	    "Ann,2026-01-02,calls,3\n"
	    "rep,date,metric,value\n"
	    "Bo,2026-01-03,calls,4\n", FR_FACTS);
	struct csv_row row;

	(void)state;
	assert_non_null(factsr_header(fr));
	assert_int_equal(factsr_header(fr)->line, 1);
	assert_int_equal(factsr_col(fr, "date"), 1);
	assert_int_equal(factsr_col(fr, "Metric"), 2);	/* normalised */
	assert_int_equal(factsr_col(fr, "team"), -1);
	assert_int_equal(factsr_next(fr, &row), 1);
	assert_string_equal(row.f[0], "Ann");
	assert_int_equal(factsr_next(fr, &row), 1);	/* header skipped */
	assert_string_equal(row.f[0], "Bo");
	assert_int_equal(row.line, 4);
	assert_int_equal(factsr_next(fr, &row), 0);
	factsr_close(fr);
}

static void
headerless(void **state)
{
	struct factsr *fr = open_str("2026-01-02,Ann,calls,3,,,,r1\n"
	    "2026-01-03,Bo,calls,4,,,,r2\n", FR_FACTS);
	struct csv_row row;
	size_t i;

	(void)state;
	for (i = 0; i < FACTS_NCOLS; i++)
		assert_int_equal(factsr_col(fr, facts_cols[i]), (int)i);
	assert_int_equal(factsr_header(fr)->line, 1);
	assert_int_equal(factsr_next(fr, &row), 1);	/* the first row */
	assert_string_equal(row.f[1], "Ann");
	assert_int_equal(factsr_next(fr, &row), 1);
	assert_string_equal(row.f[7], "r2");
	assert_int_equal(factsr_next(fr, &row), 0);
	factsr_close(fr);
}

static void
any_csv(void **state)
{
	/* Eight fields that begin with a date are a header for -v. */
	struct factsr *fr = open_str("2026-01-02,a,b,c,d,e,f,g\n"
	    "2026-01-03,1,2,3,4,5,6,7\n", FR_ANY_CSV);
	struct csv_row row;

	(void)state;
	assert_int_equal(factsr_col(fr, "a"), 1);
	assert_int_equal(factsr_next(fr, &row), 1);
	assert_string_equal(row.f[1], "1");
	assert_int_equal(factsr_next(fr, &row), 0);
	factsr_close(fr);
}

static void
empty(void **state)
{
	struct factsr *fr = open_str("", FR_FACTS);
	struct csv_row row;

	(void)state;
	assert_null(factsr_header(fr));
	assert_int_equal(factsr_col(fr, "date"), -1);
	assert_int_equal(factsr_next(fr, &row), 0);
	factsr_close(fr);
}

static void
names(void **state)
{
	(void)state;
	assert_string_equal(facts_cols[FACT_DATE], "date");
	assert_string_equal(facts_cols[FACT_REF], "ref");
	assert_null(facts_cols[FACTS_NCOLS]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(with_header),
		cmocka_unit_test(headerless),
		cmocka_unit_test(any_csv),
		cmocka_unit_test(empty),
		cmocka_unit_test(names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
