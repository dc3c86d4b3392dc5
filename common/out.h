/*
 * Output: standard output or an -o FILE written atomically, through one
 * large buffer whose every write is checked.  A write error is exit 74,
 * a closed pipe ends the program quietly, a failed run never leaves a
 * partial FILE behind.
 *
 * Every tool opens its output once its options are checked and before
 * it reads any input, as a shell redirection would: a bad -o fails at
 * once (exit 73), not after a long run; a run that fails later leaves
 * FILE as it was (see out_open and the pending temporary file).
 */
#ifndef PM_OUT_H
#define PM_OUT_H

#include <stddef.h>
#include <stdint.h>

struct out;

/*
 * path NULL or "-" is standard output.  An existing FILE that is not a
 * regular file (/dev/null, a FIFO, a terminal, or a link to one) is
 * written directly, as `>` would; a regular file, or a link to one, is
 * replaced atomically (the link stays), keeping its mode and, where
 * allowed, its owner and group; a new file is 0666 less the umask.  A
 * signal that kills the run removes the temporary file (pending.h).
 * Exits 73 when FILE cannot be created.
 */
struct out *out_open(const char *path);
/*
 * 1 when two outputs (NULL or "-": standard output) are one file: the
 * same name, the same file through links or hard links, or a name and
 * the standard output it is open on.  Checked before any work (exit 64).
 */
int out_same(const char *a, const char *b);
/* Writes n bytes of s. */
void out_write(struct out *o, const char *s, size_t n);
/* Writes the string s. */
void out_puts(struct out *o, const char *s);
/* Writes the byte c. */
void out_putc(struct out *o, int c);
/* Writes printf-style. */
void out_printf(struct out *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Flushes, checks, and for -o FILE renames into place. Exits 74 on error. */
void out_close(struct out *o);
/*
 * For a run that failed after all: -o FILE is left as it was (the
 * temporary file is removed); standard output is flushed.
 */
void out_discard(struct out *o);
/*
 * An output to memory, for a document that is rendered, then encoded
 * (pm-report -f email): out_mem_take() ends it and hands over what was
 * written, NUL-terminated, for the caller to free.
 */
struct out *out_mem(void);
/* Ends memory output o: what was written, NUL-terminated, *len its size. */
char *out_mem_take(struct out *o, size_t *len);

/*
 * --safe-csv, for a file that will be opened in a spreadsheet: a text
 * cell that begins with =, +, -, @, a tab or a carriage return gets a
 * leading ' so that Excel, LibreOffice and Google Sheets show it as text
 * instead of running it as a formula (OWASP's "CSV injection").  Only
 * text cells: csv_put_num() and the csv_put_ numbers are never touched,
 * so -50 stays -50.  Off by default: the pipeline's own CSV round-trips.
 */
void out_safe_csv(struct out *o, int on);
/* Whether a text cell of the n bytes at s would be read as a formula. */
int csv_is_formula(const char *s, size_t n);
/*
 * The n bytes at s as one CSV cell at buf (room for 2 * n + 2), guarded
 * as by --safe-csv when safe is set; its length.  No separator.
 */
size_t csv_format_field(const char *s, size_t n, int safe, char *buf);

/*
 * CSV rows (RFC 4180: comma, LF, quotes only where needed): the next
 * field, a text cell (guarded under out_safe_csv).
 */
void csv_put_field(struct out *o, const char *s);
/* The next text field of the row: n bytes of s, quoted when needed. */
void csv_put_fieldn(struct out *o, const char *s, size_t n);
/* A cell of a number column, already formatted: never guarded. */
void csv_put_num(struct out *o, const char *s);
void csv_put_fixed(struct out *o, int64_t v);	/* money/count, <=2 decimals */
/* The next field: v to decimals places, or empty when not known. */
void csv_put_double(struct out *o, double v, int decimals, int known);
/* The next field: an integer. */
void csv_put_long(struct out *o, long v);
/* The next field, empty. */
void csv_put_empty(struct out *o);
/* Ends the row. */
void csv_end_row(struct out *o);
/* A header or data row from a NULL-terminated list of strings. */
void csv_put_row(struct out *o, const char *const *fields);

#endif
