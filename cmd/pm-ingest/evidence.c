/*
 * What a column shows over the whole file, where one value cannot
 * tell: the day-month order of a date column (03/04/2026) and the
 * decimal mark of an amount column (12,500).
 */
#include <stdlib.h>
#include <string.h>

#include "amount.h"
#include "dcache.h"
#include "err.h"
#include "ingest.h"

/* mdate_evidence() per date field and value: a column holds few dates. */
struct evcache {
	struct dcache f[NFIELD];
};

/*
 * '.' or ',' when s has one such mark and exactly three digits after
 * it: 12.500 is 12.5 or 12500, and the value cannot tell which.
 */
static int
lone_mark(const char *s, size_t n)
{
	size_t i, marks = 0, after = 0;
	char m = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '.' || s[i] == ',') {
			marks++;
			m = s[i];
			after = 0;
		} else if (s[i] >= '0' && s[i] <= '9')
			after++;
		else if (m != 0 && after > 0)
			break;
	}
	return marks == 1 && after == 3 ? m : 0;
}

static int
evidence_cached(struct ingest *g, int f, const char *s, size_t n)
{
	pm_day unused = 0;
	int ev;

	if (g->evcache == NULL)
		g->evcache = xcalloc(1, sizeof(*g->evcache));
	if (!dcache_get(&g->evcache->f[f], s, n, &ev, &unused)) {
		ev = mdate_evidence(s, n);
		dcache_put(&g->evcache->f[f], s, n, ev, 0);
	}
	return ev;
}

void
evidence_free(struct ingest *g)
{
	free(g->evcache);
	g->evcache = NULL;
}

void
evidence_gather(struct ingest *g, const struct input *in,
    const struct csv_row *row, struct evidence *ev)
{
	int f, c, m;

	for (f = 0; f < NFIELD; f++) {
		c = in->fc.map.col[f];
		if (c < 0 || (size_t)c >= row->n || row->len[c] == 0)
			continue;
		if (field_is_date(f)) {
			switch (evidence_cached(g, f, row->f[c], row->len[c])) {
			case EV_MDY:
				ev->mdy[f]++;
				break;
			case EV_DMY:
				ev->dmy[f]++;
				break;
			case EV_AMBIG:
				ev->ambig[f]++;
				break;
			}
		} else if (field_is_amount(f)) {
			switch (amount_decimal_evidence(row->f[c],
			    row->len[c])) {
			case DM_DOT:
				ev->dot[f]++;
				break;
			case DM_COMMA:
				ev->comma[f]++;
				break;
			default:
				m = lone_mark(row->f[c], row->len[c]);
				ev->lone_dot[f] += m == '.';
				ev->lone_comma[f] += m == ',';
				break;
			}
		}
	}
}

/*
 * The day-month order of date column f: what its values show, else
 * what the file's other date columns show (fm, fd), else --date-format,
 * else the format's default, with a warning when some value needed it.
 */
static enum dorder
decide_order(const struct ingest *g, const struct input *in, int f,
    const struct evidence *ev, long fm, long fd)
{
	enum dorder o;

	if (ev->mdy[f] != ev->dmy[f] || fm != fd) {
		o = ev->mdy[f] != ev->dmy[f] ? (ev->mdy[f] > ev->dmy[f] ?
		    DO_MDY : DO_DMY) : (fm > fd ? DO_MDY : DO_DMY);
		if ((g->opt.order == DO_MDY || g->opt.order == DO_DMY) &&
		    g->opt.order != o)
			pm_warn("%s: %s: its dates show %s; --date-format is "
			    "for columns that cannot tell", in->name,
			    record_column(&in->fc, f), mdate_order_name(o));
		return o;
	}
	if (g->opt.order != DO_UNKNOWN)
		return g->opt.order;
	o = in->fc.fmt->order;
	if (ev->ambig[f] > 0)
		pm_warn("%s: %s: day and month cannot be told apart (%ld "
		    "dates like 03/04/2026); reading %s, the %s default (use "
		    "--date-format)", in->name, record_column(&in->fc, f),
		    ev->ambig[f], mdate_order_name(o), in->fc.fmt->name);
	return o;
}

/* An amount column whose decimal mark was a guess that matters. */
static void
warn_lone_marks(const struct input *in, int f, const struct evidence *ev)
{
	int comma = in->fc.comma[f];
	long k = comma ? ev->lone_comma[f] : ev->lone_dot[f];

	if (in->fc.map.col[f] < 0 || k == 0)
		return;
	pm_warn("%s: %s: decimal mark unknown (%ld amounts like %s); "
	    "reading a decimal %s%s", in->name, record_column(&in->fc, f), k,
	    comma ? "12,500" : "12.500", comma ? "comma" : "point",
	    comma ? "" : " (use --decimal-comma)");
}

void
evidence_decide(const struct ingest *g, struct input *in,
    const struct evidence *ev)
{
	long fm = 0, fd = 0;
	int f;

	for (f = 0; f < NFIELD; f++) {
		fm += ev->mdy[f];
		fd += ev->dmy[f];
	}
	for (f = 0; f < NFIELD; f++) {
		if (field_is_date(f) && in->fc.map.col[f] >= 0) {
			in->fc.order[f] = decide_order(g, in, f, ev, fm, fd);
			in->fc.dm[f] = ev->mdy[f] + ev->dmy[f] + ev->ambig[f] > 0;
		}
		if (field_is_amount(f)) {
			if (g->opt.decimal_comma)
				in->fc.comma[f] = 1;
			else if (ev->dot[f] != ev->comma[f])
				in->fc.comma[f] = ev->comma[f] > ev->dot[f];
			else {
				in->fc.comma[f] = in->delim == ';';
				warn_lone_marks(in, f, ev);
			}
		}
	}
}
