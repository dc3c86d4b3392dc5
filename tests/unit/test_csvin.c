/*
 * Unit tests for common/csvin.c, the reader over libcsv: quoting, line
 * numbers, line ends, BOM, kept spaces, limits and malformed input.
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

/* M.step = 7: at most 7 bytes a call, like a slow pipe. */
static struct tu_mem M;

static struct csvr *
open_str(const char *s, size_t len)
{
	M.s = s;
	M.len = len;
	M.pos = 0;
	M.step = 7;
	return csvr_open_fn(tu_mem_read, &M, "t.csv");
}

#define OPEN(s) open_str((s), sizeof(s) - 1)

static void
expect_row(struct csvr *r, long line, size_t n, ...)
{
	struct csv_row row;
	va_list ap;
	size_t i;

	assert_int_equal(csvr_next(r, &row), 1);
	assert_int_equal(row.line, line);
	assert_int_equal(row.n, n);
	va_start(ap, n);
	for (i = 0; i < n; i++) {
		const char *want = va_arg(ap, const char *);

		assert_string_equal(row.f[i], want);
		assert_int_equal(row.len[i], strlen(want));
	}
	va_end(ap);
}

static void
expect_end(struct csvr *r)
{
	struct csv_row row;

	assert_int_equal(csvr_next(r, &row), 0);
	assert_int_equal(csvr_next(r, &row), 0);
	csvr_close(r);
}

static void
expect_error(struct csvr *r, long line, const char *what)
{
	struct csv_row row;

	assert_int_equal(csvr_next(r, &row), -1);
	assert_int_equal(csvr_error_line(r), line);
	assert_non_null(strstr(csvr_error(r), what));
	assert_int_equal(csvr_next(r, &row), 0);
	csvr_close(r);
}

static void
plain_rows(void **state)
{
	struct csvr *r = OPEN("a,b\n1,2\n");

	(void)state;
	expect_row(r, 1, 2, "a", "b");
	expect_row(r, 2, 2, "1", "2");
	expect_end(r);
}

static void
quoting(void **state)
{
	struct csvr *r = OPEN("\"x,y\",\"he said \"\"hi\"\"\",\"\"\n"
	    "5\" monitor,ok\n");

	(void)state;
	expect_row(r, 1, 3, "x,y", "he said \"hi\"", "");
	/* A stray quote in an unquoted field is kept, as exports have it. */
	expect_row(r, 2, 2, "5\" monitor", "ok");
	expect_end(r);
}

static void
newline_in_quotes_keeps_line_numbers(void **state)
{
	struct csvr *r = OPEN("a,b\n\"l1\nl2\",z\nlast,\"x\r\ny\"\r\nend,1\n");

	(void)state;
	expect_row(r, 1, 2, "a", "b");
	expect_row(r, 2, 2, "l1\nl2", "z");
	expect_row(r, 4, 2, "last", "x\r\ny");
	expect_row(r, 6, 2, "end", "1");
	expect_end(r);
}

static void
crlf_and_blank_lines(void **state)
{
	struct csvr *r = OPEN("a,b\r\n1,2\r\n\r\n3,4\r\n\n\n5,6");

	(void)state;
	expect_row(r, 1, 2, "a", "b");
	expect_row(r, 2, 2, "1", "2");
	expect_row(r, 4, 2, "3", "4");
	expect_row(r, 7, 2, "5", "6");
	expect_end(r);
}

static void
lone_cr(void **state)
{
	struct csvr *r = OPEN("a,b\r1,2\r\r3,\"x\ry\"\r4,5\r");

	(void)state;
	expect_row(r, 1, 2, "a", "b");
	expect_row(r, 2, 2, "1", "2");
	expect_row(r, 4, 2, "3", "x\ry");
	expect_row(r, 6, 2, "4", "5");
	expect_end(r);
}

static void
bom_and_spaces(void **state)
{
	struct csvr *r = OPEN("\xef\xbb\xbfname, team \n  Dana  ,\" East \"\n");

	(void)state;
	expect_row(r, 1, 2, "name", " team ");
	expect_row(r, 2, 2, "  Dana  ", " East ");
	expect_end(r);
}

static void
empty_fields(void **state)
{
	struct csvr *r = OPEN("a,,\n,\n\"\"\n");

	(void)state;
	expect_row(r, 1, 3, "a", "", "");
	expect_row(r, 2, 2, "", "");
	expect_row(r, 3, 1, "");
	expect_end(r);
}

static void
header_only_and_empty(void **state)
{
	struct csvr *r = OPEN("a,b\n");

	(void)state;
	expect_row(r, 1, 2, "a", "b");
	expect_end(r);
	expect_end(OPEN(""));
	expect_end(OPEN("\n\r\n"));
	expect_end(OPEN("\xef\xbb\xbf"));
}

static void
delimiter(void **state)
{
	struct csvr *r = OPEN("a;\"b;c\";1,5\n");

	(void)state;
	csvr_set_delim(r, ';');
	expect_row(r, 1, 3, "a", "b;c", "1,5");
	expect_end(r);
}

static void
field_over_limit(void **state)
{
	struct csvr *r = OPEN("ok,fine\nshort,0123456789abcdef\n");

	(void)state;
	csvr_set_max_field(r, 10);
	expect_row(r, 1, 2, "ok", "fine");
	expect_error(r, 2, "longer than 10 bytes");
}

static void
unterminated_quote(void **state)
{
	struct csvr *r = OPEN("a,b\n1,\"never\nclosed\n");

	(void)state;
	expect_row(r, 1, 2, "a", "b");
	expect_error(r, 2, "unterminated");
}

static void
nul_and_bad_utf8(void **state)
{
	struct csvr *r = open_str("a\nb\0c,d\n", 8);

	(void)state;
	expect_row(r, 1, 1, "a");
	expect_error(r, 2, "NUL");
	r = OPEN("ok\nJos\xe9,1\n");
	expect_row(r, 1, 1, "ok");
	expect_error(r, 2, "field 1: invalid UTF-8");
	r = OPEN("ok\nJos\xe9,1\n");
	csvr_set_check_utf8(r, 0);
	expect_row(r, 1, 1, "ok");
	expect_row(r, 2, 2, "Jos\xe9", "1");
	expect_end(r);
	r = OPEN("Jos\xc3\xa9 N\xc3\xba\xc3\xb1\x65z,\xe2\x82\xac\n");
	expect_row(r, 1, 2, "Jos\xc3\xa9 N\xc3\xba\xc3\xb1\x65z", "\xe2\x82\xac");
	expect_end(r);
}

/*
 * Text after a closing quote, read as Python's csv module reads it (the
 * expected values are csv.reader's on the same bytes): the rest of the
 * field is unquoted text, never the start of a merge with what follows.
 */
static void
text_after_closing_quote(void **state)
{
	struct csvr *r = OPEN("g,rep,stage\n1,\"Ann\" ,Won\n2,Bob,Lost\n");

	(void)state;
	csvr_set_quiet(r, 1);
	expect_row(r, 1, 3, "g", "rep", "stage");
	expect_row(r, 2, 3, "1", "Ann ", "Won");
	assert_int_equal(csvr_after_quote(r), 1);
	expect_row(r, 3, 3, "2", "Bob", "Lost");
	expect_end(r);

	r = OPEN("\"Ann\"x,1\n\"Ann\"   ,1\n\"Ann\" \n2\n");
	csvr_set_quiet(r, 1);
	expect_row(r, 1, 2, "Annx", "1");
	expect_row(r, 2, 2, "Ann   ", "1");
	expect_row(r, 3, 1, "Ann ");
	expect_row(r, 4, 1, "2");
	assert_int_equal(csvr_after_quote(r), 3);
	expect_end(r);

	/* At the end of the input, with no line end. */
	r = OPEN("a,\"Ann\" ");
	csvr_set_quiet(r, 1);
	expect_row(r, 1, 2, "a", "Ann ");
	expect_end(r);

	/* CRLF, a doubled quote before the text. */
	r = OPEN("a,\"Ann\"  \r\nb,\"x\"\"y\" z,w\r\nc,1\r\n");
	csvr_set_quiet(r, 1);
	expect_row(r, 1, 2, "a", "Ann  ");
	expect_row(r, 2, 3, "b", "x\"y z", "w");
	expect_row(r, 3, 2, "c", "1");
	expect_end(r);

	/* Quotes in the text after are plain characters, as in "5\" x". */
	r = OPEN("\"a\"b\"c\",d\n\"a\" \"b,c\"\nx,\"\" ,y\n");
	csvr_set_quiet(r, 1);
	expect_row(r, 1, 2, "ab\"c\"", "d");
	expect_row(r, 2, 2, "a \"b", "c\"");
	expect_row(r, 3, 3, "x", " ", "y");
	expect_end(r);

	/* A quoted line end, then text: the lines still count. */
	r = OPEN("\"l1\nl2\" tail,z\nnext,1\n");
	csvr_set_quiet(r, 1);
	expect_row(r, 1, 2, "l1\nl2 tail", "z");
	expect_row(r, 3, 2, "next", "1");
	expect_end(r);
}

/* The closing quote the last byte of one chunk, the text in the next. */
static void
text_after_quote_across_chunks(void **state)
{
	const size_t chunk = 256 * 1024;
	size_t i, len;
	char *s = malloc(chunk + 64);
	struct csv_row row;
	struct csvr *r;

	(void)state;
	/*
	 * 131068 "x" rows and a blank line, then `1,"Ann"` so that its
	 * closing quote is the chunk's last byte.
	 */
	len = chunk - 7;
	for (i = 0; i + 1 < len; i += 2)
		memcpy(s + i, "x\n", 2);
	if (i < len)
		s[i++] = '\n';
	len = i;
	len += (size_t)sprintf(s + len, "1,\"Ann\" ,Won\n2,Bob,Lost\n");
	assert_int_equal(s[chunk - 1], '"');
	r = open_str(s, len);
	M.step = 0;
	csvr_set_quiet(r, 1);
	while (csvr_next(r, &row) == 1 && row.n == 1)
		assert_string_equal(row.f[0], "x");
	assert_int_equal(row.n, 3);
	assert_string_equal(row.f[1], "Ann ");
	assert_string_equal(row.f[2], "Won");
	assert_int_equal(row.line, 131070);
	expect_row(r, row.line + 1, 3, "2", "Bob", "Lost");
	expect_end(r);
	free(s);
}

/*
 * An unmatched quote with no later quote is named on the line where it
 * opened, the field's own line, not its record's first line.
 */
static void
unterminated_quote_names_its_line(void **state)
{
	struct csvr *r = OPEN("a,b,c,d\n1,\"two\nlines\",x,\"never\nclosed\n"
	    "more\n");

	(void)state;
	expect_row(r, 1, 4, "a", "b", "c", "d");
	expect_error(r, 3, "field 4: unterminated quoted field");
	r = OPEN("a\n\"b\n");
	expect_row(r, 1, 1, "a");
	expect_error(r, 2, "field 1: unterminated quoted field");
}

/*
 * A quote left open runs into the field limit (libcsv's buffer is
 * refused past the limit and one 1 MiB block): said so, where it opened.
 */
static void
unmatched_quote_over_limit(void **state)
{
	size_t len = 2 << 20;
	char *s = malloc(len);
	struct csvr *r;

	(void)state;
	memset(s, 'y', len);
	memcpy(s, "a,b\nok,\"open\n", 13);
	s[len - 1] = '\n';
	r = open_str(s, len);
	M.step = 0;
	csvr_set_max_field(r, 10);
	expect_row(r, 1, 2, "a", "b");
	expect_error(r, 2, "field 2: the quote opened here is not closed");
	free(s);
}

/* The hint for a record of the wrong width with a field over lines. */
static void
width_hint(void **state)
{
	char *f[] = { "a", "b\r\nc\nd", "e" }, *g[] = { "a", "b" };
	size_t len[] = { 1, 6, 1 }, glen[] = { 1, 1 };
	struct csv_row row = { 3, f, len, 1 }, plain = { 2, g, glen, 1 };
	char buf[96];

	(void)state;
	assert_string_equal(csv_width_hint(&row, buf, sizeof(buf)),
	    " (field 2, quoted, runs over 2 more lines: a closing quote "
	    "missing?)");
	assert_string_equal(csv_width_hint(&plain, buf, sizeof(buf)), "");
}

/* Records and quoted newlines that straddle the reader's 256 KiB chunks. */
/*
 * SPEC 12: a field that is not UTF-8 is read as Windows-1252, alone:
 * the valid fields around it, and valid UTF-8 in general, stay as
 * they are.  "\xc3\xa9\xe9" is invalid as a whole, so both of its
 * bytes are Windows-1252 (Ã, ©, é).  Through libcsv (7 bytes a read)
 * and through the fast path (the whole text at once).
 */
static void
cp1252_fields(void **state)
{
	static const char text[] = "a,b\nJos\xc3\xa9 Caf\xc3\xa9,x\n"
	    "\"Caf\xe9\",Mar\xed" "a\nJos\xc3\xa9,\"\xc3\xa9\xe9\"\n";
	struct csvr *r;
	long line;
	int pass;

	(void)state;
	for (pass = 0; pass < 2; pass++) {
		r = OPEN(text);
		M.step = pass == 0 ? 7 : 0;
		csvr_set_cp1252_fallback(r, 1);
		expect_row(r, 1, 2, "a", "b");
		expect_row(r, 2, 2, "Jos\xc3\xa9 Caf\xc3\xa9", "x");
		expect_row(r, 3, 2, "Caf\xc3\xa9", "Mar\xc3\xad" "a");
		expect_row(r, 4, 2, "Jos\xc3\xa9",
		    "\xc3\x83\xc2\xa9\xc3\xa9");
		assert_int_equal(csvr_cp1252_fields(r, &line), 3);
		assert_int_equal(line, 3);
		expect_end(r);
	}
	/* Off (the default): an error at the field's line. */
	r = OPEN(text);
	expect_row(r, 1, 2, "a", "b");
	expect_row(r, 2, 2, "Jos\xc3\xa9 Caf\xc3\xa9", "x");
	expect_error(r, 3, "invalid UTF-8");
}

static void
many_rows_across_chunks(void **state)
{
	const size_t rows = 60000;
	size_t i, len = 0;
	char *s = malloc(rows * 16 + 1);
	struct csv_row row;
	struct csvr *r;
	char want[32];

	(void)state;
	for (i = 0; i < rows; i++)
		len += (size_t)sprintf(s + len, "%zu,\"v\nw\"\n", i);
	r = open_str(s, len);
	M.step = 0;
	for (i = 0; i < rows; i++) {
		assert_int_equal(csvr_next(r, &row), 1);
		snprintf(want, sizeof(want), "%zu", i);
		assert_string_equal(row.f[0], want);
		assert_string_equal(row.f[1], "v\nw");
		assert_int_equal(row.line, (long)(2 * i + 1));
	}
	expect_end(r);
	free(s);
}

static void
wide_row(void **state)
{
	const size_t cols = 50000;
	char *s = malloc(cols * 2 + 1);
	struct csv_row row;
	struct csvr *r;
	size_t i;

	(void)state;
	for (i = 0; i < cols; i++) {
		s[2 * i] = 'x';
		s[2 * i + 1] = i + 1 == cols ? '\n' : ',';
	}
	r = open_str(s, cols * 2);
	assert_int_equal(csvr_next(r, &row), 1);
	assert_int_equal(row.n, cols);
	assert_string_equal(row.f[cols - 1], "x");
	expect_end(r);
	free(s);
}

static void
header_lookup(void **state)
{
	char *f[] = { "Opportunity Owner", "Close Date", "AMOUNT", "id" };
	size_t len[] = { 17, 10, 6, 2 };
	struct csv_row h = { 4, f, len, 1 };
	char buf[64];

	(void)state;
	assert_int_equal(csv_find_col(&h, "id"), 3);
	assert_int_equal(csv_find_col(&h, "amount"), -1);
	assert_int_equal(csv_find_col_norm(&h, "amount"), 2);
	assert_int_equal(csv_find_col_norm(&h, "close_date"), 1);
	assert_int_equal(csv_find_col_norm(&h, "opportunity-owner"), 0);
	assert_int_equal(csv_find_col_norm(&h, "owner"), -1);
	assert_string_equal(csv_normalise("Deal - Won time", buf, sizeof(buf)),
	    "dealwontime");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plain_rows),
		cmocka_unit_test(cp1252_fields),
		cmocka_unit_test(quoting),
		cmocka_unit_test(newline_in_quotes_keeps_line_numbers),
		cmocka_unit_test(crlf_and_blank_lines),
		cmocka_unit_test(lone_cr),
		cmocka_unit_test(bom_and_spaces),
		cmocka_unit_test(empty_fields),
		cmocka_unit_test(header_only_and_empty),
		cmocka_unit_test(delimiter),
		cmocka_unit_test(field_over_limit),
		cmocka_unit_test(unterminated_quote),
		cmocka_unit_test(text_after_closing_quote),
		cmocka_unit_test(text_after_quote_across_chunks),
		cmocka_unit_test(unterminated_quote_names_its_line),
		cmocka_unit_test(unmatched_quote_over_limit),
		cmocka_unit_test(width_hint),
		cmocka_unit_test(nul_and_bad_utf8),
		cmocka_unit_test(many_rows_across_chunks),
		cmocka_unit_test(wide_row),
		cmocka_unit_test(header_lookup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
