/*
 * Unit tests for pm-ingest's duplicate-id set: a million distinct ids
 * and a few repeated ones; only the repeats, after their first record,
 * are duplicates, and the first pass keeps few suspects.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "../../cmd/pm-ingest/ingest.h"

/* A well-mixed 64-bit fingerprint of i (splitmix64), never 0. */
static uint64_t
fp(uint64_t i)
{
	uint64_t z = i + 0x9e3779b97f4a7c15ULL;

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	z ^= z >> 31;
	return z ? z : 1;
}

static void
exact(void **state)
{
	struct idset *s = idset_new();
	uint64_t i, n = 1000000, dups = 0;

	(void)state;
	for (i = 0; i < n; i++)
		idset_note(s, fp(i));
	for (i = 0; i < 10; i++)
		idset_note(s, fp(i * 1000));	/* ten repeats */
	idset_seal(s);
	assert_true(idset_suspects(s) >= 10);
	assert_true(idset_suspects(s) < 1000);		/* few false suspects */
	for (i = 0; i < n; i++)
		dups += (uint64_t)idset_seen(s, fp(i));
	assert_int_equal(dups, 0);		/* first records */
	for (i = 0; i < 10; i++)
		assert_int_equal(idset_seen(s, fp(i * 1000)), 1);
	assert_int_equal(idset_seen(s, fp(n + 5)), 0);
	idset_free(s);
}

static void
empty(void **state)
{
	struct idset *s = idset_new();

	(void)state;
	idset_seal(s);
	assert_int_equal(idset_seen(s, 42), 0);
	assert_int_equal(idset_seen(s, 42), 0);	/* never noted: no table */
	idset_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(exact),
		cmocka_unit_test(empty),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
