/*
 * Markdown (CommonMark with GFM tables).  Every piece of data is
 * backslash-escaped, so a `|` in a rep's name stays in its cell and a
 * `<script>` is text, not HTML.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "report.h"

static void
md_text(struct out *o, const char *s)
{
	char *c = doc_clean_text(s), *p;

	for (p = c; *p; p++) {
		if (strchr("\\`*_[]<>|#&~!", *p) != NULL)
			out_putc(o, '\\');
		out_putc(o, *p);
	}
	free(c);
}

static void
table(const struct block *b, struct out *o)
{
	char buf[256];
	int i, r;

	out_puts(o, "|");
	for (i = 0; i < b->ncols; i++) {
		out_putc(o, ' ');
		md_text(o, b->cols[i].head);
		out_puts(o, " |");
	}
	out_puts(o, "\n|");
	for (i = 0; i < b->ncols; i++)
		out_puts(o, b->cols[i].align == AL_RIGHT ? "---:|" : "---|");
	out_putc(o, '\n');
	for (r = 0; r < b->nrows; r++) {
		out_puts(o, "|");
		for (i = 0; i < b->ncols; i++) {
			const struct doc_cell *c = &b->cells[(size_t)r * b->ncols + i];

			out_putc(o, ' ');
			if (c->s != NULL)
				md_text(o, c->s);
			else
				out_puts(o, doc_sparkline(&c->trend, buf,
				    sizeof(buf)));
			out_puts(o, " |");
		}
		out_putc(o, '\n');
	}
}

static void
chart(const struct chart *c, struct out *o)
{
	double max = 0;
	int i;

	if (c->kind != CH_HIST)
		return;
	for (i = 0; i < c->n; i++)
		max = fmax(max, c->value[i]);
	out_puts(o, "| ");
	md_text(o, c->title);
	out_puts(o, " | Reps | |\n|---|---:|---|\n");
	for (i = 0; i < c->n; i++) {
		long bar = max > 0 ? lround(c->value[i] / max * 20) : 0;

		out_puts(o, "| ");
		md_text(o, c->label[i]);
		out_printf(o, " | %.0f | ", c->value[i]);
		while (bar-- > 0)
			out_puts(o, "\u2588");
		out_puts(o, " |\n");
	}
}

void
render_markdown(const struct doc *d, struct out *o)
{
	int i;

	for (i = 0; i < d->n; i++) {
		const struct block *b = &d->b[i];
		const struct block *prev = i ? &d->b[i - 1] : NULL;
		int inlist = prev != NULL && (prev->type == B_ITEM ||
		    prev->type == B_DETAIL);

		if (b->type == B_CHART && (b->chart.kind != CH_HIST ||
		    b->chart.html_only))
			continue;
		if (i > 0 && !(inlist && (b->type == B_ITEM ||
		    b->type == B_DETAIL)) && b->type != B_BREAK)
			out_putc(o, '\n');
		switch (b->type) {
		case B_TITLE:
			out_puts(o, "# ");
			md_text(o, b->a);
			out_putc(o, '\n');
			if (b->b != NULL) {
				out_putc(o, '\n');
				md_text(o, b->b);
				out_putc(o, '\n');
			}
			break;
		case B_H2:
		case B_H3:
			out_puts(o, b->type == B_H2 ? "## " : "### ");
			md_text(o, b->a);
			out_putc(o, '\n');
			break;
		case B_PARA:
			md_text(o, b->a);
			out_putc(o, '\n');
			break;
		case B_NOTE:
			out_puts(o, "> ");
			md_text(o, b->a);
			out_putc(o, '\n');
			break;
		case B_ITEM:
		case B_DETAIL:
			out_puts(o, b->type == B_ITEM ? "- " : "  - ");
			if (b->a != NULL) {
				out_puts(o, b->type == B_ITEM ? "**" : "*");
				md_text(o, b->a);
				out_puts(o, b->type == B_ITEM ? "**" : "*");
				if (b->b != NULL)
					out_puts(o, ": ");
			}
			if (b->b != NULL)
				md_text(o, b->b);
			out_putc(o, '\n');
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
