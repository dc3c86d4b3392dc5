/*
 * HTML for mail clients: the document model as Gmail, Outlook (the Word
 * engine too), Apple Mail and Yahoo show it.  Layout by tables and
 * HTML attributes (width, align, bgcolor, cellpadding: what every
 * client keeps), the rest by inline styles; no <style> block is needed,
 * no SVG, no images.  Bar charts are table cells of a width in pixels,
 * trends are Unicode sparklines.  It fits a 640-pixel reading pane: the
 * frame is 640 wide at most and long words may break anywhere.
 *
 * Size matters as much: Gmail clips a message above about 102 KB, so
 * the markup repeated per row is kept short (attributes rather than
 * styles, zebra rows rather than borders on every cell).  Every block
 * type is rendered, so new sections appear in the e-mail unchanged.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "num.h"
#include "report.h"

#define FONT "Arial,Helvetica,sans-serif"
#define BAR_PX 180		/* a bar at 100% (of target, of keys) */
#define BAR_MAX_PX 270		/* longer bars are cut: the number says it */

static const char *const tone_fg[] = { "", "#0b7a3e", "#b42318", "#9a6700" };

static void
cell_tone(struct out *o, enum tone t)
{
	if (t != TONE_NONE)
		out_printf(o, " style=\"color:%s;font-weight:bold\"",
		    tone_fg[t]);
}

static void
table(const struct block *b, struct out *o)
{
	char buf[256];
	int i, r;

	out_puts(o, "<table cellpadding=\"3\" cellspacing=\"0\" border=\"0\" "
	    "style=\"border-collapse:collapse;font:13px/1.35 " FONT ";"
	    "margin:0 0 10px\">\n<tr bgcolor=\"#e6ebf1\">");
	for (i = 0; i < b->ncols; i++) {
		out_puts(o, b->cols[i].align == AL_RIGHT ?
		    "<th align=\"right\">" : "<th align=\"left\">");
		render_html_esc(o, b->cols[i].head);
		out_puts(o, "</th>");
	}
	out_puts(o, "</tr>\n");
	for (r = 0; r < b->nrows; r++) {
		out_puts(o, r % 2 ? "<tr bgcolor=\"#f5f7fa\">" : "<tr>");
		for (i = 0; i < b->ncols; i++) {
			const struct doc_cell *c = &b->cells[(size_t)r * b->ncols + i];

			if (c->s == NULL) {
				out_printf(o, "<td style=\"color:#2680c2\">%s"
				    "</td>", doc_sparkline(&c->trend, buf,
				    sizeof(buf)));
				continue;
			}
			out_puts(o, b->cols[i].align == AL_RIGHT ?
			    "<td align=\"right\"" : "<td");
			/* "12.5 d" stays on one line; names may wrap. */
			if (b->cols[i].align == AL_RIGHT &&
			    strchr(c->s, ' ') != NULL)
				out_puts(o, " nowrap");
			cell_tone(o, c->tone);
			out_putc(o, '>');
			if (b->cols[i].flex && *c->s != '\0')
				render_html_name(o, c->s);
			else
				render_html_esc(o, c->s);
			out_puts(o, "</td>");
		}
		out_puts(o, "</tr>\n");
	}
	out_puts(o, "</table>\n");
}

static long
px(double v)
{
	double p = v / 100 * BAR_PX;

	return p <= 0 ? 0 : p >= BAR_MAX_PX ? BAR_MAX_PX : lround(p);
}

static void
seg(struct out *o, long w, const char *colour)
{
	if (w > 0)
		out_printf(o, "<td width=\"%ld\" height=\"12\" bgcolor=\"%s\">"
		    "</td>", w, colour);
}

/*
 * One bar: value in percent of the scale, ref (the target, or NAN) as a
 * dark mark with a grey track up to it, so short bars show how short.
 */
static void
bar_row(struct out *o, const char *label, double value, double ref,
    const char *colour, const char *text)
{
	long v = px(value), m;

	out_puts(o, "<tr><td>");
	render_html_name(o, label);
	out_puts(o, "</td><td><table role=\"presentation\" cellpadding=\"0\" "
	    "cellspacing=\"0\" border=\"0\"><tr>");
	if (isnan(ref) || (v == 0 && px(ref) == 0)) {
		seg(o, v > 0 ? v : 1, v > 0 ? colour : "#e4e7eb");
	} else {
		m = px(ref);
		seg(o, v < m ? v : m, colour);
		if (v < m)
			seg(o, m - v, "#e4e7eb");
		seg(o, 2, "#1f2933");
		if (v > m)
			seg(o, v - m, colour);
	}
	out_puts(o, "</tr></table></td><td align=\"right\">");
	render_html_esc(o, text);
	out_puts(o, "</td></tr>\n");
}

static void
chart_rows(const struct chart *c, struct out *o)
{
	char text[FMT_BUFSIZE], label[64];
	double max = 0, v;
	int i, k, q;

	switch (c->kind) {
	case CH_BARS:
		for (i = 0; i < c->n; i++)
			bar_row(o, c->label[i], c->value[i], c->ref,
			    render_html_bar_colour(c->value[i], c->ref),
			    fmt_pct(c->value[i], text));
		break;
	case CH_HIST:
		for (i = 0; i < c->n; i++)
			max = fmax(max, c->value[i]);
		for (i = 0; i < c->n; i++) {
			snprintf(text, sizeof(text), "%.0f", c->value[i]);
			bar_row(o, c->label[i], max > 0 ? c->value[i] / max *
			    100 : 0, NAN, render_html_colour(c->tone[i]), text);
		}
		break;
	case CH_CURVE:
		/* The curve read at each tenth of the keys. */
		for (q = 10; q <= 100 && c->n > 0; q += 10) {
			k = (int)ceil(q / 100.0 * c->n) - 1;
			v = c->value[k < 0 ? 0 : k];
			snprintf(label, sizeof(label), "first %d%% of keys", q);
			bar_row(o, label, v, c->ref, v >= c->ref ?
			    render_html_colour(TONE_NONE) : "#7cb3de",
			    fmt_pct(v, text));
		}
		break;
	}
}

static void
chart(const struct chart *c, struct out *o)
{
	if (c->n == 0)
		return;
	out_puts(o, "<p style=\"margin:8px 0 2px;color:#52606d;"
	    "font-size:12px\">");
	render_html_esc(o, c->title);
	out_puts(o, "</p>\n<table role=\"presentation\" cellpadding=\"2\" "
	    "cellspacing=\"0\" border=\"0\" style=\"font:12px " FONT ";"
	    "margin:0 0 12px\">\n");
	chart_rows(c, o);
	out_puts(o, "</table>\n");
}

static void
item(const struct block *b, struct out *o)
{
	if (b->a != NULL) {
		out_puts(o, "<b>");
		render_html_name(o, b->a);
		out_puts(o, b->b != NULL ? ":</b> " : "</b>");
	}
	if (b->b != NULL)
		render_html_esc(o, b->b);
}

void
render_email_html(const struct doc *d, struct out *o)
{
	int i, inul = 0, inli = 0;

	out_puts(o, "<!DOCTYPE html>\n<html lang=\"en\"><head>"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width,initial-scale=1\">\n"
	    "<meta name=\"color-scheme\" content=\"light\">\n<title>");
	render_html_esc(o, doc_title_of(d));
	out_puts(o, "</title></head>\n<body style=\"margin:0;padding:0;"
	    "background:#ffffff\">\n<table role=\"presentation\" "
	    "width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\">"
	    "<tr><td align=\"center\" style=\"padding:8px\">\n"
	    "<table role=\"presentation\" width=\"640\" cellpadding=\"0\" "
	    "cellspacing=\"0\" border=\"0\" style=\"width:100%;"
	    "max-width:640px\"><tr><td align=\"left\" style=\"font:14px/1.45 "
	    FONT ";color:#1f2933;overflow-wrap:anywhere;"
	    "word-wrap:break-word\">\n");
	for (i = 0; i < d->n; i++) {
		const struct block *b = &d->b[i];

		if (b->type != B_DETAIL && inli) {
			out_puts(o, "</li>\n");
			inli = 0;
		}
		if (b->type != B_ITEM && b->type != B_DETAIL && inul) {
			out_puts(o, "</ul>\n");
			inul = 0;
		}
		switch (b->type) {
		case B_TITLE:
			out_puts(o, "<h1 style=\"font-size:22px;line-height:1.25;"
			    "margin:0 0 4px\">");
			render_html_esc(o, b->a);
			out_puts(o, "</h1>\n");
			if (b->b != NULL) {
				out_puts(o, "<p style=\"margin:0 0 12px;"
				    "color:#52606d\">");
				render_html_esc(o, b->b);
				out_puts(o, "</p>\n");
			}
			break;
		case B_H2:
			out_puts(o, "<h2 style=\"font-size:18px;margin:20px 0 8px;"
			    "padding-bottom:3px;border-bottom:2px solid "
			    "#d9e2ec\">");
			render_html_esc(o, b->a);
			out_puts(o, "</h2>\n");
			break;
		case B_H3:
			out_puts(o, "<h3 style=\"font-size:15px;"
			    "margin:14px 0 4px\">");
			render_html_name(o, b->a);
			out_puts(o, "</h3>\n");
			break;
		case B_PARA:
			out_puts(o, "<p style=\"margin:0 0 8px\">");
			render_html_esc(o, b->a);
			out_puts(o, "</p>\n");
			break;
		case B_NOTE:
			out_puts(o, "<p style=\"margin:0 0 10px;padding:5px 8px;"
			    "background:#fffbea;border-left:4px solid #f0b429;"
			    "font-size:13px\">");
			render_html_esc(o, b->a);
			out_puts(o, "</p>\n");
			break;
		case B_ITEM:
			if (!inul)
				out_puts(o, "<ul style=\"margin:0 0 10px;"
				    "padding-left:20px\">\n");
			inul = 1;
			out_puts(o, "<li style=\"margin:0 0 4px\">");
			inli = 1;
			item(b, o);
			break;
		case B_DETAIL:
			out_puts(o, inli ? "<br><span style=\"color:#3e4c59;"
			    "font-size:13px\">" : "<p style=\"margin:0 0 4px;"
			    "color:#3e4c59;font-size:13px\">");
			if (b->a != NULL) {
				out_puts(o, "<i>");
				render_html_esc(o, b->a);
				out_puts(o, ":</i> ");
			}
			if (b->b != NULL)
				render_html_esc(o, b->b);
			out_puts(o, inli ? "</span>" : "</p>\n");
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
	if (inli)
		out_puts(o, "</li>\n");
	if (inul)
		out_puts(o, "</ul>\n");
	out_puts(o, "</td></tr></table>\n</td></tr></table>\n</body></html>\n");
}
