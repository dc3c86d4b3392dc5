/*
 * libFuzzer target: the CSV reader must never crash, hang or misbehave,
 * and must read every input as Python's csv module does (SPEC 18).  The
 * model below is Python's reader (_csv.c, non-strict, no escape
 * character) on bytes, with the reader's own conventions: blank lines
 * skipped, a BOM dropped, an open quote at the end an error on the line
 * where it opened; where the reader refuses for another reason (a NUL,
 * the field limit, invalid UTF-8) nothing is compared.
 */
/* fuzz-options: -max_len=4096 */
#include <stdint.h>
#include <string.h>

#include "csvin.h"

struct src {
	const uint8_t *p;
	size_t n, step;
};

static ssize_t
src_read(void *ctx, char *buf, size_t n)
{
	struct src *s = ctx;
	size_t k = s->n < n ? s->n : n;

	/* Vary the read sizes so records straddle reads. */
	if (s->step != 0 && k > s->step)
		k = s->step;
	memcpy(buf, s->p, k);
	s->p += k;
	s->n -= k;
	return (ssize_t)k;
}

#define MAXIN 65536

/* The model's records: fields' bytes end to end, lengths, starts. */
struct model {
	char data[MAXIN];
	size_t dlen;
	size_t flen[MAXIN + 1];
	size_t nf;
	size_t rfirst[MAXIN + 1], rn[MAXIN + 1];
	long rline[MAXIN + 1];
	size_t nr;
	int open_quote;
	long open_line;
};

static struct model M;

enum { START_RECORD, START_FIELD, IN_FIELD, IN_QUOTED, QUOTE_IN_QUOTED };

static void
m_field(struct model *m, size_t *cur)
{
	m->flen[m->nf++] = *cur;
	*cur = 0;
}

static void
m_row(struct model *m)
{
	m->rn[m->nr] = m->nf - m->rfirst[m->nr];
	m->nr++;
	m->rfirst[m->nr] = m->nf;
}

static void
model(struct model *m, const uint8_t *s, size_t n, char delim)
{
	size_t i, cur = 0;
	long line = 1, fline = 1;
	int st = START_RECORD;
	uint8_t c;

	m->dlen = m->nf = m->nr = 0;
	m->rfirst[0] = 0;
	m->open_quote = 0;
	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
		s += 3;
		n -= 3;
	}
	for (i = 0; i < n; i++) {
		c = s[i];
		if (st == START_RECORD) {
			if (c == '\n' || c == '\r')
				goto eol;	/* a blank line */
			m->rline[m->nr] = line;
			st = START_FIELD;
		}
		switch (st) {
		case START_FIELD:
			fline = line;
			if (c == '\n' || c == '\r') {
				m_field(m, &cur);
				m_row(m);
				st = START_RECORD;
				goto eol;
			} else if (c == '"') {
				st = IN_QUOTED;
			} else if (c == (uint8_t)delim) {
				m_field(m, &cur);
			} else {
				m->data[m->dlen++] = (char)c, cur++;
				st = IN_FIELD;
			}
			break;
		case IN_FIELD:
			if (c == '\n' || c == '\r') {
				m_field(m, &cur);
				m_row(m);
				st = START_RECORD;
				goto eol;
			} else if (c == (uint8_t)delim) {
				m_field(m, &cur);
				st = START_FIELD;
			} else {
				m->data[m->dlen++] = (char)c, cur++;
			}
			break;
		case IN_QUOTED:
			if (c == '"') {
				st = QUOTE_IN_QUOTED;
				break;
			}
			m->data[m->dlen++] = (char)c, cur++;
			if (c == '\n' || c == '\r')
				goto eol;
			break;
		case QUOTE_IN_QUOTED:
			if (c == '"') {
				m->data[m->dlen++] = (char)c, cur++;
				st = IN_QUOTED;
			} else if (c == (uint8_t)delim) {
				m_field(m, &cur);
				st = START_FIELD;
			} else if (c == '\n' || c == '\r') {
				m_field(m, &cur);
				m_row(m);
				st = START_RECORD;
				goto eol;
			} else {
				m->data[m->dlen++] = (char)c, cur++;
				st = IN_FIELD;
			}
			break;
		}
		continue;
eol:
		/* CRLF is one line end: in a quoted field, its LF is data. */
		line++;
		if (c == '\r' && i + 1 < n && s[i + 1] == '\n') {
			i++;
			if (st == IN_QUOTED)
				m->data[m->dlen++] = '\n', cur++;
		}
	}
	if (st == IN_QUOTED) {
		m->open_quote = 1;
		m->open_line = fline;
	} else if (st != START_RECORD) {
		m_field(m, &cur);
		m_row(m);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct src s;
	struct csvr *r;
	struct csv_row row;
	long prev = 0;
	size_t i, k = 0, off = 0;
	int rc;
	char delim;

	if (size < 2 || size - 2 > MAXIN)
		return 0;
	s.step = data[0] % 16;
	s.p = data + 2;
	s.n = size - 2;
	delim = data[1] & 1 ? ';' : ',';
	model(&M, data + 2, size - 2, delim);
	r = csvr_open_fn(src_read, &s, "fuzz");
	csvr_set_quiet(r, 1);
	csvr_set_delim(r, (unsigned char)delim);
	if (data[1] & 2)
		csvr_set_max_field(r, 64);
	csvr_set_check_utf8(r, (data[1] & 4) == 0);
	while ((rc = csvr_next(r, &row)) == 1) {
		/* Lines only go forward and fields are NUL-terminated. */
		if (row.line < prev || row.n == 0)
			__builtin_trap();
		prev = row.line;
		for (i = 0; i < row.n; i++)
			if (row.f[i][row.len[i]] != '\0')
				__builtin_trap();
		/* The record Python reads, on the line where it starts. */
		if (k >= M.nr || row.n != M.rn[k] || row.line != M.rline[k])
			__builtin_trap();
		for (i = 0; i < row.n; i++) {
			if (row.len[i] != M.flen[M.rfirst[k] + i] ||
			    memcmp(row.f[i], M.data + off, row.len[i]) != 0)
				__builtin_trap();
			off += row.len[i];
		}
		k++;
	}
	if (rc == 0 && (k != M.nr || M.open_quote))
		__builtin_trap();
	if (rc < 0 && strstr(csvr_error(r), "unterminated") != NULL &&
	    (!M.open_quote || k != M.nr ||
	    csvr_error_line(r) != M.open_line))
		__builtin_trap();
	csvr_close(r);
	return 0;
}
