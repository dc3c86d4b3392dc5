/*
 * Unit tests for idset_visit: the lines of a product report share an
 * id within one file (not duplicates), a file read again repeats them
 * (duplicates from an earlier file).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "../../cmd/pm-ingest/ingest.h"

static void
files(void **state)
{
	struct idset *s = idset_new();

	(void)state;
	/* Id 7 twice in file 1 and twice in file 2; id 9 once. */
	idset_note(s, 7);
	idset_note(s, 9);
	idset_note(s, 7);
	idset_note(s, 7);
	idset_note(s, 7);
	idset_seal(s);
	assert_int_equal(idset_visit(s, 7, 1), 0);
	assert_int_equal(idset_visit(s, 9, 1), 0);
	assert_int_equal(idset_visit(s, 7, 1), ID_HERE);
	assert_int_equal(idset_visit(s, 7, 2), ID_EARLIER);
	assert_int_equal(idset_visit(s, 7, 2), ID_EARLIER | ID_HERE);
	assert_int_equal(idset_visit(s, 7, 3), ID_EARLIER);
	idset_free(s);
}

static void
first_in_second_file(void **state)
{
	struct idset *s = idset_new();

	(void)state;
	idset_note(s, 5);
	idset_note(s, 5);
	idset_seal(s);
	/* Met first in file 2: its lines there are not duplicates. */
	assert_int_equal(idset_visit(s, 5, 2), 0);
	assert_int_equal(idset_visit(s, 5, 2), ID_HERE);
	assert_int_equal(idset_visit(s, 5, 3), ID_EARLIER);
	idset_free(s);
}

static void
seen_unchanged(void **state)
{
	struct idset *s = idset_new();

	(void)state;
	idset_note(s, 3);
	idset_note(s, 3);
	idset_seal(s);
	assert_int_equal(idset_seen(s, 3), 0);
	assert_int_equal(idset_seen(s, 3), 1);
	assert_int_equal(idset_seen(s, 3), 1);
	idset_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(files),
		cmocka_unit_test(first_in_second_file),
		cmocka_unit_test(seen_unchanged),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
