/* Unit tests for common/sanitise.c: what reaches a terminal or a reader. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "sanitise.h"

/* s made safe, in a static buffer. */
static const char *
safe(const char *s, size_t n)
{
	static char buf[256];

	buf[san_copy(buf, s, n)] = '\0';
	return buf;
}

#define SAFE(lit) safe(lit, sizeof(lit) - 1)

static void
controls_become_one_question_mark_each(void **state)
{
	(void)state;
	assert_string_equal(SAFE("1\033[2J"), "1?[2J");
	assert_string_equal(SAFE("a\tb\nc\rd"), "a?b?c?d");
	assert_string_equal(SAFE("x\0y"), "x?y");
	assert_string_equal(SAFE("del\x7f"), "del?");
	/* U+009B (CSI, 2 bytes) and U+0085 (NEL): C1 as code points. */
	assert_string_equal(SAFE("a\xc2\x9b" "31m"), "a?31m");
	assert_string_equal(SAFE("\xc2\x85" "x"), "?x");
	/* The raw byte 0x9b, invalid UTF-8, is the 8-bit CSI. */
	assert_string_equal(SAFE("a\x9b" "31m"), "a?31m");
}

static void
bidi_controls_become_question_marks(void **state)
{
	(void)state;
	/* U+202E RIGHT-TO-LEFT OVERRIDE: E2 80 AE. */
	assert_string_equal(SAFE("Ann\xe2\x80\xae" "cba"), "Ann?cba");
	/* U+202A .. U+202E, U+2066 .. U+2069. */
	assert_string_equal(SAFE("\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac"
	    "\xe2\x80\xad"), "????");
	assert_string_equal(SAFE("\xe2\x81\xa6\xe2\x81\xa7\xe2\x81\xa8"
	    "\xe2\x81\xa9"), "????");
	/* U+200E, U+200F, U+061C: the marks. */
	assert_string_equal(SAFE("\xe2\x80\x8e\xe2\x80\x8f\xd8\x9c"), "???");
	/* Neighbours that are not controls stay: U+2029, U+206A, U+2065. */
	assert_string_equal(SAFE("\xe2\x80\xa9"), "\xe2\x80\xa9");
	assert_string_equal(SAFE("\xe2\x81\xaa"), "\xe2\x81\xaa");
}

static void
text_stays_as_it_is(void **state)
{
	const char *s = "Zo\xc3\xab \xe5\xbc\xa0\xe4\xbc\x9f \xd7\xa9\xd7\x9c"
	    "\xd7\x95\xd7\x9d \xf0\x9f\x98\x80 \xc2\xa0 \xef\xbf\xbd ~!";

	(void)state;
	assert_string_equal(safe(s, strlen(s)), s);
	assert_true(san_clean(s, strlen(s)));
	assert_false(san_clean("a\033", 2));
	assert_false(san_clean("\xff", 1));
}

static void
invalid_utf8_byte_by_byte(void **state)
{
	(void)state;
	/* An overlong '/', a lone continuation, a cut-off sequence. */
	assert_string_equal(SAFE("\xc0\xaf"), "??");
	assert_string_equal(SAFE("a\x80z"), "a?z");
	assert_string_equal(SAFE("ab\xe2\x80"), "ab??");
	/* A surrogate (ED A0 80) and past U+10FFFF (F4 90 80 80). */
	assert_string_equal(SAFE("\xed\xa0\x80"), "???");
	assert_string_equal(SAFE("\xf4\x90\x80\x80"), "????");
	assert_string_equal(SAFE("\xff\xfe"), "??");
}

static void
in_place_and_dup(void **state)
{
	char s[] = "a\033b\xe2\x80\xae" "c";
	char *d;

	(void)state;
	assert_int_equal(san_copy(s, s, strlen(s)), 5);
	assert_memory_equal(s, "a?b?c", 5);
	d = san_dup("x\x9by");
	assert_string_equal(d, "x?y");
	free(d);
	assert_int_equal(san_copy(s, "", 0), 0);
}

static void
code_points(void **state)
{
	(void)state;
	assert_true(san_unsafe_cp(0));
	assert_true(san_unsafe_cp(0x1f));
	assert_false(san_unsafe_cp(0x20));
	assert_false(san_unsafe_cp(0x7e));
	assert_true(san_unsafe_cp(0x7f));
	assert_true(san_unsafe_cp(0x9f));
	assert_false(san_unsafe_cp(0xa0));
	assert_false(san_unsafe_cp(0x2029));
	assert_true(san_unsafe_cp(0x202a));
	assert_true(san_unsafe_cp(0x202e));
	assert_false(san_unsafe_cp(0x202f));
	assert_false(san_unsafe_cp(0x2065));
	assert_true(san_unsafe_cp(0x2066));
	assert_true(san_unsafe_cp(0x2069));
	assert_false(san_unsafe_cp(0x206a));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(controls_become_one_question_mark_each),
		cmocka_unit_test(bidi_controls_become_question_marks),
		cmocka_unit_test(text_stays_as_it_is),
		cmocka_unit_test(invalid_utf8_byte_by_byte),
		cmocka_unit_test(in_place_and_dup),
		cmocka_unit_test(code_points),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
