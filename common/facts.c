#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "err.h"
#include "facts.h"

const char *const facts_cols[FACTS_NCOLS + 1] = { FACTS_DATE, FACTS_REP,
	FACTS_METRIC, FACTS_VALUE, FACTS_ACCOUNT, FACTS_PRODUCT, FACTS_TEAM,
	FACTS_REF, NULL };

struct factsr {
	struct csvr *r;
	struct csv_row hdr;	/* its fields are copies */
	size_t *lens;
	int have_hdr;		/* a header row was read */
	int pending;		/* the first record is held in first */
	struct csv_row first;
};

int
facts_headerless(const struct csv_row *row)
{
	pm_day d;

	return row->n == FACTS_NCOLS &&
	    date_parse_iso(row->f[0], row->len[0], &d) == 0;
}

static void
set_header(struct factsr *fr, const struct csv_row *row, char *const *f)
{
	size_t i;

	fr->hdr.n = row->n;
	fr->hdr.line = row->line;
	fr->hdr.f = xreallocarray(NULL, row->n, sizeof(*fr->hdr.f));
	fr->lens = xreallocarray(NULL, row->n, sizeof(*fr->lens));
	for (i = 0; i < row->n; i++) {
		fr->hdr.f[i] = xstrdup(f[i]);
		fr->lens[i] = strlen(f[i]);
	}
	fr->hdr.len = fr->lens;
}

struct factsr *
factsr_open(struct csvr *r, int flags)
{
	struct factsr *fr = xcalloc(1, sizeof(*fr));
	struct csv_row row;

	fr->r = r;
	if (csvr_next_or_die(r, &row) == 0)
		return fr;
	if (!(flags & FR_ANY_CSV) && facts_headerless(&row)) {
		set_header(fr, &row, (char *const *)facts_cols);
		fr->first = row;
		fr->pending = 1;
	} else {
		set_header(fr, &row, row.f);
		fr->have_hdr = 1;
	}
	return fr;
}

const struct csv_row *
factsr_header(const struct factsr *fr)
{
	return fr->hdr.f != NULL ? &fr->hdr : NULL;
}

int
factsr_col(const struct factsr *fr, const char *name)
{
	int i;

	if (fr->hdr.f == NULL)
		return -1;
	if ((i = csv_find_col(&fr->hdr, name)) < 0)
		i = csv_find_col_norm(&fr->hdr, name);
	return i;
}

/* A header repeated inside the data, as `cat a.csv b.csv` leaves it. */
static int
header_again(const struct factsr *fr, const struct csv_row *row)
{
	size_t i;

	if (!fr->have_hdr || row->n != fr->hdr.n)
		return 0;
	for (i = 0; i < row->n; i++)
		if (row->len[i] != fr->hdr.len[i] ||
		    memcmp(row->f[i], fr->hdr.f[i], row->len[i]) != 0)
			return 0;
	return 1;
}

int
factsr_next(struct factsr *fr, struct csv_row *row)
{
	if (fr->pending) {
		/* The csvr still holds it: nothing was read since. */
		*row = fr->first;
		fr->pending = 0;
	} else {
		do
			if (csvr_next_or_die(fr->r, row) == 0)
				return 0;
		while (header_again(fr, row));
	}
	csv_check_width(fr->r, row, fr->hdr.n);
	return 1;
}

struct csvr *
factsr_csvr(const struct factsr *fr)
{
	return fr->r;
}

void
factsr_close(struct factsr *fr)
{
	size_t i;

	if (fr == NULL)
		return;
	for (i = 0; fr->hdr.f != NULL && i < fr->hdr.n; i++)
		free(fr->hdr.f[i]);
	free(fr->hdr.f);
	free(fr->lens);
	csvr_close(fr->r);
	free(fr);
}
