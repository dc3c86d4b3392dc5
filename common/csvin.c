#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csvin.h"
#include "err.h"
#include "utf8.h"

#define CHUNK (256 * 1024)
#define LIBCSV_BLOCK (1024 * 1024)
/*
 * Buffers start this small and double up to CHUNK / LIBCSV_BLOCK, so
 * a small input (a fuzz case, a short file) costs kilobytes, not the
 * 1.5 MB a big file wants.
 */
#define FIRST_ALLOC 4096
/*
 * A byte source is never asked for fewer bytes than this: a converter
 * (pm-ingest's iconv reader) needs room for a whole UTF-8 sequence.
 */
#define MIN_READ 64

/* Strict, so that libcsv stops where recover() must decide. */
#define CSV_OPTIONS (CSV_STRICT | CSV_REPALL_NL | CSV_APPEND_NULL)

/*
 * libcsv's parser states (libcsv.c 3.0.3), read to detect an unterminated
 * quote and to know when libcsv is between records, and set to read text
 * after a closing quote (see recover()).
 */
#define LIBCSV_ROW_NOT_BEGUN 0
#define LIBCSV_FIELD_BEGUN 2
#define LIBCSV_FIELD_MIGHT_HAVE_ENDED 3
#if CSV_MAJOR != 3
#error "csvin.c knows the parser states of libcsv 3 only"
#endif

/* A field in the row arena, or (F_CHUNK) in the input chunk itself. */
struct field {
	size_t off, len;
	int in_chunk;
};

/* in_chunk bits; F_ODD only while the fast path holds the record. */
enum { F_CHUNK = 1, F_ODD = 2 };

struct rowinfo {
	size_t first, n;
	long line;
};

/* Byte class bits of the fast path (see set_classes). */
enum { B_ODD = 1, B_END = 2 };

struct csvr {
	struct csv_parser p;
	csv_read_fn read;
	void *ctx;
	int fd;			/* ours to close, or -1 */
	char *name;
	unsigned char delim;
	int check_utf8;
	int cp1252;		/* a field not UTF-8 read as Windows-1252 */
	size_t ncp1252;
	long cp1252_line;	/* the first such field's */
	size_t max_field;

	char *in;		/* one chunk of raw input */
	size_t inlen, incap;
	int started, at_eof, finished, failed, done;

	/* Records parsed from the current chunk, waiting to be handed out. */
	char *data;
	size_t dlen, dcap;
	struct field *fields;
	size_t nfields, fcap;
	struct rowinfo *rows;
	size_t nrows, rcap, rnext;
	char **ptrs;
	size_t *lens;
	size_t pcap;

	/* The record being parsed: its first field and starting line. */
	size_t cur_first;
	long cur_line;
	int in_row;
	long line;		/* physical line of the next input byte */
	int after_cr;		/* last event was a CR ending a line */

	/* The fast path's byte classes. */
	unsigned char cls[256];

	char errmsg[256];
	long errline;
	int err_io;

	/* Quoted fields with text after the closing quote (see recover()). */
	long after_quote, after_quote_line;
	int quiet;
};

/*
 * libcsv's allocator hooks take no context, so the field limit of the
 * parser being fed lives here; the tools are single-threaded.
 */
static size_t active_max_field = CSV_DEFAULT_MAX_FIELD;

static void *
limited_realloc(void *p, size_t n)
{
	if (n > active_max_field + LIBCSV_BLOCK)
		return NULL;
	return realloc(p, n);
}

static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static ssize_t
fd_read(void *ctx, char *buf, size_t n)
{
	int fd = *(int *)ctx;
	ssize_t r;

	do
		r = read(fd, buf, n);
	while (r < 0 && errno == EINTR);
	return r;
}

/*
 * B_END: the byte ends an unquoted field.  B_ODD: a field holding it
 * needs the full checks (NUL, UTF-8, line count): control bytes,
 * including line ends, and non-ASCII.
 */
static void
set_classes(struct csvr *r)
{
	int c;

	for (c = 0; c < 256; c++)
		r->cls[c] = c < 0x20 || c >= 0x80 ? B_ODD : 0;
	r->cls[r->delim] |= B_END;
	r->cls['\n'] |= B_END;
	r->cls['\r'] |= B_END;
}

static struct csvr *
csvr_new(const char *name)
{
	struct csvr *r;

	r = xcalloc(1, sizeof(*r));
	r->fd = -1;
	r->name = xstrdup(name);
	r->delim = ',';
	r->check_utf8 = 1;
	r->max_field = CSV_DEFAULT_MAX_FIELD;
	r->line = 1;
	set_classes(r);
	if (csv_init(&r->p, CSV_OPTIONS) != 0)
		pm_die(EX_SOFTWARE, "cannot initialise the CSV parser");
	csv_set_space_func(&r->p, no_space);
	csv_set_blk_size(&r->p, FIRST_ALLOC);
	csv_set_realloc_func(&r->p, limited_realloc);
	return r;
}

struct csvr *
csvr_open(const char *path)
{
	struct csvr *r;
	struct stat st;

	if (path == NULL || strcmp(path, "-") == 0) {
		r = csvr_new("-");
		r->fd = STDIN_FILENO;
	} else {
		r = csvr_new(path);
		if ((r->fd = open(path, O_RDONLY)) == -1)
			pm_die(EX_NOINPUT, "%s: %s", path, strerror(errno));
		if (fstat(r->fd, &st) == 0 && S_ISDIR(st.st_mode))
			pm_die(EX_NOINPUT, "%s: is a directory", path);
	}
	r->read = fd_read;
	r->ctx = &r->fd;
	return r;
}

struct csvr *
csvr_open_fn(csv_read_fn fn, void *ctx, const char *name)
{
	struct csvr *r;

	r = csvr_new(name);
	r->read = fn;
	r->ctx = ctx;
	return r;
}

void
csvr_close(struct csvr *r)
{
	if (r == NULL)
		return;
	csv_free(&r->p);
	if (r->fd > STDIN_FILENO)
		close(r->fd);
	free(r->name);
	free(r->in);
	free(r->data);
	free(r->fields);
	free(r->rows);
	free(r->ptrs);
	free(r->lens);
	free(r);
}

void
csvr_set_delim(struct csvr *r, unsigned char delim)
{
	r->delim = delim;
	csv_set_delim(&r->p, delim);
	set_classes(r);
}

void
csvr_set_max_field(struct csvr *r, size_t max)
{
	r->max_field = max;
}

void
csvr_set_check_utf8(struct csvr *r, int on)
{
	r->check_utf8 = on;
}

void
csvr_set_quiet(struct csvr *r, int on)
{
	r->quiet = on;
}

long
csvr_after_quote(const struct csvr *r)
{
	return r->after_quote;
}

void
csvr_set_cp1252_fallback(struct csvr *r, int on)
{
	r->cp1252 = on;
}

size_t
csvr_cp1252_fields(const struct csvr *r, long *first_line)
{
	if (first_line != NULL)
		*first_line = r->cp1252_line;
	return r->ncp1252;
}

const char *
csvr_name(const struct csvr *r)
{
	return r->name;
}

const char *
csvr_error(const struct csvr *r)
{
	return r->errmsg;
}

long
csvr_error_line(const struct csvr *r)
{
	return r->errline;
}

int
csvr_error_is_io(const struct csvr *r)
{
	return r->err_io;
}

static void
fail(struct csvr *r, long line, const char *msg)
{
	if (r->failed)
		return;
	r->failed = 1;
	r->errline = line;
	snprintf(r->errmsg, sizeof(r->errmsg), "%s", msg);
}

static int
fill(struct csvr *r)
{
	ssize_t n;

	r->inlen = 0;
	while (r->inlen < CHUNK) {
		if (r->incap - r->inlen < MIN_READ) {
			if (r->incap == CHUNK)
				break;	/* the rest comes with the next chunk */
			r->incap = r->incap ? r->incap * 2 : FIRST_ALLOC;
			r->in = xrealloc(r->in, r->incap);
		}
		n = r->read(r->ctx, r->in + r->inlen, r->incap - r->inlen);
		if (n < 0) {
			snprintf(r->errmsg, sizeof(r->errmsg), "read error: %s",
			    strerror(errno));
			r->failed = 1;
			r->err_io = 1;
			r->errline = 0;
			return -1;
		}
		if (n == 0) {
			r->at_eof = 1;
			break;
		}
		r->inlen += (size_t)n;
	}
	return 0;
}

static int
start(struct csvr *r)
{
	/*
	 * Only a failed first read is an error here: a later parse error
	 * comes after the records parsed before it are handed out.
	 */
	if (r->started)
		return 0;
	r->started = 1;
	if (fill(r) != 0)
		return -1;
	if (r->inlen >= 3 && memcmp(r->in, "\xef\xbb\xbf", 3) == 0) {
		memmove(r->in, r->in + 3, r->inlen - 3);
		r->inlen -= 3;
	}
	return 0;
}

size_t
csvr_peek(struct csvr *r, const char **buf)
{
	if (start(r) != 0) {
		*buf = "";
		return 0;
	}
	*buf = r->in;
	return r->inlen;
}

static size_t
count_lines(const char *s, size_t n)
{
	size_t i, lines = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '\n')
			lines++;
		else if (s[i] == '\r' && (i + 1 == n || s[i + 1] != '\n'))
			lines++;
	}
	return lines;
}

/* Any byte that is a control character or not ASCII. */
static int
is_odd(const unsigned char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] < 0x20 || s[i] >= 0x80)
			return 1;
	return 0;
}

/* The next free field, n past the last one handed in. */
static struct field *
field_slot(struct csvr *r, size_t n)
{
	if (r->nfields + n == r->fcap) {
		r->fcap = r->fcap ? r->fcap * 2 : 256;
		r->fields = xreallocarray(r->fields, r->fcap,
		    sizeof(*r->fields));
	}
	return &r->fields[r->nfields + n];
}

static void
begin_field(struct csvr *r)
{
	if (!r->in_row) {
		r->in_row = 1;
		r->cur_first = r->nfields;
		r->cur_line = r->line;
	}
	r->after_cr = 0;
}

/*
 * The checks of the next field of the record being parsed; 0 after
 * fail(), 2 when the field is to be read as Windows-1252, else 1.  A
 * field with no control or non-ASCII byte (odd = 0) cannot hold a NUL,
 * bad UTF-8 or a line end, so it skips those checks.
 */
static int
check_field(struct csvr *r, const char *s, size_t len, int odd)
{
	int rc = 1;

	char msg[128];
	size_t k = r->nfields - r->cur_first + 1;

	if (len > r->max_field) {
		snprintf(msg, sizeof(msg), "field %zu: longer than %zu bytes",
		    k, r->max_field);
		fail(r, r->cur_line, msg);
		return 0;
	}
	if (!odd)
		return 1;
	if (len > 0 && memchr(s, '\0', len) != NULL) {
		snprintf(msg, sizeof(msg), "field %zu: NUL byte", k);
		fail(r, r->cur_line, msg);
		return 0;
	}
	if (r->check_utf8 && !utf8_valid(s, len)) {
		if (!r->cp1252) {
			snprintf(msg, sizeof(msg), "field %zu: invalid UTF-8",
			    k);
			fail(r, r->cur_line, msg);
			return 0;
		}
		if (r->ncp1252++ == 0)
			r->cp1252_line = r->cur_line;
		rc = 2;
	}
	r->line += (long)count_lines(s, len);
	return rc;
}

/*
 * Field f's len bytes at s into the row arena, as they are or (cp1252)
 * from Windows-1252; they may not be in the arena themselves.
 */
static void
arena_put(struct csvr *r, struct field *f, const char *s, size_t len,
    int cp1252)
{
	size_t need = (cp1252 ? UTF8_PER_CP1252 * len : len) + 1;

	if (need > r->dcap - r->dlen) {
		while (need > r->dcap - r->dlen)
			r->dcap = r->dcap ? r->dcap * 2 : FIRST_ALLOC;
		r->data = xrealloc(r->data, r->dcap);
	}
	f->off = r->dlen;
	f->in_chunk = 0;
	if (cp1252)
		len = utf8_from_cp1252_str(s, len, r->data + r->dlen);
	else if (len > 0)
		memcpy(r->data + r->dlen, s, len);
	f->len = len;
	r->data[r->dlen + len] = '\0';
	r->dlen += len + 1;
}

/* A field from libcsv, copied into the row arena. */
static void
add_field(struct csvr *r, const char *s, size_t len, int odd)
{
	struct field *f;
	int rc;

	if (r->failed)
		return;
	begin_field(r);
	if ((rc = check_field(r, s, len, odd)) == 0)
		return;
	f = field_slot(r, 0);
	r->nfields++;
	arena_put(r, f, s, len, rc == 2);
}

static void
on_field(void *s, size_t len, void *data)
{
	add_field(data, s, len, is_odd(s, len));
}

static void
on_row(int c, void *data)
{
	struct csvr *r = data;
	struct rowinfo *ri;

	if (r->failed)
		return;
	/* The LF of a CRLF pair ends no second line. */
	if (c == '\n' && r->after_cr && !r->in_row) {
		r->after_cr = 0;
		return;
	}
	r->after_cr = c == '\r';
	if (c == '\n' || c == '\r')
		r->line++;
	if (!r->in_row)
		return;		/* a blank line */
	r->in_row = 0;
	if (r->nrows == r->rcap) {
		r->rcap = r->rcap ? r->rcap * 2 : 256;
		r->rows = xreallocarray(r->rows, r->rcap, sizeof(*ri));
	}
	ri = &r->rows[r->nrows++];
	ri->first = r->cur_first;
	ri->n = r->nfields - r->cur_first;
	ri->line = r->cur_line;
}

/* Drop handed-out records, keeping the fields of a record in progress. */
static void
compact(struct csvr *r)
{
	size_t i, keep_from, shift;

	r->nrows = r->rnext = 0;
	if (!r->in_row) {
		r->nfields = 0;
		r->dlen = 0;
		return;
	}
	keep_from = r->cur_first;
	shift = keep_from < r->nfields ? r->fields[keep_from].off : r->dlen;
	memmove(r->data, r->data + shift, r->dlen - shift);
	r->dlen -= shift;
	for (i = keep_from; i < r->nfields; i++) {
		r->fields[i - keep_from] = r->fields[i];
		r->fields[i - keep_from].off -= shift;
	}
	r->nfields -= keep_from;
	r->cur_first = 0;
}

/*
 * Text after the closing quote of a field (`"Ann" ,`, `"Ann"x`), read
 * as Python's csv module reads it: the quoted part, then the rest up to
 * the delimiter as unquoted text, in which a quote is a plain character
 * (`Ann `, `Annx`).  Exports written by hand or by a careless script
 * have it, and a user checks a file with Python.
 *
 * libcsv's own modes cannot do it.  Non-strict, it keeps such a field
 * quoted (FIELD_MIGHT_HAVE_ENDED goes back to FIELD_BEGUN with quoted
 * still set), so every delimiter and line end up to the next quote
 * anywhere in the file is data: one space after a quote glued the
 * records that followed into one field.  Strict, it rejects the field,
 * and a quote inside an unquoted field too (`5" monitor`), which real
 * exports are full of.  The fast path cannot do it alone either: a
 * record that straddles a chunk, has doubled quotes or a quoted line
 * end is libcsv's.  So libcsv runs strict, and at each of its two
 * strict errors this does what the non-strict reading of Python does,
 * through the parser's state, which csv.h makes public:
 *  - text after a closing quote: the quote leaves the field buffer (it
 *    was put there in case a second quote followed), the field goes on
 *    unquoted, and the byte is parsed again;
 *  - a quote in an unquoted field: that one byte is parsed non-strict,
 *    which keeps it as data.
 * Returns the number of bytes of s this consumed (0 or 1).
 */
static size_t
recover(struct csvr *r, const char *s)
{
	struct csv_parser *p = &r->p;
	long close_line;
	size_t k;

	p->status = CSV_SUCCESS;
	if (p->pstate == LIBCSV_FIELD_MIGHT_HAVE_ENDED) {
		p->entry_pos--;
		p->quoted = 0;
		p->pstate = LIBCSV_FIELD_BEGUN;
		k = r->in_row ? r->nfields - r->cur_first + 1 : 1;
		close_line = r->line + (long)count_lines((const char *)
		    p->entry_buf, p->entry_pos);
		if (r->after_quote++ == 0)
			r->after_quote_line = close_line;
		if (r->quiet || pm_quiet)
			return 0;
		/*
		 * Over several lines, it is most often a quote left open
		 * that ran to the next quote: each is said, where it opened.
		 */
		if (close_line > r->line)
			pm_warn_at(r->name, r->line, "field %zu: the quote "
			    "opened here closes on line %ld with text after "
			    "it: lines %ld to %ld read as one field, as "
			    "Python's csv module reads them (a quote left "
			    "open?)", k, close_line, r->line, close_line);
		else if (r->after_quote == 1)
			pm_warn_at(r->name, close_line, "field %zu: text after "
			    "the closing quote, read as part of the field", k);
		return 0;
	}
	if (p->pstate == LIBCSV_FIELD_BEGUN && !p->quoted) {
		csv_set_opts(p, CSV_OPTIONS & ~CSV_STRICT);
		(void)csv_parse(p, s, 1, on_field, on_row, r);
		csv_set_opts(p, CSV_OPTIONS);
		return 1;
	}
	fail(r, r->line, "malformed CSV");
	return 0;
}

/* libcsv parses in[from, to). */
static void
feed(struct csvr *r, size_t from, size_t to)
{
	size_t used;
	char msg[128];

	active_max_field = r->max_field;
	while (from < to && !r->failed) {
		/*
		 * libcsv grows its field buffer by a fixed block: make it
		 * geometric.
		 */
		if (r->p.entry_size > FIRST_ALLOC)
			csv_set_blk_size(&r->p, r->p.entry_size < LIBCSV_BLOCK ?
			    r->p.entry_size : LIBCSV_BLOCK);
		used = csv_parse(&r->p, r->in + from, to - from, on_field,
		    on_row, r);
		from += used;
		if (from == to || r->failed)
			break;
		if (csv_error(&r->p) == CSV_EPARSE) {
			from += recover(r, r->in + from);
			continue;
		}
		if (csv_error(&r->p) == CSV_ENOMEM ||
		    csv_error(&r->p) == CSV_ETOOBIG) {
			if (r->p.quoted)
				snprintf(msg, sizeof(msg), "field %zu: the "
				    "quote opened here is not closed within "
				    "%zu bytes", r->in_row ? r->nfields -
				    r->cur_first + 1 : 1, r->max_field);
			else
				snprintf(msg, sizeof(msg), "field %zu: longer "
				    "than %zu bytes", r->in_row ? r->nfields -
				    r->cur_first + 1 : 1, r->max_field);
			fail(r, r->p.quoted ? r->line : r->in_row ?
			    r->cur_line : r->line, msg);
		} else {
			snprintf(msg, sizeof(msg), "malformed CSV: %s",
			    csv_strerror(csv_error(&r->p)));
			fail(r, r->in_row ? r->cur_line : r->line, msg);
		}
	}
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define SCAN_WORDS 1
#define ONES 0x0101010101010101ULL
#define HIGH 0x8080808080808080ULL
#define LOW7 0x7f7f7f7f7f7f7f7fULL

/* The high bit of each byte of x that is zero, exactly (no borrows). */
static uint64_t
zero_bytes(uint64_t x)
{
	return ~(((x & LOW7) + LOW7) | x | LOW7);
}
#endif

/*
 * The end of the field whose bytes start at in[pos]: the offset of the
 * next quote when quoted, else of the next delimiter or line end; inlen
 * when there is none.  B_ODD goes into *odd when a byte before that is a
 * control or non-ASCII byte.  Eight bytes at a time where words are
 * little-endian, so that the lowest marked byte is the first: one branch
 * a word instead of one a byte, mispredicted at every field's end.
 */
static size_t
scan_field(const struct csvr *r, size_t pos, int quoted, int *odd)
{
	const unsigned char *in = (const unsigned char *)r->in;
	size_t q = pos, end = r->inlen;
	int o = 0;
#ifdef SCAN_WORDS
	uint64_t w, e, bad, d = ONES * r->delim;

	for (; q + 8 <= end; q += 8) {
		memcpy(&w, in + q, 8);
		if (quoted)
			e = zero_bytes(w ^ (ONES * '"'));
		else
			e = zero_bytes(w ^ d) | zero_bytes(w ^ (ONES * '\n')) |
			    zero_bytes(w ^ (ONES * '\r'));
		/* From 0x80 up, or below 0x20 in the low seven bits. */
		bad = (w | ~((w & LOW7) + ONES * 0x60)) & HIGH;
		if (e != 0) {
			e = (uint64_t)__builtin_ctzll(e) & ~7ULL;
			if (e > 0 && (bad & ((1ULL << e) - 1)) != 0)
				o = B_ODD;
			*odd = o;
			return q + e / 8;
		}
		if (bad != 0)
			o = B_ODD;
	}
#endif
	if (quoted)
		for (; q < end && in[q] != '"'; q++)
			o |= r->cls[in[q]];
	else
		for (; q < end && !(r->cls[in[q]] & B_END); q++)
			o |= r->cls[in[q]];
	*odd = o & B_ODD;
	return q;
}

static void
put_span(struct csvr *r, size_t n, size_t off, size_t len, int odd)
{
	struct field *f = field_slot(r, n);

	f->off = off;
	f->len = len;
	f->in_chunk = F_CHUNK | (odd ? F_ODD : 0);
}

/*
 * The record at in[pos] when it is entirely in this chunk and simple:
 * unquoted fields, and quoted ones with no doubled quote that end at a
 * delimiter or line end.  Its fields are written past r->nfields, to
 * be taken by take_record; returns the offset of its line-end byte, or 0
 * to leave the record to libcsv.
 */
static size_t
scan_record(struct csvr *r, size_t pos, size_t *nspans)
{
	const unsigned char *in = (const unsigned char *)r->in;
	const unsigned char *cls = r->cls;
	size_t end = r->inlen, n = 0, q;
	int odd;

	for (;;) {
		if (in[pos] == '"') {
			q = scan_field(r, pos + 1, 1, &odd);
			if (q + 1 >= end || !(cls[in[q + 1]] & B_END))
				return 0;
			put_span(r, n++, pos + 1, q - pos - 1, odd);
			pos = q + 1;
		} else {
			q = scan_field(r, pos, 0, &odd);
			if (q == end)
				return 0;
			put_span(r, n++, pos, q - pos, odd);
			pos = q;
		}
		if (in[pos] != r->delim)
			break;
		if (++pos == end)
			return 0;
	}
	*nspans = n;
	return pos;
}

/*
 * The n fields scan_record found, checked as add_field checks libcsv's
 * and left in place in the chunk, NUL-terminated over the byte after
 * each (its delimiter, quote or line end).
 */
static void
take_record(struct csvr *r, size_t n)
{
	struct field *f;
	size_t i;
	int rc;

	begin_field(r);
	for (i = 0; i < n; i++) {
		f = &r->fields[r->nfields];
		rc = 1;
		if ((f->len > r->max_field || (f->in_chunk & F_ODD)) &&
		    (rc = check_field(r, r->in + f->off, f->len,
		    f->in_chunk & F_ODD)) == 0)
			return;
		r->nfields++;
		if (rc == 2) {
			arena_put(r, f, r->in + f->off, f->len, 1);
			continue;
		}
		f->in_chunk = F_CHUNK;
		r->in[f->off + f->len] = '\0';
	}
}

/*
 * The fast path: takes the simple records at in[pos] itself, with the
 * same effect as libcsv's callbacks, and stops at the first record it
 * leaves to libcsv.  libcsv's per-byte state machine and callbacks are
 * most of the cost of reading a file.
 */
static size_t
fast_records(struct csvr *r, size_t pos)
{
	size_t n, eol;
	char c;

	while (pos < r->inlen && !r->failed) {
		if (r->in[pos] == '\n' || r->in[pos] == '\r') {
			on_row(r->in[pos++], r);	/* a blank line */
			continue;
		}
		if ((eol = scan_record(r, pos, &n)) == 0)
			break;
		c = r->in[eol];
		take_record(r, n);
		on_row(c, r);
		pos = eol + 1;
	}
	return pos;
}

static void
parse_chunk(struct csvr *r)
{
	size_t pos = 0, to;
	const char *nl;
	int fast;

	/* A quote or line end as delimiter is left to libcsv alone. */
	fast = r->delim != '"' && r->delim != '\n' && r->delim != '\r';
	while (pos < r->inlen && !r->failed) {
		if (fast && r->p.pstate == LIBCSV_ROW_NOT_BEGUN)
			pos = fast_records(r, pos);
		if (pos == r->inlen || r->failed)
			break;
		/* libcsv takes the next line, and more until its record ends. */
		nl = fast ? memchr(r->in + pos, '\n', r->inlen - pos) : NULL;
		to = nl != NULL ? (size_t)(nl - r->in) + 1 : r->inlen;
		feed(r, pos, to);
		pos = to;
	}
}

static void
finish(struct csvr *r)
{
	char msg[160];

	/*
	 * Python takes an open quote to the end of the input as one field;
	 * here it is an error, named where the quote opened (the line of
	 * the field, not of its record), which is where to look.
	 */
	if (r->p.pstate == LIBCSV_FIELD_BEGUN && r->p.quoted) {
		snprintf(msg, sizeof(msg), "field %zu: unterminated quoted "
		    "field: the quote opened here is never closed",
		    r->in_row ? r->nfields - r->cur_first + 1 : 1);
		fail(r, r->line, msg);
		return;
	}
	csv_fini(&r->p, on_field, on_row, r);
	if (r->in_row)
		on_row(-1, r);
	if (r->after_quote > 1 && !r->quiet && !pm_quiet)
		pm_warn("%s: %ld quoted fields in all with text after the "
		    "closing quote (the first at line %ld)", r->name,
		    r->after_quote, r->after_quote_line);
}

int
csvr_next(struct csvr *r, struct csv_row *row)
{
	struct rowinfo *ri;
	struct field *f;
	size_t i;

	if (r->done)
		return 0;
	if (start(r) != 0)
		goto error;
	while (r->rnext == r->nrows) {
		if (r->failed)
			goto error;
		if (r->finished) {
			r->done = 1;
			return 0;
		}
		compact(r);
		if (r->inlen == 0 && r->at_eof) {
			finish(r);
			r->finished = 1;
			continue;
		}
		if (r->inlen == 0 && fill(r) != 0)
			goto error;
		parse_chunk(r);
		r->inlen = 0;
	}
	ri = &r->rows[r->rnext++];
	if (ri->n > r->pcap) {
		r->pcap = ri->n;
		r->ptrs = xreallocarray(r->ptrs, r->pcap, sizeof(*r->ptrs));
		r->lens = xreallocarray(r->lens, r->pcap, sizeof(*r->lens));
	}
	for (i = 0; i < ri->n; i++) {
		f = &r->fields[ri->first + i];
		r->ptrs[i] = (f->in_chunk ? r->in : r->data) + f->off;
		r->lens[i] = r->fields[ri->first + i].len;
	}
	row->n = ri->n;
	row->f = r->ptrs;
	row->len = r->lens;
	row->line = ri->line;
	return 1;
error:
	r->done = 1;
	return -1;
}

int
csvr_next_or_die(struct csvr *r, struct csv_row *row)
{
	int rc = csvr_next(r, row);

	if (rc < 0)
		pm_die_at(r->err_io ? EX_IOERR : EX_DATAERR, r->name,
		    r->errline, "%s", r->errmsg);
	return rc;
}

char *
csv_normalise(const char *s, char *buf, size_t n)
{
	size_t o = 0;
	unsigned char c;

	for (; *s != '\0' && o + 1 < n; s++) {
		c = (unsigned char)*s;
		if (c >= 'A' && c <= 'Z')
			buf[o++] = (char)(c - 'A' + 'a');
		else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c >= 0x80)
			buf[o++] = (char)c;
	}
	buf[o] = '\0';
	return buf;
}

int
csv_find_col(const struct csv_row *hdr, const char *name)
{
	size_t i;

	for (i = 0; i < hdr->n; i++)
		if (strcmp(hdr->f[i], name) == 0)
			return (int)i;
	return -1;
}

int
csv_find_col_norm(const struct csv_row *hdr, const char *name)
{
	char want[256], have[256];
	size_t i;

	csv_normalise(name, want, sizeof(want));
	for (i = 0; i < hdr->n; i++)
		if (strcmp(csv_normalise(hdr->f[i], have, sizeof(have)),
		    want) == 0)
			return (int)i;
	return -1;
}

const char *
csv_width_hint(const struct csv_row *row, char *buf, size_t n)
{
	size_t i, lines;

	/*
	 * A record of the wrong width with a field over several lines is
	 * most often a quote left open, whose field ran to the next quote:
	 * say where to look.
	 */
	for (i = 0; i < row->n; i++)
		if ((lines = count_lines(row->f[i], row->len[i])) > 0) {
			snprintf(buf, n, " (field %zu, quoted, runs over %zu "
			    "more line%s: a closing quote missing?)", i + 1,
			    lines, lines == 1 ? "" : "s");
			return buf;
		}
	*buf = '\0';
	return buf;
}

void
csv_check_width(const struct csvr *r, const struct csv_row *row, size_t want)
{
	char hint[96];

	if (row->n != want)
		pm_die_at(EX_DATAERR, r->name, row->line,
		    "expected %zu fields, found %zu%s", want, row->n,
		    csv_width_hint(row, hint, sizeof(hint)));
}
