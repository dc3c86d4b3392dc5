/*
 * The optional inputs: a pm-pareto summary or detail output (--pareto),
 * told apart by its header, and a pm-score --drivers output (--drivers).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvin.h"
#include "err.h"
#include "num.h"
#include "tables.h"
#include "report.h"

#define TOPKEYS 10
#define MAXCURVES 3

/* A table of tables.h: its column names, and where hdr has each. */
struct extra_cols {
	const char *const *names;
	int at[10];
};

/* Every column of names but the optional group; exit 65 when absent. */
static void
need(struct csvr *r, const struct csv_row *hdr, struct extra_cols *c,
    const char *const *names, const char *what)
{
	int i;

	c->names = names;
	for (i = 0; names[i] != NULL; i++) {
		c->at[i] = csv_find_col(hdr, names[i]);
		if (c->at[i] == -1 &&
		    strcmp(names[i], tables_pareto_detail[PD_GROUP]) != 0)
			pm_die_at(EX_DATAERR, csvr_name(r), hdr->line,
			    "no '%s' column: expected %s", c->names[i], what);
	}
}

static const char *
get(const struct csv_row *row, const struct extra_cols *c, int i)
{
	return c->at[i] >= 0 ? row->f[c->at[i]] : "";
}

static double
getnum(struct csvr *r, const struct csv_row *row, const struct extra_cols *c,
    int i, int *known)
{
	const char *s = get(row, c, i);
	double v = 0;

	*known = *s != '\0';
	if (*known && double_parse(s, strlen(s), &v) != NUM_OK)
		pm_die_at(EX_DATAERR, csvr_name(r), row->line,
		    "%s: not a number: '%s'", c->names[i], s);
	/* No tool writes a number past the fixed-point range. */
	if (*known && !(fabs(v) <= (double)FIXED_MAX / FIXED_SCALE))
		pm_die_at(EX_DATAERR, csvr_name(r), row->line, "%s: '%s' is %s",
		    c->names[i], s, fixed_why(NUM_RANGE));
	return v;
}

/* ---- pm-pareto summary: one row per group ---- */

struct sum {
	char *group;
	double v[PS_NCOLS];
	int k[PS_NCOLS];
};

static void
pareto_summary(struct doc *d, struct csvr *r, const struct csv_row *hdr)
{
	struct extra_cols c;
	struct column cols[] = {
		{ "Group", AL_LEFT, 1 }, { "Keys", AL_RIGHT, 0 },
		{ "Total", AL_RIGHT, 0 }, { "Keys to 80%", AL_RIGHT, 0 },
		{ "Top 20% share", AL_RIGHT, 0 }, { "Gini", AL_RIGHT, 0 },
	};
	struct csv_row row;
	char b1[FMT_BUFSIZE], b2[FMT_BUFSIZE], b3[FMT_BUFSIZE];
	struct sum *g = NULL;
	int i, j, n = 0;

	need(r, hdr, &c, tables_pareto_summary, "pm-pareto --summary output");
	while (csvr_next_or_die(r, &row)) {
		csv_check_width(r, &row, hdr->n);
		g = xreallocarray(g, (size_t)n + 1, sizeof(*g));
		g[n].group = xstrdup(get(&row, &c, PS_GROUP));
		for (i = PS_KEYS; i < PS_NCOLS; i++)
			g[n].v[i] = getnum(r, &row, &c, i, &g[n].k[i]);
		n++;
	}
	if (n == 0)
		doc_para(d, "The concentration file has no rows.");
	/* One group in a sentence; several in the table, none singled out. */
	for (j = 0; n == 1 && j < n; j++)
		if (g[j].k[PS_KEYS] && g[j].k[PS_KEYS_AT] && g[j].k[PS_TOP20])
			doc_para(d, "%.0f of %.0f keys (%s) make 80%% of "
			    "the total %s; the top 20%% of keys hold %s. Gini "
			    "%.3f (0 = even, 1 = all in one key).",
			    g[j].v[PS_KEYS_AT], g[j].v[PS_KEYS],
			    fmt_pct(g[j].v[PS_PCT_KEYS_AT], b2),
			    fmt_amount(g[j].v[PS_TOTAL], b1),
			    fmt_pct(g[j].v[PS_TOP20], b3), g[j].v[PS_GINI]);
	if (n > 1) {
		doc_table(d, 6, cols);
		for (j = 0; j < n; j++) {
			doc_row(d);
			doc_cell(d, TONE_NONE, "%s", g[j].group);
			doc_cell(d, TONE_NONE, "%.0f", g[j].v[PS_KEYS]);
			doc_cell(d, TONE_NONE, "%s",
			    fmt_amount(g[j].v[PS_TOTAL], b1));
			doc_cell(d, TONE_NONE, "%.0f (%s)", g[j].v[PS_KEYS_AT],
			    fmt_pct(g[j].v[PS_PCT_KEYS_AT], b2));
			doc_cell(d, TONE_NONE, "%s", g[j].k[PS_TOP20] ?
			    fmt_pct(g[j].v[PS_TOP20], b3) : "");
			doc_cell(d, TONE_NONE, "%.3f", g[j].v[PS_GINI]);
		}
	}
	for (j = 0; j < n; j++)
		if (g[j].k[PS_EXCLUDED] && g[j].v[PS_EXCLUDED] > 0)
			doc_note(d, "%s%s%.0f key%s with a zero or negative "
			    "total left out.", n > 1 ? g[j].group : "",
			    n > 1 ? ": " : "", g[j].v[PS_EXCLUDED],
			    g[j].v[PS_EXCLUDED] == 1 ? "" : "s");
	for (j = 0; j < n; j++)
		free(g[j].group);
	free(g);
}

/* ---- pm-pareto detail: ranked keys, per group ---- */

struct key {
	char *group, *key, *cls;
	double value, share, cum;
};

static void
group_detail(struct doc *d, struct key *k, int n, int *curves)
{
	struct column cols[] = {
		{ "#", AL_RIGHT, 0 }, { "Key", AL_LEFT, 1 },
		{ "Value", AL_RIGHT, 0 }, { "Share", AL_RIGHT, 0 },
		{ "Cumulative", AL_RIGHT, 0 }, { "Class", AL_LEFT, 0 },
	};
	char b1[FMT_BUFSIZE], b2[FMT_BUFSIZE];
	struct chart *ch;
	int i, na = 0;
	double total = 0;

	for (i = 0; i < n; i++) {
		na += strcmp(k[i].cls, "A") == 0;
		total += k[i].value;
	}
	if (*k[0].group != '\0')
		doc_h3(d, k[0].group);
	doc_para(d, "%d of %d keys (%s) make class A, the first 80%% of the "
	    "total %s.", na, n, fmt_pct(100.0 * na / n, b1),
	    fmt_amount(total, b2));
	doc_table(d, 6, cols);
	for (i = 0; i < n && i < TOPKEYS; i++) {
		doc_row(d);
		doc_cell(d, TONE_NONE, "%d", i + 1);
		doc_cell(d, TONE_NONE, "%s", k[i].key);
		doc_cell(d, TONE_NONE, "%s", fmt_amount(k[i].value, b1));
		doc_cell(d, TONE_NONE, "%s", fmt_pct(k[i].share, b1));
		doc_cell(d, TONE_NONE, "%s", fmt_pct(k[i].cum, b1));
		doc_cell(d, TONE_NONE, "%s", k[i].cls);
	}
	if (n > TOPKEYS)
		doc_note(d, "%d more keys not shown.", n - TOPKEYS);
	if ((*curves)++ >= MAXCURVES)
		return;
	ch = doc_chart(d, CH_CURVE, "Pareto curve: cumulative share of the "
	    "total (dashed: 80%)", n);
	for (i = 0; i < n; i++) {
		ch->label[i] = xstrdup(k[i].key);
		ch->value[i] = k[i].cum;
	}
	ch->ref = 80;
}

static void
pareto_detail(struct doc *d, struct csvr *r, const struct csv_row *hdr)
{
	struct extra_cols c;
	struct csv_row row;
	struct key *k = NULL;
	int n = 0, cap = 0, i, start, curves = 0, kn;

	need(r, hdr, &c, tables_pareto_detail, "pm-pareto output");
	while (csvr_next_or_die(r, &row)) {
		csv_check_width(r, &row, hdr->n);
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			k = xreallocarray(k, (size_t)cap, sizeof(*k));
		}
		k[n].group = xstrdup(get(&row, &c, PD_GROUP));
		k[n].key = xstrdup(get(&row, &c, PD_KEY));
		k[n].value = getnum(r, &row, &c, PD_VALUE, &kn);
		k[n].share = getnum(r, &row, &c, PD_SHARE, &kn);
		k[n].cum = getnum(r, &row, &c, PD_CUM_SHARE, &kn);
		k[n].cls = xstrdup(get(&row, &c, PD_CLASS));
		n++;
	}
	if (n == 0)
		doc_para(d, "The concentration file has no rows.");
	/* pm-pareto writes groups together, in order. */
	for (start = 0, i = 1; i <= n && n > 0; i++)
		if (i == n || strcmp(k[i].group, k[start].group) != 0) {
			group_detail(d, k + start, i - start, &curves);
			start = i;
		}
	for (i = 0; i < n; i++) {
		free(k[i].group);
		free(k[i].key);
		free(k[i].cls);
	}
	free(k);
}

void
extra_pareto(struct doc *d, const char *path)
{
	struct csvr *r = csvr_open(path);
	struct csv_row hdr;

	doc_h2(d, "Concentration");
	if (!csvr_next_or_die(r, &hdr)) {
		doc_para(d, "The concentration file is empty.");
		csvr_close(r);
		return;
	}
	if (csv_find_col(&hdr, tables_pareto_summary[PS_KEYS_AT]) >= 0)
		pareto_summary(d, r, &hdr);
	else if (csv_find_col(&hdr, tables_pareto_detail[PD_CUM_SHARE]) >= 0)
		pareto_detail(d, r, &hdr);
	else
		pm_die_at(EX_DATAERR, csvr_name(r), hdr.line,
		    "--pareto: not a pm-pareto output (no 'keys_at' or "
		    "'cum_share' column)");
	csvr_close(r);
}

/* ---- pm-score --drivers ---- */

static const char *
lag_words(double lag, const char *unit, char *buf)
{
	if (lag == 0)
		snprintf(buf, FMT_BUFSIZE, "in the same %s", unit);
	else if (lag == 1)
		snprintf(buf, FMT_BUFSIZE, "the following %s", unit);
	else
		snprintf(buf, FMT_BUFSIZE, "%.0f %ss later", lag, unit);
	return buf;
}

/* opps_created -> "opps created": a metric's name in a sentence. */
static char *
words(const char *metric, char *buf)
{
	char *p;

	snprintf(buf, FMT_BUFSIZE, "%s", metric);
	for (p = buf; *p; p++)
		if (*p == '_')
			*p = ' ';
	return buf;
}

struct driver {
	char *metric, *dir;
	double lag, pairs, rho;
	int has_rho;
};

/* A metric already put in words (at another lag) is not repeated. */
static int
said(const struct driver *v, int i)
{
	int k;

	for (k = 0; k < i; k++)
		if (strcmp(v[k].metric, v[i].metric) == 0 &&
		    (strcmp(v[k].dir, "helps") == 0 ||
		    strcmp(v[k].dir, "hurts") == 0))
			return 1;
	return 0;
}

void
extra_drivers(struct doc *d, const char *path, const char *unit)
{
	struct extra_cols c;
	struct column cols[] = {
		{ "Metric", AL_LEFT, 1 }, { "Lag", AL_RIGHT, 0 },
		{ "Pairs", AL_RIGHT, 0 }, { "Spearman", AL_RIGHT, 0 },
		{ "Direction", AL_LEFT, 0 },
	};
	struct csvr *r = csvr_open(path);
	struct csv_row hdr, row;
	struct driver *v = NULL;
	char text[512], lb[FMT_BUFSIZE], wb[FMT_BUFSIZE];
	int n = 0, i, shown = 0, kn;

	doc_h2(d, "What drives results");
	if (!csvr_next_or_die(r, &hdr)) {
		doc_para(d, "The drivers file is empty.");
		csvr_close(r);
		return;
	}
	need(r, &hdr, &c, tables_drivers, "pm-score --drivers output");
	while (csvr_next_or_die(r, &row)) {
		csv_check_width(r, &row, hdr.n);
		v = xreallocarray(v, (size_t)n + 1, sizeof(*v));
		v[n].metric = xstrdup(get(&row, &c, DR_METRIC));
		v[n].dir = xstrdup(get(&row, &c, DR_DIRECTION));
		v[n].lag = getnum(r, &row, &c, DR_LAG, &kn);
		v[n].pairs = getnum(r, &row, &c, DR_PAIRS, &kn);
		v[n].rho = getnum(r, &row, &c, DR_SPEARMAN, &v[n].has_rho);
		n++;
	}
	csvr_close(r);
	/* The file is sorted by |spearman|: the first clear ones lead. */
	for (i = 0; i < n && shown < 3; i++) {
		int helps = strcmp(v[i].dir, "helps") == 0;

		if ((!helps && strcmp(v[i].dir, "hurts") != 0) || said(v, i))
			continue;
		snprintf(text, sizeof(text), "reps with more %s had %s "
		    "revenue %s (Spearman %.2f over %.0f rep-%ss).",
		    words(v[i].metric, wb), helps ? "more" : "less",
		    lag_words(v[i].lag, unit, lb), v[i].rho, v[i].pairs, unit);
		doc_item(d, fmt_metric_label(v[i].metric), text);
		shown++;
	}
	if (n == 0)
		doc_para(d, "The drivers file has no rows.");
	else if (shown == 0)
		doc_para(d, "The evidence is too thin to say which activities "
		    "go with results: every indicator is unclear (a weak "
		    "correlation, or fewer than 10 rep-%ss).", unit);
	else
		doc_note(d, "Correlation, not proof: use it to choose what to "
		    "watch, then check it in the one-on-ones.");
	if (n > 0) {
		doc_table(d, 5, cols);
		for (i = 0; i < n; i++) {
			doc_row(d);
			doc_cell(d, TONE_NONE, "%s",
			    fmt_metric_label(v[i].metric));
			doc_cell(d, TONE_NONE, "%.0f", v[i].lag);
			doc_cell(d, TONE_NONE, "%.0f", v[i].pairs);
			if (v[i].has_rho)
				doc_cell(d, TONE_NONE, "%.3f", v[i].rho);
			else
				doc_cell(d, TONE_NONE, "%s", "");
			doc_cell(d, TONE_NONE, "%s", v[i].dir);
		}
	}
	for (i = 0; i < n; i++) {
		free(v[i].metric);
		free(v[i].dir);
	}
	free(v);
}
