/*
 * Unit tests for what out_open() makes of each kind of -o target
 * (common/out.c), out_same(), and common/pending.c: a signal removes the
 * temporary file and the process dies of it.
 */
#include <fcntl.h>
#include <signal.h>
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

static char dir[] = "/tmp/pm-test-target.XXXXXX";

static char *
at(const char *name)
{
	static char buf[4][256];
	static int i;

	i = (i + 1) % 4;
	snprintf(buf[i], sizeof(buf[i]), "%s/%s", dir, name);
	return buf[i];
}

static void
write_one(const char *path, const char *text)
{
	struct out *o = out_open(path);

	out_puts(o, text);
	out_close(o);
}

static void
same_file(void **state)
{
	(void)state;
	tu_put(at("a"), "a\n");
	tu_put(at("b"), "b\n");
	assert_int_equal(symlink("a", at("lnk")), 0);
	assert_int_equal(link(at("a"), at("hard")), 0);
	assert_int_equal(symlink("nothere", at("dangling")), 0);
	assert_true(out_same(at("a"), at("a")));
	assert_true(out_same(at("a"), at("./a")));
	assert_true(out_same(at("lnk"), at("a")));
	assert_true(out_same(at("hard"), at("a")));
	assert_false(out_same(at("a"), at("b")));
	/* Not there yet: the same name in the same folder. */
	assert_true(out_same(at("new"), at("./new")));
	assert_true(out_same(at("dangling"), at("nothere")));
	assert_false(out_same(at("new"), at("other")));
	assert_false(out_same(at("new"), at("a")));
	/* Standard output is one file with itself. */
	assert_true(out_same(NULL, "-"));
}

static void
link_followed_mode_kept(void **state)
{
	struct stat st;

	(void)state;
	tu_put(at("real"), "old\n");
	assert_int_equal(chmod(at("real"), 0640), 0);
	assert_int_equal(symlink("real", at("to-real")), 0);
	write_one(at("to-real"), "new\n");
	assert_int_equal(lstat(at("to-real"), &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	tu_assert_file(at("real"), "new\n");
	assert_int_equal(stat(at("real"), &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);
}

static void
new_file_umask(void **state)
{
	struct stat st;
	mode_t old = umask(077);

	(void)state;
	write_one(at("fresh"), "x\n");
	umask(old);
	assert_int_equal(stat(at("fresh"), &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
}

static void
fifo_written_directly(void **state)
{
	struct stat st;
	char buf[16];
	int rd;

	(void)state;
	assert_int_equal(mkfifo(at("fifo"), 0644), 0);
	/* A reader first, so that the open for writing does not wait. */
	rd = open(at("fifo"), O_RDONLY | O_NONBLOCK);
	assert_true(rd >= 0);
	write_one(at("fifo"), "hello\n");
	assert_int_equal(read(rd, buf, sizeof(buf)), 6);
	assert_memory_equal(buf, "hello\n", 6);
	close(rd);
	assert_int_equal(stat(at("fifo"), &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
}

static void
signal_removes_the_temporary_file(void **state)
{
	int status, before;
	pid_t pid;

	(void)state;
	tu_put(at("kept"), "previous\n");
	before = tu_count_entries(dir);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct out *o = out_open(at("kept"));

		out_puts(o, "half");
		raise(SIGTERM);
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), SIGTERM);
	tu_assert_file(at("kept"), "previous\n");
	assert_int_equal(tu_count_entries(dir), before);
}

static int
teardown(void **state)
{
	char cmd[300];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(same_file),
		cmocka_unit_test(link_followed_mode_kept),
		cmocka_unit_test(new_file_umask),
		cmocka_unit_test(fifo_written_directly),
		cmocka_unit_test(signal_removes_the_temporary_file),
	};

	if (mkdtemp(dir) == NULL)
		return 1;
	return cmocka_run_group_tests(tests, NULL, teardown);
}
