/*
 * The first pass over one file: its charset, header and format, and
 * the evidence that decides what a single value cannot (day-month
 * orders, decimal marks, the majority currency); it notes every CRM id
 * for the duplicate check of the second pass.  A field that is not valid
 * UTF-8 is read as Windows-1252, the valid ones as they are.
 */
#include <stdio.h>
#include <string.h>

#include "csvin.h"
#include "delim.h"
#include "err.h"
#include "ingest.h"

/*
 * One record's ids and currency.  An id is noted one record late, so
 * that its filter line has arrived.
 */
static void
note_record(struct ingest *g, struct input *in, const struct csv_row *row)
{
	char cur[4];
	const char *key;
	size_t n;
	uint64_t h;

	h = fp_id(in, row);
	if (in->lines) {
		if (h == in->run)
			h = 0;	/* the same opportunity's next line */
		else
			in->run = h;
	}
	if (h != 0)
		idset_prefetch(g->ids, h);
	if (g->pending_id != 0)
		idset_note(g->ids, g->pending_id);
	g->pending_id = h;
	if (in->fc.fmt->kind == K_DEALS) {
		currency_of_record(in, row, cur);
		if (cur[0] != '\0') {
			currency_count(in->cur, &in->ncur, cur, 1);
			n = owner_key(&in->fc.map, row, &key);
			currency_note_rep(in, key, n, cur);
		}
	}
}

/*
 * The kind of the file's activities, for records that do not say:
 * --kind, else its columns or its name; --kind and a Salesforce Event
 * export decide for every record.
 */
static void
file_kind(const struct ingest *g, struct input *in)
{
	struct csv_row hdr;
	int i;

	/* -m date=COLUMN is the date, before any completion date. */
	for (i = 0; i < g->opt.nmaps; i++)
		if (g->opt.maps[i].field == F_DATE)
			in->fc.map.col[F_DONE] = -1;
	memset(&hdr, 0, sizeof(hdr));
	hdr.n = in->fc.hdr_n;
	hdr.f = in->fc.hdr;
	in->fc.kind = format_activity_kind(&hdr, in->name,
	    &in->fc.kind_forced);
	if (g->opt.kind != NULL) {
		in->fc.kind = g->opt.kind;
		in->fc.kind_forced = 1;
	}
}

/* One pass over the file's records: header, evidence, ids. */
static void
first_pass(struct ingest *g, struct input *in, struct encr *e)
{
	struct csvr *r;
	struct csv_row row;
	struct evidence ev;
	const char *peek;
	size_t n, bad;
	long line;
	int rc;

	memset(&ev, 0, sizeof(ev));
	in->ncur = 0;
	currency_free(in);
	in->run = 0;
	header_free(in);
	r = csvr_open_fn(encr_read, e, in->name);
	csvr_set_quiet(r, 1);	/* the second pass warns */
	csvr_set_cp1252_fallback(r, in->charset == NULL);
	n = csvr_peek(r, &peek);
	in->delim = g->opt.delim ? g->opt.delim : delim_sniff(peek, n);
	csvr_set_delim(r, in->delim);
	in->nusers = in->nuserless = 0;
	if (header_find(g, in, r) && in->is_users) {
		while ((rc = csvr_next(r, &row)) == 1)
			if (users_add(g->users, &in->ucols, &row) == 0)
				in->nusers++;
			else
				in->nuserless++;
	} else if (in->fc.fmt != NULL) {
		if (in->fc.fmt->kind == K_ACTIVITIES)
			file_kind(g, in);
		in->lines = in->fc.fmt->kind == K_DEALS &&
		    in->fc.map.col[F_LINE_AMOUNT] >= 0;
		while ((rc = csvr_next(r, &row)) == 1)
			if (!record_is_noise(&in->fc, &row) &&
			    in->fc.fmt->kind != K_FACTS) {
				evidence_gather(g, in, &row, &ev);
				note_record(g, in, &row);
			}
		evidence_decide(g, in, &ev);
	} else
		while ((rc = csvr_next(r, &row)) == 1)
			;
	(void)rc;
	if (in->empty && *csvr_error(r) != '\0') {
		/* Not empty: malformed from its first record on. */
		in->empty = 0;
		snprintf(in->why, sizeof(in->why), "no header row: %s",
		    csvr_error(r));
	}
	if ((bad = csvr_cp1252_fields(r, &line)) > 0)
		pm_warn_at(in->name, line, "not valid UTF-8: %zu field%s read "
		    "as Windows-1252 (use --encoding to say otherwise)", bad,
		    bad == 1 ? "" : "s");
	csvr_close(r);
}

static void
verbose_report(const struct input *in)
{
	int f;

	pm_warn("%s: format %s (%s), header on line %ld, delimiter '%s', "
	    "encoding %s", in->name, in->fc.fmt->name, in->forced ? "forced" :
	    "detected", in->hdr_line, in->delim == '\t' ? "\\t" :
	    (char[]){ (char)in->delim, '\0' }, in->charset ? in->charset :
	    "UTF-8");
	for (f = 0; f < NFIELD; f++) {
		if (in->fc.map.col[f] < 0)
			continue;
		if (field_is_date(f) && in->fc.dm[f])
			pm_warn("%s:   %-14s <- \"%s\" (%s)", in->name,
			    field_name(f), in->fc.hdr[in->fc.map.col[f]],
			    mdate_order_name(in->fc.order[f]));
		else if (field_is_amount(f))
			pm_warn("%s:   %-14s <- \"%s\" (decimal %s)", in->name,
			    field_name(f), in->fc.hdr[in->fc.map.col[f]],
			    in->fc.comma[f] ? "comma" : "point");
		else if (f == F_REP && in->fc.map.own.n > 0)
			pm_warn("%s:   %-14s <- \"%s\" (%s)", in->name,
			    field_name(f), in->fc.hdr[in->fc.map.col[f]],
			    owner_class_name(in->fc.map.own.cls[0]));
		else
			pm_warn("%s:   %-14s <- \"%s\"", in->name,
			    field_name(f), in->fc.hdr[in->fc.map.col[f]]);
	}
	for (f = 1; f < in->fc.map.own.n; f++)
		pm_warn("%s:   %-14s <- \"%s\" (%s), when the above is empty",
		    in->name, "", in->fc.hdr[in->fc.map.own.col[f]],
		    owner_class_name(in->fc.map.own.cls[f]));
	if (in->fc.fmt->kind == K_ACTIVITIES && in->fc.kind != NULL)
		pm_warn("%s: activities: %s %s", in->name, in->fc.kind_forced ?
		    "every one" : "those that do not say their kind",
		    in->fc.kind);
	if (in->lines)
		pm_warn("%s: one row per product line: money from \"%s\", "
		    "an opportunity's counts on its first line", in->name,
		    record_column(&in->fc, F_LINE_AMOUNT));
}

void
detect_file(struct ingest *g, struct input *in)
{
	struct encr *e;
	size_t i;

	input_reopen(in);
	input_charset(g, in);
	in->forced = g->opt.force != NULL;
	e = encr_open(in->fd, in->start, in->charset);
	if (e == NULL)
		pm_usage_error("--encoding %s: not a charset iconv knows",
		    in->charset);
	first_pass(g, in, e);
	encr_close(e);
	input_close(in);
	for (i = 0; in->fc.fmt != NULL && i < in->ncur; i++)
		currency_count(g->allcur, &g->nallcur, in->cur[i].cur,
		    in->cur[i].n);
	if (g->opt.verbose && in->fc.fmt != NULL)
		verbose_report(in);
	if (g->opt.verbose && in->is_users)
		pm_warn("%s: a user list: %ld users, ids from \"%s\"", in->name,
		    in->nusers, in->fc.hdr[in->ucols.id]);
}

void
detect_users(struct ingest *g, const char *path)
{
	struct input u;

	input_open(&u, path);
	u.users_only = 1;
	detect_file(g, &u);
	if (!u.is_users)
		pm_die(EX_DATAERR, "--users %s: not a user list: no id column "
		    "with a Name, or a FirstName and LastName", path);
	if (u.nusers == 0)
		pm_warn("--users %s: no user has both an id and a name", path);
	else if (u.nuserless > 0)
		pm_warn("--users %s: %ld records without an id or a name",
		    path, u.nuserless);
	header_free(&u);
	input_done(&u);
}
