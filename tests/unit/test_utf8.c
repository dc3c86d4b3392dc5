/*
 * Unit tests for common/utf8.c: sequence lengths by the rules of RFC
 * 3629, code points, terminal widths and Windows-1252, each checked
 * against values worked out from the Unicode and Windows-1252 tables.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "utf8.h"

static int
len_of(const char *s, size_t n)
{
	return utf8_seq_len((const unsigned char *)s, n);
}

static void
sequences(void **state)
{
	(void)state;
	assert_int_equal(len_of("a", 1), 1);
	assert_int_equal(len_of("\xc3\xa9", 2), 2);		/* é */
	assert_int_equal(len_of("\xe2\x82\xac", 3), 3);		/* € */
	assert_int_equal(len_of("\xf0\x9f\x98\x80", 4), 4);	/* U+1F600 */
	assert_int_equal(len_of("\xc3", 1), -1);		/* cut off */
	assert_int_equal(len_of("\xe2\x82", 2), -1);
	assert_int_equal(len_of("\xc0\xaf", 2), 0);		/* overlong / */
	assert_int_equal(len_of("\xe0\x80\xaf", 3), 0);
	assert_int_equal(len_of("\xed\xa0\x80", 3), 0);		/* surrogate */
	assert_int_equal(len_of("\xf4\x90\x80\x80", 4), 0);	/* > 10FFFF */
	assert_int_equal(len_of("\x80", 1), 0);			/* stray */
	assert_int_equal(len_of("\xe9t", 2), 0);		/* cp1252 é */
	assert_true(utf8_valid("Jos\xc3\xa9 Caf\xc3\xa9", 11));
	assert_false(utf8_valid("Jos\xe9", 4));
	assert_int_equal(utf8_valid_prefix("ab\xc3\xa9\xe9z", 6), 4);
	assert_int_equal(utf8_valid_prefix("ab\xc3", 3), 2);
}

static void
decode(void **state)
{
	uint32_t cp;

	(void)state;
	assert_int_equal(utf8_decode("\xe2\x82\xac", 3, &cp), 3);
	assert_int_equal(cp, 0x20ac);
	assert_int_equal(utf8_decode("\xf0\x9f\x98\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x1f600);
	assert_int_equal(utf8_decode("\xe9xyz", 4, &cp), 1);
	assert_int_equal(cp, 0xfffd);
}

static void
widths(void **state)
{
	size_t len;

	(void)state;
	assert_int_equal(utf8_width("Ana"), 3);
	assert_int_equal(utf8_width("\xe7\x94\xb0\xe4\xb8\xad"), 4);	/* 田中 */
	assert_int_equal(utf8_width("e\xcc\x81"), 1);	/* e + U+0301 */
	assert_int_equal(utf8_cols("\xc3\xa9x", &len), 1);
	assert_int_equal(len, 2);
	assert_int_equal(utf8_widthn("\xe7\x94\xb0xy", 4), 3);
}

static void
cp1252(void **state)
{
	char buf[64];
	size_t n;

	(void)state;
	/* "José Café – €5": é = E9, en dash = 96, euro = 80. */
	n = utf8_from_cp1252_str("Jos\xe9 Caf\xe9 \x96 \x80" "5", 14, buf);
	buf[n] = '\0';
	assert_string_equal(buf, "Jos\xc3\xa9 Caf\xc3\xa9 \xe2\x80\x93 "
	    "\xe2\x82\xac" "5");
	/* An unassigned byte (0x81) keeps its C1 code point, U+0081. */
	n = utf8_from_cp1252(0x81, buf);
	assert_int_equal(n, 2);
	assert_memory_equal(buf, "\xc2\x81", 2);
	assert_int_equal(utf8_from_cp1252('A', buf), 1);
	assert_int_equal(utf8_from_cp1252(0xff, buf), 2);	/* ÿ */
	assert_memory_equal(buf, "\xc3\xbf", 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sequences),
		cmocka_unit_test(decode),
		cmocka_unit_test(widths),
		cmocka_unit_test(cp1252),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
