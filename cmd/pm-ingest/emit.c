/*
 * The second pass over one file: each record becomes its facts, is
 * skipped as report noise (or as a duplicate with --dedupe), or is
 * rejected with its reason; then the file's summary line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvin.h"
#include "err.h"
#include "ingest.h"
#include "intern.h"
#include "out.h"

#define MAX_SHOWN 20		/* rejected records shown per file */

struct counts {
	long records, ok, skipped, rejected, shown, dups, backwards;
	long rep_ids;		/* ok records whose rep is an unknown id */
	struct intern *idreps;	/* those ids, NULL until one */
	struct verdict v;
	long range;		/* rejected for a number out of range */
	long notdone;		/* activities not completed: skipped */
	long odd;		/* ok activities of a status of neither list */
	char oddword[64];	/* the first one's status */
};

/*
 * The fields every fact of a record shares, written once: rep, and
 * account,product,team,ref with a newline.  A fact's line is its date,
 * the first part, its metric and value, then the second part.
 */
struct line {
	char tail[5 * (2 * NAME_MAX_LEN + 3)];
	size_t replen, taillen;
};

static void
prepare_line(const struct rec *r, int safe, struct line *l)
{
	char *p = l->tail;

	p += csv_format_field(r->rep, r->nrep, safe, p);
	*p++ = ',';
	l->replen = (size_t)(p - l->tail);
	*p++ = ',';	/* the metric and value go between */
	p += csv_format_field(r->account, r->naccount, safe, p);
	*p++ = ',';
	p += csv_format_field(r->product, r->nproduct, safe, p);
	*p++ = ',';
	p += csv_format_field(r->team, r->nteam, safe, p);
	*p++ = ',';
	p += csv_format_field(r->ref, strlen(r->ref), safe, p);
	*p++ = '\n';
	l->taillen = (size_t)(p - l->tail);
}

static void
emit(struct ingest *g, const struct line *l, const struct fact *f)
{
	char buf[sizeof(l->tail) + 600], *p = buf;

	p += factsout_date(f->day, p);
	*p++ = ',';
	memcpy(p, l->tail, l->replen);
	p += l->replen;
	p += csv_format_field(f->metric, f->mlen < 256 ? f->mlen : 256,
	    g->opt.safe_csv, p);
	*p++ = ',';
	p += factsout_fixed2(f->value, p);
	memcpy(p, l->tail + l->replen, l->taillen - l->replen);
	p += l->taillen - l->replen;
	out_write(g->out, buf, (size_t)(p - buf));
}

/* The original record as one CSV line, for the rejects file. */
static const char *
join_record(struct ingest *g, const struct csv_row *row, size_t *len)
{
	size_t i, o = 0, need;

	for (i = 0; i < row->n; i++) {
		need = o + 2 * row->len[i] + 4;
		if (need > g->rcap) {
			g->rcap = need * 2;
			g->rbuf = xrealloc(g->rbuf, g->rcap);
		}
		if (i > 0)
			g->rbuf[o++] = ',';
		/* The record is one cell: the rejects file guards it whole. */
		o += csv_format_field(row->f[i], row->len[i], 0, g->rbuf + o);
	}
	*len = o;
	return o > 0 ? g->rbuf : "";
}

/* A reason with its prefix, for the verdict. */
static void
note_why(struct verdict *v, const char *prefix, const char *reason)
{
	char buf[sizeof(v->why[0].shape)];

	snprintf(buf, sizeof(buf), "%s%s", prefix, reason);
	verdict_note(v, buf);
}

static void
reject(struct ingest *g, struct input *in, struct counts *c,
    const struct csv_row *row, const char *reason)
{
	const char *rec;
	size_t len;

	c->rejected++;
	note_why(&c->v, "rejected: ", reason);
	if (g->rej != NULL) {
		csv_put_field(g->rej, in->name);
		csv_put_long(g->rej, row->line);
		csv_put_field(g->rej, reason);
		rec = join_record(g, row, &len);
		csv_put_fieldn(g->rej, rec, len);
		csv_end_row(g->rej);
	} else if (c->shown++ < MAX_SHOWN)
		pm_warn_at(in->name, row->line, "%s", reason);
}

static void
report_duplicate(const struct ingest *g, const struct input *in,
    const struct rec *r, struct counts *c)
{
	const char *skip = g->opt.dedupe ? ": skipped (--dedupe)" : "";

	if (++c->dups > MAX_SHOWN)
		return;
	if (r->n[F_ID] > 0)
		pm_warn_at(in->name, r->row->line, "duplicate id '%.*s'%s%s",
		    (int)r->n[F_ID], r->v[F_ID], in->lines ? " (also in an "
		    "earlier file)" : "", skip);
	else
		pm_warn_at(in->name, r->row->line, "duplicate opportunity "
		    "'%.*s' of %s, %s, closing %.*s (also in an earlier "
		    "file)%s", (int)r->n[F_DEAL_NAME], r->v[F_DEAL_NAME],
		    r->rep, r->account, (int)r->n[F_CLOSE], r->v[F_CLOSE],
		    skip);
}

/* Reports a CRM id seen before; 1 when --dedupe drops the record. */
static int
duplicate(const struct ingest *g, const struct input *in,
    const struct rec *r, uint64_t h, struct counts *c)
{
	if (idset_visit(g->ids, h, in->index) == 0)
		return 0;
	report_duplicate(g, in, r, c);
	return g->opt.dedupe;
}

/*
 * A line of a product report: the lines of one opportunity in one
 * file are not duplicates, and only the first one keeps the
 * opportunity's counts; an opportunity met in an earlier file is.
 * 1 when --dedupe drops the line.
 */
static int
product_line(const struct ingest *g, struct input *in, struct rec *r,
    uint64_t h, struct counts *c)
{
	int v;

	if (in->runstate == RUN_NEW) {
		v = idset_visit(g->ids, h, in->index);
		if (v == ID_EARLIER)	/* once per opportunity and file */
			report_duplicate(g, in, r, c);
		in->runstate = (v & ID_EARLIER) != 0 && g->opt.dedupe ?
		    RUN_DROP : (v & ID_HERE) != 0 ? RUN_MORE : RUN_FIRST;
	}
	switch (in->runstate) {
	case RUN_DROP:
		return 1;
	case RUN_FIRST:
		in->runstate = RUN_MORE;
		break;
	default:
		record_drop_once(r);
		break;
	}
	return 0;
}

static void
one_record(struct ingest *g, struct input *in, struct counts *c,
    const struct csv_row *row, struct rec *r, struct line *l)
{
	uint64_t h;
	int i;

	if (in->is_users) {
		c->skipped++;	/* a user list: its users, no facts */
		return;
	}
	if (record_is_noise(&in->fc, row)) {
		c->skipped++;
		return;
	}
	if (in->fc.fmt == NULL) {
		reject(g, in, c, row, "format not recognised");
		return;
	}
	h = in->fc.fmt->kind != K_FACTS ? fp_id(in, row) : 0;
	if (in->lines && h != in->run) {
		in->run = h;	/* a rejected first line starts a run too */
		in->runstate = RUN_NEW;
	}
	if (record_convert(&in->fc, &g->rules, row, r) != 0) {
		c->range += r->range;
		reject(g, in, c, row, r->reason);
		return;
	}
	/*
	 * An open deal with no date and no amount (a bare prospect) has
	 * no fact to give: skipped, so that every ok record is in the
	 * facts and records = ok + skipped + rejected holds on the output.
	 * So is a product line whose facts were all its opportunity's.
	 */
	c->notdone += r->outcome == O_NOTDONE;
	if (in->fc.fmt->kind == K_ACTIVITIES && r->odd_status &&
	    c->odd++ == 0)
		snprintf(c->oddword, sizeof(c->oddword), "%.*s",
		    (int)r->n[F_STATUS], r->v[F_STATUS]);
	if (r->outcome == O_SKIP || r->nfacts == 0) {
		c->skipped++;
		note_why(&c->v, "skipped: ", r->outcome == O_NOTDONE ?
		    "not completed" : r->outcome == O_SKIP ? "deleted" :
		    "open, with no date or amount to count");
		return;
	}
	if ((h != 0 && (in->lines ? product_line(g, in, r, h, c) :
	    duplicate(g, in, r, h, c))) || r->nfacts == 0) {
		c->skipped++;	/* its facts came with an earlier record */
		return;
	}
	c->ok++;
	if (r->rep_id) {
		c->rep_ids++;
		if (c->idreps == NULL)
			c->idreps = intern_new();
		intern_id(c->idreps, r->rep, r->nrep);
	}
	c->backwards += r->backwards;
	prepare_line(r, g->opt.safe_csv, l);
	for (i = 0; i < r->nfacts; i++)
		emit(g, l, &r->facts[i]);
}

void
emit_file(struct ingest *g, struct input *in)
{
	struct encr *e;
	struct csvr *r;
	struct csv_row row;
	struct counts c;
	struct rec *rec;
	struct line *line;
	long i;
	int rc;

	memset(&c, 0, sizeof(c));
	in->run = 0;
	in->runstate = RUN_NEW;
	rec = xmalloc(sizeof(*rec));
	line = xmalloc(sizeof(*line));
	if (in->fc.fmt != NULL)
		record_cache_init(&in->fc);
	currency_decide(g, in);
	input_reopen(in);
	if (in->empty)
		pm_warn("%s: empty file", in->name);
	else if (in->is_users && !g->opt.quiet)
		pm_warn("%s: a user list: %ld users, to name owners by their "
		    "ids%s", in->name, in->nusers, in->nuserless > 0 ?
		    " (some records without an id or a name)" : "");
	else if (in->fc.fmt == NULL)
		pm_warn("%s: %s", in->name, in->why);
	e = encr_open(in->fd, in->start, in->charset);
	r = csvr_open_fn(encr_read, e, in->name);
	csvr_set_cp1252_fallback(r, in->charset == NULL);
	csvr_set_delim(r, in->delim);
	csvr_set_quiet(r, g->opt.quiet);
	/* Title lines before the header are noise; the header is not. */
	for (i = 0; i <= in->hdr_index; i++)
		if ((rc = csvr_next(r, &row)) != 1)
			break;
		else if (i < in->hdr_index) {
			c.records++;
			c.skipped++;
		}
	/* An error before the first record must not be lost either. */
	while (rc == 1 && (rc = csvr_next(r, &row)) == 1) {
		c.records++;
		one_record(g, in, &c, &row, rec, line);
	}
	if (rc < 0) {
		pm_warn_at(in->name, csvr_error_line(r), "%s", csvr_error(r));
		g->failed = csvr_error_is_io(r) ? EX_IOERR : EX_DATAERR;
	}
	if (encr_replaced(e) > 0)
		pm_warn("%s: %zu bytes not valid in %s replaced by U+FFFD",
		    in->name, encr_replaced(e), in->charset);
	if (c.shown > MAX_SHOWN)
		pm_warn("%s: %ld more rejected records not shown (use "
		    "--rejects FILE)", in->name, c.shown - MAX_SHOWN);
	if (c.dups > MAX_SHOWN)
		pm_warn("%s: %ld duplicate ids in all", in->name, c.dups);
	if (c.backwards > 0)
		pm_warn("%s: %ld won deals created after their close date: "
		    "no cycle_days for them", in->name, c.backwards);
	if (c.rep_ids > 0) {
		pm_warn("%s: %ld records name their rep by an id that no user "
		    "list names (%zu id%s, %s): kept as the rep; give --users "
		    "FILE (a user export: Id,Name or Id,FirstName,LastName)",
		    in->name, c.rep_ids, intern_count(c.idreps),
		    intern_count(c.idreps) > 1 ? "s" : "",
		    record_column(&in->fc, F_REP));
		intern_free(c.idreps);
	}
	if (c.notdone > 0 && !g->opt.quiet)
		pm_warn("%s: %ld skipped: not completed", in->name, c.notdone);
	if (c.odd > 0)
		pm_warn("%s: %s: %ld activit%s with a status that says "
		    "neither done nor open (such as '%s'): counted as done",
		    in->name, record_column(&in->fc, F_STATUS), c.odd,
		    c.odd == 1 ? "y" : "ies", c.oddword);
	if (!g->opt.quiet)
		pm_warn("%s: %ld records: %ld ok, %ld skipped, %ld rejected",
		    in->name, c.records, c.ok, c.skipped, c.rejected);
	if (in->fc.fmt == NULL && !in->empty && !in->is_users)
		g->failed = EX_DATAERR;
	if (verdict_say(&c.v, in, c.ok) && g->failed == 0)
		g->failed = EX_DATAERR;
	if (g->opt.strict && c.rejected > 0 && g->failed == 0)
		g->failed = EX_DATAERR;
	/* A number out of range is never data to leave out quietly. */
	if (c.range > 0 && g->failed == 0)
		g->failed = EX_DATAERR;
	csvr_close(r);
	encr_close(e);
	record_cache_free(&in->fc);
	g->rules.repcur = NULL;
	currency_free(in);
	free(line);
	free(rec);
	header_free(in);
	input_done(in);
}
