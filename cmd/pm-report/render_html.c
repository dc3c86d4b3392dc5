/*
 * HTML: one self-contained file.  Inline CSS (with a print stylesheet and
 * a narrow-screen layout), inline SVG charts, no scripts, no external
 * assets.  Every piece of data goes through esc(), in text and in
 * attributes alike (control and bidirectional characters become '?'),
 * and names are isolated in <bdi>.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "num.h"
#include "report.h"

static const char css[] =
"*{box-sizing:border-box}"
"body{font:15px/1.45 -apple-system,'Segoe UI',Roboto,Helvetica,Arial,"
"sans-serif;color:#1f2933;background:#fff;max-width:980px;margin:0 auto;"
"padding:16px}"
"h1{font-size:1.6em;margin:0 0 .2em}"
".sub{color:#52606d;margin:0 0 1em}"
"h2{font-size:1.25em;border-bottom:2px solid #d9e2ec;padding-bottom:.2em;"
"margin:1.8em 0 .6em}"
"h3{font-size:1.05em;margin:1.4em 0 .4em}"
".tw{overflow-x:auto;margin:.4em 0 1em}"
"table{border-collapse:collapse;min-width:60%;"
"font-variant-numeric:tabular-nums}"
"th,td{padding:4px 10px;border-bottom:1px solid #e4e7eb;text-align:left;"
"vertical-align:middle;white-space:nowrap}"
"th{background:#f5f7fa;font-weight:600}"
"td.r,th.r{text-align:right}"
"td.w{white-space:normal;min-width:8em;max-width:22em;"
"overflow-wrap:break-word}"
".good{color:#0b7a3e;font-weight:600}.bad{color:#b42318;font-weight:600}"
"ul{padding-left:1.3em;margin:.4em 0}li{margin:.35em 0}"
"li .d{color:#3e4c59;font-size:.95em}"
".note{background:#fffbea;border-left:4px solid #f0b429;padding:.5em .8em}"
"figure{margin:.6em 0 1.2em}figcaption{color:#52606d;font-size:.9em}"
"svg{max-width:100%;height:auto}"
"svg text{font:12px -apple-system,'Segoe UI',Roboto,Helvetica,Arial,"
"sans-serif;fill:#1f2933}"
"svg.spark{vertical-align:middle}"
"@media (max-width:600px){body{font-size:14px;padding:8px}"
"th,td{padding:3px 5px}}"
"@media print{body{max-width:none;font-size:10.5pt;padding:0}"
"h2,h3{break-after:avoid}tr,figure,li{break-inside:avoid}"
".pb{break-before:page}.tw{overflow:visible}"
"th{background:none}a{color:inherit}}";

/* & < > " ' escaped: safe in text and in quoted attributes. */
static void
esc(struct out *o, const char *s)
{
	char *c = doc_clean_text(s), *p;

	for (p = c; *p; p++) {
		switch (*p) {
		case '&': out_puts(o, "&amp;"); break;
		case '<': out_puts(o, "&lt;"); break;
		case '>': out_puts(o, "&gt;"); break;
		case '"': out_puts(o, "&quot;"); break;
		case '\'': out_puts(o, "&#39;"); break;
		default: out_putc(o, *p); break;
		}
	}
	free(c);
}

void
render_html_name(struct out *o, const char *s)
{
	out_puts(o, "<bdi>");
	esc(o, s);
	out_puts(o, "</bdi>");
}

static void
num(struct out *o, double v)
{
	char buf[NUM_BUFSIZE];

	out_puts(o, double_format(v, 1, buf));
}

static void
spark(struct out *o, const struct series *s, int w, int h)
{
	struct trend_scale ts;
	double x, y;
	int i, first = 1, last = -1;

	doc_trend_scale(s, &ts);
	for (i = 0; i < s->n; i++)
		if (s->known[i])
			last = i;
	out_printf(o, "<svg class=\"spark\" width=\"%d\" height=\"%d\" "
	    "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"trend\">", w, h,
	    w, h);
	if (last >= 0) {
		out_puts(o, "<polyline fill=\"none\" stroke=\"#2680c2\" "
		    "stroke-width=\"1.6\" points=\"");
		for (i = 0; i < s->n; i++) {
			if (!s->known[i])
				continue;
			x = s->n > 1 ? 3 + (double)i * (w - 6) / (s->n - 1) :
			    w / 2.0;
			y = h - 3 - doc_trend_level(&ts, s->v[i]) * (h - 6);
			out_puts(o, first ? "" : " ");
			num(o, x);
			out_putc(o, ',');
			num(o, y);
			first = 0;
		}
		out_puts(o, "\"/>");
		x = s->n > 1 ? 3 + (double)last * (w - 6) / (s->n - 1) :
		    w / 2.0;
		y = h - 3 - doc_trend_level(&ts, s->v[last]) * (h - 6);
		out_puts(o, "<circle r=\"2.5\" fill=\"#2680c2\" cx=\"");
		num(o, x);
		out_puts(o, "\" cy=\"");
		num(o, y);
		out_puts(o, "\"/>");
	}
	out_puts(o, "</svg>");
}

static void
table(const struct block *b, struct out *o)
{
	int i, r;

	out_puts(o, "<div class=\"tw\"><table>\n<thead><tr>");
	for (i = 0; i < b->ncols; i++) {
		out_puts(o, b->cols[i].align == AL_RIGHT ?
		    "<th class=\"r\">" : "<th>");
		esc(o, b->cols[i].head);
		out_puts(o, "</th>");
	}
	out_puts(o, "</tr></thead>\n<tbody>\n");
	for (r = 0; r < b->nrows; r++) {
		out_puts(o, "<tr>");
		for (i = 0; i < b->ncols; i++) {
			const struct doc_cell *c = &b->cells[(size_t)r * b->ncols + i];
			const char *cls[4] = { "", "good", "bad", "" };

			out_printf(o, "<td class=\"%s%s%s\">",
			    b->cols[i].align == AL_RIGHT ? "r" :
			    b->cols[i].flex ? "w" : "",
			    c->tone ? " " : "", cls[c->tone]);
			if (c->s != NULL && b->cols[i].flex && *c->s != '\0')
				render_html_name(o, c->s);
			else if (c->s != NULL)
				esc(o, c->s);
			else
				spark(o, &c->trend, 90, 22);
			out_puts(o, "</td>");
		}
		out_puts(o, "</tr>\n");
	}
	out_puts(o, "</tbody></table></div>\n");
}

const char *
render_html_colour(enum tone t)
{
	static const char *const colour[] = {
		"#2680c2", "#3ebd93", "#ef4e4e", "#f0b429"
	};

	return colour[t];
}

const char *
render_html_bar_colour(double v, double ref)
{
	if (isnan(ref))
		return render_html_colour(TONE_NONE);
	if (v >= ref)
		return render_html_colour(TONE_GOOD);
	if (v >= ref * 0.8)
		return render_html_colour(TONE_WARN);
	return render_html_colour(TONE_BAD);
}

/* Labels are data: cut long ones so that they stay left of the bars. */
static void
label(struct out *o, const char *s, size_t max)
{
	char *c = xmalloc(strlen(s) + 4);	/* room for the ellipsis */
	size_t i = 0, w = 0;

	strcpy(c, s);
	while (c[i] != '\0') {
		if (((unsigned char)c[i] & 0xC0) != 0x80 && w++ == max) {
			strcpy(c + i, "\u2026");
			break;
		}
		i++;
	}
	esc(o, c);
	free(c);
}

static void
bars(const struct chart *c, struct out *o)
{
	const int lw = 170, w = 680, rowh = 24, top = 8;
	double max = isnan(c->ref) ? 0 : c->ref * 1.2, scale, x;
	int i, h = top + rowh * c->n + 22;

	for (i = 0; i < c->n; i++) {
		max = fmax(max, c->value[i]);
		if (!isnan(c->mark[i]))
			max = fmax(max, c->mark[i]);
	}
	if (max <= 0)
		max = 1;
	scale = (w - lw - 60) / max;
	out_printf(o, "<svg viewBox=\"0 0 %d %d\" width=\"%d\" role=\"img\" "
	    "aria-label=\"", w, h, w);
	esc(o, c->title);
	out_puts(o, "\">\n");
	for (i = 0; i < c->n; i++) {
		double y = top + i * rowh, v = fmax(c->value[i], 0);

		out_printf(o, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">",
		    lw - 8, y + 16);
		label(o, c->label[i], 22);
		out_printf(o, "</text><rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" "
		    "height=\"16\" rx=\"2\" fill=\"%s\"/>", lw, y + 3,
		    v * scale, render_html_bar_colour(c->value[i], c->ref));
		if (!isnan(c->mark[i])) {
			x = lw + fmax(c->mark[i], 0) * scale;
			out_printf(o, "<path d=\"M%.1f %.1fl-5 -5h10z\" "
			    "fill=\"#1f2933\"/>", x, y + 8);
		}
		out_printf(o, "<text x=\"%.1f\" y=\"%.1f\">", lw + v * scale +
		    6, y + 16);
		num(o, c->value[i]);
		out_puts(o, "%</text>\n");
	}
	if (!isnan(c->ref)) {
		x = lw + c->ref * scale;
		out_printf(o, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" "
		    "y2=\"%d\" stroke=\"#1f2933\" stroke-dasharray=\"4 3\"/>"
		    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">"
		    "target</text>\n", x, top, x, h - 18, x, h - 4);
	}
	out_puts(o, "</svg>");
}

static void
hist(const struct chart *c, struct out *o)
{
	const int w = 560, h = 230, base = 190, left = 20;
	double max = 0, bw;
	int i;

	for (i = 0; i < c->n; i++)
		max = fmax(max, c->value[i]);
	if (max <= 0)
		max = 1;
	bw = (double)(w - 2 * left) / (c->n ? c->n : 1);
	out_printf(o, "<svg viewBox=\"0 0 %d %d\" width=\"%d\" role=\"img\" "
	    "aria-label=\"", w, h, w);
	esc(o, c->title);
	out_puts(o, "\">\n");
	for (i = 0; i < c->n; i++) {
		double bh = c->value[i] / max * (base - 30);
		double x = left + i * bw;

		out_printf(o, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
		    "height=\"%.1f\" rx=\"3\" fill=\"%s\"/>", x + 6,
		    base - bh, bw - 12, bh, render_html_colour(c->tone[i]));
		out_printf(o, "<text x=\"%.1f\" y=\"%.1f\" "
		    "text-anchor=\"middle\">%.0f</text>", x + bw / 2,
		    base - bh - 6, c->value[i]);
		out_printf(o, "<text x=\"%.1f\" y=\"%d\" "
		    "text-anchor=\"middle\">", x + bw / 2, base + 18);
		label(o, c->label[i], 16);
		out_puts(o, "</text>\n");
	}
	out_printf(o, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
	    "stroke=\"#9aa5b1\"/></svg>", left, base, w - left, base);
}

static void
curve(const struct chart *c, struct out *o)
{
	const int w = 560, h = 260, l = 50, r = 20, t = 12, b = 40;
	double pw = w - l - r, ph = h - t - b;
	int i;

	out_printf(o, "<svg viewBox=\"0 0 %d %d\" width=\"%d\" role=\"img\" "
	    "aria-label=\"", w, h, w);
	esc(o, c->title);
	out_puts(o, "\">\n");
	out_printf(o, "<rect x=\"%d\" y=\"%d\" width=\"%.0f\" height=\"%.0f\" "
	    "fill=\"none\" stroke=\"#9aa5b1\"/>\n", l, t, pw, ph);
	for (i = 0; i <= 100; i += 20) {
		double y = t + ph - i / 100.0 * ph, x = l + i / 100.0 * pw;

		out_printf(o, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">"
		    "%d%%</text>", l - 6, y + 4, i);
		out_printf(o, "<text x=\"%.1f\" y=\"%.1f\" "
		    "text-anchor=\"middle\">%d%%</text>\n", x, t + ph + 16, i);
	}
	if (!isnan(c->ref)) {
		double y = t + ph - c->ref / 100 * ph;

		out_printf(o, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" "
		    "y2=\"%.1f\" stroke=\"#ef4e4e\" stroke-dasharray=\"4 3\"/>\n",
		    l, y, l + pw, y);
	}
	out_printf(o, "<polyline fill=\"none\" stroke=\"#2680c2\" "
	    "stroke-width=\"2\" points=\"%d,%.1f", l, t + ph);
	for (i = 0; i < c->n; i++)
		out_printf(o, " %.1f,%.1f", l + (i + 1.0) / c->n * pw,
		    t + ph - fmin(fmax(c->value[i], 0), 100) / 100 * ph);
	out_printf(o, "\"/>\n<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">"
	    "share of keys, largest first</text></svg>", l + pw / 2, h - 6);
}

static void
chart(const struct chart *c, struct out *o)
{
	out_puts(o, "<figure>");
	switch (c->kind) {
	case CH_BARS:
		bars(c, o);
		break;
	case CH_HIST:
		hist(c, o);
		break;
	case CH_CURVE:
		curve(c, o);
		break;
	}
	out_puts(o, "<figcaption>");
	esc(o, c->title);
	out_puts(o, "</figcaption></figure>\n");
}

void
render_html(const struct doc *d, struct out *o)
{
	int i, inul = 0, inli = 0;

	out_puts(o, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n<title>");
	esc(o, doc_title_of(d));
	out_printf(o, "</title>\n<style>%s</style>\n</head>\n<body>\n", css);
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
			out_puts(o, "<header><h1>");
			esc(o, b->a);
			out_puts(o, "</h1>\n");
			if (b->b != NULL) {
				out_puts(o, "<p class=\"sub\">");
				esc(o, b->b);
				out_puts(o, "</p>\n");
			}
			out_puts(o, "</header>\n");
			break;
		case B_H2:
		case B_H3:
			out_puts(o, b->type == B_H2 ? "<h2>" : "<h3>");
			if (b->type == B_H3)
				render_html_name(o, b->a);
			else
				esc(o, b->a);
			out_puts(o, b->type == B_H2 ? "</h2>\n" : "</h3>\n");
			break;
		case B_PARA:
		case B_NOTE:
			out_puts(o, b->type == B_NOTE ? "<p class=\"note\">" :
			    "<p>");
			esc(o, b->a);
			out_puts(o, "</p>\n");
			break;
		case B_ITEM:
			if (!inul)
				out_puts(o, "<ul>\n");
			inul = 1;
			out_puts(o, "<li>");
			inli = 1;
			if (b->a != NULL) {
				out_puts(o, "<strong>");
				render_html_name(o, b->a);
				out_puts(o, "</strong>");
				if (b->b != NULL)
					out_puts(o, ": ");
			}
			if (b->b != NULL)
				esc(o, b->b);
			break;
		case B_DETAIL:
			out_puts(o, inli ? "<div class=\"d\">" : "<p class=\"d\">");
			if (b->a != NULL) {
				out_puts(o, "<em>");
				esc(o, b->a);
				out_puts(o, ":</em> ");
			}
			if (b->b != NULL)
				esc(o, b->b);
			out_puts(o, inli ? "</div>" : "</p>\n");
			break;
		case B_TABLE:
			table(b, o);
			break;
		case B_CHART:
			chart(&b->chart, o);
			break;
		case B_BREAK:
			out_puts(o, "<div class=\"pb\"></div>\n");
			break;
		}
	}
	if (inli)
		out_puts(o, "</li>\n");
	if (inul)
		out_puts(o, "</ul>\n");
	out_puts(o, "</body>\n</html>\n");
}

/* The escaping above, for the e-mail renderer (render_email.c). */
void
render_html_esc(struct out *o, const char *s)
{
	esc(o, s);
}
