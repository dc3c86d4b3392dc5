/*
 * Writing facts rows fast: one buffer per row and one write, because
 * a record yields up to six rows that share every field but three.
 * The number and date formats are those of num.h and date.h
 * (csv_put_fixed, date_format), done without printf.
 */
#ifndef PM_INGEST_FACTSOUT_H
#define PM_INGEST_FACTSOUT_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"

/* v (1/10000 units) at most 2 decimals, zeros trimmed; its length. */
size_t fmt_fixed2(int64_t v, char *buf);
/* YYYY-MM-DD, 10 bytes, no NUL. */
size_t fmt_date(pm_day day, char *buf);
/* s as one CSV field (quoted when needed) at buf; its length (<= 2n+2). */
size_t fmt_field(const char *s, size_t n, char *buf);

#endif
