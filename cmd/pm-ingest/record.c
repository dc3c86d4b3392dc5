/*
 * Records to facts.  Every check that can reject a record happens
 * before its first fact is recorded, so a rejected record yields none.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "amount.h"
#include "dcache.h"
#include "err.h"
#include "ingest.h"
#include "trim.h"
#include "num.h"

/* A date parse cache per field: a column holds few distinct dates. */
struct dcaches {
	struct dcache f[NFIELD];
};

void
record_cache_init(struct filectx *fc)
{
	fc->dcache = xcalloc(1, sizeof(*fc->dcache));
}

void
record_cache_free(struct filectx *fc)
{
	free(fc->dcache);
	fc->dcache = NULL;
}

static void
add_fact(struct rec *r, pm_day day, const char *metric, size_t mlen,
    int64_t v, int once)
{
	struct fact *f;

	if (r->nfacts == MAX_FACTS)
		pm_die(EX_SOFTWARE, "more than %d facts for one record",
		    MAX_FACTS);
	f = &r->facts[r->nfacts++];
	f->day = day;
	f->metric = metric;
	f->mlen = mlen;
	f->value = v;
	f->once = once;
}

#define ADD(r, day, metric, v, once) \
	add_fact(r, day, metric, sizeof(metric) - 1, v, once)

void
record_drop_once(struct rec *r)
{
	int i, k;

	for (i = k = 0; i < r->nfacts; i++)
		if (!r->facts[i].once)
			r->facts[k++] = r->facts[i];
	r->nfacts = k;
	r->backwards = 0;	/* counted with the opportunity's cycle_days */
}

size_t
record_collapse(const char *s, size_t n, char *buf, size_t cap)
{
	size_t i, o = 0;
	int pend = 0;

	/* Most names have single inner spaces only: copy them. */
	for (i = 0; i < n; i++) {
		if (s[i] == ' ') {
			if (i == 0 || i + 1 == n || s[i + 1] == ' ')
				break;
		} else if ((unsigned char)s[i] < ' ' ||
		    (unsigned char)s[i] == 0xc2)
			break;
	}
	if (i == n && n + 2 < cap) {
		memcpy(buf, s, n);
		buf[n] = '\0';
		return n;
	}

	for (i = 0; i < n && o + 2 < cap; i++) {
		if (trim_is_space((unsigned char)s[i]) || (i + 1 < n &&
		    (unsigned char)s[i] == 0xc2 &&
		    (unsigned char)s[i + 1] == 0xa0)) {
			if ((unsigned char)s[i] == 0xc2)
				i++;
			pend = o > 0;
			continue;
		}
		if (pend)
			buf[o++] = ' ';
		pend = 0;
		buf[o++] = s[i];
	}
	buf[o] = '\0';
	/* Cut short: cap, which no whole value has, so that it is rejected. */
	return i < n ? cap : o;
}

/*
 * Case-insensitive: does s (length n) contain word (lower case), not
 * followed by a letter or an apostrophe?  "Closed Won" and "closedwon"
 * do, "Won't pursue" does not.
 */
static int
contains(const char *s, size_t n, const char *word)
{
	size_t k = strlen(word), i, j;
	unsigned char next;

	for (i = 0; i + k <= n; i++) {
		for (j = 0; j < k && (s[i + j] | 0x20) == word[j]; j++)
			;
		if (j < k)
			continue;
		if (i + k == n)
			return 1;
		next = (unsigned char)(s[i + k] | 0x20);
		if (!(next >= 'a' && next <= 'z') && s[i + k] != '\'' &&
		    (unsigned char)s[i + k] != 0xe2)
			return 1;
	}
	return 0;
}

static int
in_list(char **list, size_t nlist, const char *s, size_t n)
{
	size_t i;

	n = trim_span(&s, n);
	for (i = 0; i < nlist; i++)
		if (strlen(list[i]) == n && strncasecmp(list[i], s, n) == 0)
			return 1;
	return 0;
}

/* Does s start with word (lower case), ignoring ASCII case? */
static int
prefix_ci(const char *s, const char *word)
{
	for (; *word != '\0'; s++, word++)
		if ((*s | 0x20) != *word && !(*word == ' ' && *s == ' '))
			return 0;
	return 1;
}

/* Does s (length n) end with word (lower case), ignoring ASCII case? */
static int
suffix_ci(const char *s, size_t n, const char *word)
{
	size_t k = strlen(word);

	return n >= k && prefix_ci(s + n - k, word);
}

/*
 * "Total", "Totals", "Subtotal", "Sub-total", "Grand Totals (12
 * records)", "Total:", "Sum", and Excel's subtotals "Dana Reyes Total",
 * "Closed Won Totals": the label of a report's total row.
 */
static int
total_label(const char *s, size_t n)
{
	n = trim_span(&s, n);
	if (n >= 11 && prefix_ci(s, "grand total"))
		return 1;
	if (suffix_ci(s, n, " total") || suffix_ci(s, n, " totals"))
		return 1;
	if (n >= 3 && prefix_ci(s, "sum") && (n == 3 || s[3] == ':' ||
	    s[3] == ' ' || s[3] == '(')) {
		s += 3;
		n -= 3;
		n = trim_span(&s, n);
		return n == 0 || *s == ':' || *s == '(';
	}
	if (n >= 4 && prefix_ci(s, "sub")) {
		s += 3;
		n -= 3;
		if (*s == '-' || *s == ' ') {
			s++;
			n--;
		}
	}
	if (n < 5 || !prefix_ci(s, "total"))
		return 0;
	s += 5;
	n -= 5;
	if (n > 0 && (*s == 's' || *s == 'S')) {
		s++;
		n--;
	}
	n = trim_span(&s, n);
	return n == 0 || *s == ':' || *s == '(';
}

static int
is_label(const char *s, size_t n)
{
	/* Most cells fail the first test: a cheap look at both ends. */
	return n > 0 && ((*s | 0x20) == 't' || (*s | 0x20) == 's' ||
	    (*s | 0x20) == 'g' || (s[n - 1] | 0x20) == 'l' ||
	    (s[n - 1] | 0x20) == 's') && total_label(s, n);
}

/*
 * The fields that make a row a record: an id, a date, an activity type,
 * a metric.  A total row has none of them (the label, maybe a count or
 * the group's stage or owner, and sums of the amounts), so a won deal
 * with an account or product named "Total" stays a deal.  A stage alone
 * is no evidence: a report grouped by stage repeats it on the subtotal,
 * and a deal with neither id nor date gives no fact anyway.
 */
static const enum field record_evidence[] = {
	F_ID, F_CLOSE, F_WON_DATE, F_LOST_DATE, F_EXPECTED, F_CREATED,
	F_TYPE, F_DATE, F_METRIC
};

static int
total_row(const struct filectx *in, const struct csv_row *row)
{
	size_t i, n;
	const char *s;
	int c;

	if (in->fmt == NULL)
		return 1;	/* no mapping to tell: the label decides */
	for (i = 0; i < sizeof(record_evidence) / sizeof(*record_evidence);
	    i++) {
		c = in->map.col[record_evidence[i]];
		if (c < 0 || (size_t)c >= row->n)
			continue;
		s = row->f[c];
		n = trim_span(&s, row->len[c]);
		if (n > 0 && !is_label(s, n))
			return 0;
	}
	return 1;
}

/*
 * Title and footer lines (one non-empty field), total rows and
 * repeated headers are report noise.
 */
int
record_is_noise(const struct filectx *in, const struct csv_row *row)
{
	size_t i, nonempty = 0, n;
	const char *s;
	int label = 0;

	for (i = 0; i < row->n; i++) {
		s = row->f[i];
		n = row->len[i];
		if (n > 0 && trim_is_space((unsigned char)*s))
			n = trim_span(&s, n);
		if (n == 0)
			continue;
		nonempty++;
		if (!label && is_label(s, n))
			label = 1;
	}
	if (label && total_row(in, row))
		return 1;
	if (nonempty == 0 || (nonempty == 1 && in->hdr_n >= 3))
		return 1;
	if (row->n == in->hdr_n && strcmp(row->f[0], in->hdr[0]) == 0) {
		for (i = 1; i < row->n; i++)
			if (strcmp(row->f[i], in->hdr[i]) != 0)
				return 0;
		return 1;
	}
	return 0;
}

const char *
record_column(const struct filectx *in, enum field f)
{
	int c = in->map.col[f];

	return c >= 0 && (size_t)c < in->hdr_n ? in->hdr[c] : field_name(f);
}

static int
fail_rec(struct rec *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
fail_rec(struct rec *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(r->reason, sizeof(r->reason), fmt, ap);
	va_end(ap);
	return -1;
}

/* A date field of the record: MD_OK, MD_EMPTY, or -1 with a reason. */
static int
rec_date(struct rec *r, enum field f, pm_day *day)
{
	const char *s = r->v[f];
	size_t n = r->n[f];
	struct dcaches *dc = r->fc->dcache;
	int rc;

	if (n == 0)
		return MD_EMPTY;
	if (dc == NULL || !dcache_get(&dc->f[f], s, n, &rc, day)) {
		rc = mdate_parse(s, n, r->fc->order[f], day);
		if (dc != NULL)
			dcache_put(&dc->f[f], s, n, rc, *day);
	}
	switch (rc) {
	case MD_OK:
	case MD_EMPTY:
		return rc;
	case MD_CONTRA:
		return fail_rec(r, "%s: '%.*s' contradicts the %s order of "
		    "this column", record_column(r->fc, f), (int)n, s,
		    mdate_order_name(r->fc->order[f]));
	case MD_AMBIG:
		return fail_rec(r, "%s: '%.*s': day and month order unknown "
		    "(use --date-format)", record_column(r->fc, f), (int)n, s);
	default:
		return fail_rec(r, "%s: '%.*s' is not a date",
		    record_column(r->fc, f), (int)n, s);
	}
}

static int
rec_amount(struct rec *r, enum field f, struct amount *a, int *known)
{
	int rc;

	*known = 0;
	a->v = 0;
	a->cur[0] = '\0';
	if (r->fc->map.col[f] < 0)
		return 0;
	rc = amount_parse(r->v[f], r->n[f], r->fc->comma[f], a);
	if (rc == AMT_RANGE) {
		r->range = 1;
		return fail_rec(r, "%s: '%.*s' is %s", record_column(r->fc, f),
		    (int)r->n[f], r->v[f], fixed_why(NUM_RANGE));
	}
	if (rc == AMT_INVALID)
		return fail_rec(r, "%s: cannot read '%.*s' as an amount%s",
		    record_column(r->fc, f), (int)r->n[f], r->v[f],
		    r->fc->comma[f] ? " (decimal comma)" : "");
	*known = rc == AMT_OK;
	return 0;
}

static const struct rate *
find_rate(const struct rules *ru, const char *cur)
{
	size_t i;

	for (i = 0; i < ru->nrates; i++)
		if (strcmp(ru->rates[i].cur, cur) == 0)
			return &ru->rates[i];
	return NULL;
}

/* v in 1/10000 units times a rate in 1e-9, half away from zero. */
static int
convert(int64_t *v, int64_t e9)
{
	__int128 p = (__int128)*v * e9, q = 1000000000;
	__int128 res = p >= 0 ? (p + q / 2) / q : -((-p + q / 2) / q);

	if (res > FIXED_MAX || res < -FIXED_MAX)
		return -1;
	*v = (int64_t)res;
	return 0;
}

/*
 * The record's currency decides what its amounts mean: converted with
 * --rates, else rejected when it is not the majority currency.
 */
/* The amount columns of deal(), in the order of its amounts. */
static const enum field amount_fields[] = { F_AMOUNT, F_EST_AMOUNT,
	F_LINE_AMOUNT };

/*
 * Is the amount's currency a bare symbol that cur shares?  Dynamics
 * writes a Canadian Dollar amount as $1,200.00 and says CAD in its
 * Currency column; "$" alone is any dollar (or peso), "\xc2\xa5" yen
 * or yuan.  US$, C$ and a written code are not bare.
 */
static int
shared_symbol(const char *s, size_t n, const char *cur)
{
	static const char *const dollars[] = { "USD", "CAD", "AUD", "NZD",
		"SGD", "HKD", "TWD", "MXN", "ARS", "CLP", "COP", NULL };
	const char *p = memchr(s, '$', n);
	int i;

	if (p != NULL) {
		if (p > s && ((p[-1] | 0x20) >= 'a' && (p[-1] | 0x20) <= 'z'))
			return 0;
		for (i = 0; dollars[i] != NULL; i++)
			if (strcmp(dollars[i], cur) == 0)
				return 1;
		return 0;
	}
	for (i = 0; i + 1 < (int)n; i++)
		if ((unsigned char)s[i] == 0xc2 &&
		    (unsigned char)s[i + 1] == 0xa5)
			return strcmp(cur, "JPY") == 0 || strcmp(cur, "CNY") == 0;
	return 0;
}

static int
apply_currency(struct rec *r, struct amount *a, int na)
{
	const struct rate *rt;
	const char *want;
	char cur[4] = "", ccol[4];
	int i, c = r->fc->map.col[F_CURRENCY];

	if (c >= 0 && r->n[F_CURRENCY] > 0) {
		if (currency_code(r->v[F_CURRENCY], r->n[F_CURRENCY], ccol) != 0)
			return fail_rec(r, "%s: '%.*s' is not a currency",
			    record_column(r->fc, F_CURRENCY),
			    (int)r->n[F_CURRENCY], r->v[F_CURRENCY]);
		memcpy(cur, ccol, 4);
	}
	for (i = 0; i < na; i++) {
		if (a[i].cur[0] == '\0')
			continue;
		if (cur[0] != '\0' && strcmp(cur, a[i].cur) != 0 &&
		    !shared_symbol(r->v[amount_fields[i]],
		    r->n[amount_fields[i]], cur))
			return fail_rec(r, "amount in %s but currency %s",
			    a[i].cur, cur);
		if (cur[0] == '\0')
			memcpy(cur, a[i].cur, 4);
	}
	if (cur[0] == '\0')
		return 0;
	if (r->ru->nrates > 0) {
		if ((rt = find_rate(r->ru, cur)) == NULL)
			return fail_rec(r, "no rate for %s in %s", cur,
			    r->ru->rates_path);
		for (i = 0; i < na; i++)
			if (convert(&a[i].v, rt->e9) != 0) {
				r->range = 1;
				return fail_rec(r, "amount out of range after "
				    "conversion");
			}
		return 0;
	}
	if (r->ru->mixed && strcmp(cur, (want = currency_of_rep(r->ru, r->key,
	    r->nkey))) != 0)
		return fail_rec(r, "amount in %s, not in %s, the currency of "
		    "most of %s's records (use --rates FILE to convert)", cur,
		    want, r->rep);
	return 0;
}

static int
truth(const char *s, size_t n, int *v)
{
	static const char *const yes[] = { "true", "1", "yes", "y", "t", "x",
		"won", NULL };
	static const char *const no[] = { "false", "0", "no", "n", "f", "",
		NULL };
	int i;

	n = trim_span(&s, n);
	for (i = 0; yes[i] != NULL; i++)
		if (strlen(yes[i]) == n && strncasecmp(yes[i], s, n) == 0) {
			*v = 1;
			return 0;
		}
	for (i = 0; no[i] != NULL; i++)
		if (strlen(no[i]) == n && strncasecmp(no[i], s, n) == 0) {
			*v = 0;
			return 0;
		}
	return -1;
}

/* Won, lost or open: IsWon/IsClosed, then --won/--lost, then the words. */
static int
classify(struct rec *r, enum outcome *o)
{
	const char *st = r->v[F_STAGE], *ss = r->v[F_STATUS];
	size_t nt = r->n[F_STAGE], ns = r->n[F_STATUS];
	int won, closed;

	if (r->fc->map.col[F_ISWON] >= 0 &&
	    truth(r->v[F_ISWON], r->n[F_ISWON], &won) == 0 && r->n[F_ISWON]) {
		if (won) {
			*o = O_WON;
			return 0;
		}
		if (r->fc->map.col[F_ISCLOSED] >= 0 &&
		    truth(r->v[F_ISCLOSED], r->n[F_ISCLOSED], &closed) == 0 &&
		    r->n[F_ISCLOSED]) {
			*o = closed ? O_LOST : O_OPEN;
			return 0;
		}
	}
	if (nt == 0 && ns == 0)
		return fail_rec(r, "%s: empty stage", record_column(r->fc,
		    r->fc->map.col[F_STAGE] >= 0 ? F_STAGE : F_STATUS));
	if (r->ru->nwon > 0 && (in_list(r->ru->won, r->ru->nwon, st, nt) ||
	    in_list(r->ru->won, r->ru->nwon, ss, ns)))
		*o = O_WON;
	else if (r->ru->nlost > 0 && (in_list(r->ru->lost, r->ru->nlost, st, nt) ||
	    in_list(r->ru->lost, r->ru->nlost, ss, ns)))
		*o = O_LOST;
	else if (ns > 0 && contains(ss, ns, "deleted"))
		*o = O_SKIP;
	else if (r->ru->nwon == 0 && (contains(ss, ns, "won") ||
	    (ns == 0 && contains(st, nt, "won"))))
		*o = O_WON;
	else if (r->ru->nlost == 0 && (contains(ss, ns, "lost") ||
	    (ns == 0 && contains(st, nt, "lost"))))
		*o = O_LOST;
	else
		*o = O_OPEN;
	return 0;
}

/*
 * The money of a deal record: *v, *once; 0 when unknown.  Only a won
 * deal has an actual amount: Dynamics 365 sets a lost deal's Actual
 * Revenue to 0, so the pipeline is the estimate.  A line of a product
 * report has its own Total Price; a row without one (an opportunity
 * with no products) stands for the whole opportunity, once.
 */
static int
deal_money(const struct rec *r, enum outcome oc, const struct amount *a,
    const int *known, int64_t *v, int *once)
{
	*once = 0;
	if (r->fc->map.col[F_LINE_AMOUNT] >= 0) {
		if (known[2]) {
			*v = a[2].v;
			return 1;
		}
		*once = 1;
	}
	*v = known[0] && !(oc != O_WON && known[1]) ? a[0].v : a[1].v;
	return known[0] || known[1];
}

static int
deal(struct rec *r, enum outcome *oc)
{
	enum field df[] = { F_CLOSE, F_WON_DATE, F_LOST_DATE, F_EXPECTED,
		F_CREATED };
	pm_day d[NFIELD], when;
	int have[NFIELD] = { 0 }, k[3], i, rc, money, once;
	struct amount a[3];
	int64_t amt;

	if (classify(r, oc) != 0)
		return -1;
	if (*oc == O_SKIP)
		return 0;
	for (i = 0; i < 5; i++) {
		if ((rc = rec_date(r, df[i], &d[df[i]])) < 0)
			return -1;
		have[df[i]] = rc == MD_OK;
	}
	if (rec_amount(r, F_AMOUNT, &a[0], &k[0]) != 0 ||
	    rec_amount(r, F_EST_AMOUNT, &a[1], &k[1]) != 0 ||
	    rec_amount(r, F_LINE_AMOUNT, &a[2], &k[2]) != 0)
		return -1;
	if ((k[0] || k[1] || k[2]) && apply_currency(r, a, 3) != 0)
		return -1;
	switch (*oc) {
	case O_WON:
		if (!have[F_WON_DATE] && !have[F_CLOSE] && !have[F_EXPECTED])
			return fail_rec(r, "won deal without a close date");
		when = have[F_WON_DATE] ? d[F_WON_DATE] : have[F_CLOSE] ?
		    d[F_CLOSE] : d[F_EXPECTED];
		break;
	case O_LOST:
		if (!have[F_LOST_DATE] && !have[F_CLOSE] && !have[F_EXPECTED])
			return fail_rec(r, "lost deal without a close date");
		when = have[F_LOST_DATE] ? d[F_LOST_DATE] : have[F_CLOSE] ?
		    d[F_CLOSE] : d[F_EXPECTED];
		break;
	default:
		when = have[F_EXPECTED] ? d[F_EXPECTED] : d[F_CLOSE];
		break;
	}
	money = deal_money(r, *oc, a, k, &amt, &once);
	if (*oc == O_WON) {
		if (money)
			ADD(r, when, "revenue", amt, once);
		ADD(r, when, "deals_won", FIXED_SCALE, 1);
		if (have[F_CREATED] && d[F_CREATED] <= when)
			ADD(r, when, "cycle_days",
			    (int64_t)(when - d[F_CREATED]) * FIXED_SCALE, 1);
		else if (have[F_CREATED])
			r->backwards = 1;
	} else if (*oc == O_LOST)
		ADD(r, when, "deals_lost", FIXED_SCALE, 1);
	if (have[F_CREATED]) {
		ADD(r, d[F_CREATED], "opps_created", FIXED_SCALE, 1);
		if (money)
			ADD(r, d[F_CREATED], "pipeline_created", amt, once);
	}
	if (*oc == O_OPEN && (have[F_EXPECTED] || have[F_CLOSE]) && money)
		ADD(r, when, "open_pipeline", amt, once);
	return 0;
}

const char *
record_activity_metric(const char *s, size_t n, char *buf, size_t cap)
{
	/* A word of the type that names the four metrics of the SPEC. */
	static const struct {
		const char *word, *metric;
	} words[] = {
		{ "call", "calls" }, { "calls", "calls" }, { "phone", "calls" },
		{ "email", "emails" }, { "emails", "emails" },
		{ "mail", "emails" }, { "meeting", "meetings" },
		{ "meetings", "meetings" }, { "event", "meetings" },
		{ "appointment", "meetings" }, { "task", "tasks" },
		{ "tasks", "tasks" }, { "todo", "tasks" }, { "to_do", "tasks" },
		{ NULL, NULL }
	};
	size_t i, o = 0, k, w;
	unsigned char ch;
	int us = 0;

	for (i = 0; i < n && o + 2 < cap; i++) {
		ch = (unsigned char)s[i];
		if (ch >= 'A' && ch <= 'Z')
			ch = (unsigned char)(ch - 'A' + 'a');
		if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
		    ch >= 0x80) {
			if (us && o > 0)
				buf[o++] = '_';
			us = 0;
			buf[o++] = (char)ch;
		} else
			us = 1;
	}
	buf[o] = '\0';
	/* First match in the order of the table: "to_do" is a task. */
	for (w = 0; words[w].word != NULL; w++) {
		k = strlen(words[w].word);
		for (i = 0; i + k <= o; i++)
			if ((i == 0 || buf[i - 1] == '_') && memcmp(buf + i,
			    words[w].word, k) == 0 && (i + k == o ||
			    buf[i + k] == '_'))
				return words[w].metric;
	}
	return buf;
}

/* Whether the metric is one of the four kinds, not a type's slug. */
static int
is_kind(const char *metric)
{
	return strcmp(metric, "calls") == 0 || strcmp(metric, "emails") == 0 ||
	    strcmp(metric, "meetings") == 0 || strcmp(metric, "tasks") == 0;
}

/* A status word, letters and digits only, lower case, into buf. */
static const char *
status_word(const char *s, size_t n, char *buf, size_t cap)
{
	size_t i, o = 0;
	unsigned char c;

	for (i = 0; i < n && o + 1 < cap; i++) {
		c = (unsigned char)s[i];
		if (c >= 'A' && c <= 'Z')
			buf[o++] = (char)(c - 'A' + 'a');
		else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			buf[o++] = (char)c;
	}
	buf[o] = '\0';
	return buf;
}

/*
 * 1 when a status says the activity happened, 0 when it says it has
 * not (yet), -1 for a word of neither list.  The words of Salesforce
 * (Task Status), Dynamics 365 (Activity Status, Status Reason of
 * appointments, phone calls, e-mails, tasks), HubSpot (task status,
 * call and meeting outcomes), Pipedrive (done) and dialers.
 */
static int
status_done(const char *s, size_t n)
{
	static const char *const done[] = { "completed", "complete", "done",
		"held", "closed", "sent", "received", "made", "finished",
		"answered", "connected", "leftvoicemail", "voicemail",
		"leftmessage", "leftlivemessage", "delivered", "replied",
		"resolved", "attended", "occurred", "true", "yes", "y", "1",
		NULL };
	static const char *const notdone[] = { "open", "notstarted",
		"scheduled", "inprogress", "deferred", "canceled", "cancelled",
		"draft", "planned", "pending", "pendingsend", "sending",
		"failed", "waiting", "waitingonsomeoneelse", "notheld",
		"ringing", "connecting", "callingcrmuser", "notanswered",
		"notdone", "noshow", "missed", "noanswer", "unanswered", "busy",
		"tentative", "free", "outofoffice", "rescheduled", "overdue",
		"incomplete", "uncompleted", "notcompleted", "todo", "new",
		"abandoned", "declined", "wrongnumber", "queued", "notsent",
		"upcoming", "false", "no", "n", "0", NULL };
	char buf[64];
	const char *w = status_word(s, n, buf, sizeof(buf));
	int i;

	for (i = 0; done[i] != NULL; i++)
		if (strcmp(w, done[i]) == 0)
			return 1;
	for (i = 0; notdone[i] != NULL; i++)
		if (strcmp(w, notdone[i]) == 0)
			return 0;
	return -1;
}

/*
 * The kind of an activity (SPEC 12), in this order: --kind; IsTask
 * false (a Salesforce Event in an ActivityHistory export); a subtype
 * that names one (Salesforce TaskSubtype Call, Email, ListEmail;
 * EventSubtype Event); a type that names one; a call's own fields
 * filled (CallType, CallDurationInSeconds); any other subtype (Task,
 * Cadence, LinkedIn: a Salesforce task); the kind the file's columns
 * or name say; else the type's slug.  In a file of one kind, a type
 * that names no kind is a category (CallType Billing, Direction
 * Inbound), not the kind.  NULL when nothing tells.
 */
static const char *
activity_kind(struct rec *r)
{
	const char *m;
	char sub[64];

	if (r->fc->kind_forced)
		return r->fc->kind;
	/* IsTask false: a Salesforce Event, a meeting whatever its type. */
	if (r->n[F_ISTASK] > 0 && status_done(r->v[F_ISTASK],
	    r->n[F_ISTASK]) == 0)
		return "meetings";
	if (r->n[F_SUBTYPE] > 0) {
		m = record_activity_metric(r->v[F_SUBTYPE], r->n[F_SUBTYPE],
		    sub, sizeof(sub));
		if (strcmp(m, "listemail") == 0)
			return "emails";
		if (is_kind(m) && strcmp(m, "tasks") != 0)
			return m;
	}
	m = r->n[F_TYPE] > 0 ? record_activity_metric(r->v[F_TYPE],
	    r->n[F_TYPE], r->mbuf, sizeof(r->mbuf)) : "";
	if (is_kind(m))
		return m;
	if (r->n[F_CALL] > 0)
		return "calls";
	if (r->n[F_SUBTYPE] > 0)
		return "tasks";
	if (r->fc->kind != NULL)
		return r->fc->kind;
	return *m != '\0' ? m : NULL;
}

/* A call type that says no one answered. */
static int
missed_call(const char *s, size_t n)
{
	static const char *const words[] = { "missed", "noanswer",
		"unanswered", "abandoned", "notanswered", "busy", "failed",
		"wrongnumber", NULL };
	char buf[64];
	const char *w = status_word(s, n, buf, sizeof(buf));
	int i;

	for (i = 0; words[i] != NULL; i++)
		if (strcmp(w, words[i]) == 0)
			return 1;
	return 0;
}

/*
 * Whether the activity happened: a call not answered did not; a flag
 * (IsClosed, Pipedrive's Activity - Done) says it; else the status;
 * a status of neither list, or none, counts.
 */
static int
activity_done(struct rec *r)
{
	int v;

	if (r->n[F_ANSWERED] > 0 && status_done(r->v[F_ANSWERED],
	    r->n[F_ANSWERED]) == 0)
		return 0;
	/* Zoho's Call Type Missed; a duration of 0 is still a call. */
	if (r->n[F_CALL] > 0 && missed_call(r->v[F_CALL], r->n[F_CALL]))
		return 0;
	if (r->n[F_ISCLOSED] > 0 && (v = status_done(r->v[F_ISCLOSED],
	    r->n[F_ISCLOSED])) >= 0)
		return v;
	if (r->n[F_STATUS] > 0) {
		v = status_done(r->v[F_STATUS], r->n[F_STATUS]);
		r->odd_status = v < 0;
		return v != 0;
	}
	return 1;
}

/* The date columns of an activity, in the order they are tried. */
static const enum field activity_dates[] = { F_DONE, F_DATE, F_DUE,
	F_SENT, F_CREATED };
#define NACTDATES (sizeof(activity_dates) / sizeof(activity_dates[0]))

static int
no_activity_date(struct rec *r)
{
	char names[512];
	size_t i, o = 0;
	int k;

	names[0] = '\0';
	for (i = 0; i < NACTDATES && o < sizeof(names); i++) {
		if (r->fc->map.col[activity_dates[i]] < 0)
			continue;
		k = snprintf(names + o, sizeof(names) - o, "%s%s", o ? ", " :
		    "", record_column(r->fc, activity_dates[i]));
		if (k < 0)
			break;
		o += (size_t)k;
	}
	return fail_rec(r, "%s: no activity date", o ? names :
	    record_column(r->fc, F_DATE));
}

/*
 * An activity that happened: one fact of its kind on its date.  One
 * that did not is O_NOTDONE, before its dates are read, so that a
 * planned task's due date is neither checked nor a fact.
 */
static int
activity(struct rec *r, enum outcome *oc)
{
	const char *metric;
	pm_day d;
	size_t i;
	int rc = MD_EMPTY;

	*oc = O_OPEN;
	r->odd_status = 0;
	if (r->n[F_DELETED] > 0 && status_done(r->v[F_DELETED],
	    r->n[F_DELETED]) == 1) {
		*oc = O_SKIP;	/* deleted, as a deal's Deleted status */
		return 0;
	}
	if (!activity_done(r)) {
		*oc = O_NOTDONE;
		return 0;
	}
	metric = activity_kind(r);
	if (metric == NULL && (r->fc->map.col[F_TYPE] >= 0 ||
	    r->fc->map.col[F_SUBTYPE] >= 0))
		return fail_rec(r, "%s: no activity type", record_column(r->fc,
		    r->fc->map.col[F_TYPE] >= 0 ? F_TYPE : F_SUBTYPE));
	if (metric == NULL)
		return fail_rec(r, "no activity type: no column says it");
	for (i = 0; i < NACTDATES && rc == MD_EMPTY; i++)
		if ((rc = rec_date(r, activity_dates[i], &d)) < 0)
			return -1;
	if (rc == MD_EMPTY)
		return no_activity_date(r);
	add_fact(r, d, metric, strlen(metric), FIXED_SCALE, 0);
	return 0;
}

static int
valid_metric(const char *s, size_t n)
{
	size_t i;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' &&
		    s[i] <= '9') || s[i] == '_' || (unsigned char)s[i] >= 0x80))
			return 0;
	return 1;
}

static int
fact(struct rec *r)
{
	pm_day d;
	int64_t v;
	int rc;
	char *metric = r->mbuf;
	const char *s = r->v[F_DATE];
	size_t n = r->n[F_DATE];

	if (date_parse_iso(s, n, &d) != 0)
		return fail_rec(r, "date: '%.*s' is not a YYYY-MM-DD date",
		    (int)n, s);
	if (!valid_metric(r->v[F_METRIC], r->n[F_METRIC]) ||
	    r->n[F_METRIC] >= sizeof(r->mbuf))
		return fail_rec(r, "metric: '%.*s' is not a snake_case name",
		    (int)r->n[F_METRIC], r->v[F_METRIC]);
	memcpy(metric, r->v[F_METRIC], r->n[F_METRIC]);
	metric[r->n[F_METRIC]] = '\0';
	if ((rc = fixed_parse(r->v[F_VALUE], r->n[F_VALUE], &v)) != NUM_OK) {
		r->range = rc == NUM_RANGE;
		return fail_rec(r, "value: '%.*s' is %s",
		    (int)r->n[F_VALUE], r->v[F_VALUE], fixed_why(rc));
	}
	add_fact(r, d, metric, r->n[F_METRIC], v, 0);
	return 0;
}

/* Field values of the row, trimmed; "" for fields the file lacks. */
static void
load_record(struct rec *r, const struct filectx *in,
    const struct csv_row *row)
{
	int f, c;
	const char *s;
	size_t n;

	r->fc = in;
	r->row = row;
	for (f = 0; f < NFIELD; f++) {
		c = in->map.col[f];
		if (c < 0 || (size_t)c >= row->n) {
			r->v[f] = "";
			r->n[f] = 0;
			continue;
		}
		s = row->f[c];
		n = row->len[c];
		n = trim_span(&s, n);
		r->v[f] = s;
		r->n[f] = n;
	}
	owner_resolve(r);
	r->naccount = record_collapse(r->v[F_ACCOUNT], r->n[F_ACCOUNT],
	    r->account, sizeof(r->account));
	r->nproduct = record_collapse(r->v[F_PRODUCT], r->n[F_PRODUCT],
	    r->product, sizeof(r->product));
	r->nteam = record_collapse(r->v[F_TEAM], r->n[F_TEAM], r->team,
	    sizeof(r->team));
	if (r->n[F_ID] > 0 && r->n[F_ID] < sizeof(r->ref)) {
		memcpy(r->ref, r->v[F_ID], r->n[F_ID]);
		r->ref[r->n[F_ID]] = '\0';
	} else
		snprintf(r->ref, sizeof(r->ref), "%s:%ld", in->name,
		    row->line);
}

/* Rows longer than the header are fine when the extra fields are empty. */
static int
width_ok(const struct filectx *in, const struct csv_row *row)
{
	size_t i;

	if (row->n < in->hdr_n)
		return 0;
	for (i = in->hdr_n; i < row->n; i++)
		if (row->len[i] != 0)
			return 0;
	return 1;
}

int
record_convert(const struct filectx *fc, const struct rules *ru,
    const struct csv_row *row, struct rec *r)
{
	r->ru = ru;
	r->row = row;
	r->nfacts = 0;
	r->backwards = 0;
	r->range = 0;
	r->outcome = O_OPEN;
	if (!width_ok(fc, row)) {
		char hint[96];

		snprintf(r->reason, sizeof(r->reason), "expected %zu fields, "
		    "found %zu%s", fc->hdr_n, row->n,
		    csv_width_hint(row, hint, sizeof(hint)));
		return -1;
	}
	load_record(r, fc, row);
	if (r->nrep == sizeof(r->rep) || r->naccount == sizeof(r->account) ||
	    r->nproduct == sizeof(r->product) || r->nteam == sizeof(r->team))
		return fail_rec(r, "%s: longer than %d bytes", record_column(fc,
		    r->nrep == sizeof(r->rep) ? F_REP : r->naccount ==
		    sizeof(r->account) ? F_ACCOUNT : r->nproduct ==
		    sizeof(r->product) ? F_PRODUCT : F_TEAM), NAME_MAX_LEN - 2);
	if (r->nrep == 0)
		return fail_rec(r, "%s: empty rep", record_column(fc, F_REP));
	/* '*' is every rep or every team in pm-score's output and targets. */
	if ((r->nrep == 1 && r->rep[0] == '*') ||
	    (r->nteam == 1 && r->team[0] == '*'))
		return fail_rec(r, "%s: '*' is reserved for the roll-up of "
		    "all %s", record_column(fc, r->nrep == 1 &&
		    r->rep[0] == '*' ? F_REP : F_TEAM), r->nrep == 1 &&
		    r->rep[0] == '*' ? "reps" : "teams");
	switch (fc->fmt->kind) {
	case K_FACTS:
		return fact(r);
	case K_ACTIVITIES:
		return activity(r, &r->outcome);
	default:
		return deal(r, &r->outcome);
	}
}
