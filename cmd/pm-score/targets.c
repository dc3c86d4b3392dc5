/*
 * Targets (-t) and roster (-r).  A target row applies to a rep, to a team
 * (rep '*' and a team) or to everyone (rep '*'), for one period of any
 * length or for every period ('*').  The most specific row wins: rep
 * beats team beats everyone, and within one of these a dated row beats
 * '*' and a shorter period beats a longer one; a longer period's target
 * is prorated by days.
 */
#include <stdlib.h>
#include <string.h>

#include "csvin.h"
#include "err.h"
#include "num.h"
#include "sbuf.h"
#include "scores.h"
#include "trim.h"
#include "score.h"

struct target {
	pm_day first, last;	/* NO_DAY: every period (*) */
	uint32_t rep;		/* NO_ID: every rep */
	uint32_t team;		/* NO_ID: every team */
	uint32_t metric;
	int64_t value;
	long line;
	char period[16];	/* as written, for messages */
};

struct targets {
	struct target *t;	/* by metric, rep (NO_ID last), line */
	size_t n;
	const struct target **rows;	/* scratch for targets_for() */
	size_t *days;
};

static int
is_star(const char *s, size_t n)
{
	n = trim_span(&s, n);
	return n == 0 || (n == 1 && s[0] == '*');
}

static int
col(struct csvr *r, const struct csv_row *hdr, const char *name, int need)
{
	int c = csv_find_col(hdr, name);

	if (c < 0)
		c = csv_find_col_norm(hdr, name);
	if (c < 0 && need)
		pm_die_at(EX_DATAERR, csvr_name(r), hdr->line,
		    "no '%s' column in the header", name);
	return c;
}

static char *
trimmed(const char *s, size_t n, char *buf, size_t bufsz)
{
	n = trim_span(&s, n);
	if (n >= bufsz)
		n = bufsz - 1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return buf;
}

/*
 * The targets or roster file (what), its header read into *hdr.
 * They are often kept as plain CSV even when the facts come with
 * another separator: -d applies when their header has it.
 */
static struct csvr *
open_side(const char *path, unsigned char delim, const char *what,
    struct csv_row *hdr)
{
	struct csvr *r = csvr_open(path);
	const char *buf, *nl;
	size_t n;

	csvr_set_delim(r, ',');
	if (delim != ',') {
		n = csvr_peek(r, &buf);
		if ((nl = memchr(buf, '\n', n)) != NULL)
			n = (size_t)(nl - buf);
		if (memchr(buf, delim, n) != NULL)
			csvr_set_delim(r, delim);
	}
	if (csvr_next_or_die(r, hdr) == 0)
		pm_die(EX_DATAERR, "%s: empty %s file", csvr_name(r), what);
	return r;
}

/* By metric, then rep (everyone's rows last), then file order. */
static int
target_cmp(const void *x, const void *y)
{
	const struct target *a = x, *b = y;

	if (a->metric != b->metric)
		return a->metric < b->metric ? -1 : 1;
	if (a->rep != b->rep)
		return a->rep < b->rep ? -1 : 1;
	return a->line < b->line ? -1 : a->line > b->line;
}

/* By the whole key (metric, rep, team, period), then file order. */
static int
key_cmp(const void *x, const void *y)
{
	const struct target *a = *(const struct target *const *)x;
	const struct target *b = *(const struct target *const *)y;

	if (a->metric != b->metric)
		return a->metric < b->metric ? -1 : 1;
	if (a->rep != b->rep)
		return a->rep < b->rep ? -1 : 1;
	if (a->team != b->team)
		return a->team < b->team ? -1 : 1;
	if (a->first != b->first)
		return a->first < b->first ? -1 : 1;
	if (a->last != b->last)
		return a->last < b->last ? -1 : 1;
	return a->line < b->line ? -1 : a->line > b->line;
}

/*
 * Two rows for one key (period, rep, team, metric, as read: '*' and an
 * empty cell are the same wildcard) is exit 65 naming both lines: the
 * last one would otherwise win without a word.  Of several, the first
 * repeat in the file is named.
 */
static void
check_duplicates(const struct targets *tg, const struct agg *a,
    const char *file)
{
	const struct target **k, *dup = NULL, *first = NULL;
	size_t i, j;

	if (tg->n < 2)
		return;
	k = xreallocarray(NULL, tg->n, sizeof(*k));
	for (i = 0; i < tg->n; i++)
		k[i] = &tg->t[i];
	qsort(k, tg->n, sizeof(*k), key_cmp);
	for (i = 0; i + 1 < tg->n; i = j) {
		for (j = i + 1; j < tg->n && k[j]->metric == k[i]->metric &&
		    k[j]->rep == k[i]->rep && k[j]->team == k[i]->team &&
		    k[j]->first == k[i]->first && k[j]->last == k[i]->last;
		    j++)
			;
		if (j > i + 1 && (dup == NULL || k[i + 1]->line < dup->line)) {
			first = k[i];
			dup = k[i + 1];
		}
	}
	free(k);
	if (dup != NULL)
		pm_die_at(EX_DATAERR, file, dup->line, "duplicate target for "
		    "period %s, rep %s, team %s, metric %s; first at line %ld",
		    dup->period, dup->rep == NO_ID ? "*" : agg_rep_name(a,
		    dup->rep), dup->team == NO_ID ? "*" : agg_team_name(a,
		    dup->team), agg_metric_name(a, dup->metric), first->line);
}

/* The first row at or after (metric, rep). */
static size_t
lower_bound(const struct targets *tg, uint32_t metric, uint32_t rep)
{
	size_t lo = 0, hi = tg->n, mid;
	const struct target *t;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		t = &tg->t[mid];
		if (t->metric < metric || (t->metric == metric &&
		    t->rep < rep))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

struct targets *
targets_read(struct agg *a, const char *path, unsigned char delim)
{
	struct targets *tg = xcalloc(1, sizeof(*tg));
	int fs = agg_periods(a)->fiscal_start;
	struct csv_row row;
	struct target *t;
	struct csvr *r;
	int cp, cr, cm, cv, ct, rc;
	size_t cap = 0, n;
	const char *s;
	char key[64];

	r = open_side(path, delim, "targets", &row);
	cp = col(r, &row, "period", 1);
	cr = col(r, &row, "rep", 1);
	cm = col(r, &row, "metric", 1);
	cv = col(r, &row, "target", 1);
	ct = col(r, &row, "team", 0);
	n = row.n;
	while (csvr_next_or_die(r, &row) == 1) {
		csv_check_width(r, &row, n);
		if (tg->n == cap) {
			cap = cap ? cap * 2 : 64;
			tg->t = xreallocarray(tg->t, cap, sizeof(*tg->t));
		}
		t = &tg->t[tg->n];
		t->line = row.line;
		trimmed(row.f[cp], row.len[cp], t->period, sizeof(t->period));
		if (t->period[0] == '\0')
			t->period[0] = '*', t->period[1] = '\0';
		if (is_star(row.f[cp], row.len[cp]))
			t->first = t->last = NO_DAY;
		else if (period_parse_key(trimmed(row.f[cp], row.len[cp], key,
		    sizeof(key)), fs, &t->first,
		    &t->last) != 0)
			pm_die_at(EX_DATAERR, csvr_name(r), row.line,
			    "period '%s' is not a period key (2026-11, "
			    "2026-Q4, 2026-W47, 2026, %s...) or '*'",
			    row.f[cp], fs > 1 ?
			    "FY2027-Q1" : "2026-11-23");
		t->rep = is_star(row.f[cr], row.len[cr]) ? NO_ID :
		    agg_rep(a, row.f[cr], row.len[cr]);
		t->team = NO_ID;
		if (ct >= 0 && !is_star(row.f[ct], row.len[ct])) {
			s = row.f[ct];
			t->team = agg_team(a, s, trim_span(&s, row.len[ct]));
		}
		s = row.f[cm];
		if (trim_span(&s, row.len[cm]) == 0)
			pm_die_at(EX_DATAERR, csvr_name(r), row.line,
			    "metric is empty");
		t->metric = agg_metric(a, row.f[cm], row.len[cm]);
		if ((rc = fixed_parse(row.f[cv], row.len[cv], &t->value)) !=
		    NUM_OK)
			pm_die_at(EX_DATAERR, csvr_name(r), row.line,
			    "target '%s' is %s", row.f[cv], fixed_why(rc));
		tg->n++;
	}
	check_duplicates(tg, a, csvr_name(r));
	csvr_close(r);
	if (tg->n > 1)	/* tg->t is NULL when there is no row */
		qsort(tg->t, tg->n, sizeof(*tg->t), target_cmp);
	tg->rows = xreallocarray(NULL, tg->n + 1, sizeof(*tg->rows));
	tg->days = xreallocarray(NULL, tg->n + 1, sizeof(*tg->days));
	return tg;
}

void
targets_free(struct targets *tg)
{
	if (tg == NULL)
		return;
	free(tg->t);
	free(tg->rows);
	free(tg->days);
	free(tg);
}

int
targets_have(const struct targets *tg, uint32_t m)
{
	size_t i;

	for (i = 0; tg != NULL && i < tg->n; i++)
		if (tg->t[i].metric == m)
			return 1;
	return 0;
}

/* A rep's first roster line: its number and its fields, trimmed. */
struct roster_seen {
	long line;
	char *fields;
};

/* The row's fields, trimmed, joined by a unit separator. */
static char *
row_fields(const struct csv_row *row)
{
	struct sbuf b = SBUF_INIT;
	const char *s;
	size_t i, n;

	for (i = 0; i < row->n; i++) {
		s = row->f[i];
		n = trim_span(&s, row->len[i]);
		sbuf_printf(&b, "%.*s\x1f", (int)n, s);
	}
	return sbuf_take(&b);
}

/*
 * A rep listed twice with different fields is exit 65 naming both lines
 * (which team, which start date?); the same line twice is accepted.
 */
static void
roster_once(struct roster_seen **seen, size_t *nseen, uint32_t rep,
    const char *name, const struct csv_row *row, const char *file)
{
	char *f = row_fields(row);
	struct roster_seen *p;

	if (rep >= *nseen) {
		*seen = xreallocarray(*seen, (size_t)rep + 1, sizeof(**seen));
		memset(*seen + *nseen, 0, ((size_t)rep + 1 - *nseen) *
		    sizeof(**seen));
		*nseen = (size_t)rep + 1;
	}
	p = &(*seen)[rep];
	if (p->line == 0) {
		p->line = row->line;
		p->fields = f;
		return;
	}
	if (strcmp(p->fields, f) != 0)
		pm_die_at(EX_DATAERR, file, row->line, "rep '%s' is listed "
		    "twice with different fields; first at line %ld", name,
		    p->line);
	free(f);
}

/* The roster's ramp cell (empty: none) into rp. */
static void
roster_ramp(struct ramps *rp, uint32_t rep, pm_day start, const char *s,
    size_t n, const char *file, long line)
{
	int64_t *pct;
	size_t np;
	const char *why;

	n = trim_span(&s, n);
	if (n == 0 || rp == NULL)
		return;
	/* A ramp counts periods from the start: without one it is lost. */
	if (start == NO_DAY)
		pm_die_at(EX_DATAERR, file, line, "ramp '%.*s' needs a "
		    "start_date", (int)n, s);
	if (ramps_parse(s, n, &pct, &np, &why) != 0)
		pm_die_at(EX_DATAERR, file, line, "ramp '%.*s' %s", (int)n, s,
		    why);
	ramps_set(rp, rep, pct, np);
}

void
targets_read_roster(struct agg *a, const char *path, unsigned char delim,
    struct ramps *rp)
{
	struct csv_row row;
	struct csvr *r;
	int cr, ct, cs, cramp, star;
	uint32_t rep, team;
	pm_day start;
	const char *s;
	size_t n, tn, nseen = 0, i;
	struct roster_seen *seen = NULL;

	r = open_side(path, delim, "roster", &row);
	cr = col(r, &row, "rep", 1);
	ct = col(r, &row, "team", 0);
	cs = col(r, &row, "start_date", 0);
	cramp = col(r, &row, "ramp", 0);
	n = row.n;
	while (csvr_next_or_die(r, &row) == 1) {
		csv_check_width(r, &row, n);
		s = row.f[cr];
		if (trim_span(&s, row.len[cr]) == 0)
			pm_die_at(EX_DATAERR, csvr_name(r), row.line,
			    "rep is empty");
		star = scores_reserved_name(row.f[cr], row.len[cr]);
		if (star || (ct >= 0 && scores_reserved_name(row.f[ct],
		    row.len[ct])))
			pm_die_at(EX_DATAERR, csvr_name(r), row.line, "%s: '*' "
			    "is reserved for the roll-up of all %s", star ?
			    "rep" : "team", star ? "reps" : "teams");
		rep = agg_rep(a, row.f[cr], row.len[cr]);
		roster_once(&seen, &nseen, rep, agg_rep_name(a, rep), &row,
		    csvr_name(r));
		team = NO_ID;
		if (ct >= 0) {
			s = row.f[ct];
			tn = trim_span(&s, row.len[ct]);
			if (tn > 0)
				team = agg_team(a, s, tn);
		}
		start = NO_DAY;
		if (cs >= 0) {
			s = row.f[cs];
			tn = trim_span(&s, row.len[cs]);
			if (tn > 0 && date_parse_iso(s, tn, &start) != 0)
				pm_die_at(EX_DATAERR, csvr_name(r), row.line,
				    "start_date '%s' is not a YYYY-MM-DD date",
				    row.f[cs]);
		}
		if (cramp >= 0)
			roster_ramp(rp, rep, start, row.f[cramp], row.len[cramp],
			    csvr_name(r), row.line);
		agg_set_roster(a, rep, team, start);
	}
	csvr_close(r);
	for (i = 0; i < nseen; i++)
		free(seen[i].fields);
	free(seen);
}

/* 2 rep, 1 team, 0 everyone, -1 not this rep's row. */
static int
level(const struct target *t, uint32_t rep, uint32_t team)
{
	if (t->rep != NO_ID)
		return t->rep == rep ? 2 : -1;
	if (t->team != NO_ID)
		return t->team == team ? 1 : -1;
	return 0;
}

/*
 * The rows of one level for [from, pe]: each day takes the shortest
 * dated row that covers it (the later row on a tie), else the '*' row;
 * a row's value is spread evenly over its days.  0 when no row applies.
 */
static int
level_target(const struct targets *tg, const struct target **rows,
    size_t nrows, const struct target *star, pm_day ps, pm_day pe,
    pm_day from, int prorate, __int128 *out)
{
	size_t *days, i, best, nstar = 0;
	__int128 sum = 0;
	pm_day d;

	if (nrows == 0 && star == NULL)
		return 0;
	days = tg->days;
	memset(days, 0, (nrows + 1) * sizeof(*days));
	for (d = from; d <= pe; d++) {
		best = nrows;
		for (i = 0; i < nrows; i++) {
			if (rows[i]->first > d || rows[i]->last < d)
				continue;
			if (best == nrows || rows[i]->last - rows[i]->first <=
			    rows[best]->last - rows[best]->first)
				best = i;
		}
		if (best < nrows)
			days[best]++;
		else
			nstar++;
	}
	if (!prorate) {
		/* A level (a rate, a mean) is not spread over days. */
		best = nrows;
		for (i = 0; i < nrows; i++)
			if (days[i] > 0 && (best == nrows ||
			    days[i] >= days[best]))
				best = i;
		if (best < nrows && (star == NULL || days[best] >= nstar))
			sum = rows[best]->value;
		else if (star != NULL)
			sum = star->value;
		else
			return 0;	/* no judged day: not a target of 0 */
		*out = sum;
		return 1;
	}
	for (i = 0; i < nrows; i++)
		if (days[i] > 0)
			sum += val_rdiv((__int128)rows[i]->value *
			    (__int128)days[i],
			    rows[i]->last - rows[i]->first + 1);
	if (star != NULL && nstar > 0)
		sum += val_rdiv((__int128)star->value * (__int128)nstar,
		    pe - ps + 1);
	*out = sum;
	return 1;
}

int
targets_for(const struct targets *tg, pm_day ps, pm_day pe, pm_day from,
    uint32_t rep, uint32_t team, uint32_t metric, int prorate,
    __int128 *out)
{
	const struct target *star;
	size_t i, first, nrows;
	int lv;

	if (tg == NULL || tg->n == 0)
		return 0;
	for (lv = 2; lv >= 0; lv--) {
		nrows = 0;
		star = NULL;
		first = lower_bound(tg, metric, lv == 2 ? rep : NO_ID);
		for (i = first; i < tg->n && tg->t[i].metric == metric &&
		    tg->t[i].rep == (lv == 2 ? rep : NO_ID); i++) {
			if (level(&tg->t[i], rep, team) != lv)
				continue;
			if (tg->t[i].first == NO_DAY)
				star = &tg->t[i];
			else if (tg->t[i].first <= pe && tg->t[i].last >= ps)
				tg->rows[nrows++] = &tg->t[i];
		}
		if ((nrows > 0 || star != NULL) && level_target(tg, tg->rows,
		    nrows, star, ps, pe, from, prorate, out))
			return 1;
	}
	return 0;
}
