/*
 * Unit tests for out_discard() and for two -o outputs at once (pm-ingest
 * -o and --rejects): a failed run leaves the previous files as they were
 * and no temporary file behind, whichever way it fails.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "err.h"
#include "out.h"
#include "tutil.h"

static char dir[] = "/tmp/pm-test-discard.XXXXXX";

static void
discard_keeps_the_old_file(void **state)
{
	char path[256];
	struct out *o;

	(void)state;
	snprintf(path, sizeof(path), "%s/facts.csv", dir);
	tu_put(path, "good\n");
	o = out_open(path);
	out_puts(o, "half of a bad run\n");
	out_discard(o);
	tu_assert_file(path, "good\n");
	assert_int_equal(tu_count_entries(dir), 1);
	unlink(path);
}

static void
two_outputs_die(void **state)
{
	char a[256], b[256];
	struct out *oa, *ob;
	pid_t pid;
	int status;

	(void)state;
	snprintf(a, sizeof(a), "%s/a.csv", dir);
	snprintf(b, sizeof(b), "%s/b.csv", dir);
	tu_put(a, "old a\n");
	tu_put(b, "old b\n");
	if ((pid = fork()) == 0) {
		fclose(stderr);
		oa = out_open(a);
		ob = out_open(b);
		out_puts(oa, "new a\n");
		out_puts(ob, "new b\n");
		pm_die(EX_DATAERR, "failed");
	}
	assert_true(waitpid(pid, &status, 0) == pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), EX_DATAERR);
	tu_assert_file(a, "old a\n");
	tu_assert_file(b, "old b\n");
	assert_int_equal(tu_count_entries(dir), 2);	/* no .pm-tmp.* left */
	unlink(a);
	unlink(b);
}

static void
close_then_discard(void **state)
{
	char a[256], b[256];
	struct out *oa, *ob;

	(void)state;
	snprintf(a, sizeof(a), "%s/a.csv", dir);
	snprintf(b, sizeof(b), "%s/b.csv", dir);
	tu_put(b, "old b\n");
	oa = out_open(a);
	ob = out_open(b);
	out_puts(oa, "rejects\n");
	out_puts(ob, "facts\n");
	out_close(oa);
	out_discard(ob);
	tu_assert_file(a, "rejects\n");
	tu_assert_file(b, "old b\n");
	assert_int_equal(tu_count_entries(dir), 2);
	unlink(a);
	unlink(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(discard_keeps_the_old_file),
		cmocka_unit_test(two_outputs_die),
		cmocka_unit_test(close_then_discard),
	};
	int rc;

	if (mkdtemp(dir) == NULL)
		return 1;
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	rmdir(dir);
	return rc;
}
