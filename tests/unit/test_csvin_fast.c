/*
 * Unit tests for the fast path of common/csvin.c: records that the
 * reader splits itself instead of running libcsv's state machine must
 * come out exactly as libcsv gives them, across read-chunk boundaries
 * (inputs here are larger than the reader's chunk), mixed with records
 * that only libcsv handles (doubled quotes, quoted line ends).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "csvin.h"
#include "tutil.h"

struct buf {
	char *s;
	size_t len, cap;
};

static void
add(struct buf *b, const char *s)
{
	size_t n = strlen(s);

	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = realloc(b->s, b->cap);
		assert_non_null(b->s);
	}
	memcpy(b->s + b->len, s, n + 1);
	b->len += n;
}

static struct csvr *
open_buf(struct tu_mem *m, const struct buf *b)
{
	m->s = b->s;
	m->len = b->len;
	m->pos = 0;
	m->step = 0;
	return csvr_open_fn(tu_mem_read, m, "t.csv");
}

/*
 * 30,000 records of every kind, each written with the fields it must
 * read back as: the expected values are built alongside the input.
 */
static void
test_mixed_records(void **state)
{
	struct buf in = { 0 };
	struct tu_mem m;
	struct csvr *r;
	struct csv_row row;
	char tmp[128], want[4][64];
	const char *eol;
	long line = 1, start;
	int i, kind;

	(void)state;
	add(&in, "id,name,note,amount\n");
	for (i = 0; i < 30000; i++) {
		kind = i % 6;
		snprintf(tmp, sizeof(tmp), "r%d,", i);
		add(&in, tmp);
		switch (kind) {
		case 0:
			add(&in, "plain name,,12.5");
			break;
		case 1:
			add(&in, "\"Acme, Inc.\",\"\",\"-3\"");
			break;
		case 2:
			add(&in, "\"say \"\"hi\"\"\", x ,7");
			break;
		case 3:
			add(&in, "\"two\nlines\",Jos\xc3\xa9,0");
			break;
		case 4:
			add(&in, "a\"b,\"cr\r\nlf\",");
			break;
		default:
			add(&in, " lead , trail ,\"\xe2\x82\xac 5\"");
			break;
		}
		/* LF, CRLF or CR, and now and then a blank line. */
		eol = i % 3 == 0 ? "\r\n" : i % 3 == 1 ? "\n" : "\r";
		add(&in, eol);
		if (i % 11 == 0)
			add(&in, eol);
	}
	r = open_buf(&m, &in);
	assert_int_equal(csvr_next(r, &row), 1);
	assert_int_equal(row.n, 4);
	line = 2;
	for (i = 0; i < 30000; i++) {
		kind = i % 6;
		snprintf(want[0], sizeof(want[0]), "r%d", i);
		start = line;
		switch (kind) {
		case 0:
			strcpy(want[1], "plain name");
			strcpy(want[2], "");
			strcpy(want[3], "12.5");
			break;
		case 1:
			strcpy(want[1], "Acme, Inc.");
			strcpy(want[2], "");
			strcpy(want[3], "-3");
			break;
		case 2:
			strcpy(want[1], "say \"hi\"");
			strcpy(want[2], " x ");
			strcpy(want[3], "7");
			break;
		case 3:
			strcpy(want[1], "two\nlines");
			strcpy(want[2], "Jos\xc3\xa9");
			strcpy(want[3], "0");
			line++;
			break;
		case 4:
			strcpy(want[1], "a\"b");
			strcpy(want[2], "cr\r\nlf");
			strcpy(want[3], "");
			line++;
			break;
		default:
			strcpy(want[1], " lead ");
			strcpy(want[2], " trail ");
			strcpy(want[3], "\xe2\x82\xac 5");
			break;
		}
		line += 1 + (i % 11 == 0);
		assert_int_equal(csvr_next(r, &row), 1);
		assert_int_equal(row.line, start);
		assert_int_equal(row.n, 4);
		assert_string_equal(row.f[0], want[0]);
		assert_string_equal(row.f[1], want[1]);
		assert_string_equal(row.f[2], want[2]);
		assert_string_equal(row.f[3], want[3]);
		assert_int_equal(row.len[1], strlen(want[1]));
	}
	assert_int_equal(csvr_next(r, &row), 0);
	csvr_close(r);
	free(in.s);
}

/*
 * A long first field puts each byte of "x,\"q\"\r\ny,z" in turn at the
 * end of the first read chunk (256 KiB in csvin.c today; the sweep is
 * wide enough to cover a few sizes around it).
 */
static void
test_chunk_edges(void **state)
{
	struct buf in = { 0 };
	struct tu_mem m;
	struct csvr *r;
	struct csv_row row;
	size_t pad, k;
	char *big;

	(void)state;
	for (pad = 262130; pad <= 262150; pad++) {
		in.len = 0;
		big = malloc(pad + 1);
		assert_non_null(big);
		memset(big, 'a', pad);
		big[pad] = '\0';
		add(&in, big);
		add(&in, ",\"q\"\r\ny,\"\"\r\n\r\nlast");
		free(big);
		r = open_buf(&m, &in);
		assert_int_equal(csvr_next(r, &row), 1);
		assert_int_equal(row.line, 1);
		assert_int_equal(row.n, 2);
		assert_int_equal(row.len[0], pad);
		for (k = 0; k < pad; k++)
			if (row.f[0][k] != 'a')
				fail_msg("pad %zu: byte %zu changed", pad, k);
		assert_string_equal(row.f[1], "q");
		assert_int_equal(csvr_next(r, &row), 1);
		assert_int_equal(row.line, 2);
		assert_int_equal(row.n, 2);
		assert_string_equal(row.f[0], "y");
		assert_string_equal(row.f[1], "");
		assert_int_equal(csvr_next(r, &row), 1);
		assert_int_equal(row.line, 4);
		assert_int_equal(row.n, 1);
		assert_string_equal(row.f[0], "last");
		assert_int_equal(csvr_next(r, &row), 0);
		csvr_close(r);
	}
	free(in.s);
}

/* Errors found on the fast path name the same field and line. */
static void
test_errors_after_many_records(void **state)
{
	static const char *bad[] = { "ok,a\xff", "ok,a\0b", "ok,\"x\xc3\"" };
	static const char *msg[] = { "field 2: invalid UTF-8",
	    "field 2: NUL byte", "field 2: invalid UTF-8" };
	static const size_t badlen[] = { 5, 6, 7 };
	struct buf in = { 0 };
	struct tu_mem m;
	struct csvr *r;
	struct csv_row row;
	int i, t;

	(void)state;
	for (t = 0; t < 3; t++) {
		in.len = 0;
		for (i = 0; i < 50000; i++)
			add(&in, "a,b\n");
		add(&in, "\"multi\nline\",c\n");
		/* add() stops at a NUL: append the bad record by hand. */
		in.cap = in.len + badlen[t] + 2;
		in.s = realloc(in.s, in.cap);
		assert_non_null(in.s);
		memcpy(in.s + in.len, bad[t], badlen[t]);
		in.len += badlen[t];
		in.s[in.len++] = '\n';
		r = open_buf(&m, &in);
		/*
		 * Records parsed from the chunk before the error may or may
		 * not be handed out first; the error itself must be exact.
		 */
		while (csvr_next(r, &row) == 1)
			;
		assert_int_equal(csvr_error_line(r), 50003);
		assert_string_equal(csvr_error(r), msg[t]);
		csvr_close(r);
	}
	free(in.s);
}

/* Another delimiter: commas are data, quoted semicolons too. */
static void
test_semicolon(void **state)
{
	struct buf in = { 0 };
	struct tu_mem m;
	struct csvr *r;
	struct csv_row row;
	int i;

	(void)state;
	for (i = 0; i < 40000; i++)
		add(&in, "1,5;\"a;b\";x\n");
	r = open_buf(&m, &in);
	csvr_set_delim(r, ';');
	for (i = 0; i < 40000; i++) {
		assert_int_equal(csvr_next(r, &row), 1);
		assert_int_equal(row.line, i + 1);
		assert_int_equal(row.n, 3);
		assert_string_equal(row.f[0], "1,5");
		assert_string_equal(row.f[1], "a;b");
		assert_string_equal(row.f[2], "x");
	}
	assert_int_equal(csvr_next(r, &row), 0);
	csvr_close(r);
	free(in.s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mixed_records),
		cmocka_unit_test(test_chunk_edges),
		cmocka_unit_test(test_errors_after_many_records),
		cmocka_unit_test(test_semicolon),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
