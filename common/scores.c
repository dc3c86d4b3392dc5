/*
 * The scores table in memory.  The rows' fields live in large blocks
 * that never move (one allocation per block, not per row or field); a
 * cube of row numbers, metrics x reps x periods, answers "this rep's
 * revenue in 2026-09" without a search.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvin.h"
#include "date.h"
#include "err.h"
#include "intern.h"
#include "num.h"
#include "scores.h"

#define SC_NAME_(id, name, kind) name,
const char *const scores_colname[SC_NCOL] = { SC_COLUMNS(SC_NAME_) };

const char *const scores_flagname[SC_NFLAGS + 1] = {
	"underperformer", "high_flyer", "declining",
	"tier_top", "tier_middle", "tier_bottom",
	"target_hit", "biggest_deal", "personal_best", "most_improved",
	"activity_gap", "conversion_gap",
	"recovering",
	"plan_met", "plan_on_track", "plan_behind", "plan_worse", "plan_missed",
	"mentor_match", "mentor", "stretch",
	"target_unrealistic",
	NULL
};
#undef SC_NAME_

struct loader {
	struct scores *s;
	struct intern *per, *rep, *team, *met;
	size_t cap;
};

/* A block of the arena that holds the rows' fields. */
struct scores_block {
	struct scores_block *next;
	size_t used, size;
	_Alignas(max_align_t) char data[];
};

#define BLOCK_SIZE ((size_t)1 << 20)

/* n bytes of the arena, aligned for pointers and sizes. */
static void *
arena_alloc(struct scores *s, size_t n)
{
	struct scores_block *b = s->blocks;
	/* It holds offsets (uint32_t) and text only. */
	const size_t align = _Alignof(uint32_t);
	size_t size;
	void *p;

	n = (n + align - 1) / align * align;
	if (b == NULL || b->size - b->used < n) {
		size = n > BLOCK_SIZE ? n : BLOCK_SIZE;
		b = xmalloc(sizeof(*b) + size);
		b->used = 0;
		b->size = size;
		b->next = s->blocks;
		s->blocks = b;
	}
	p = b->data + b->used;
	b->used += n;
	return p;
}

/*
 * The row's fields, copied into the arena: ncol + 1 offsets, then the
 * fields, each NUL-terminated, field k at text + off[k] and off[k + 1]
 * - off[k] - 1 bytes long.  Offsets, not a pointer and a length a field:
 * a scores row is mostly short numbers, and 16 bytes a field held more
 * than the text (SPEC section 19: memory within twice the input).
 */
static uint32_t *
dup_fields(struct scores *s, const struct csv_row *row)
{
	size_t i, total = 0;
	uint32_t *off;
	char *p;

	for (i = 0; i < row->n; i++)
		total += row->len[i] + 1;
	if (total > UINT32_MAX)
		pm_die_at(EX_DATAERR, s->files[s->nfiles - 1], row->line,
		    "record too long");
	off = arena_alloc(s, (row->n + 1) * sizeof(*off) + total);
	p = (char *)(off + row->n + 1);
	total = 0;
	for (i = 0; i < row->n; i++) {
		off[i] = (uint32_t)total;
		memcpy(p + total, row->f[i], row->len[i] + 1);
		total += row->len[i] + 1;
	}
	off[row->n] = (uint32_t)total;
	return off;
}

/* Field k of r and its length. */
static const char *
fld(const struct scores *s, const struct score_row *r, size_t k, size_t *len)
{
	if (len != NULL)
		*len = r->off[k + 1] - r->off[k] - 1;
	return (const char *)(r->off + s->ncol + 1) + r->off[k];
}

static void
map_header(struct scores *s, const struct csv_row *hdr, const char *file,
    uint32_t required)
{
	char missing[512];
	size_t i;
	int c;

	s->ncol = hdr->n;
	s->hdr = xcalloc(hdr->n, sizeof(*s->hdr));
	for (i = 0; i < hdr->n; i++)
		s->hdr[i] = xstrdup(hdr->f[i]);
	missing[0] = '\0';
	for (c = 0; c < SC_NCOL; c++) {
		s->col[c] = csv_find_col(hdr, scores_colname[c]);
		if (s->col[c] < 0)
			s->col[c] = csv_find_col_norm(hdr, scores_colname[c]);
		if (s->col[c] < 0 && (required & SC_BIT(c))) {
			if (missing[0] != '\0')
				strcat(missing, ", ");
			strcat(missing, scores_colname[c]);
		}
	}
	if (missing[0] != '\0')
		pm_die_at(EX_DATAERR, file, hdr->line,
		    "not a scores table (pm-score output): missing column%s %s",
		    strchr(missing, ',') ? "s" : "", missing);
}

static void
check_header(const struct scores *s, const struct csv_row *hdr,
    const char *file)
{
	size_t i;

	for (i = 0; i < hdr->n && i < s->ncol; i++)
		if (strcmp(hdr->f[i], s->hdr[i]) != 0)
			break;
	if (i < hdr->n || hdr->n != s->ncol)
		pm_die_at(EX_DATAERR, file, hdr->line,
		    "header differs from the first file's ('%s' is field %zu)",
		    i < hdr->n ? hdr->f[i] : "", i + 1);
}

static void
parse_numbers(struct score_row *r, const struct scores *s, const char *file)
{
	const char *f;
	size_t len;
	int c, k, rc;

	for (c = 0; c < SC_NCOL; c++) {
		if ((k = s->col[c]) < 0)
			continue;
		f = fld(s, r, (size_t)k, &len);
		if (len == 0)
			continue;
		if (SC_IS_NUMBER(c)) {
			rc = fixed_parse(f, len, &r->v[c]);
			if (rc == NUM_RANGE)
				pm_die_at(EX_DATAERR, file, r->line,
				    "%s: '%s' is %s", scores_colname[c],
				    f, fixed_why(rc));
			if (rc != NUM_OK)
				pm_die_at(EX_DATAERR, file, r->line,
				    "%s: not a number: '%s'",
				    scores_colname[c], f);
		}
		r->known |= SC_BIT(c);
	}
}

int
scores_reserved_name(const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return n == 1 && *s == '*';
}

static uint32_t
key_id(struct intern *t, const struct scores *s, const struct score_row *r,
    int k, enum sc_col c, const char *file)
{
	const char *f;
	size_t len;

	if (k < 0)
		return intern_id(t, "", 0);
	f = fld(s, r, (size_t)k, &len);
	if (len == 0 && c != SC_TEAM)
		pm_die_at(EX_DATAERR, file, r->line, "empty %s",
		    scores_colname[c]);
	return intern_id(t, f, len);
}

/*
 * A key written like a date or period (2026-..., FY2027...) must be a
 * real one: 2026-02-31 or 2026-13 is a typo, not a label to pass on.
 */
static void
check_period(const struct scores *s, const struct score_row *r, int k,
    const char *file)
{
	const char *key, *f;
	pm_day first, last;
	int i, looks;

	if (k < 0)
		return;
	key = f = fld(s, r, (size_t)k, NULL);
	if (strncmp(key, "FY", 2) == 0)
		key += 2;
	for (i = 0; i < 4 && key[i] >= '0' && key[i] <= '9'; i++)
		;
	looks = i == 4 && (key[4] == '-' || key[4] == '\0');
	if (looks && period_parse_key(f, key != f ? 2 : 1,
	    &first, &last) != 0)
		pm_die_at(EX_DATAERR, file, r->line,
		    "period: '%s' is not a date or period key", f);
}

static void
add_row(struct loader *l, const struct csv_row *row, uint32_t file)
{
	struct scores *s = l->s;
	const char *name = s->files[file];
	struct score_row *r;
	const char *f;
	size_t len;
	int k;

	if (s->nrows == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 256;
		s->rows = xreallocarray(s->rows, l->cap, sizeof(*s->rows));
	}
	r = &s->rows[s->nrows++];
	memset(r, 0, sizeof(*r));
	r->off = dup_fields(s, row);
	r->line = row->line;
	r->file = file;
	parse_numbers(r, s, name);
	r->period = key_id(l->per, s, r, s->col[SC_PERIOD], SC_PERIOD, name);
	check_period(s, r, s->col[SC_PERIOD], name);
	r->metric = key_id(l->met, s, r, s->col[SC_METRIC], SC_METRIC, name);
	r->team = key_id(l->team, s, r, s->col[SC_TEAM], SC_TEAM, name);
	k = s->col[SC_REP];
	f = k >= 0 ? fld(s, r, (size_t)k, &len) : NULL;
	if (f != NULL && len == 1 && f[0] == '*') {
		r->rollup = 1;
		r->rep = SC_NONE;
	} else {
		r->rep = key_id(l->rep, s, r, k, SC_REP, name);
		/* A rep's row in team '*' would be read as the company's. */
		k = s->col[SC_TEAM];
		f = k >= 0 ? fld(s, r, (size_t)k, &len) : NULL;
		if (f != NULL && scores_reserved_name(f, len))
			pm_die_at(EX_DATAERR, name, r->line, "team: '*' is "
			    "reserved for the roll-up of all teams (rep '%s')",
			    scores_field(s, r, SC_REP));
	}
}

static void
read_file(struct loader *l, const char *path, unsigned char delim,
    uint32_t required)
{
	struct scores *s = l->s;
	struct csv_row row;
	struct csvr *in;
	uint32_t file;

	in = csvr_open(path);
	if (delim)
		csvr_set_delim(in, delim);
	file = (uint32_t)s->nfiles;
	s->files = xreallocarray(s->files, s->nfiles + 1, sizeof(*s->files));
	s->files[s->nfiles++] = xstrdup(csvr_name(in));
	if (!csvr_next_or_die(in, &row)) {
		/* An empty file is an empty table, unless it is the only one. */
		csvr_close(in);
		return;
	}
	if (s->hdr == NULL)
		map_header(s, &row, s->files[file], required);
	else
		check_header(s, &row, s->files[file]);
	while (csvr_next_or_die(in, &row)) {
		csv_check_width(in, &row, s->ncol);
		add_row(l, &row, file);
	}
	csvr_close(in);
}

static char **
names_of(const struct intern *t, size_t *n)
{
	char **v;
	size_t i;

	*n = intern_count(t);
	v = xcalloc(*n ? *n : 1, sizeof(*v));
	for (i = 0; i < *n; i++)
		v[i] = xstrdup(intern_str(t, (uint32_t)i));
	return v;
}

static int
cmp_key(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Sorts names (the strings of t) in byte order and returns map[id] =
 * the id's position in that order: chronological for period keys of
 * one type (2026-09 < 2026-10, 2026-W09 < 2026-W10), and for names an
 * order that does not depend on the order of the input.
 */
static uint32_t *
by_name(char **names, size_t n, const struct intern *t)
{
	uint32_t *map;
	size_t i;

	qsort(names, n, sizeof(*names), cmp_key);
	map = xcalloc(n ? n : 1, sizeof(*map));
	for (i = 0; i < n; i++)
		map[intern_find(t, names[i], strlen(names[i]))] = (uint32_t)i;
	return map;
}

/* Renumbers the periods, reps, teams and metrics in name order. */
static void
renumber(struct scores *s, const struct loader *l)
{
	uint32_t *per, *rep, *team, *met;
	struct score_row *r;
	size_t i;

	per = by_name(s->period_key, s->nperiods, l->per);
	rep = by_name(s->rep_name, s->nreps, l->rep);
	team = by_name(s->team_name, s->nteams, l->team);
	met = by_name(s->metric_name, s->nmetrics, l->met);
	for (i = 0; i < s->nrows; i++) {
		r = &s->rows[i];
		r->period = per[r->period];
		if (!r->rollup)
			r->rep = rep[r->rep];
		r->team = team[r->team];
		r->metric = met[r->metric];
	}
	free(per);
	free(rep);
	free(team);
	free(met);
}

/* A roll-up row's key, for finding it by binary search. */
struct scores_key {
	uint32_t metric, team, period;
	uint32_t row;
};

static int
cmp_rkey(const void *a, const void *b)
{
	const struct scores_key *x = a, *y = b;

	if (x->metric != y->metric)
		return x->metric < y->metric ? -1 : 1;
	if (x->team != y->team)
		return x->team < y->team ? -1 : 1;
	if (x->period != y->period)
		return x->period < y->period ? -1 : 1;
	return x->row < y->row ? -1 : x->row > y->row;
}

/*
 * The roll-up rows sorted by key (and input order within a key): a
 * reader looks one up for each metric, team and period it shows, and a
 * scan of every row for each would make a table of many metrics
 * quadratic.
 */
static void
build_rollups(struct scores *s)
{
	size_t i, n = 0;

	for (i = 0; i < s->nrows; i++)
		n += s->rows[i].rollup != 0;
	s->rollups = xcalloc(n ? n : 1, sizeof(*s->rollups));
	for (i = 0; i < s->nrows; i++)
		if (s->rows[i].rollup)
			s->rollups[s->nrollups++] = (struct scores_key){
				s->rows[i].metric, s->rows[i].team,
				s->rows[i].period, (uint32_t)i };
	qsort(s->rollups, s->nrollups, sizeof(*s->rollups), cmp_rkey);
}

/*
 * Each period's elapsed percent, from its first row in input order that
 * has one (-1: none): asked for once a rep and period, a scan of the
 * rows each time made pm-flag quadratic.
 */
static void
build_elapsed(struct scores *s)
{
	size_t i;

	s->elapsed = xcalloc(s->nperiods ? s->nperiods : 1,
	    sizeof(*s->elapsed));
	for (i = 0; i < s->nperiods; i++)
		s->elapsed[i] = -1;
	/* Backwards, so that the first row of a period is the last word. */
	for (i = s->nrows; s->col[SC_ELAPSED] >= 0 && i-- > 0;)
		if (scores_known(&s->rows[i], SC_ELAPSED))
			s->elapsed[s->rows[i].period] = s->rows[i].v[SC_ELAPSED];
}

static void
build_cells(struct scores *s)
{
	const struct score_row *r, *o;
	size_t i, k, n;

	n = s->nmetrics * s->nreps * s->nperiods;
	s->cell = xcalloc(n ? n : 1, sizeof(*s->cell));
	for (i = 0; i < s->nrows; i++) {
		r = &s->rows[i];
		if (r->rollup)
			continue;
		k = ((size_t)r->metric * s->nreps + r->rep) * s->nperiods +
		    r->period;
		if (s->cell[k] != 0) {
			o = &s->rows[s->cell[k] - 1];
			pm_die_at(EX_DATAERR, s->files[r->file], r->line,
			    "second row for rep '%s', metric '%s', period '%s'"
			    " (first at %s:%ld)", s->rep_name[r->rep],
			    s->metric_name[r->metric],
			    s->period_key[r->period], s->files[o->file],
			    o->line);
		}
		s->cell[k] = (uint32_t)(i + 1);
	}
}

struct scores *
scores_load(char **files, size_t nfiles, unsigned char delim,
    uint32_t required)
{
	struct loader l;
	struct scores *s;
	size_t i;

	s = xcalloc(1, sizeof(*s));
	memset(&l, 0, sizeof(l));
	l.s = s;
	l.per = intern_new();
	l.rep = intern_new();
	l.team = intern_new();
	l.met = intern_new();
	if (nfiles == 0)
		read_file(&l, "-", delim, required);
	for (i = 0; i < nfiles; i++)
		read_file(&l, files[i], delim, required);
	if (s->hdr == NULL)
		pm_die(EX_DATAERR, "%s: no header: not a scores table",
		    s->nfiles ? s->files[0] : "-");
	s->period_key = names_of(l.per, &s->nperiods);
	s->rep_name = names_of(l.rep, &s->nreps);
	s->team_name = names_of(l.team, &s->nteams);
	s->metric_name = names_of(l.met, &s->nmetrics);
	renumber(s, &l);
	build_cells(s);
	build_rollups(s);
	build_elapsed(s);
	intern_free(l.per);
	intern_free(l.rep);
	intern_free(l.team);
	intern_free(l.met);
	return s;
}

static void
free_names(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void
scores_free(struct scores *s)
{
	struct scores_block *b;

	if (s == NULL)
		return;
	while ((b = s->blocks) != NULL) {
		s->blocks = b->next;
		free(b);
	}
	free(s->rows);
	free_names(s->hdr, s->ncol);
	free_names(s->files, s->nfiles);
	free_names(s->period_key, s->nperiods);
	free_names(s->rep_name, s->nreps);
	free_names(s->team_name, s->nteams);
	free_names(s->metric_name, s->nmetrics);
	free(s->cell);
	free(s->rollups);
	free(s->elapsed);
	free(s);
}

const struct score_row *
scores_cell(const struct scores *s, uint32_t metric, uint32_t rep,
    uint32_t period)
{
	size_t k;

	if (metric >= s->nmetrics || rep >= s->nreps || period >= s->nperiods)
		return NULL;
	k = ((size_t)metric * s->nreps + rep) * s->nperiods + period;
	return s->cell[k] ? &s->rows[s->cell[k] - 1] : NULL;
}

const struct score_row *
scores_rollup(const struct scores *s, uint32_t metric, uint32_t team,
    uint32_t period)
{
	struct scores_key want = { metric, team, period, 0 };
	size_t lo = 0, hi = s->nrollups, mid;

	/* The first key not below (metric, team, period, row 0). */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cmp_rkey(&s->rollups[mid], &want) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == s->nrollups || s->rollups[lo].metric != metric ||
	    s->rollups[lo].team != team || s->rollups[lo].period != period)
		return NULL;
	return &s->rows[s->rollups[lo].row];
}

/* Names are in byte order (renumber): a binary search finds one. */
static uint32_t
find_name(char *const *v, size_t n, const char *name)
{
	size_t lo = 0, hi = n, mid;
	int d;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((d = strcmp(v[mid], name)) == 0)
			return (uint32_t)mid;
		if (d < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return SC_NONE;
}

uint32_t
scores_period(const struct scores *s, const char *key)
{
	return find_name(s->period_key, s->nperiods, key);
}

uint32_t
scores_metric(const struct scores *s, const char *name)
{
	return find_name(s->metric_name, s->nmetrics, name);
}

uint32_t
scores_rep(const struct scores *s, const char *name)
{
	return find_name(s->rep_name, s->nreps, name);
}

uint32_t
scores_team(const struct scores *s, const char *name)
{
	return find_name(s->team_name, s->nteams, name);
}

const char *
scores_field(const struct scores *s, const struct score_row *r,
    enum sc_col c)
{
	return s->col[c] < 0 ? "" : fld(s, r, (size_t)s->col[c], NULL);
}

const char *
scores_fieldn(const struct scores *s, const struct score_row *r, size_t k,
    size_t *len)
{
	return fld(s, r, k, len);
}

int
scores_known(const struct score_row *r, enum sc_col c)
{
	return (r->known & SC_BIT(c)) != 0;
}

int
scores_periods_adjacent(const char *a, const char *b)
{
	pm_day af, al, bf, bl;
	/* Fiscal keys follow one another the same way whatever the start. */
	int fa = a[0] == 'F' ? 2 : 1, fb = b[0] == 'F' ? 2 : 1;

	if (period_parse_key(a, fa, &af, &al) != 0 ||
	    period_parse_key(b, fb, &bf, &bl) != 0)
		return 1;
	return bf == al + 1;
}

int
scores_filled(const struct scores *s, enum sc_col c)
{
	size_t i;

	for (i = 0; i < s->nrows; i++)
		if (scores_known(&s->rows[i], c))
			return 1;
	return 0;
}

int64_t
scores_elapsed(const struct scores *s, uint32_t period)
{
	return period < s->nperiods ? s->elapsed[period] : -1;
}

#define FULL ((int64_t)100 * FIXED_SCALE)

struct scores_pick
scores_pick_period(const struct scores *s, int64_t min_elapsed)
{
	struct scores_pick p = { SC_NONE, SC_NONE, 0, -1 };
	enum sc_col col;
	int64_t *el;
	uint32_t q;
	size_t i;
	int seen = 0;

	if (s->nperiods == 0)
		return p;
	/*
	 * pm-score --to past the as-of date writes rows for periods still
	 * to come, with projected and pace empty: nothing to judge there.
	 */
	col = scores_filled(s, SC_PROJECTED) ? SC_PROJECTED : SC_ACTUAL;
	p.period = (uint32_t)s->nperiods - 1;
	el = xcalloc(s->nperiods, sizeof(*el));
	for (q = 0; q < s->nperiods; q++)
		el[q] = -1;
	for (i = 0; i < s->nrows; i++) {
		const struct score_row *r = &s->rows[i];

		if (scores_known(r, SC_ELAPSED))
			el[r->period] = r->v[SC_ELAPSED];
		if (!r->rollup && scores_known(r, col) &&
		    (!seen || r->period > p.period)) {
			p.period = r->period;
			seen = 1;
		}
	}
	p.elapsed = el[p.period];
	/* An older table without elapsed: as if that period were finished. */
	if (p.elapsed >= 0 && p.elapsed < FULL && p.elapsed < min_elapsed) {
		p.early = p.period;
		for (q = p.period; q-- > 0;)
			if (el[q] >= FULL)
				break;
		if (q == UINT32_MAX)
			p.none_finished = 1;
		else
			p.period = q;
	}
	free(el);
	return p;
}

/*
 * The days of the period a key names; 0 when the key is none, or is a
 * fiscal key whose length depends on the fiscal year's first month.
 */
static int
key_days(const char *key)
{
	pm_day first, last;
	int fs, n = 0;

	if (key[0] != 'F')
		return period_parse_key(key, 1, &first, &last) == 0 ?
		    (int)(last - first + 1) : 0;
	for (fs = 2; fs <= 12; fs++) {
		if (period_parse_key(key, fs, &first, &last) != 0)
			return 0;
		if (n != 0 && n != (int)(last - first + 1))
			return 0;
		n = (int)(last - first + 1);
	}
	return n;
}

void
scores_early_text(const struct scores *s, const struct scores_pick *p,
    char *buf, size_t size)
{
	char pct[NUM_BUFSIZE];
	const char *key;
	long days, done;

	if (p->early == SC_NONE) {
		snprintf(buf, size, "%s", "");
		return;
	}
	key = s->period_key[p->early];
	days = key_days(key);
	/*
	 * The percent is written to 1 decimal: for periods up to a year
	 * long it is off by less than half a day, so the days come back.
	 */
	done = (long)((p->elapsed * days + FULL / 2) / FULL);
	if (days > 0)
		snprintf(buf, size, "%s has just begun (%ld of %ld day%s)",
		    key, done, days, days == 1 ? "" : "s");
	else
		snprintf(buf, size, "%s has just begun (%s%% of it)", key,
		    fixed_format(p->elapsed, 1, pct));
}
