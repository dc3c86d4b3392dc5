/*
 * The document model: the sections add headings, paragraphs, bullets,
 * tables and charts; the renderers decide what each looks like.  Every
 * string is copied in, so callers may pass their scratch buffers.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "sbuf.h"
#include "report.h"
#include "sanitise.h"

struct doc *
doc_new(void)
{
	return xcalloc(1, sizeof(struct doc));
}

static struct block *
add(struct doc *d, enum btype type)
{
	struct block *b;

	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->b = xreallocarray(d->b, d->cap, sizeof(*d->b));
	}
	b = &d->b[d->n++];
	memset(b, 0, sizeof(*b));
	b->type = type;
	return b;
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

void
doc_title(struct doc *d, const char *title, const char *subtitle)
{
	struct block *b = add(d, B_TITLE);

	b->a = xstrdup(title);
	b->b = dup_or_null(subtitle);
}

void
doc_h2(struct doc *d, const char *text)
{
	add(d, B_H2)->a = xstrdup(text);
}

void
doc_h3(struct doc *d, const char *text)
{
	add(d, B_H3)->a = xstrdup(text);
}

void
doc_para(struct doc *d, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add(d, B_PARA)->a = sbuf_vfmt(fmt, ap);
	va_end(ap);
}

void
doc_note(struct doc *d, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add(d, B_NOTE)->a = sbuf_vfmt(fmt, ap);
	va_end(ap);
}

void
doc_item(struct doc *d, const char *lead, const char *text)
{
	struct block *b = add(d, B_ITEM);

	b->a = dup_or_null(lead);
	b->b = dup_or_null(text);
}

void
doc_detail(struct doc *d, const char *label, const char *text)
{
	struct block *b = add(d, B_DETAIL);

	b->a = dup_or_null(label);
	b->b = dup_or_null(text);
}

void
doc_table(struct doc *d, int ncols, const struct column *cols)
{
	struct block *b = add(d, B_TABLE);
	int i;

	b->ncols = ncols;
	b->cols = xcalloc((size_t)ncols, sizeof(*b->cols));
	for (i = 0; i < ncols; i++) {
		b->cols[i] = cols[i];
		b->cols[i].head = xstrdup(cols[i].head);
	}
}

static struct block *
last_table(struct doc *d)
{
	if (d->n == 0 || d->b[d->n - 1].type != B_TABLE)
		pm_die(EX_SOFTWARE, "table row outside a table");
	return &d->b[d->n - 1];
}

void
doc_row(struct doc *d)
{
	struct block *b = last_table(d);

	b->nrows++;
	b->cells = xreallocarray(b->cells, (size_t)b->nrows * b->ncols,
	    sizeof(*b->cells));
	memset(b->cells + (size_t)(b->nrows - 1) * b->ncols, 0,
	    (size_t)b->ncols * sizeof(*b->cells));
}

/* The first cell of the current row that has nothing in it yet. */
static struct doc_cell *
next_cell(struct doc *d)
{
	struct block *b = last_table(d);
	struct doc_cell *row;
	int i;

	if (b->nrows == 0)
		pm_die(EX_SOFTWARE, "table cell before a row");
	row = b->cells + (size_t)(b->nrows - 1) * b->ncols;
	for (i = 0; i < b->ncols; i++)
		if (row[i].s == NULL && row[i].trend.n == 0)
			return &row[i];
	pm_die(EX_SOFTWARE, "too many cells in a table row");
}

void
doc_cell(struct doc *d, enum tone tone, const char *fmt, ...)
{
	struct doc_cell *c = next_cell(d);
	va_list ap;

	va_start(ap, fmt);
	c->s = sbuf_vfmt(fmt, ap);
	va_end(ap);
	c->tone = tone;
}

void
doc_cell_trend(struct doc *d, const struct series *s)
{
	struct doc_cell *c = next_cell(d);

	if (s->n == 0) {
		c->s = xstrdup("");
		return;
	}
	c->trend.n = s->n;
	c->trend.v = xcalloc((size_t)s->n, sizeof(double));
	c->trend.known = xcalloc((size_t)s->n, 1);
	memcpy(c->trend.v, s->v, (size_t)s->n * sizeof(double));
	memcpy(c->trend.known, s->known, (size_t)s->n);
}

struct chart *
doc_chart(struct doc *d, enum chart_kind kind, const char *title, int n)
{
	struct block *b = add(d, B_CHART);
	struct chart *c = &b->chart;
	int i;

	c->kind = kind;
	c->title = xstrdup(title);
	c->n = n;
	c->label = xcalloc((size_t)n + 1, sizeof(*c->label));
	c->value = xcalloc((size_t)n + 1, sizeof(*c->value));
	c->mark = xcalloc((size_t)n + 1, sizeof(*c->mark));
	c->tone = xcalloc((size_t)n + 1, sizeof(*c->tone));
	for (i = 0; i < n; i++)
		c->mark[i] = NAN;
	c->ref = NAN;
	return c;
}

void
doc_page_break(struct doc *d)
{
	add(d, B_BREAK);
}

/* ---- helpers shared by the renderers ---- */

const char *
doc_title_of(const struct doc *d)
{
	int i;

	for (i = 0; i < d->n; i++)
		if (d->b[i].type == B_TITLE)
			return d->b[i].a;
	return "Sales performance report";
}

/*
 * Names come from CRM exports: a stray tab, newline, terminal escape or
 * bidirectional override must not reach a terminal, reorder a line or
 * break a table row.  One rule for every tool (common/sanitise).
 */
char *
doc_clean_text(const char *s)
{
	return san_dup(s);
}

void
doc_trend_scale(const struct series *s, struct trend_scale *ts)
{
	double lo = INFINITY, hi = -INFINITY;
	int i;

	for (i = 0; i < s->n; i++)
		if (s->known[i]) {
			lo = fmin(lo, s->v[i]);
			hi = fmax(hi, s->v[i]);
		}
	/* Steady revenue is not no revenue: flat above zero is mid height. */
	ts->flat = lo == hi && lo > 0;
	ts->lo = fmin(lo, 0);
	ts->hi = hi;
}

double
doc_trend_level(const struct trend_scale *ts, double v)
{
	if (ts->flat)
		return 0.5;
	return ts->hi > ts->lo ? (v - ts->lo) / (ts->hi - ts->lo) : 0;
}

char *
doc_sparkline(const struct series *s, char *buf, size_t size)
{
	static const char *const bars[8] = {
		"\u2581", "\u2582", "\u2583", "\u2584",
		"\u2585", "\u2586", "\u2587", "\u2588"
	};
	struct trend_scale ts;
	size_t len = 0;
	int i, k;

	doc_trend_scale(s, &ts);
	buf[0] = '\0';
	for (i = 0; i < s->n && len + 4 < size; i++) {
		if (!s->known[i]) {
			buf[len++] = ' ';
			continue;
		}
		k = ts.flat ? 3 : (int)lround(doc_trend_level(&ts,
		    s->v[i]) * 7);
		memcpy(buf + len, bars[k], 3);
		len += 3;
	}
	buf[len] = '\0';
	return buf;
}
