/*
 * pm-pareto: measure concentration: the 80/20 rule.  Sums a value per key
 * (per group and key with -g) in one pass, holding one entry per key,
 * then ranks the keys and writes the detail, the summary or, for a
 * scale-out run, the partial sums that --merge combines.
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "csvin.h"
#include "date.h"
#include "delim.h"
#include "err.h"
#include "facts.h"
#include "num.h"
#include "out.h"
#include "scores.h"
#include "trim.h"
#include "pm-pareto/pareto.h"

enum {
	OPT_AT = 256,
	OPT_PARTIAL,
	OPT_MERGE,
	OPT_SAFE_CSV,
};

static const struct option longopts[] = {
	{ "key", required_argument, NULL, 'k' },
	{ "metric", required_argument, NULL, 'm' },
	{ "value", required_argument, NULL, 'v' },
	{ "group", required_argument, NULL, 'g' },
	{ "classes", required_argument, NULL, 'c' },
	{ "at", required_argument, NULL, OPT_AT },
	{ "summary", no_argument, NULL, 's' },
	{ "top", required_argument, NULL, 'n' },
	{ "partial", no_argument, NULL, OPT_PARTIAL },
	{ "merge", no_argument, NULL, OPT_MERGE },
	{ "safe-csv", no_argument, NULL, OPT_SAFE_CSV },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ "output", required_argument, NULL, 'o' },
	{ "delimiter", required_argument, NULL, 'd' },
	{ "quiet", no_argument, NULL, 'q' },
	{ NULL, 0, NULL, 0 }
};

struct pareto_opts {
	struct pmeta meta;
	int k_set, m_set, v_set, g_set;
	struct pcfg cfg;
	int summary, partial, merge, quiet, safe_csv;
	unsigned char delim;
	const char *output;
};

/* What reading the input found besides the sums. */
struct tally {
	long blank_keys;	/* rows whose key is empty */
	int64_t blank_sum;
	int blank_overflow;
	long counted;		/* rows that went into the table */
	long rows;
};

_Noreturn static void
usage(void)
{
	printf("%s",
	    "Usage: pm-pareto [-k KEY] [-m METRIC | -v COLUMN] [-g GROUP] [-c A,B]\n"
	    "                 [--at PCT] [-s|--summary] [-n|--top N] [--partial] [--merge]\n"
	    "                 [--safe-csv] [-d C] [-o FILE] [-q] [FILE]...\n"
	    "\n"
	    "Rank keys by their summed value and measure concentration (80/20).\n"
	    "\n"
	    "  -k, --key KEY       column to rank (default account)\n"
	    "  -m, --metric M      facts input: sum the facts of metric M (default revenue)\n"
	    "  -v, --value COLUMN  any CSV: sum this numeric column instead\n"
	    "  -g, --group GROUP   repeat the analysis within each value of GROUP\n"
	    "  -c, --classes A,B   ABC class limits in percent (default 80,95)\n"
	    "      --at PCT        summary: keys needed to reach PCT percent (default 80)\n"
	    "  -s, --summary       one summary row per group instead of the detail\n"
	    "  -n, --top N         detail: only the first N keys of each group\n"
	    "      --partial       write partial sums for a later --merge\n"
	    "      --merge         read partial sums instead of data\n"
	    "      --safe-csv      text cells that begin with = + - @ get a leading '\n"
	    "                      (for a spreadsheet; numbers are never touched)\n"
	    "  -d, --delimiter C   input field separator (default , ; -v: sniffed)\n"
	    "  -o, --output FILE   write to FILE atomically\n"
	    "  -q, --quiet         no notes on standard error\n"
	    "\n"
	    "Detail:  [group,]rank,key,value,share,cum_share,class\n"
	    "Summary: group,keys,total,keys_at,pct_keys_at,top20_share,gini,hhi,excluded\n"
	    "See the pm-pareto(1) manual page.\n");
	exit(0);
}

/* A percentage in (0, 100], exactly, in 1/10000. */
static int64_t
parse_pct(const char *opt, const char *s, size_t n)
{
	int64_t v;

	if (fixed_parse(s, n, &v) != NUM_OK || v <= 0 ||
	    v > 100 * (int64_t)FIXED_SCALE)
		pm_usage_error("%s: '%.*s' is not a percentage above 0 and "
		    "at most 100", opt, (int)n, s);
	return v;
}

static void
parse_classes(const char *arg, struct pcfg *c)
{
	const char *comma = strchr(arg, ',');

	if (comma == NULL)
		pm_usage_error("-c: '%s' is not A,B (e.g. 80,95)", arg);
	c->class_a = parse_pct("-c", arg, (size_t)(comma - arg));
	c->class_b = parse_pct("-c", comma + 1, strlen(comma + 1));
	if (c->class_a > c->class_b)
		pm_usage_error("-c: '%s': A must not be above B", arg);
}

static void
parse_opts(int argc, char *argv[], struct pareto_opts *op)
{
	int c;

	memset(op, 0, sizeof(*op));
	op->meta.key = FACTS_ACCOUNT;
	op->meta.metric = "revenue";
	op->meta.value = "";
	op->meta.group = "";
	op->cfg.class_a = 80 * (int64_t)FIXED_SCALE;
	op->cfg.class_b = 95 * (int64_t)FIXED_SCALE;
	op->cfg.at = 80 * (int64_t)FIXED_SCALE;
	while ((c = cli_getopt(argc, argv, "k:m:v:g:c:sn:hVo:d:q",
	    longopts)) != -1) {
		switch (c) {
		case 'k':
			op->meta.key = optarg;
			op->k_set = 1;
			break;
		case 'm':
			op->meta.metric = optarg;
			op->m_set = 1;
			break;
		case 'v':
			op->meta.value = optarg;
			op->v_set = 1;
			break;
		case 'g':
			op->meta.group = optarg;
			op->g_set = 1;
			break;
		case 'c':
			parse_classes(optarg, &op->cfg);
			break;
		case OPT_AT:
			op->cfg.at = parse_pct("--at", optarg, strlen(optarg));
			break;
		case 's':
			op->summary = 1;
			break;
		case 'n':
			op->cfg.top = cli_long("-n", optarg, 1, LONG_MAX);
			break;
		case OPT_PARTIAL:
			op->partial = 1;
			break;
		case OPT_MERGE:
			op->merge = 1;
			break;
		case OPT_SAFE_CSV:
			op->safe_csv = 1;
			break;
		case 'h':
			usage();
		case 'V':
			pm_version();
		case 'o':
			op->output = optarg;
			break;
		case 'd':
			op->delim = cli_delim(optarg);
			break;
		case 'q':
			op->quiet = 1;
			pm_quiet = 1;
			break;
		default:
			pm_usage_error(NULL);
		}
	}
	if (op->m_set && op->v_set)
		pm_usage_error("-m and -v are exclusive: -m sums facts of a "
		    "metric, -v a column of any CSV");
	if (op->v_set) {
		if (*op->meta.value == '\0')
			pm_usage_error("-v: empty column name");
		op->meta.metric = "";
	}
	if (*op->meta.key == '\0' || (op->g_set && *op->meta.group == '\0') ||
	    (op->m_set && *op->meta.metric == '\0'))
		pm_usage_error("-k, -m and -g need a non-empty name");
	op->cfg.grouped = op->g_set;
}

static int
is_blank(const char *s, size_t n)
{
	return trim_span(&s, n) == 0;
}

static int
find_col(const struct csv_row *hdr, const char *name)
{
	int i = csv_find_col(hdr, name);

	return i >= 0 ? i : csv_find_col_norm(hdr, name);
}

#define FACTS_HINT " (not facts? -v COLUMN sums a column of any CSV)"

static int
need_col(const struct factsr *fr, const char *name, const char *opt)
{
	int i = factsr_col(fr, name);

	if (i < 0)
		pm_die_at(EX_DATAERR, csvr_name(factsr_csvr(fr)),
		    factsr_header(fr)->line, "no column '%s' in the header%s",
		    name, opt);
	return i;
}

/* Where the columns of one input file are. */
struct pareto_cols {
	int key, group, metric, value;
	int date;		/* facts: checked like pm-score does */
	int rep, team;		/* facts: '*' is reserved (SPEC 18) */
};

static void
find_cols(const struct factsr *fr, const struct pareto_opts *op,
    struct pareto_cols *c)
{
	if (op->v_set) {
		c->value = need_col(fr, op->meta.value, " (-v)");
		c->metric = -1;
		c->date = -1;
		c->rep = c->team = -1;
	} else {
		c->metric = need_col(fr, facts_cols[FACT_METRIC], FACTS_HINT);
		c->value = need_col(fr, facts_cols[FACT_VALUE], FACTS_HINT);
		c->date = csv_find_col(factsr_header(fr),
		    facts_cols[FACT_DATE]);
		c->rep = csv_find_col(factsr_header(fr), facts_cols[FACT_REP]);
		c->team = csv_find_col(factsr_header(fr),
		    facts_cols[FACT_TEAM]);
	}
	c->key = need_col(fr, op->meta.key, " (-k)");
	c->group = op->g_set ? need_col(fr, op->meta.group, " (-g)") : -1;
}

static int64_t
parse_value(const struct csvr *r, const struct csv_row *row, int col,
    const char *name)
{
	int64_t v;
	int rc;

	if (is_blank(row->f[col], row->len[col]))
		return 0;	/* not known: adds nothing */
	rc = fixed_parse(row->f[col], row->len[col], &v);
	if (rc == NUM_RANGE)
		pm_die_at(EX_DATAERR, csvr_name(r), row->line,
		    "%s: '%.40s' is %s", name, row->f[col], fixed_why(rc));
	if (rc != NUM_OK)
		pm_die_at(EX_DATAERR, csvr_name(r), row->line,
		    "%s: '%.40s' is not a number", name, row->f[col]);
	return v;
}

static void
add_row(const struct csvr *r, const struct csv_row *row,
    const struct pareto_cols *c, const struct pareto_opts *op, struct ptab *t,
    struct vfile *vf, struct tally *ty)
{
	const char *g = "";
	size_t gn = 0, mlen;
	int64_t v;
	pm_day d;

	ty->rows++;
	/* Facts naming the roll-up are invalid whatever the metric, as in
	 * pm-score: the same file must not pass one tool and fail the other. */
	if (c->rep >= 0 && scores_reserved_name(row->f[c->rep],
	    row->len[c->rep]))
		pm_die_at(EX_DATAERR, csvr_name(r), row->line, "rep: '*' is "
		    "reserved for the roll-up of all reps");
	if (c->team >= 0 && scores_reserved_name(row->f[c->team],
	    row->len[c->team]))
		pm_die_at(EX_DATAERR, csvr_name(r), row->line, "team: '*' is "
		    "reserved for the roll-up of all teams");
	if (c->metric >= 0) {
		mlen = strlen(op->meta.metric);
		if (row->len[c->metric] != mlen ||
		    memcmp(row->f[c->metric], op->meta.metric, mlen) != 0)
			return;
	}
	/* A fact on no real day (2026-02-31) is a typo pm-score rejects too. */
	if (c->date >= 0 && date_parse_iso(row->f[c->date], row->len[c->date],
	    &d) != 0)
		pm_die_at(EX_DATAERR, csvr_name(r), row->line,
		    "date '%.40s' is not a YYYY-MM-DD date", row->f[c->date]);
	if (c->group >= 0) {
		g = row->f[c->group];
		gn = row->len[c->group];
	}
	if (vf != NULL) {
		if (is_blank(row->f[c->key], row->len[c->key]))
			ty->blank_keys++;
		else
			ty->counted++;
		vfile_add(vf, g, gn, is_blank(row->f[c->key],
		    row->len[c->key]) ? NULL : row->f[c->key],
		    row->len[c->key], row->f[c->value], row->len[c->value],
		    row->line);
		return;
	}
	v = parse_value(r, row, c->value, FACTS_VALUE);
	if (is_blank(row->f[c->key], row->len[c->key])) {
		ty->blank_keys++;
		if (fixed_add(&ty->blank_sum, v) != NUM_OK)
			ty->blank_overflow = 1;
		return;
	}
	ty->counted++;
	if (ptab_add(t, g, gn, row->f[c->key], row->len[c->key], v) != 0)
		pm_die_at(EX_DATAERR, csvr_name(r), row->line,
		    "the sum for '%.40s' is too large", row->f[c->key]);
}

/*
 * Facts come from pm-ingest, always UTF-8, comma-separated.  Any other
 * CSV (-v) is an export as it comes: its separator sniffed, a field
 * that Excel saved as Windows-1252 converted, its amounts read as
 * pm-ingest reads them (vfile.c).
 */
static void
read_data(const char *path, const struct pareto_opts *op, struct ptab *t,
    struct tally *ty)
{
	struct csvr *r;
	struct factsr *fr;
	struct csv_row row;
	struct pareto_cols c;
	struct vfile vf;
	const char *peek;
	unsigned char delim = op->delim;
	size_t n;
	long line;

	r = csvr_open(path);
	if (op->v_set) {
		csvr_set_cp1252_fallback(r, 1);
		if (delim == 0) {
			n = csvr_peek(r, &peek);
			delim = delim_sniff(peek, n);
		}
		vfile_init(&vf, csvr_name(r), op->meta.value, op->g_set);
	}
	csvr_set_delim(r, delim ? delim : ',');
	fr = factsr_open(r, op->v_set ? FR_ANY_CSV : FR_FACTS);
	if (factsr_header(fr) != NULL) {
		find_cols(fr, op, &c);
		while (factsr_next(fr, &row) == 1)
			add_row(r, &row, &c, op, t, op->v_set ? &vf : NULL,
			    ty);
	}
	if (op->v_set) {
		vfile_finish(&vf, delim, t, &ty->blank_sum,
		    &ty->blank_overflow);
		if ((n = csvr_cp1252_fields(r, &line)) > 0 && !op->quiet)
			pm_warn_at(path, line, "not valid UTF-8: %zu field%s "
			    "read as Windows-1252", n, n == 1 ? "" : "s");
	}
	factsr_close(fr);
}

static void
warn_tally(const struct pareto_opts *op, const struct tally *ty)
{
	char buf[NUM_BUFSIZE];

	if (op->quiet)
		return;
	if (ty->blank_keys > 0)
		pm_warn("%ld row%s with an empty %s left out (their sum: %s)",
		    ty->blank_keys, ty->blank_keys == 1 ? "" : "s", op->meta.key, ty->blank_overflow ?
		    "too large" : fixed_format(ty->blank_sum, 2, buf));
	if (!op->v_set && ty->rows > 0 && ty->counted == 0 &&
	    ty->blank_keys == 0)
		pm_warn("no facts of metric '%s' in the input",
		    op->meta.metric);
}

/*
 * Merging partials: the options each partial was made with must agree
 * with those given to --merge, or, when not given, with the first
 * partial row.  A NULL want[] is not known yet.
 */
struct merge {
	char *want[4];		/* key_column, metric, value_column, group */
	int explicit[4];
	struct ptab *t;
};

static void
describe(char *buf, size_t n, char *const v[4], int which)
{
	if (which == 0)
		snprintf(buf, n, "-k %s", v[0]);
	else if (which == 1)
		snprintf(buf, n, *v[1] ? "-m %s" : "-v %s",
		    *v[1] ? v[1] : v[2]);
	else
		snprintf(buf, n, *v[3] ? "-g %s" : "no -g", v[3]);
}

static void
check_meta(struct merge *ms, const struct csvr *r, const struct csv_row *row)
{
	char *got[4], have[300], was[300];
	int i, which;

	for (i = 0; i < 4; i++)
		got[i] = row->f[1 + i];
	for (i = 0; i < 4; i++) {
		if (ms->want[i] == NULL)
			ms->want[i] = xstrdup(got[i]);
		if (strcmp(got[i], ms->want[i]) == 0)
			continue;
		which = i == 0 ? 0 : i == 3 ? 2 : 1;
		describe(have, sizeof(have), got, which);
		describe(was, sizeof(was), ms->want, which);
		pm_die_at(EX_DATAERR, csvr_name(r), row->line,
		    "partial made with %s, %s %s", have,
		    ms->explicit[i] ? "but this run has" :
		    "an earlier one with", was);
	}
}

static void
check_partial_header(const struct csvr *r, const struct csv_row *row)
{
	size_t i;

	for (i = 0; i < PARTIAL_NCOLS; i++)
		if (find_col(row, partial_cols[i]) < 0)
			pm_die_at(EX_DATAERR, csvr_name(r), row->line,
			    "partial header: no column '%s'", partial_cols[i]);
	for (i = 0; i < row->n; i++)
		if (i >= PARTIAL_NCOLS || strcmp(row->f[i], partial_cols[i]))
			pm_die_at(EX_DATAERR, csvr_name(r), row->line,
			    "partial header: column %zu is '%.40s', expected "
			    "'%s'", i + 1, row->f[i], i < PARTIAL_NCOLS ?
			    partial_cols[i] : "none");
}

static void
merge_row(struct merge *ms, const struct csvr *r, const struct csv_row *row)
{
	int64_t v;
	int rc;

	if (row->n != PARTIAL_NCOLS)
		pm_die_at(EX_DATAERR, csvr_name(r), row->line,
		    "not a pm-pareto partial: %zu fields, expected %d",
		    row->n, PARTIAL_NCOLS);
	if (strcmp(row->f[0], PARTIAL_VERSION) != 0)
		pm_die_at(EX_DATAERR, csvr_name(r), row->line,
		    "not a pm-pareto partial: pareto_partial is '%.40s', "
		    "expected %s", row->f[0], PARTIAL_VERSION);
	check_meta(ms, r, row);
	if (*row->f[4] == '\0' && row->len[5] != 0)
		pm_die_at(EX_DATAERR, csvr_name(r), row->line,
		    "partial row has a group but no group_column");
	if ((rc = fixed_parse(row->f[7], row->len[7], &v)) != NUM_OK)
		pm_die_at(EX_DATAERR, csvr_name(r), row->line,
		    "sum: '%.40s' is %s", row->f[7], fixed_why(rc));
	if (ms->t == NULL)
		ms->t = ptab_new(*row->f[4] != '\0');
	if (ptab_add(ms->t, row->f[5], row->len[5], row->f[6], row->len[6],
	    v) != 0)
		pm_die_at(EX_DATAERR, csvr_name(r), row->line,
		    "the sum for '%.40s' is too large", row->f[6]);
}

static void
merge_file(const char *path, struct merge *ms)
{
	struct csvr *r = csvr_open(path);
	struct csv_row row;

	while (csvr_next_or_die(r, &row) == 1) {
		if (strcmp(row.f[0], partial_cols[0]) == 0)
			check_partial_header(r, &row);
		else
			merge_row(ms, r, &row);
	}
	csvr_close(r);
}

/*
 * Reads partials into ms->t.  The options given are checked against
 * every partial row; those not given are taken from the first row and
 * then fill in op->meta, so that --merge --partial records them.
 */
static void
read_partials(int nfiles, char *files[], struct pareto_opts *op,
    struct merge *ms)
{
	const char *given[4];
	int i;

	given[0] = op->meta.key;
	given[1] = op->meta.metric;
	given[2] = op->meta.value;
	given[3] = op->meta.group;
	ms->explicit[0] = op->k_set;
	ms->explicit[1] = ms->explicit[2] = op->m_set || op->v_set;
	ms->explicit[3] = op->g_set;
	for (i = 0; i < 4; i++)
		ms->want[i] = ms->explicit[i] ? xstrdup(given[i]) : NULL;
	if (nfiles == 0)
		merge_file("-", ms);
	for (i = 0; i < nfiles; i++)
		merge_file(files[i], ms);
	for (i = 0; i < 4; i++)
		if (ms->want[i] != NULL)
			given[i] = ms->want[i];
	op->meta.key = given[0];
	op->meta.metric = given[1];
	op->meta.value = given[2];
	op->meta.group = given[3];
	op->cfg.grouped = *op->meta.group != '\0';
	if (ms->t == NULL)
		ms->t = ptab_new(op->cfg.grouped);
}

int
main(int argc, char *argv[])
{
	struct pareto_opts op;
	struct tally ty = { 0 };
	struct merge ms = { { NULL }, { 0 }, NULL };
	struct ptab *t;
	struct out *o;
	int i;

	pm_setprog(argv);
	parse_opts(argc, argv, &op);
	o = out_open(op.output);
	out_safe_csv(o, op.safe_csv);
	argc -= optind;
	argv += optind;
	if (op.merge) {
		read_partials(argc, argv, &op, &ms);
		t = ms.t;
	} else {
		t = ptab_new(op.g_set);
		if (argc == 0)
			read_data("-", &op, t, &ty);
		for (i = 0; i < argc; i++)
			read_data(argv[i], &op, t, &ty);
		warn_tally(&op, &ty);
	}
	if (op.partial)
		ptab_write_partial(t, &op.meta, o);
	else if (op.summary)
		ptab_write_summary(t, &op.cfg, o);
	else
		ptab_write_detail(t, &op.cfg, o);
	out_close(o);
	ptab_free(t);
	for (i = 0; i < 4; i++)
		free(ms.want[i]);
	return 0;
}
