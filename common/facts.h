/*
 * The facts table (SPEC section 2), spelled once: its columns, and one
 * reader for the tools that take facts.  A file has a header row, or
 * none when it is a piece that `parallel --pipe` cut from a facts file
 * (a first record of eight fields that begins with a date is data in
 * the canonical order); a header repeated where pieces were joined
 * (`cat a.csv b.csv`) is skipped; every record is as wide as the header.
 * Errors name FILE:LINE and exit 65, as csvr_next_or_die does.
 */
#ifndef PM_FACTS_H
#define PM_FACTS_H

#include "csvin.h"

enum facts_col {
	FACT_DATE, FACT_REP, FACT_METRIC, FACT_VALUE, FACT_ACCOUNT,
	FACT_PRODUCT, FACT_TEAM, FACT_REF, FACTS_NCOLS
};

/* The column names, for tables that static initialisers build. */
#define FACTS_DATE "date"
#define FACTS_REP "rep"
#define FACTS_METRIC "metric"
#define FACTS_VALUE "value"
#define FACTS_ACCOUNT "account"
#define FACTS_PRODUCT "product"
#define FACTS_TEAM "team"
#define FACTS_REF "ref"

/* The names in order of enum facts_col, then NULL (csv_put_row). */
extern const char *const facts_cols[FACTS_NCOLS + 1];

/* Whether row is a facts record in the canonical order (no header). */
int facts_headerless(const struct csv_row *row);

struct factsr;

#define FR_FACTS 0
#define FR_ANY_CSV 1	/* not facts: a header row is always there */
/* A reader of the records of r (FR_FACTS or FR_ANY_CSV), r its own now. */
struct factsr *factsr_open(struct csvr *r, int flags);
/* The header (the canonical one for a headerless piece); NULL if empty. */
const struct csv_row *factsr_header(const struct factsr *fr);
/* The column called name (exactly, else ignoring case and punctuation); -1. */
int factsr_col(const struct factsr *fr, const char *name);
/* 1 and the next record (valid until the next call), 0 at the end. */
int factsr_next(struct factsr *fr, struct csv_row *row);
/* The csvr underneath, for its name and line in messages. */
struct csvr *factsr_csvr(const struct factsr *fr);
/* Closes the reader and its csvr. */
void factsr_close(struct factsr *fr);

#endif
