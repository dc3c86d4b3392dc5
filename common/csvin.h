/*
 * Streaming CSV reader over libcsv.  Records come one at a time with the
 * physical line on which each starts; spaces inside fields are kept, a
 * UTF-8 BOM is dropped, blank lines are skipped, and a field larger than
 * the limit is a data error rather than an exhausted memory.  Quotes are
 * read as Python's csv module reads them (see csvr_set_quiet), so no
 * stray quote ever merges records.
 */
#ifndef PM_CSVIN_H
#define PM_CSVIN_H

#include <stddef.h>
#include <sys/types.h>

#define CSV_DEFAULT_MAX_FIELD ((size_t)64 << 20)

struct csv_row {
	size_t n;		/* number of fields, at least 1 */
	char **f;		/* NUL-terminated fields */
	size_t *len;		/* their lengths */
	long line;		/* physical line where the record starts */
};

typedef ssize_t (*csv_read_fn)(void *ctx, char *buf, size_t n);

struct csvr;

/* NULL or "-" is standard input.  Exits 66 when the file cannot be read. */
struct csvr *csvr_open(const char *path);
/* Bytes come from fn (which returns 0 at end, -1 with errno on error). */
struct csvr *csvr_open_fn(csv_read_fn fn, void *ctx, const char *name);
/* Closes r and the file it opened (NULL allowed). */
void csvr_close(struct csvr *r);

/* The field separator (default ','). */
void csvr_set_delim(struct csvr *r, unsigned char delim);
/* The longest field accepted, in bytes: a longer one is an error. */
void csvr_set_max_field(struct csvr *r, size_t max);
void csvr_set_check_utf8(struct csvr *r, int on);	/* default on */
/*
 * A quoted field with text after its closing quote ("Ann" , is "Ann ")
 * is read as Python's csv module reads it, with a warning at the first
 * (FILE:LINE) and a count at the end of the input; quiet: no warnings.
 */
void csvr_set_quiet(struct csvr *r, int on);
/* How many such fields were read so far. */
long csvr_after_quote(const struct csvr *r);
/*
 * A field that is not valid UTF-8 is read as Windows-1252 instead of
 * being an error (exports stitched together in Excel); valid UTF-8 is
 * never re-decoded.
 */
void csvr_set_cp1252_fallback(struct csvr *r, int on);
/* How many fields were read as Windows-1252, and the first one's line. */
size_t csvr_cp1252_fields(const struct csvr *r, long *first_line);
/* The first bytes of the input (after a BOM), before any is parsed. */
size_t csvr_peek(struct csvr *r, const char **buf);
/* The input's name for messages ("-" for standard input). */
const char *csvr_name(const struct csvr *r);

/*
 * 1 and the next record in *row (valid until the next call), 0 at the end,
 * -1 on malformed input or a read error: csvr_error() says what, at
 * csvr_error_line().  After -1 every call returns 0.
 */
int csvr_next(struct csvr *r, struct csv_row *row);
/* What was wrong, after csvr_next() returned -1. */
const char *csvr_error(const struct csvr *r);
/* The line csvr_error() is about. */
long csvr_error_line(const struct csvr *r);
/* Whether the error was one of reading (exit 74), not of the data. */
int csvr_error_is_io(const struct csvr *r);
/* csvr_next that reports an error and exits 65 (74 for a read error). */
int csvr_next_or_die(struct csvr *r, struct csv_row *row);

/* The column of hdr called exactly name, or -1. */
int csv_find_col(const struct csv_row *hdr, const char *name);
/* The column name matches ignoring case, spaces and punctuation; -1. */
int csv_find_col_norm(const struct csv_row *hdr, const char *name);
/* Lower-case letters and digits of s only, into buf (size n). */
char *csv_normalise(const char *s, char *buf, size_t n);

/*
 * For a record of the wrong width: " (field K, quoted, runs over N more
 * lines: a closing quote missing?)" when a field holds a line end, else
 * "", in buf (size n, 96 is enough).
 */
const char *csv_width_hint(const struct csv_row *row, char *buf, size_t n);
/* Reports a record whose field count differs from the header's; exits 65. */
void csv_check_width(const struct csvr *r, const struct csv_row *row,
    size_t want);

#endif
