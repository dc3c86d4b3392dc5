/*
 * The plans file.  People write it, mostly in a spreadsheet, so it is
 * read with the slack they will need (a BOM, CRLF, ';' as the separator
 * from a European Excel, header names in any case, spaces around
 * values, 2026-09 or 2026-09-01, 12 or 12.0 or $50,000 or 110%, short
 * rows without the optional columns), and whatever cannot be meant is
 * refused with the line and the field.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amount.h"
#include "err.h"
#include "num.h"
#include "trim.h"
#include "plans.h"

enum { C_REP, C_METRIC, C_GOAL, C_FROM, C_TO, C_FOCUS, C_COACH, C_N };

static const char *const col_name[C_N] = {
	"rep", "metric", "goal", "from", "to", "focus", "coach"
};

/* Longest key or date anyone types, with room to spare. */
#define KEYMAX 32

static int
fail(struct plan_error *e, long line, const char *field, const char *fmt,
    ...)
{
	va_list ap;

	e->line = line;
	e->field = field;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	return -1;
}

int
plans_goal(const char *s, size_t n, int64_t *goal, int *pct)
{
	struct amount a;

	n = trim_span(&s, n);
	*pct = n > 0 && s[n - 1] == '%';
	if (*pct) {
		n = trim_span(&s, n - 1);
		if (n == 0 || fixed_parse(s, n, goal) != NUM_OK)
			return -1;
		return 0;
	}
	if (fixed_parse(s, n, goal) == NUM_OK)
		return 0;
	/* Money as it is written: $50,000, 50 000 EUR. */
	if (amount_parse(s, n, 0, &a) != AMT_OK)
		return -1;
	*goal = a.v;
	return 0;
}

int
plans_period(const char *s, size_t n, pm_day *first, pm_day *last,
    int *fiscal)
{
	char key[KEYMAX];
	size_t i;

	n = trim_span(&s, n);
	if (n == 0 || n >= sizeof(key))
		return -1;
	for (i = 0; i < n; i++)
		key[i] = (char)toupper((unsigned char)s[i]);
	key[n] = '\0';
	*fiscal = key[0] == 'F';
	/*
	 * Fiscal keys are placed with a start of February: the plan's keys
	 * are compared with the table's, which are placed the same way, and
	 * where a fiscal year starts does not change which key follows
	 * which.
	 */
	return period_parse_key(key, *fiscal ? 2 : 1, first, last);
}

/* A field without its surrounding white space; "" when absent. */
static char *
field(const struct csv_row *row, int c)
{
	const char *s;
	size_t n;

	if (c < 0 || (size_t)c >= row->n)
		return xstrdup("");
	s = row->f[c];
	n = trim_span(&s, row->len[c]);
	return xstrndup(s, n);
}

/* Text fields travel in notes and reports: no line breaks or controls. */
static int
check_text(struct plan_error *e, long line, const char *name, const char *s)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f)
			return fail(e, line, name, "a line break or control "
			    "character in '%s': write it on one line", s);
	return 0;
}

static int
blank_row(const struct csv_row *row)
{
	const char *s;
	size_t i;

	for (i = 0; i < row->n; i++) {
		s = row->f[i];
		if (trim_span(&s, row->len[i]) != 0)
			return 0;
	}
	return 1;
}

/* 9/1/2026, Sep-26, 01.09.2026: what a spreadsheet writes for a date. */
static int
spreadsheet_date(const char *v)
{
	int letters = 0;

	for (; *v != '\0'; v++) {
		if (*v == '/' || *v == '.')
			return 1;
		letters = (*v >= 'A' && *v <= 'Z') || (*v >= 'a' && *v <= 'z') ?
		    letters + 1 : 0;
		if (letters == 3)
			return 1;
	}
	return 0;
}

static int
period_field(struct plan_error *e, long line, const char *name,
    const char *v, pm_day *first, pm_day *last, int *fiscal)
{
	if (*v == '\0')
		return fail(e, line, name, "empty (a period such as 2026-09 "
		    "or 2026-Q3, or a date such as 2026-09-01)");
	if (plans_period(v, strlen(v), first, last, fiscal) != 0)
		return fail(e, line, name, "'%s' is not a period (2026-09, "
		    "2026-Q3, 2026-W36, 2026, FY2027-Q1) or a date "
		    "(2026-09-01)%s", v, spreadsheet_date(v) ? "; a "
		    "spreadsheet may have turned the date into its own "
		    "format: format the column as text and type 2026-09" : "");
	return 0;
}

static int
parse_row(const struct csv_row *row, const int *col, struct plan *p,
    struct plan_error *e)
{
	pm_day first, last;
	char *goal;
	int tf, c, bad;

	memset(p, 0, sizeof(*p));
	p->line = row->line;
	p->rep = field(row, col[C_REP]);
	p->metric = field(row, col[C_METRIC]);
	p->from = field(row, col[C_FROM]);
	p->to = field(row, col[C_TO]);
	p->focus = field(row, col[C_FOCUS]);
	p->coach = field(row, col[C_COACH]);
	for (c = C_REP; c <= C_TO; c++)
		if (c != C_GOAL && *(c == C_REP ? p->rep : c == C_METRIC ?
		    p->metric : c == C_FROM ? p->from : p->to) == '\0')
			return fail(e, p->line, col_name[c], "empty");
	if (check_text(e, p->line, "rep", p->rep) != 0 ||
	    check_text(e, p->line, "metric", p->metric) != 0 ||
	    check_text(e, p->line, "focus", p->focus) != 0 ||
	    check_text(e, p->line, "coach", p->coach) != 0)
		return -1;
	goal = field(row, col[C_GOAL]);
	bad = *goal == '\0' ? 1 :
	    plans_goal(goal, strlen(goal), &p->goal, &p->pct) != 0 ? 2 :
	    p->goal < 0 ? 3 : p->pct && p->goal == 0 ? 4 : 0;
	if (bad)
		fail(e, p->line, "goal", bad == 1 ? "empty (a value per "
		    "period such as 12, or an attainment such as 110%%)%s" :
		    bad == 2 ? "'%s' is not a number (12, 12.5, $50,000 or "
		    "110%%)" : bad == 3 ? "'%s' is negative" :
		    "'%s': an attainment goal of 0%% is no goal", goal);
	free(goal);
	if (bad)
		return -1;
	if (period_field(e, p->line, "from", p->from, &p->from_first, &last,
	    &p->fiscal) != 0 ||
	    period_field(e, p->line, "to", p->to, &first, &p->to_last,
	    &tf) != 0)
		return -1;
	if (tf != p->fiscal)
		return fail(e, p->line, "to", "'%s' and from '%s': one is a "
		    "fiscal period and the other is not", p->to, p->from);
	if (p->from_first > p->to_last)
		return fail(e, p->line, "to", "'%s' is before from '%s'",
		    p->to, p->from);
	return 0;
}

static void
plan_free(struct plan *p)
{
	free(p->rep);
	free(p->metric);
	free(p->from);
	free(p->to);
	free(p->focus);
	free(p->coach);
}

/* The header: exact names first, then ignoring case and punctuation. */
static int
header(const struct csv_row *hdr, int *col, struct plan_error *e)
{
	int c;

	for (c = 0; c < C_N; c++) {
		col[c] = csv_find_col(hdr, col_name[c]);
		if (col[c] < 0)
			col[c] = csv_find_col_norm(hdr, col_name[c]);
		if (col[c] < 0 && c < C_FOCUS)
			return fail(e, hdr->line, col_name[c], "no such column "
			    "in the header (a plans file has rep,metric,goal,"
			    "from,to and may have focus,coach)");
	}
	return 0;
}

int
plans_parse(struct csvr *r, struct plans *pl, struct plan_error *e)
{
	struct csv_row row;
	size_t cap = 0, width, i;
	int col[C_N], rc;
	const char *s;

	memset(e, 0, sizeof(*e));
	if ((rc = csvr_next(r, &row)) <= 0)
		return rc < 0 ? fail(e, csvr_error_line(r), "header", "%s",
		    csvr_error(r)) : fail(e, 1, "header", "empty file (a "
		    "plans file starts with rep,metric,goal,from,to)");
	if (header(&row, col, e) != 0)
		return -1;
	width = row.n;
	while ((rc = csvr_next(r, &row)) == 1) {
		if (blank_row(&row))	/* a spreadsheet's ",,,,," */
			continue;
		for (i = width; i < row.n; i++) {
			s = row.f[i];
			if (trim_span(&s, row.len[i]) != 0)
				return fail(e, row.line, "line", "%zu fields, "
				    "the header has %zu", row.n, width);
		}
		if (pl->n == cap) {
			cap = cap ? cap * 2 : 16;
			pl->p = xreallocarray(pl->p, cap, sizeof(*pl->p));
		}
		if (parse_row(&row, col, &pl->p[pl->n], e) != 0) {
			plan_free(&pl->p[pl->n]);
			return -1;
		}
		pl->n++;
	}
	if (rc < 0)
		return fail(e, csvr_error_line(r), "line", "%s",
		    csvr_error(r));
	return 0;
}

/*
 * People's spreadsheets save ';' or tab separated files in much of
 * Europe: a header line without the separator asked for, but with one
 * of those, is read with it.
 */
static void
sniff(struct csvr *r, unsigned char delim)
{
	const char *buf, *nl;
	size_t n;

	csvr_set_delim(r, delim);
	n = csvr_peek(r, &buf);
	if ((nl = memchr(buf, '\n', n)) != NULL)
		n = (size_t)(nl - buf);
	if (memchr(buf, delim, n) != NULL)
		return;
	if (memchr(buf, ';', n) != NULL)
		csvr_set_delim(r, ';');
	else if (memchr(buf, '\t', n) != NULL)
		csvr_set_delim(r, '\t');
}

struct plans *
plans_read(const char *path, unsigned char delim)
{
	struct plans *pl = xcalloc(1, sizeof(*pl));
	struct plan_error e;
	struct csvr *r;

	r = csvr_open(path);
	pl->file = xstrdup(csvr_name(r));
	sniff(r, delim);
	if (plans_parse(r, pl, &e) != 0)
		pm_die_at(EX_DATAERR, pl->file, e.line, "%s: %s", e.field,
		    e.msg);
	csvr_close(r);
	return pl;
}

int
plans_period_cfg(const char *key, struct period_cfg *cfg, int *fiscal)
{
	pm_day first, last;
	size_t n = strlen(key);

	*fiscal = key[0] == 'F';
	cfg->fiscal_start = *fiscal ? 2 : 1;
	if (period_parse_key(key, cfg->fiscal_start, &first, &last) != 0)
		return -1;
	if (*fiscal)
		cfg->type = n == 6 ? P_YEAR : P_QUARTER;
	else if (n == 4)
		cfg->type = P_YEAR;
	else if (n == 10)
		cfg->type = P_DAY;
	else if (key[5] == 'W')
		cfg->type = P_WEEK;
	else if (key[5] == 'Q')
		cfg->type = P_QUARTER;
	else
		cfg->type = P_MONTH;
	return 0;
}

/* By rep, metric, first period, line: overlapping plans are neighbours. */
static int
cmp_span(const void *a, const void *b)
{
	const struct plan *x = *(const struct plan *const *)a;
	const struct plan *y = *(const struct plan *const *)b;
	int c;

	if ((c = strcmp(x->rep, y->rep)) != 0 ||
	    (c = strcmp(x->metric, y->metric)) != 0)
		return c;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

/*
 * Two plans of one rep and metric that share a period.  Sorted, each
 * plan is compared with the one reaching furthest among those before
 * it, so that a hostile file of many plans is not n squared.  The error
 * names the later line.
 */
static int
overlaps(struct plans *pl, struct plan_error *e)
{
	struct plan **v, *p, *far = NULL, *a, *b;
	size_t i;
	int rc = 0;

	v = xcalloc(pl->n ? pl->n : 1, sizeof(*v));
	for (i = 0; i < pl->n; i++)
		v[i] = &pl->p[i];
	qsort(v, pl->n, sizeof(*v), cmp_span);
	for (i = 0; i < pl->n && rc == 0; i++) {
		p = v[i];
		if (far == NULL || strcmp(far->rep, p->rep) != 0 ||
		    strcmp(far->metric, p->metric) != 0) {
			far = p;
			continue;
		}
		if (p->start <= far->end) {
			a = p->line > far->line ? p : far;
			b = a == p ? far : p;
			rc = fail(e, a->line, "from", "%s's %s plan (%s..%s) "
			    "overlaps the plan on line %ld (%s..%s)", a->rep,
			    a->metric, a->from, a->to, b->line, b->from, b->to);
		}
		if (p->end > far->end)
			far = p;
	}
	free(v);
	return rc;
}

int
plans_place(struct plans *pl, const struct period_cfg *cfg, int fiscal,
    struct plan_error *e)
{
	struct plan *p;
	size_t i;

	for (i = 0; i < pl->n; i++) {
		p = &pl->p[i];
		if (p->fiscal != fiscal)
			return fail(e, p->line, "from", "'%s': the scores "
			    "table's periods are %s; write the plan's the same"
			    " way", p->from, fiscal ? "fiscal (FY2027-Q1)" :
			    "calendar ones (2026-09, 2026-Q3)");
		p->start = period_start(cfg, p->from_first);
		p->end = period_start(cfg, p->to_last);
	}
	return overlaps(pl, e);
}

void
plans_free(struct plans *pl)
{
	size_t i;

	if (pl == NULL)
		return;
	for (i = 0; i < pl->n; i++)
		plan_free(&pl->p[i]);
	free(pl->p);
	free(pl->file);
	free(pl);
}
