/*
 * Markdown (CommonMark with GFM tables).  Every piece of data is
 * backslash-escaped, so a `|` in a rep's name stays in its cell, a
 * `<script>` is text, not HTML, and `https://...` is no link; names are
 * isolated in <bdi>.
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "err.h"
#include "report.h"

/* Whether the '.' at p, in s, ends a "www" that GFM would make a link. */
static int
www_dot(const char *s, const char *p)
{
	return p - s >= 3 && strncasecmp(p - 3, "www", 3) == 0;
}

/*
 * Data as Markdown text, every character that could make markup or a
 * link escaped with a backslash (CommonMark renders any escaped ASCII
 * punctuation as itself):
 *   - the inline markup: \ ` * _ [ ] < > | # & ~ ! and $ (math);
 *   - GFM's extended autolinks: the ':' of "https://" (or any
 *     "scheme://", "mailto:x"), the '.' of "www.";
 *   - at the start of a block (bol), what would open a list, a quote or
 *     a heading underline: a leading - + = and the '.' or ')' of "1.".
 * An e-mail address is left a mailto: link by GFM whatever is escaped
 * (its autolinker sees the text after the escapes): harmless.
 */
static void
md_text_at(struct out *o, const char *s, int bol)
{
	char *c = doc_clean_text(s), *p, *q;

	for (p = c; *p; p++) {
		if (strchr("\\`*_[]<>|#&~!$", *p) != NULL ||
		    (*p == ':' && p > c && isalpha((unsigned char)p[-1]) &&
		    p[1] != '\0' && p[1] != ' ') ||
		    (*p == '.' && www_dot(c, p)))
			out_putc(o, '\\');
		else if (bol && p == c && strchr("-+=", *p) != NULL)
			out_putc(o, '\\');
		else if (bol && (*p == '.' || *p == ')') && p > c) {
			for (q = c; q < p && isdigit((unsigned char)*q); q++)
				;
			if (q == p)
				out_putc(o, '\\');
		}
		out_putc(o, *p);
	}
	free(c);
}

/* Data inside a line: escaped as md_text_at says. */
static void
md_text(struct out *o, const char *s)
{
	md_text_at(o, s, 0);
}

/* A name: escaped and isolated (<bdi>, inline HTML that CommonMark keeps). */
static void
md_name(struct out *o, const char *s)
{
	out_puts(o, "<bdi>");
	md_text(o, s);
	out_puts(o, "</bdi>");
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
			if (c->s != NULL && b->cols[i].flex && *c->s != '\0')
				md_name(o, c->s);
			else if (c->s != NULL)
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
render_md(const struct doc *d, struct out *o)
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
				md_text_at(o, b->b, 1);
				out_putc(o, '\n');
			}
			break;
		case B_H2:
		case B_H3:
			out_puts(o, b->type == B_H2 ? "## " : "### ");
			if (b->type == B_H3)
				md_name(o, b->a);
			else
				md_text(o, b->a);
			out_putc(o, '\n');
			break;
		case B_PARA:
			md_text_at(o, b->a, 1);
			out_putc(o, '\n');
			break;
		case B_NOTE:
			out_puts(o, "> ");
			md_text_at(o, b->a, 1);
			out_putc(o, '\n');
			break;
		case B_ITEM:
		case B_DETAIL:
			out_puts(o, b->type == B_ITEM ? "- " : "  - ");
			if (b->a != NULL) {
				out_puts(o, b->type == B_ITEM ? "**" : "*");
				if (b->type == B_ITEM)
					md_name(o, b->a);
				else
					md_text(o, b->a);
				out_puts(o, b->type == B_ITEM ? "**" : "*");
				if (b->b != NULL)
					out_puts(o, ": ");
			}
			if (b->b != NULL)
				md_text_at(o, b->b, b->a == NULL);
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
