/*
 * A byte source for csvr_open_fn() that lets a raw CRM export saved as
 * Windows-1252 (Excel's "CSV" on Windows) through: valid UTF-8 is passed
 * as it is, and every byte that is not part of a valid UTF-8 sequence is
 * read as Windows-1252 and converted.  Streams, so it works on pipes.
 */
#ifndef PM_PARETO_DECODE_H
#define PM_PARETO_DECODE_H

#include <stddef.h>
#include <sys/types.h>

struct dec;

/* Opens path (NULL or "-" = standard input); exits 66 when unreadable. */
struct dec *dec_open(const char *path);
ssize_t dec_read(void *ctx, char *buf, size_t n);
/* How many bytes were read as Windows-1252. */
size_t dec_converted(const struct dec *d);
void dec_close(struct dec *d);

#endif
