/*
 * The options that need more than a flag: -m FIELD=COLUMN, the --won
 * and --lost lists, and the --rates table.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

void
opt_load_rates(struct rules *ru, const char *path)
{
	struct csvr *r = csvr_open(path);
	struct csv_row row;
	struct rate *rates = NULL;
	size_t nrates = 0;
	int cc, rc;
	char cur[4];

	if (csvr_next_or_die(r, &row) == 0)
		pm_die(EX_DATAERR, "%s: empty rates file", path);
	cc = csv_find_col_norm(&row, "currency");
	rc = csv_find_col_norm(&row, "rate");
	if (cc < 0 || rc < 0)
		pm_die(EX_DATAERR, "%s: expected the columns currency,rate",
		    path);
	while (csvr_next_or_die(r, &row) == 1) {
		struct rate *t;

		if ((size_t)cc >= row.n || (size_t)rc >= row.n)
			pm_die_at(EX_DATAERR, path, row.line,
			    "expected currency,rate");
		if (currency_code(row.f[cc], row.len[cc], cur) != 0)
			pm_die_at(EX_DATAERR, path, row.line,
			    "currency: '%s' is not a currency code", row.f[cc]);
		rates = xreallocarray(rates, nrates + 1, sizeof(*rates));
		t = &rates[nrates++];
		memcpy(t->cur, cur, 4);
		if (parse_rate(row.f[rc], row.len[rc], &t->e9) != 0)
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
