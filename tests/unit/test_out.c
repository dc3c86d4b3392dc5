/*
 * Unit tests for common/out.c: CSV quoting, number columns, atomic -o
 * and the exit codes of write errors (run in child processes).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "out.h"
#include "tutil.h"

static char dir[] = "/tmp/pm-test-out.XXXXXX";

static void
quoting_and_numbers(void **state)
{
	char path[256];
	struct out *o;
	const char *hdr[] = { "a", "b", NULL };

	(void)state;
	snprintf(path, sizeof(path), "%s/q.csv", dir);
	o = out_open(path);
	csv_put_row(o, hdr);
	csv_put_field(o, "plain");
	csv_put_field(o, "with,comma");
	csv_put_field(o, "say \"hi\"");
	csv_put_field(o, "two\nlines");
	csv_put_field(o, " spaced ");
	csv_put_empty(o);
	csv_end_row(o);
	csv_put_fixed(o, 1234500);
	csv_put_fixed(o, -5);
	csv_put_double(o, 62.25, 1, 1);
	csv_put_double(o, 1, 1, 0);
	csv_put_long(o, -3);
	csv_end_row(o);
	out_close(o);
	tu_assert_file(path, "a,b\n"
	    "plain,\"with,comma\",\"say \"\"hi\"\"\",\"two\nlines\", spaced ,\n"
	    "123.45,0,62.3,,-3\n");
	unlink(path);
}

/* Runs fn in a child and returns its exit status. */
static int
child(void (*fn)(void))
{
	pid_t pid;
	int st;

	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		if (getenv("PM_TEST_VERBOSE") == NULL)
			fclose(stderr);
		fn();
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	return WEXITSTATUS(st);
}

static void
fail_midway(void)
{
	char path[256];
	struct out *o;

	snprintf(path, sizeof(path), "%s/keep.csv", dir);
	o = out_open(path);
	out_puts(o, "new,partial\n");
	exit(65);	/* as pm_die does on bad data */
}

static void
atomic_output(void **state)
{
	char path[256];
	FILE *f;

	(void)state;
	snprintf(path, sizeof(path), "%s/keep.csv", dir);
	f = fopen(path, "w");
	fputs("old,good\n", f);
	fclose(f);
	assert_int_equal(child(fail_midway), 65);
	/* The previous file is untouched and no temporary is left. */
	tu_assert_file(path, "old,good\n");
	assert_int_equal(tu_count_entries(dir), 1);
	unlink(path);
}

static void
open_in_missing_dir(void)
{
	char path[256];

	snprintf(path, sizeof(path), "%s/no/such/dir/x.csv", dir);
	out_open(path);
}

static void
write_to_full_disk(void)
{
	struct out *o;
	int i;

	if (freopen("/dev/full", "w", stdout) == NULL)
		_exit(99);
	o = out_open(NULL);
	for (i = 0; i < 10; i++)
		out_puts(o, "some,data\n");
	out_close(o);
}

static void
exit_codes(void **state)
{
	(void)state;
	assert_int_equal(child(open_in_missing_dir), 73);
	if (access("/dev/full", W_OK) == 0)
		assert_int_equal(child(write_to_full_disk), 74);
}

static int
setup(void **state)
{
	(void)state;
	return mkdtemp(dir) == NULL;
}

static int
teardown(void **state)
{
	(void)state;
	return rmdir(dir);
}

/* out_mem(): nothing written is an empty string; large writes grow it. */
static void
memory_output(void **state)
{
	struct out *o = out_mem();
	size_t n, i;
	char *s, *big;

	(void)state;
	s = out_mem_take(o, &n);
	assert_int_equal(n, 0);
	assert_string_equal(s, "");
	free(s);
	/* Past the 256 KiB buffer, in small writes and one large one. */
	big = malloc(600000);
	assert_non_null(big);
	for (i = 0; i < 600000; i++)
		big[i] = (char)('a' + i % 26);
	o = out_mem();
	for (i = 0; i < 300000; i++)
		out_putc(o, big[i]);
	out_write(o, big + 300000, 300000);
	out_printf(o, "%d", 42);
	s = out_mem_take(o, &n);
	assert_int_equal(n, 600002);
	assert_memory_equal(s, big, 600000);
	assert_string_equal(s + 600000, "42");
	free(s);
	free(big);
}

/* A row written through out_mem(), as a string to free. */
static char *
row_of(int safe)
{
	struct out *o = out_mem();
	size_t n;

	out_safe_csv(o, safe);
	csv_put_field(o, "=1+1");
	csv_put_field(o, "-Ann");
	csv_put_field(o, "+x");
	csv_put_field(o, "@SUM(A1)");
	csv_put_field(o, "\tx");
	csv_put_field(o, "\rx");
	csv_put_field(o, "=HYPERLINK(\"a,b\")");
	csv_put_field(o, "Ann-Lee");
	csv_put_field(o, "");
	csv_put_field(o, "'=x");
	csv_put_num(o, "-50");
	csv_put_fixed(o, -500000);
	csv_put_long(o, -3);
	csv_put_double(o, -1.5, 2, 1);
	csv_end_row(o);
	return out_mem_take(o, &n);
}

/*
 * --safe-csv: text cells that a spreadsheet would run get a leading
 * quote (inside the CSV quotes when the cell needs them); numbers,
 * negative ones included, never do.
 */
static void
safe_csv(void **state)
{
	char buf[64], *s;

	(void)state;
	s = row_of(1);
	assert_string_equal(s, "'=1+1,'-Ann,'+x,'@SUM(A1),'\tx,\"'\rx\","
	    "\"'=HYPERLINK(\"\"a,b\"\")\",Ann-Lee,,'=x,-50,-50,-3,-1.50\n");
	free(s);
	/* Off by default: what was given is written back. */
	s = row_of(0);
	assert_string_equal(s, "=1+1,-Ann,+x,@SUM(A1),\tx,\"\rx\","
	    "\"=HYPERLINK(\"\"a,b\"\")\",Ann-Lee,,'=x,-50,-50,-3,-1.50\n");
	free(s);
	assert_true(csv_is_formula("-", 1));
	assert_false(csv_is_formula("", 0));
	assert_false(csv_is_formula(" =x", 3));
	assert_int_equal(csv_format_field("plain", 5, 1, buf), 5);
	assert_memory_equal(buf, "plain", 5);
	assert_int_equal(csv_format_field("say \"hi\"", 8, 0, buf), 12);
	assert_memory_equal(buf, "\"say \"\"hi\"\"\"", 12);
	assert_int_equal(csv_format_field("two\nlines", 9, 0, buf), 11);
	assert_memory_equal(buf, "\"two\nlines\"", 11);
	assert_int_equal(csv_format_field("", 0, 1, buf), 0);
	/* The longest cell: 2n + 2 bytes (a guarded cell's first byte is no quote). */
	assert_int_equal(csv_format_field("=\"", 2, 1, buf), 6);
	assert_memory_equal(buf, "\"'=\"\"\"", 6);
	assert_int_equal(csv_format_field("\"\"", 2, 1, buf), 6);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(quoting_and_numbers),
		cmocka_unit_test(atomic_output),
		cmocka_unit_test(exit_codes),
		cmocka_unit_test(memory_output),
		cmocka_unit_test(safe_csv),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
