/*
 * The header row and the format: the first row, within the first
 * MAX_TITLE_ROWS, whose names a format (or -f, or -m) recognises.
 * Rows above it are a report's title lines.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvin.h"
#include "err.h"
#include "ingest.h"
#include "strv.h"

#define MAX_TITLE_ROWS 50	/* rows searched for the header */

static void
keep_header(struct input *in, const struct csv_row *row)
{
	in->fc.hdr_n = row->n;
	in->fc.hdr = strv_copy(row->f, row->len, row->n);
	in->hdr_line = row->line;
}

void
header_free(struct input *in)
{
	free(in->fc.hdr);
	in->fc.hdr = NULL;
	in->fc.hdr_n = 0;
}

/* Does hdr have every column named by -m? */
static int
has_user_columns(const struct ingest *g, const struct csv_row *hdr)
{
	int i;

	for (i = 0; i < g->opt.nmaps; i++)
		if (csv_find_col_norm(hdr, g->opt.maps[i].column) < 0)
			return 0;
	return 1;
}

/* The owner columns after the first, less those -m gives other fields. */
static void
drop_shadowed_owners(const struct ingest *g, struct mapping *m)
{
	struct owners *o = &m->own;
	int i, j, k, mine;

	if (o->n == 0)
		return;
	for (i = 0; i < g->opt.nmaps; i++)
		if (g->opt.maps[i].field == F_REP)
			return;
	for (j = k = 0; j < o->n; j++) {
		for (i = 0, mine = 0; i < g->opt.nmaps; i++)
			mine |= m->col[g->opt.maps[i].field] == o->col[j];
		if (mine)
			continue;
		o->col[k] = o->col[j];
		o->cls[k++] = o->cls[j];
	}
	o->n = k;
	m->col[F_REP] = k > 0 ? o->col[0] : -1;
}

/* A column named by -m feeds only the fields -m says. */
static void
drop_shadowed(const struct ingest *g, struct mapping *m)
{
	int f, i, mine;

	for (f = 0; f < NFIELD; f++) {
		for (i = 0, mine = 0; i < g->opt.nmaps; i++)
			mine |= g->opt.maps[i].field == (enum field)f;
		if (mine || m->col[f] < 0)
			continue;
		for (i = 0; i < g->opt.nmaps; i++)
			if (m->col[g->opt.maps[i].field] == m->col[f])
				m->col[f] = -1;
	}
	drop_shadowed_owners(g, m);
}

/* The format and mapping for one candidate header row; NULL if none. */
static const struct format *
try_header(const struct ingest *g, const struct csv_row *row,
    struct mapping *m)
{
	const struct format *f;
	int i, rc;

	if (row->n < 2 || (g->opt.nmaps > 0 && !has_user_columns(g, row)))
		return NULL;
	if (g->opt.force != NULL) {
		f = g->opt.force;
		rc = format_map(f, row, m);
	} else {
		f = format_detect(row, m);
		rc = f != NULL ? 0 : -1;
		/* --kind: a file of activities that cannot say so itself. */
		if (f == NULL && g->opt.kind != NULL) {
			f = format_by_name("activities");
			if ((rc = format_map(f, row, m)) != 0)
				f = NULL;
		}
		if (f == NULL && g->opt.nmaps > 0) {
			f = format_by_name("generic");
			rc = format_map(f, row, m);
		}
	}
	if (f == NULL)
		return NULL;
	for (i = 0; i < g->opt.nmaps; i++) {
		m->col[g->opt.maps[i].field] = csv_find_col_norm(row,
		    g->opt.maps[i].column);
		if (g->opt.maps[i].field == F_REP)
			owner_only(&m->own, m->col[F_REP]);
	}
	drop_shadowed(g, m);
	if (rc != 0 && g->opt.nmaps > 0) {
		const enum field *r;

		for (r = f->required; *r != NFIELD; r++)
			if (m->col[*r] < 0)
				return NULL;
		rc = 0;
	}
	return rc == 0 ? f : NULL;
}

static void
explain_unrecognised(const struct ingest *g, struct input *in,
    const struct csv_row *first)
{
	struct usercols uc;
	size_t i, o;
	char req[512];
	int k;

	for (i = 0; i < (size_t)g->opt.nmaps; i++)
		if (csv_find_col_norm(first, g->opt.maps[i].column) < 0)
			break;
	if (i < (size_t)g->opt.nmaps)
		o = (size_t)snprintf(in->why, sizeof(in->why), "no column "
		    "\"%s\" (-m %s=%s); header: ", g->opt.maps[i].column,
		    field_name(g->opt.maps[i].field), g->opt.maps[i].column);
	else if (g->opt.force != NULL) {
		format_required_names(g->opt.force, req, sizeof(req));
		o = (size_t)snprintf(in->why, sizeof(in->why), "not a %s "
		    "export: no header row with %s; found: ",
		    g->opt.force->name, req);
	} else if (users_header(first, &uc))
		o = (size_t)snprintf(in->why, sizeof(in->why), "format not "
		    "recognised (an id and a name: a user list goes with "
		    "--users FILE; else see --list-formats, -f and -m); "
		    "header: ");
	else
		o = (size_t)snprintf(in->why, sizeof(in->why), "format not "
		    "recognised (see --list-formats, or use -f and -m); "
		    "header: ");
	for (i = 0; i < first->n && o < sizeof(in->why); i++) {
		k = snprintf(in->why + o, sizeof(in->why) - o, "%s\"%s\"",
		    i ? ", " : "", first->f[i]);
		if (k < 0)
			break;
		o += (size_t)k;
	}
}

int
header_find(const struct ingest *g, struct input *in, struct csvr *r)
{
	struct csv_row row;
	char *first[1] = { NULL };
	struct csv_row firstrow = { 0, first, NULL, 0 };
	int got_first = 0;
	long i;

	for (i = 0; i < MAX_TITLE_ROWS; i++) {
		if (csvr_next(r, &row) != 1)
			break;
		if (!got_first) {
			keep_header(in, &row);
			got_first = 1;
		}
		if (in->users_only) {
			if (!users_header(&row, &in->ucols))
				continue;
			header_free(in);
			keep_header(in, &row);
			in->hdr_index = i;
			in->is_users = 1;
			return 1;
		}
		if ((in->fc.fmt = try_header(g, &row, &in->fc.map)) != NULL) {
			header_free(in);
			keep_header(in, &row);
			in->hdr_index = i;
			return 1;
		}
		/* A user list among the inputs: its header is its first row. */
		if (i == 0 && users_header(&row, &in->ucols) &&
		    users_signal(&row, in->name)) {
			in->hdr_index = 0;
			in->is_users = 1;
			return 1;
		}
	}
	if (!got_first) {
		in->empty = 1;
		return 0;
	}
	firstrow.n = in->fc.hdr_n;
	firstrow.f = in->fc.hdr;
	explain_unrecognised(g, in, &firstrow);
	in->hdr_index = 0;	/* the first row stands as the header */
	return 0;
}
