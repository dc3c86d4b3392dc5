/*
 * Unit tests for cmd/pm-report/mime.c: base64 (RFC 4648 vectors),
 * quoted-printable (RFC 2045 rules), RFC 2047 encoded-words in fields,
 * address parsing.  Expected strings were worked out by hand or with
 * Python's base64 and quopri modules.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "out.h"
#include "../../cmd/pm-report/mime.h"

static char *
taken(struct out *o)
{
	size_t n;

	return out_mem_take(o, &n);
}

static void
expect_b64(const char *in, const char *want)
{
	struct out *o = out_mem();
	char *s;

	mime_base64(o, in, strlen(in));
	s = taken(o);
	assert_string_equal(s, want);
	free(s);
}

static void
test_base64_vectors(void **state)
{
	(void)state;
	expect_b64("", "");
	expect_b64("f", "Zg==\n");
	expect_b64("fo", "Zm8=\n");
	expect_b64("foo", "Zm9v\n");
	expect_b64("foob", "Zm9vYg==\n");
	expect_b64("foobar", "Zm9vYmFy\n");
	expect_b64("Caf\xc3\xa9", "Q2Fmw6k=\n");
}

static void
test_base64_lines(void **state)
{
	char in[58], *s;
	struct out *o = out_mem();

	(void)state;
	/* 57 bytes are 76 characters: one full line, then one more. */
	memset(in, 'a', 57);
	in[57] = 'a';
	mime_base64(o, in, 58);
	s = taken(o);
	assert_int_equal(strlen(s), 76 + 1 + 4 + 1);
	assert_int_equal(s[76], '\n');
	assert_string_equal(s + 77, "YQ==\n");
	free(s);
}

static char *
qp_of(const char *in)
{
	struct out *o = out_mem();

	mime_qp(o, in, strlen(in));
	return taken(o);
}

static void
expect_qp(const char *in, const char *want)
{
	char *s = qp_of(in);

	assert_string_equal(s, want);
	free(s);
}

static void
test_qp_rules(void **state)
{
	(void)state;
	expect_qp("a=b\n", "a=3Db\n");
	expect_qp("caf\xc3\xa9\n", "caf=C3=A9\n");
	/* White space before a line end is encoded, elsewhere kept. */
	expect_qp("a b \n", "a b=20\n");
	expect_qp("a\tb\t\n", "a\tb=09\n");
	/* No final line end: a soft break ends the body. */
	expect_qp("ab", "ab=\n");
	expect_qp("ab ", "ab=20=\n");
	/* sendmail's lone dot and mbox's From are never at a line start. */
	expect_qp(".\n", "=2E\n");
	expect_qp("x\n.y\nFrom me\nFromage\n", "x\n=2Ey\n=46rom me\nFromage\n");
	expect_qp("\r\n", "=0D\n");
}

static void
test_qp_long_lines(void **state)
{
	char in[200], *s, *p;

	(void)state;
	/* As Python's quopri: 75 characters and "=", then the rest. */
	memset(in, 'a', 80);
	strcpy(in + 80, "\n");
	s = qp_of(in);
	assert_int_equal(strlen(s), 75 + 2 + 5 + 1);
	assert_memory_equal(s + 75, "=\naaaaa\n", 8);
	free(s);
	/* A line of exactly 76 needs no soft break. */
	memset(in, 'b', 76);
	strcpy(in + 76, "\n");
	s = qp_of(in);
	assert_string_equal(s, in);
	free(s);
	/* An =XX is never cut by a soft break; no line is over 76. */
	for (int i = 0; i < 66; i++)
		memcpy(in + 3 * i, i % 2 ? "\xc3\xa9=" : "x\xe2\x96", 3);
	in[198] = '\n';
	in[199] = '\0';
	s = qp_of(in);
	for (p = s; *p; ) {
		size_t len = strcspn(p, "\n");

		assert_true(len <= 76);
		if (p[len] == '\0')
			break;
		p += len + 1;
	}
	/* Every "=" is a soft break or starts two hex digits. */
	for (p = s; (p = strchr(p, '=')) != NULL; p++)
		assert_true(p[1] == '\n' || (strchr("0123456789ABCDEF",
		    p[1]) != NULL && p[1] != '\0' && p[2] != '\0' &&
		    strchr("0123456789ABCDEF", p[2]) != NULL));
	free(s);
}

static void
test_pick(void **state)
{
	const char *ascii = "Hello, world\n";
	char cjk[301];

	(void)state;
	assert_int_equal(mime_pick(ascii, strlen(ascii)), MIME_QP);
	/* 100 three-byte characters: QP 900 bytes, base64 about 400. */
	for (int i = 0; i < 100; i++)
		memcpy(cjk + 3 * i, "\xe7\x94\xb0", 3);
	cjk[300] = '\0';
	assert_int_equal(mime_pick(cjk, 300), MIME_BASE64);
}

static char *
subject(const char *v)
{
	struct out *o = out_mem();

	mime_field_text(o, "Subject", v);
	return taken(o);
}

static void
test_field_text(void **state)
{
	char *s, *p, long_title[400];

	(void)state;
	s = subject("Weekly report (2026-11)");
	assert_string_equal(s, "Subject: Weekly report (2026-11)\n");
	free(s);
	s = subject("Caf\xc3\xa9");
	assert_string_equal(s, "Subject: =?utf-8?B?Q2Fmw6k=?=\n");
	free(s);
	/* Text that looks like an encoded-word is encoded itself. */
	s = subject("=?utf-8?B?QQ==?=");
	assert_non_null(strstr(s, "=?utf-8?B?PT91dGYtOD9CP1FRPT0/PQ==?="));
	free(s);
	/* Long text folds; every line at most 76, continuations indented. */
	for (int i = 0; i < 40; i++)
		memcpy(long_title + 9 * i, "Zo\xc3\xab \xc3\x9cnal", 9);
	long_title[360] = '\0';
	s = subject(long_title);
	for (p = s; *p; ) {
		size_t len = strcspn(p, "\n");

		assert_true(len <= 76);
		if (p != s && len > 0)
			assert_int_equal(p[0], ' ');
		p += len + (p[len] != '\0');
	}
	free(s);
	/* Plain words fold at a space, which unfolding gives back. */
	s = subject("aaaaaaaaaa bbbbbbbbbb cccccccccc dddddddddd eeeeeeeeee "
	    "ffffffffff gggggggggg");
	assert_string_equal(s, "Subject: aaaaaaaaaa bbbbbbbbbb cccccccccc "
	    "dddddddddd eeeeeeeeee ffffffffff\n gggggggggg\n");
	free(s);
}

static void
test_encoded_words_whole_chars(void **state)
{
	char in[200], *s, *p, *q;

	(void)state;
	/* 2-byte characters: no encoded-word may end inside one. */
	for (int i = 0; i < 90; i++)
		memcpy(in + 2 * i, "\xc3\xa9", 2);
	in[180] = '\0';
	s = subject(in);
	for (p = s; (p = strstr(p, "=?utf-8?B?")) != NULL; p = q + 2) {
		q = strstr(p + 10, "?=");
		assert_non_null(q);
		assert_true(q + 2 - p <= MIME_WORD);
		/* 4 characters of base64 per 3 bytes; whole é: even bytes. */
		size_t chars = (size_t)(q - p - 10), pad = 0;

		if (q[-1] == '=')
			pad = q[-2] == '=' ? 2 : 1;
		assert_int_equal((chars / 4 * 3 - pad) % 2, 0);
	}
	free(s);
}

static void
expect_addr(const char *in, const char *field)
{
	struct mime_addr *a = NULL;
	struct out *o;
	const char *err;
	char *s;
	int n = 0;

	err = mime_parse_addrs(in, &a, &n);
	if (err != NULL)
		fail_msg("'%s': %s", in, err);
	o = out_mem();
	mime_field_addrs(o, "To", a, n);
	s = taken(o);
	assert_string_equal(s, field);
	free(s);
}

static void
expect_bad(const char *in)
{
	struct mime_addr *a = NULL;
	int n = 0;

	if (mime_parse_addrs(in, &a, &n) == NULL)
		fail_msg("'%s' was taken for an address", in);
}

static void
test_addresses(void **state)
{
	(void)state;
	expect_addr("team@example.com", "To: team@example.com\n");
	expect_addr(" Ann Lee <ann@example.com> ",
	    "To: Ann Lee <ann@example.com>\n");
	expect_addr("<ann@example.com>", "To: ann@example.com\n");
	expect_addr("\"Lee, Ann\" <ann@example.com>, bo@x.org",
	    "To: \"Lee, Ann\" <ann@example.com>, bo@x.org\n");
	expect_addr("Ann B. Lee <a@x.org>", "To: \"Ann B. Lee\" <a@x.org>\n");
	expect_addr("\"say \\\"hi\\\"\" <a@x.org>",
	    "To: \"say \\\"hi\\\"\" <a@x.org>\n");
	expect_addr("Zo\xc3\xab <zoe@example.com>",
	    "To: =?utf-8?B?Wm/Dqw==?= <zoe@example.com>\n");
	expect_addr("a.b+tag@sub-1.example.co.uk",
	    "To: a.b+tag@sub-1.example.co.uk\n");
	expect_addr("root@[192.0.2.1]", "To: root@[192.0.2.1]\n");
	expect_bad("");
	expect_bad("root");
	expect_bad("@example.com");
	expect_bad("a@");
	expect_bad("a@@b");
	expect_bad(".a@b.c");
	expect_bad("a..b@c.d");
	expect_bad("a@b..c");
	expect_bad("a@-b.c");
	expect_bad("a b@c.d");
	expect_bad("Ann <a@b.c");
	expect_bad("a@b.c\nBcc: x@y.z");
	expect_bad("a@b.c\r");
	expect_bad("Ann \"x <a@b.c>");
	expect_bad("z\xc3\xb6" "e@example.com");
	expect_bad("a@ex\xc3\xa4mple.com");
	expect_bad("a@b.c, ");
	expect_bad("\xff@b.c");
}

static void
test_check_text(void **state)
{
	(void)state;
	assert_null(mime_check_text("Weekly: Caf\xc3\xa9 \xe7\x94\xb0"));
	assert_non_null(mime_check_text("a\nb"));
	assert_non_null(mime_check_text("a\rb"));
	assert_non_null(mime_check_text("a\tb"));
	assert_non_null(mime_check_text("a\x7f"));
	assert_non_null(mime_check_text("a\xc2\x85"));	/* C1 NEL */
	assert_non_null(mime_check_text("\xc0\xaf"));	/* overlong */
	assert_non_null(mime_check_text("\xed\xa0\x80"));	/* surrogate */
	assert_non_null(mime_check_text("\xe2\x82"));	/* cut short */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_base64_vectors),
		cmocka_unit_test(test_base64_lines),
		cmocka_unit_test(test_qp_rules),
		cmocka_unit_test(test_qp_long_lines),
		cmocka_unit_test(test_pick),
		cmocka_unit_test(test_field_text),
		cmocka_unit_test(test_encoded_words_whole_chars),
		cmocka_unit_test(test_addresses),
		cmocka_unit_test(test_check_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
