/*
 * The -v column of any CSV, read as pm-ingest reads amounts ($1,234.50,
 * 13884,00, (1,200), - and empty unknown).  12,500 is 12.5 or 12500
 * depending on the column's decimal mark, which only the whole file
 * shows; rather than read a pipe twice, each value is summed both ways
 * and the file's evidence picks one sum at its end.  An error under
 * the mark that is not chosen does not count.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amount.h"
#include "err.h"
#include "num.h"
#include "pareto.h"

void
vfile_init(struct vfile *vf, const char *path, const char *column,
    int grouped)
{
	int m;

	memset(vf, 0, sizeof(*vf));
	vf->path = path;
	snprintf(vf->colon, sizeof(vf->colon), "%.200s: ", column);
	for (m = 0; m < 2; m++)
		vf->t[m] = ptab_new(grouped);
}

static void
note_bad(struct vfile *vf, int m, long line, const char *what,
    const char *s, size_t n, const char *why)
{
	if (vf->badline[m] != 0)
		return;
	vf->badline[m] = line;
	snprintf(vf->bad[m], sizeof(vf->bad[m]), "%s'%.*s' %s", what,
	    (int)(n < 40 ? n : 40), s, why);
}

void
vfile_add(struct vfile *vf, const char *g, size_t gn, const char *k,
    size_t kn, const char *s, size_t n, long line)
{
	struct amount a;
	int m, rc;

	switch (amount_decimal_evidence(s, n)) {
	case DM_DOT:
		vf->dot++;
		break;
	case DM_COMMA:
		vf->comma++;
		break;
	}
	for (m = 0; m < 2; m++) {
		if (vf->badline[m] != 0)
			continue;
		/* Not known: adds nothing, but the key is there. */
		if ((rc = amount_parse(s, n, m, &a)) == AMT_EMPTY)
			a.v = 0;
		if (rc == AMT_RANGE) {
			note_bad(vf, m, line, vf->colon, s, n,
			    "is out of range (the limit is "
			    "+-922337203685477.5807)");
			continue;
		}
		if (rc != AMT_OK && rc != AMT_EMPTY) {
			note_bad(vf, m, line, vf->colon, s, n,
			    "is not a number");
			continue;
		}
		if (k == NULL) {
			if (fixed_add(&vf->blank[m], a.v) != NUM_OK)
				vf->blank_overflow[m] = 1;
		} else if (ptab_add(vf->t[m], g, gn, k, kn, a.v) != 0)
			note_bad(vf, m, line, "the sum for ", k, kn,
			    "is too large");
	}
	/* Wrong under both marks: no need to read on. */
	if (vf->badline[0] != 0 && vf->badline[0] == vf->badline[1])
		pm_die_at(EX_DATAERR, vf->path, line, "%s",
		    vf->bad[amount_decimal_evidence(s, n) == DM_COMMA]);
}

int
vfile_finish(struct vfile *vf, unsigned char delim, struct ptab *t,
    int64_t *blank, int *blank_overflow)
{
	int m;

	m = vf->dot != vf->comma ? vf->comma > vf->dot : delim == ';';
	if (vf->badline[m] != 0)
		pm_die_at(EX_DATAERR, vf->path, vf->badline[m], "%s",
		    vf->bad[m]);
	if (ptab_merge(t, vf->t[m]) != 0)
		pm_die(EX_DATAERR, "%s: a key's sum is too large", vf->path);
	if (vf->blank_overflow[m] || fixed_add(blank, vf->blank[m]) != NUM_OK)
		*blank_overflow = 1;
	for (m = 0; m < 2; m++) {
		ptab_free(vf->t[m]);
		vf->t[m] = NULL;
	}
	return vf->dot != vf->comma ? vf->comma > vf->dot : delim == ';';
}
