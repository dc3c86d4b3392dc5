/*
 * Coaching plans as pm-flag judged them (SPEC section 14): pm-flag
 * writes each plan's verdict as a flag and its numbers in the notes, in
 * one grammar (pm-flag(1), "The notes"), which is read back here into
 * the "Coaching plans" section, the one-on-one sheets and the reps'
 * focus areas.  A note that does not follow the grammar (written by
 * hand, or by another version) is shown as it is rather than guessed at.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "num.h"
#include "sbuf.h"
#include "report.h"
#include "model.h"

/* The verdicts, the ones that need the manager first. */
static const struct {
	const char *flag, *label;
	enum tone tone;
} verdicts[] = {
	{ "plan_worse", "Worse", TONE_BAD },
	{ "plan_missed", "Missed", TONE_BAD },
	{ "plan_behind", "Behind", TONE_WARN },
	{ "plan_on_track", "On track", TONE_GOOD },
	{ "plan_met", "Met", TONE_GOOD },
};
#define NVERDICTS (int)(sizeof(verdicts) / sizeof(verdicts[0]))
/* A progress bar's cells: narrow enough for the text report's table. */
#define BAR_CELLS 8

/* Every flag pm-flag writes: where one plan's note ends. */
/* The length of "flag: " when a flag of list starts at p, else 0. */
static size_t
flag_at(const char *p, const char *const *list)
{
	size_t n;
	int i;

	for (i = 0; list[i] != NULL; i++) {
		n = strlen(list[i]);
		if (strncmp(p, list[i], n) == 0 && p[n] == ':' &&
		    p[n + 1] == ' ')
			return n + 2;
	}
	return 0;
}

static int
verdict_of(const char *p)
{
	int i;
	size_t n;

	for (i = 0; i < NVERDICTS; i++) {
		n = strlen(verdicts[i].flag);
		if (strncmp(p, verdicts[i].flag, n) == 0 && p[n] == ':')
			return i;
	}
	return -1;
}

/* A cursor over one note. */
struct cur {
	const char *p, *end;
	int bad;
};

static int
lit(struct cur *c, const char *s)
{
	size_t n = strlen(s);

	if (c->bad || (size_t)(c->end - c->p) < n || strncmp(c->p, s, n) != 0)
		return 0;
	c->p += n;
	return 1;
}

static void
need(struct cur *c, const char *s)
{
	if (!lit(c, s))
		c->bad = 1;
}

/* A number, with a trailing '%' when pct; sets *pct when given NULL-less. */
static double
number(struct cur *c, int pct)
{
	const char *s = c->p;
	double v = 0;

	if (c->bad)
		return 0;
	while (c->p < c->end && (*c->p == '-' || *c->p == '+' ||
	    *c->p == '.' || (*c->p >= '0' && *c->p <= '9')))
		c->p++;
	if (c->p == s || double_parse(s, (size_t)(c->p - s), &v) != NUM_OK)
		c->bad = 1;
	if (pct)
		need(c, "%");
	return v;
}

/* A period key: up to the next space, comma, ": ", ".." or ")". */
static char *
word(struct cur *c)
{
	const char *s = c->p;

	while (c->p < c->end && *c->p != ' ' && *c->p != ',' &&
	    *c->p != ')' && !(c->p + 1 < c->end && ((*c->p == ':' &&
	    c->p[1] == ' ') || (*c->p == '.' && c->p[1] == '.'))))
		c->p++;
	if (c->p == s)
		c->bad = 1;
	return xstrndup(s, (size_t)(c->p - s));
}

/* The rest of the clause: up to "; " or the end. */
static char *
clause(struct cur *c)
{
	const char *s = c->p, *e = c->p;

	while (e < c->end && !(e[0] == ';' && e + 1 < c->end && e[1] == ' '))
		e++;
	c->p = e;
	return xstrndup(s, (size_t)(e - s));
}

static void
parse_numbers(struct cur *c, struct followup *f)
{
	char *w;

	f->metric = word(c);
	need(c, " ");
	f->pct = lit(c, "attainment ");
	if (lit(c, "no baseline before "))
		f->from = word(c);
	else {
		f->has_base = 1;
		f->base = number(c, f->pct);
		need(c, " before ");
		f->from = word(c);
	}
	need(c, ", ");
	f->now = number(c, f->pct);
	if (!lit(c, " now")) {
		need(c, " in ");
		f->period = word(c);
	}
	if (lit(c, " (")) {
		f->has_change = 1;
		f->change = number(c, 1);
		need(c, ")");
	}
	need(c, ", goal ");
	f->goal = number(c, f->pct);
	if (lit(c, ": ")) {
		f->has_progress = 1;
		f->progress = number(c, 1);
		need(c, " of the way");
	} else
		(void)lit(c, ", reached before the plan");
	need(c, ", ");
	f->k = (int)number(c, 0);
	need(c, " of ");
	f->n = (int)number(c, 0);
	if (!lit(c, " periods gone"))
		need(c, " period gone");
	need(c, " (");
	free(word(c));		/* the first period, as "before" says */
	f->to = lit(c, "..") ? word(c) : xstrdup(f->from ? f->from : "");
	need(c, ")");
	f->over = lit(c, ", the plan is over");
	while (!c->bad && lit(c, "; ")) {
		if (lit(c, "team median ")) {
			f->has_drift = 1;
			f->drift = number(c, 1);
			w = clause(c);
			f->tide = *w != '\0';
			free(w);
		} else if (lit(c, "focus: ")) {
			free(f->focus);
			f->focus = clause(c);
		} else if (lit(c, "coach: ")) {
			free(f->coach);
			f->coach = clause(c);
		} else
			c->bad = 1;
	}
	if (c->p != c->end)
		c->bad = 1;
}

/* One plan's note (without "flag: ") into f; 0 when it follows the grammar. */
static int
parse_note(const char *s, size_t n, struct followup *f)
{
	struct cur c = { s, s + n, 0 };

	f->text = xstrndup(s, n);
	parse_numbers(&c, f);
	f->parsed = !c.bad;
	return c.bad ? -1 : 0;
}

/* Every plan verdict in a notes cell, appended to c's list for rep k. */
static void
collect_notes(struct model *c, int k, const char *notes)
{
	const char *p = notes, *e, *q;
	struct followup *f;
	size_t skip;
	int v;

	for (;;) {
		if ((v = verdict_of(p)) >= 0) {
			skip = strlen(verdicts[v].flag) + 2;
			/* The note runs to the next "; flag: ". */
			for (e = p + skip; (q = strstr(e, "; ")) != NULL;
			    e = q + 2)
				if (flag_at(q + 2, scores_flagname) != 0)
					break;
			e = q != NULL ? q : p + strlen(p);
			c->fu = xreallocarray(c->fu, (size_t)c->nfu + 1,
			    sizeof(*c->fu));
			f = &c->fu[c->nfu++];
			memset(f, 0, sizeof(*f));
			f->rep = k;
			f->verdict = v;
			(void)parse_note(p + skip, (size_t)(e - p - skip), f);
			/* A running plan's "now" is the period reported on. */
			if (f->period == NULL)
				f->period = xstrdup(c->s->period_key[c->sel]);
			p = e;
		}
		if ((p = strstr(p, "; ")) == NULL)
			return;
		p += 2;
	}
}

void
followup_collect(struct model *c)
{
	const struct score_row *r;
	int k, m;

	if (c->s->col[SC_NOTES] < 0)
		return;
	for (k = 0; k < c->nreps; k++)
		for (m = 0; m < (int)c->s->nmetrics; m++)
			if ((r = model_row(c, c->sel, c->reps[k].id, m)) != NULL)
				collect_notes(c, k, scores_field(c->s, r,
				    SC_NOTES));
}

/* A value of the plan's metric, or an attainment. */
static char *
value(const struct followup *f, double v, char *buf)
{
	return f->pct ? fmt_pct(v, buf) : fmt_metric(f->metric, v, buf);
}

/* ██████░░ 75.0%: progress from the baseline (empty) to the goal (full). */
static char *
bar(const struct followup *f, char *buf, size_t size)
{
	char pct[FMT_BUFSIZE];
	int i, full;
	size_t n = 0;

	if (!f->has_progress) {
		snprintf(buf, size, "%s", f->has_base ? "" : "no baseline");
		return buf;
	}
	full = (int)lround(fmin(fmax(f->progress, 0), 100) / 100 * BAR_CELLS);
	for (i = 0; i < BAR_CELLS && n + 4 < size; i++)
		n += (size_t)snprintf(buf + n, size - n, "%s", i < full ?
		    "\xe2\x96\x88" : "\xe2\x96\x91");
	snprintf(buf + n, size - n, " %s", fmt_pct(f->progress, pct));
	return buf;
}

static const char *
focus_of(const struct followup *f)
{
	return f->focus != NULL && *f->focus != '\0' ? f->focus :
	    fmt_metric_label(f->metric);
}

/* "Behind, 2/3" (periods gone), "Met, over"; long: "2 of 3 gone". */
static char *
verdict_text(const struct followup *f, int lng, char *buf, size_t size)
{
	const char *v = verdicts[f->verdict].label;

	if (!f->parsed)
		snprintf(buf, size, "%s", v);
	else if (f->over)
		snprintf(buf, size, "%s, %s", v, lng ? "the plan is over" :
		    "over");
	else
		snprintf(buf, size, lng ? "%s, %d of %d periods gone" :
		    "%s, %d/%d", v, f->k, f->n);
	return buf;
}

/* What the team median's drift says, in a sentence; NULL when nothing. */
static char *
drift_text(const struct followup *f)
{
	struct sbuf b = SBUF_INIT;
	char ch[FMT_BUFSIZE];

	if (!f->parsed || !f->has_drift)
		return NULL;
	sbuf_printf(&b, "the team median moved %s over the same span",
	    fmt_change(f->drift, ch));
	if (f->tide)
		sbuf_printf(&b, ", as much as the rep: the whole team moved, "
		    "so this is not the plan's doing alone");
	return sbuf_take(&b);
}

static int
cmp_plans(const void *a, const void *b)
{
	const struct followup *x = *(struct followup *const *)a;
	const struct followup *y = *(struct followup *const *)b;

	if (x->verdict != y->verdict)
		return x->verdict < y->verdict ? -1 : 1;
	return x->rep < y->rep ? -1 : x->rep > y->rep;
}

static void
plans_table(struct doc *d, const struct model *c, struct followup **order)
{
	static const struct column cols[] = {
		{ "Rep", AL_LEFT, 1 }, { "Metric", AL_LEFT, 1 },
		{ "Baseline", AL_RIGHT, 0 }, { "Now", AL_RIGHT, 0 },
		{ "Goal", AL_RIGHT, 0 }, { "Progress", AL_LEFT, 0 },
		{ "Verdict", AL_LEFT, 0 },
	};
	char b1[FMT_BUFSIZE], b2[128];
	const struct followup *f;
	int i;

	doc_table(d, 7, cols);
	for (i = 0; i < c->nfu; i++) {
		f = order[i];
		doc_row(d);
		doc_cell(d, TONE_NONE, "%s", model_name(c, c->reps[f->rep].id));
		if (!f->parsed) {
			doc_cell(d, TONE_NONE, "%s", f->text);
			doc_cell(d, TONE_NONE, "%s", "");
			doc_cell(d, TONE_NONE, "%s", "");
			doc_cell(d, TONE_NONE, "%s", "");
			doc_cell(d, TONE_NONE, "%s", "");
		} else {
			doc_cell(d, TONE_NONE, "%s",
			    fmt_metric_label(f->metric));
			doc_cell(d, TONE_NONE, "%s", f->has_base ?
			    value(f, f->base, b1) : "new");
			doc_cell(d, TONE_NONE, "%s", value(f, f->now, b1));
			doc_cell(d, TONE_NONE, "%s", value(f, f->goal, b1));
			doc_cell(d, TONE_NONE, "%s", bar(f, b2, sizeof(b2)));
		}
		doc_cell(d, verdicts[f->verdict].tone, "%s",
		    verdict_text(f, 0, b2, sizeof(b2)));
	}
}

/* Progress as bars, the share of the plan gone as each bar's marker. */
static void
plans_chart(struct doc *d, const struct model *c, struct followup **order)
{
	struct chart *ch;
	char label[256], pb[FMT_BUFSIZE];
	int i, n = 0;

	for (i = 0; i < c->nfu; i++)
		n += order[i]->parsed && order[i]->has_progress;
	if (n == 0)
		return;
	ch = doc_chart(d, CH_BARS, "Progress from baseline to goal (100%); "
	    "the marker: share of the plan gone", n);
	ch->html_only = 1;
	for (i = 0, n = 0; i < c->nfu; i++) {
		if (!order[i]->parsed || !order[i]->has_progress)
			continue;
		/* A bar cannot go below 0: the label says how far it is. */
		snprintf(label, sizeof(label), "%s%s%s%s: %s",
		    model_name(c, c->reps[order[i]->rep].id),
		    order[i]->progress < 0 ? " (" : "",
		    order[i]->progress < 0 ? fmt_pct(order[i]->progress, pb) :
		    "", order[i]->progress < 0 ? ")" : "", focus_of(order[i]));
		ch->label[n] = xstrdup(label);
		ch->value[n] = fmax(order[i]->progress, 0);
		ch->mark[n++] = order[i]->n > 0 ? 100.0 * order[i]->k /
		    order[i]->n : NAN;
	}
	ch->ref = 100;
}

/*
 * A plan in words, "Meetings 7.33 before 2026-09, 9.5 in 2026-10, goal
 * 12 by 2026-11; 46.5% of the way (Behind, 2 of 3 periods gone)", then
 * its focus, its bar (with_bar), the drift and the coach.
 */
static void
plan_words(struct doc *d, const char *lead, const struct followup *f,
    int with_bar)
{
	char b1[FMT_BUFSIZE], b2[FMT_BUFSIZE], b3[FMT_BUFSIZE], b4[128];
	struct sbuf s = SBUF_INIT;
	char *t;

	if (!f->parsed) {
		doc_item(d, lead, f->text);
		return;
	}
	sbuf_printf(&s, "%s%s%s%s", fmt_metric_label(f->metric),
	    f->pct ? " attainment" : "", f->has_base ? " " : ", no baseline",
	    f->has_base ? value(f, f->base, b1) : "");
	sbuf_printf(&s, " before %s, %s in %s, goal %s by %s", f->from,
	    value(f, f->now, b2), f->period, value(f, f->goal, b3), f->to);
	if (f->has_progress)
		sbuf_printf(&s, "; %s of the way", fmt_pct(f->progress, b1));
	sbuf_printf(&s, " (%s)", verdict_text(f, 1, b4, sizeof(b4)));
	t = sbuf_take(&s);
	doc_item(d, lead, t);
	free(t);
	if (f->focus != NULL && *f->focus != '\0')
		doc_detail(d, "Focus", f->focus);
	if (with_bar && f->has_progress)
		doc_detail(d, "Progress", bar(f, b4, sizeof(b4)));
	if ((t = drift_text(f)) != NULL) {
		doc_detail(d, "Drift", t);
		free(t);
	}
	if (f->coach != NULL && *f->coach != '\0')
		doc_detail(d, "Coach", f->coach);
}

void
followup_section(struct doc *d, struct model *c)
{
	struct followup **order;
	char *t;
	int i;

	if (c->nfu == 0)
		return;
	doc_h2(d, "Coaching plans");
	order = xcalloc((size_t)c->nfu, sizeof(*order));
	for (i = 0; i < c->nfu; i++)
		order[i] = &c->fu[i];
	qsort(order, (size_t)c->nfu, sizeof(*order), cmp_plans);
	plans_table(d, c, order);
	plans_chart(d, c, order);
	for (i = 0; i < c->nfu; i++) {
		t = model_who(c, &c->reps[order[i]->rep]);
		plan_words(d, t, order[i], 0);
		free(t);
	}
	doc_note(d, "Progress runs from the rep's own baseline (the mean of "
	    "up to 3 periods before the plan) to the goal; a plan is on track"
	    " when its progress is at least the share of its periods gone "
	    "(2/3: two of three).");
	free(order);
}

void
followup_sheet(struct doc *d, const struct model *c, int k)
{
	int i;

	for (i = 0; i < c->nfu; i++)
		if (c->fu[i].rep == k)
			plan_words(d, "Coaching plan", &c->fu[i], 1);
}

int
followup_focus(const struct model *c, int k, const char **out, int max)
{
	int i, n = 0;

	for (i = 0; i < c->nfu && n < max; i++)
		if (c->fu[i].rep == k && c->fu[i].parsed && !c->fu[i].over &&
		    c->fu[i].focus != NULL && *c->fu[i].focus != '\0')
			out[n++] = c->fu[i].focus;
	return n;
}
