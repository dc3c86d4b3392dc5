/*
 * The options that need more than a flag: -m FIELD=COLUMN, the --won
 * and --lost lists, and the --rates table.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "amount.h"
#include "csvin.h"
#include "err.h"
#include "ingest.h"
#include "sbuf.h"
#include "strv.h"
#include "trim.h"

void
opt_add_list(char **acc, const char *arg)
{
	char *joined = *acc != NULL ? sbuf_fmt("%s,%s", *acc, arg) :
	    xstrdup(arg);

	free(*acc);
	*acc = joined;
}

void
opt_finish(struct ingest_opts *o, struct rules *ru)
{
	if (o->won_arg != NULL)
		ru->won = strv_split(o->won_arg, &ru->nwon, NULL);
	if (o->lost_arg != NULL)
		ru->lost = strv_split(o->lost_arg, &ru->nlost, NULL);
}

void
opt_add_map(struct ingest_opts *o, const char *arg)
{
	const char *eq = strchr(arg, '=');
	char *name;
	enum field f;

	if (eq == NULL || eq == arg || eq[1] == '\0')
		pm_usage_error("-m %s: expected FIELD=COLUMN", arg);
	name = xstrndup(arg, (size_t)(eq - arg));
	if (field_by_name(name, &f) != 0)
		pm_usage_error("-m %s: unknown field '%s' (fields: id, rep, "
		    "account, product, team, stage, status, won, closed, "
		    "amount, est_amount, line_amount, currency, close_date, "
		    "won_date, lost_date, expected_close, created, type, "
		    "subtype, date, metric, value, deal_name)", arg, name);
	free(name);
	if (o->nmaps == NFIELD)
		pm_usage_error("-m %s: more than %d mappings", arg, NFIELD);
	o->maps[o->nmaps].field = f;
	o->maps[o->nmaps++].column = xstrdup(eq + 1);
}

/* A decimal rate into 1e-9 units; -1 if it is not a positive number. */
static int
parse_rate(const char *s, size_t n, int64_t *out9)
{
	int64_t v = 0;
	size_t i = 0;
	int frac = -1, any = 0;

	n = trim_span(&s, n);
	for (; i < n; i++) {
		if (s[i] == '.' && frac < 0) {
			frac = 0;
			continue;
		}
		if (s[i] < '0' || s[i] > '9')
			return -1;
		if (frac >= 9)
			continue;	/* past 1e-9: negligible */
		if (v > INT64_MAX / 100)
			return -1;
		v = v * 10 + (s[i] - '0');
		any = 1;
		if (frac >= 0)
			frac++;
	}
	if (!any)
		return -1;
	for (frac = frac < 0 ? 0 : frac; frac < 9; frac++) {
		if (v > INT64_MAX / 10)
			return -1;
		v *= 10;
	}
	if (v <= 0)
		return -1;
	*out9 = v;
	return 0;
}

/* One rate (a currency code or name, and its value) into *rates. */
static int
add_rate(const char *cur, size_t ncur, const char *rate, size_t nrate,
    struct rate **rates, size_t *nrates)
{
	struct rate *t;
	char code[4];

	if (currency_code(cur, ncur, code) != 0)
		return -1;
	*rates = xreallocarray(*rates, *nrates + 1, sizeof(**rates));
	t = &(*rates)[(*nrates)++];
	memcpy(t->cur, code, 4);
	return parse_rate(rate, nrate, &t->e9) != 0 ? -2 : 0;
}

/* --rates 'EUR=1.1,Pound Sterling=1.27': the rates on the command line. */
static void
inline_rates(struct rules *ru, const char *arg)
{
	struct rate *rates = NULL;
	size_t nrates = 0, i, n;
	char **items = strv_split(arg, &n, NULL);
	const char *eq;
	int rc;

	for (i = 0; i < n; i++) {
		if ((eq = strchr(items[i], '=')) == NULL)
			pm_usage_error("--rates %s: expected FILE or "
			    "CURRENCY=RATE,...", arg);
		rc = add_rate(items[i], (size_t)(eq - items[i]), eq + 1,
		    strlen(eq + 1), &rates, &nrates);
		if (rc == -1)
			pm_usage_error("--rates %s: '%.*s' is not a currency",
			    arg, (int)(eq - items[i]), items[i]);
		if (rc == -2)
			pm_usage_error("--rates %s: '%s' is not a positive "
			    "number", arg, eq + 1);
	}
	free(items);
	ru->rates = rates;
	ru->nrates = nrates;
}

void
opt_load_rates(struct rules *ru, const char *path)
{
	struct csvr *r;
	struct csv_row row;
	struct rate *rates = NULL;
	size_t nrates = 0;
	int cc, rc, k;

	if (strchr(path, '=') != NULL && access(path, F_OK) != 0) {
		inline_rates(ru, path);
		return;
	}
	r = csvr_open(path);
	if (csvr_next_or_die(r, &row) == 0)
		pm_die(EX_DATAERR, "%s: empty rates file", path);
	cc = csv_find_col_norm(&row, "currency");
	rc = csv_find_col_norm(&row, "rate");
	if (cc < 0 || rc < 0)
		pm_die(EX_DATAERR, "%s: expected the columns currency,rate",
		    path);
	while (csvr_next_or_die(r, &row) == 1) {
		if ((size_t)cc >= row.n || (size_t)rc >= row.n)
			pm_die_at(EX_DATAERR, path, row.line,
			    "expected currency,rate");
		k = add_rate(row.f[cc], row.len[cc], row.f[rc], row.len[rc],
		    &rates, &nrates);
		if (k == -1)
			pm_die_at(EX_DATAERR, path, row.line,
			    "currency: '%s' is not a currency code or name",
			    row.f[cc]);
		if (k == -2)
			pm_die_at(EX_DATAERR, path, row.line,
			    "rate: '%s' is not a positive number", row.f[rc]);
	}
	csvr_close(r);
	ru->rates = rates;
	ru->nrates = nrates;
}

void
opt_free(struct ingest_opts *o, struct rules *ru)
{
	int k;

	free(o->won_arg);
	free(o->lost_arg);
	free(ru->won);
	free(ru->lost);
	free((void *)ru->rates);
	for (k = 0; k < o->nmaps; k++)
		free(o->maps[k].column);
}

void
opt_set_kind(struct ingest_opts *o, const char *arg)
{
	if ((o->kind = format_kind_by_name(arg)) == NULL)
		pm_usage_error("--kind %s: expected call, email, meeting or "
		    "task", arg);
}
