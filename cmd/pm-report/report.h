/*
 * pm-report internals: the document model and its renderers (doc.c,
 * render_*.c, email.c: the e-mail around them, mime.h), numbers for
 * people (fmt.c), the report's model of one period over the scores table
 * that common/scores reads (model.h, model.c), its sections (sections.c,
 * sheets.c) and the optional inputs (extra.c).
 */
#ifndef PM_REPORT_H
#define PM_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "out.h"
#include "scores.h"

/* ---- the document: blocks rendered as text, Markdown or HTML ---- */

enum align { AL_LEFT, AL_RIGHT };
enum tone { TONE_NONE, TONE_GOOD, TONE_BAD, TONE_WARN };

struct series {
	double *v;
	unsigned char *known;
	int n;
};

struct doc_cell {
	char *s;		/* text, or NULL for a trend */
	struct series trend;
	enum tone tone;
};

struct column {
	char *head;
	enum align align;
	int flex;		/* may be truncated to fit 80 columns */
};

enum chart_kind { CH_BARS, CH_HIST, CH_CURVE };

struct chart {
	enum chart_kind kind;
	char *title;
	int n;
	char **label;
	double *value;
	double *mark;		/* CH_BARS: pace marker, NAN if none */
	enum tone *tone;	/* CH_HIST: the colour of each bar */
	double ref;		/* CH_BARS: target line; CH_CURVE: the A line */
	int html_only;		/* text and Markdown say it in words already */
};

struct block;
struct doc;

/* An empty document. */
struct doc *doc_new(void);
/* The report's title and the line under it (subtitle may be NULL). */
void doc_title(struct doc *d, const char *title, const char *subtitle);
/* A section heading. */
void doc_h2(struct doc *d, const char *text);
/* A heading within a section (a one-on-one sheet's rep). */
void doc_h3(struct doc *d, const char *text);
/* A paragraph, printf-style. */
void doc_para(struct doc *d, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* A note (what a figure leaves out): small print in HTML, printf-style. */
void doc_note(struct doc *d, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* A bullet: a bold lead, its text, then detail lines "Label: text". */
void doc_item(struct doc *d, const char *lead, const char *text);
/* A detail line "Label: text" of the last bullet. */
void doc_detail(struct doc *d, const char *label, const char *text);
/* A table of ncols columns; rows of cells follow, filled left to right. */
void doc_table(struct doc *d, int ncols, const struct column *cols);
/* Starts a row of the last table. */
void doc_row(struct doc *d);
/* The next cell of the row, printf-style, in tone's colour. */
void doc_cell(struct doc *d, enum tone tone, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The next cell of the row: a trend, drawn as a sparkline. */
void doc_cell_trend(struct doc *d, const struct series *s);
/* A chart: HTML draws it as SVG, text as bars of blocks or not at all. */
struct chart *doc_chart(struct doc *d, enum chart_kind kind,
    const char *title, int n);
/* A page break: the next block starts a new printed page. */
void doc_page_break(struct doc *d);

enum format { FMT_TEXT, FMT_MARKDOWN, FMT_HTML, FMT_EMAIL };

/* The document as plain text in 80 columns. */
void render_text(const struct doc *d, struct out *o);
/* The document as CommonMark with GFM tables, every datum escaped. */
void render_md(const struct doc *d, struct out *o);
/* The document as one self-contained HTML page (inline CSS and SVG). */
void render_html(const struct doc *d, struct out *o);
/* HTML that mail clients show: tables and inline styles, no SVG. */
void render_email_html(const struct doc *d, struct out *o);
struct email;
/* The report as one MIME message (text, HTML, the sheets attached). */
void email_render(const struct doc *d, const struct email *e,
    struct out *o);
/* & < > " ' escaped, control characters made visible. */
void render_html_esc(struct out *o, const char *s);
/* A name escaped and in <bdi>, so right-to-left text cannot reorder it. */
void render_html_name(struct out *o, const char *s);
/* The colour of a bar or mark of tone t (HTML and the e-mail alike). */
const char *render_html_colour(enum tone t);
/* A bar's colour: good at or above ref, a warning within 80%, else bad. */
const char *render_html_bar_colour(double v, double ref);

/* ---- shared by the renderers ---- */

enum btype {
	B_TITLE, B_H2, B_H3, B_PARA, B_NOTE, B_ITEM, B_DETAIL, B_TABLE,
	B_CHART, B_BREAK
};

struct block {
	enum btype type;
	char *a;		/* text (title, heading, lead, label) */
	char *b;		/* second text (subtitle, item text) */
	int ncols;
	struct column *cols;
	struct doc_cell *cells;	/* nrows x ncols */
	int nrows;
	struct chart chart;
};

struct doc {
	struct block *b;
	int n;
	int cap;
	int sheets_from;	/* first block of the one-on-ones, 0: none */
	const char *period;	/* the period's key, NULL when no data */
};

/* The document's title, or the default one. */
const char *doc_title_of(const struct doc *d);
/*
 * Where the known points of a trend sit, 0 the floor to 1 the top: the
 * scale runs from min(0, lowest) to the highest, so zero is the floor
 * (an all-zero trend is a flat bottom line) and a flat trend above zero
 * sits at mid height (SPEC section 13).
 */
struct trend_scale {
	double lo, hi;
	int flat;		/* every point at mid height */
};
/* The scale of trend s into *ts. */
void doc_trend_scale(const struct series *s, struct trend_scale *ts);
/* The height of v on the scale, 0..1. */
double doc_trend_level(const struct trend_scale *ts, double v);
/* Unicode sparkline of s into buf (3 bytes a point). */
char *doc_sparkline(const struct series *s, char *buf, size_t size);
/* A copy of s with control and bidirectional characters as '?' (san_dup). */
char *doc_clean_text(const char *s);

/* ---- fmt.c: numbers for people ---- */

char *fmt_amount(double v, char *buf);		/* 1,234,567 / 12.5 */
char *fmt_pct(double v, char *buf);		/* 104.2% */
char *fmt_change(double v, char *buf);		/* +12.4% */
/* v as metric is shown: a percent, a score, a ratio, days or an amount. */
char *fmt_metric(const char *metric, double v, char *buf);
/* A metric's name for a manager ("Win rate"), or the metric itself. */
const char *fmt_metric_label(const char *metric);

#define FMT_BUFSIZE 96

/* ---- the report ---- */

struct report_opts {
	enum format format;
	const char *title;
	const char *period;
	int64_t min_elapsed;	/* fixed-point percent (SPEC section 13) */
	const char *pareto;
	const char *drivers;
	const char *rep;
	int one_on_ones;
	int quiet;
	int all;		/* --all: every rep on a long leaderboard */
	const char **teams;	/* --team: only these teams' reps */
	int nteams;
};

/* The whole report of the period chosen by op, from scores table s. */
void sections_build(struct doc *d, const struct scores *s,
    const struct report_opts *op);
/* The Concentration section from a pm-pareto output (summary or detail). */
void extra_pareto(struct doc *d, const char *path);
/* unit: what a period is, in words ("month", "week", ...). */
void extra_drivers(struct doc *d, const char *path, const char *unit);

#endif
