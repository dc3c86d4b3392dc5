/* Unit tests for common/sort.c: sorting with a context. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "sort.h"

struct pt {
	int key;
	char tag;
};

/* By key, ascending or descending as *arg says. */
static int
by_key(const void *a, const void *b, void *arg)
{
	const struct pt *x = a, *y = b;
	int r = (x->key > y->key) - (x->key < y->key);

	return *(int *)arg ? -r : r;
}

static void
sort_with_context(void **state)
{
	struct pt v[] = { { 3, 'a' }, { 1, 'b' }, { 2, 'c' }, { 5, 'd' },
	    { 4, 'e' } };
	int down = 0;
	size_t i;

	(void)state;
	sort_with(v, 5, sizeof(v[0]), by_key, &down);
	for (i = 0; i < 5; i++)
		assert_int_equal(v[i].key, (int)i + 1);
	/* The elements move whole. */
	assert_int_equal(v[0].tag, 'b');
	assert_int_equal(v[4].tag, 'd');
	down = 1;
	sort_with(v, 5, sizeof(v[0]), by_key, &down);
	assert_int_equal(v[0].key, 5);
	assert_int_equal(v[0].tag, 'd');
	assert_int_equal(v[4].key, 1);
	/* Nothing to sort is fine. */
	sort_with(v, 0, sizeof(v[0]), by_key, &down);
	sort_with(v, 1, sizeof(v[0]), by_key, &down);
	assert_int_equal(v[0].key, 5);
}

static void
ids_by_name(void **state)
{
	char *names[] = { "Cy", "Ann", "bo", "Bo", "Ann Lee" };
	uint32_t ids[] = { 0, 1, 2, 3, 4 };

	(void)state;
	/* Byte order: capitals before lower case, a prefix first. */
	sort_ids_by_name(ids, 5, names);
	assert_int_equal(ids[0], 1);
	assert_int_equal(ids[1], 4);
	assert_int_equal(ids[2], 3);
	assert_int_equal(ids[3], 0);
	assert_int_equal(ids[4], 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sort_with_context),
		cmocka_unit_test(ids_by_name),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
