/*
 * Plain text: at most 80 columns (terminal columns: a CJK character
 * takes two), for a terminal or the body of an email.  Long names are cut
 * with an ellipsis, paragraphs are wrapped; every piece of text goes
 * through doc_clean_text, so no control or bidirectional character gets
 * out.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "report.h"
#include "utf8.h"

#define WIDTH 80
#define GAP 2
#define INDENT 2

/* Bytes of the longest start of s that fits in `cols` columns. */
static size_t
u8_prefix(const char *s, size_t cols)
{
	size_t i = 0, w = 0, cw, len;

	while (s[i] != '\0') {
		cw = utf8_cols(s + i, &len);
		if (w + cw > cols)
			break;
		w += cw;
		i += len;
	}
	return i;
}

static void
pad(struct out *o, size_t n)
{
	while (n-- > 0)
		out_putc(o, ' ');
}

/* s in exactly `width` columns: cut with an ellipsis, padded. */
static void
put_fit(struct out *o, const char *raw, size_t width, enum align al,
    int last)
{
	char *s = doc_clean_text(raw);
	size_t w = utf8_width(s);

	if (w > width) {
		/* A wide character that does not fit leaves a column. */
		w = u8_prefix(s, width - 1);
		out_write(o, s, w);
		out_puts(o, "\u2026");
		if (!last)
			pad(o, width - 1 - utf8_widthn(s, w));
		free(s);
		return;
	}
	if (al == AL_RIGHT)
		pad(o, width - w);
	out_puts(o, s);
	if (al == AL_LEFT && !last)
		pad(o, width - w);
	free(s);
}

/*
 * Words of text wrapped to WIDTH: the first line after the prefix, the
 * others after `indent` spaces.  A word wider than a line is split.
 */
static void
wrap(struct out *o, const char *text, const char *prefix, size_t indent)
{
	char *s = doc_clean_text(text), *p = s;
	size_t col, wb, ww, nb;
	int fresh = 1;		/* nothing on this line after the prefix */

	out_puts(o, prefix);
	col = utf8_width(prefix);
	for (;;) {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		wb = strcspn(p, " ");
		ww = utf8_widthn(p, wb);
		if (!fresh && col + 1 + ww > WIDTH) {
			out_putc(o, '\n');
			pad(o, indent);
			col = indent;
			fresh = 1;
		} else if (!fresh) {
			out_putc(o, ' ');
			col++;
		}
		while (col + ww > WIDTH) {
			if (col < WIDTH) {
				nb = u8_prefix(p, WIDTH - col);
				out_write(o, p, nb);
				ww -= utf8_widthn(p, nb);
				p += nb;
				wb -= nb;
			}
			out_putc(o, '\n');
			pad(o, indent);
			col = indent;
		}
		out_write(o, p, wb);
		col += ww;
		p += wb;
		fresh = 0;
	}
	out_putc(o, '\n');
	free(s);
}

/* "lead: text" as one paragraph, so that a long name wraps too. */
static void
wrap_lead(struct out *o, const char *lead, const char *text,
    const char *prefix, size_t indent)
{
	size_t n = (lead ? strlen(lead) : 0) + (text ? strlen(text) : 0) + 4;
	char *s = xmalloc(n);

	snprintf(s, n, "%s%s%s", lead ? lead : "", lead && text ? ": " : "",
	    text ? text : "");
	wrap(o, s, prefix, indent);
	free(s);
}

static void
underline(struct out *o, const char *raw, const char *ch)
{
	char *text = doc_clean_text(raw);
	size_t w = utf8_width(text), i;

	free(text);

	if (w > WIDTH)
		w = WIDTH;
	for (i = 0; i < w; i++)
		out_puts(o, ch);
	out_putc(o, '\n');
}

static char *
cell_text(const struct doc_cell *c)
{
	char buf[256];

	if (c->s != NULL)
		return doc_clean_text(c->s);
	return xstrdup(doc_sparkline(&c->trend, buf, sizeof(buf)));
}

static void
table(const struct block *b, struct out *o)
{
	size_t *w, total;
	char **txt;
	int i, r, nc = b->ncols;
	size_t ncells = (size_t)b->nrows * nc;

	w = xcalloc((size_t)nc, sizeof(*w));
	txt = xcalloc(ncells + 1, sizeof(*txt));
	for (i = 0; i < nc; i++)
		w[i] = utf8_width(b->cols[i].head);
	for (size_t k = 0; k < ncells; k++) {
		txt[k] = cell_text(&b->cells[k]);
		if (utf8_width(txt[k]) > w[k % nc])
			w[k % nc] = utf8_width(txt[k]);
	}
	/* Shrink the widest flexible column until the table fits. */
	for (;;) {
		int widest = -1;

		total = INDENT;
		for (i = 0; i < nc; i++)
			total += w[i] + (i ? GAP : 0);
		if (total <= WIDTH)
			break;
		for (i = 0; i < nc; i++)
			if (b->cols[i].flex && w[i] > 4 &&
			    (widest == -1 || w[i] > w[widest]))
				widest = i;
		if (widest == -1)
			break;
		w[widest]--;
	}
	pad(o, INDENT);
	for (i = 0; i < nc; i++) {
		if (i)
			pad(o, GAP);
		put_fit(o, b->cols[i].head, w[i], b->cols[i].align,
		    i == nc - 1);
	}
	out_putc(o, '\n');
	pad(o, INDENT);
	for (i = 0; i < nc; i++) {
		if (i)
			pad(o, GAP);
		for (size_t k = 0; k < w[i]; k++)
			out_putc(o, '-');
	}
	out_putc(o, '\n');
	for (r = 0; r < b->nrows; r++) {
		char **cell = txt + (size_t)r * nc;
		int last = nc - 1;

		/* No trailing blanks when the last cells are empty. */
		while (last > 0 && *cell[last] == '\0')
			last--;
		pad(o, INDENT);
		for (i = 0; i <= last; i++) {
			if (i)
				pad(o, GAP);
			put_fit(o, cell[i], w[i], b->cols[i].align, i == last);
		}
		out_putc(o, '\n');
	}
	for (size_t k = 0; k < ncells; k++)
		free(txt[k]);
	free(txt);
	free(w);
}

/* A histogram as rows of blocks; the other charts repeat a table. */
static void
chart(const struct chart *c, struct out *o)
{
	size_t lw = 0;
	double max = 0;
	int i;

	if (c->kind != CH_HIST)
		return;
	for (i = 0; i < c->n; i++) {
		char *l = doc_clean_text(c->label[i]);

		if (utf8_width(l) > lw)
			lw = utf8_width(l);
		free(l);
		max = fmax(max, c->value[i]);
	}
	if (lw > 30)
		lw = 30;
	wrap(o, c->title, "", 0);
	for (i = 0; i < c->n; i++) {
		/* Small teams get short bars: a block or four per rep. */
		double unit = max > 0 ? fmin(4, 40 / max) : 0;
		long bar = lround(c->value[i] * unit);

		pad(o, INDENT);
		put_fit(o, c->label[i], lw, AL_LEFT, 0);
		pad(o, GAP);
		while (bar-- > 0)
			out_puts(o, "\u2588");
		out_printf(o, "%s%.0f\n", c->value[i] > 0 ? " " : "",
		    c->value[i]);
	}
}

static int
is_heading(const struct block *b)
{
	return b->type == B_TITLE || b->type == B_H2 || b->type == B_H3;
}

static void
heading(const struct block *b, struct out *o)
{
	/* A long title or name wraps; the rule is as wide as the text. */
	wrap(o, b->a, "", 0);
	underline(o, b->a, b->type == B_TITLE ? "=" :
	    b->type == B_H2 ? "-" : "\u00b7");
}

void
render_text(const struct doc *d, struct out *o)
{
	int i;

	for (i = 0; i < d->n; i++) {
		const struct block *b = &d->b[i];
		const struct block *prev = i ? &d->b[i - 1] : NULL;
		int gap = prev != NULL && !is_heading(prev) &&
		    !(b->type == B_DETAIL) &&
		    !(b->type == B_ITEM && (prev->type == B_ITEM ||
		    prev->type == B_DETAIL));

		if (b->type == B_CHART && (b->chart.kind != CH_HIST ||
		    b->chart.html_only))
			continue;
		if (b->type == B_H2 || b->type == B_H3)
			gap = i > 0;
		if (gap && b->type != B_BREAK)
			out_putc(o, '\n');
		switch (b->type) {
		case B_TITLE:
			heading(b, o);
			if (b->b != NULL)
				wrap(o, b->b, "", 0);
			break;
		case B_H2:
		case B_H3:
			heading(b, o);
			break;
		case B_PARA:
		case B_NOTE:
			wrap(o, b->a, "", 0);
			break;
		case B_ITEM:
			wrap_lead(o, b->a, b->b, "  - ", 4);
			break;
		case B_DETAIL:
			wrap_lead(o, b->a, b->b, "    ", 6);
			break;
		case B_TABLE:
			table(b, o);
			break;
		case B_CHART:
			chart(&b->chart, o);
			break;
		case B_BREAK:
			break;
		}
	}
}
