/*
 * pm-flag: flag reps who need attention or deserve recognition.
 *
 * Reads a scores table (pm-score output) whole, judges every rep on one
 * metric in one period (cmd/pm-flag/judge.c) and writes either the
 * input with two more columns, flags and notes, or with --list one row
 * per flag.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "err.h"
#include "num.h"
#include "out.h"
#include "sbuf.h"
#include "scores.h"
#include "sort.h"
#include "strv.h"
#include "pm-flag/flag.h"

enum {
	OPT_METRIC = 256,
	OPT_UNDER,
	OPT_OVER,
	OPT_PERSIST,
	OPT_TIERS,
	OPT_GAP,
	OPT_ONLY,
	OPT_LIST,
	OPT_ACTIVITY,
	OPT_SAFE_CSV,
	OPT_PLANS,
	OPT_MIN_ELAPSED,
};

static const struct option longopts[] = {
	{ "metric", required_argument, NULL, OPT_METRIC },
	{ "period", required_argument, NULL, 'P' },
	{ "min-elapsed", required_argument, NULL, OPT_MIN_ELAPSED },
	{ "under", required_argument, NULL, OPT_UNDER },
	{ "over", required_argument, NULL, OPT_OVER },
	{ "persist", required_argument, NULL, OPT_PERSIST },
	{ "tiers", required_argument, NULL, OPT_TIERS },
	{ "gap", required_argument, NULL, OPT_GAP },
	{ "activity", required_argument, NULL, OPT_ACTIVITY },
	{ "plans", required_argument, NULL, OPT_PLANS },
	{ "only", no_argument, NULL, OPT_ONLY },
	{ "list", no_argument, NULL, OPT_LIST },
	{ "safe-csv", no_argument, NULL, OPT_SAFE_CSV },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ "output", required_argument, NULL, 'o' },
	{ "delimiter", required_argument, NULL, 'd' },
	{ "quiet", no_argument, NULL, 'q' },
	{ NULL, 0, NULL, 0 }
};

/* The columns pm-flag cannot do without; the others are optional. */
#define REQUIRED (SC_BIT(SC_PERIOD) | SC_BIT(SC_REP) | SC_BIT(SC_METRIC) | \
	SC_BIT(SC_ACTUAL) | SC_BIT(SC_ATTAINMENT))

_Noreturn static void
usage(void)
{
	printf("%s",
	    "Usage: pm-flag [--metric M] [-P PERIOD] [--min-elapsed PCT]\n"
	    "               [--under PCT] [--over PCT]\n"
	    "               [--persist N] [--tiers TOP,BOTTOM] [--gap PCT]\n"
	    "               [--activity LIST] [--plans PLANS] [--only] [--list]\n"
	    "               [--safe-csv] [-d C] [-o FILE] [-q] [FILE]...\n"
	    "\n"
	    "Flag reps who need attention or deserve recognition, from pm-score\n"
	    "output, for the latest period (or -P) on score, else revenue.\n"
	    "\n"
	    "  --metric M        judge metric M\n"
	    "  -P, --period P    judge period P (default: the latest)\n"
	    "  --min-elapsed PCT judge the period in progress from PCT (25) of\n"
	    "                    it on, else the latest finished one\n"
	    "  --under PCT       underperformer: attainment below PCT (80)\n"
	    "  --over PCT        high_flyer: attainment at or above PCT (110)\n"
	    "  --persist N       ... in each of the last N periods (3)\n"
	    "  --tiers TOP,BOT   tier sizes in percent (20,20)\n"
	    "  --gap PCT         activity/conversion gap threshold (25)\n"
	    "  --activity LIST   the activity metrics (default: leading ones)\n"
	    "  --plans PLANS     follow up the coaching plans of PLANS (CSV\n"
	    "                    rep,metric,goal,from,to[,focus,coach])\n"
	    "  --only            only rows with a flag\n"
	    "  --list            one row per flag: period,rep,team,flag,metric,"
	    "value,notes\n"
	    "  --safe-csv        text cells that begin with = + - @ get a leading '\n"
	    "                    (for a spreadsheet; numbers are never touched)\n"
	    "  -d, --delimiter C input field separator (,)\n"
	    "  -o, --output FILE write to FILE atomically\n"
	    "  -q, --quiet       no warnings\n"
	    "  -h, --help        this help;  -V, --version  the version\n"
	    "\n"
	    "See the pm-flag(1) manual page.\n");
	exit(0);
}

/* A percentage option as fixed-point, in [0, max]. */
static int64_t
opt_pct(const char *opt, const char *arg, double max)
{
	double v = cli_double(opt, arg);

	if (v < 0 || v > max)
		pm_usage_error("%s: '%s' is not a percentage in 0..%g", opt,
		    arg, max);
	return fixed_from_double(v);
}

static void
opt_tiers(struct flag_opts *o, const char *arg)
{
	const char *comma = strchr(arg, ',');
	double top, bot;

	if (comma == NULL ||
	    double_parse(arg, (size_t)(comma - arg), &top) != NUM_OK ||
	    double_parse(comma + 1, strlen(comma + 1), &bot) != NUM_OK ||
	    top < 0 || bot < 0 || top + bot > 100)
		pm_usage_error("--tiers: '%s' is not TOP,BOTTOM (percentages "
		    "adding up to 100 at most)", arg);
	o->top = fixed_from_double(top);
	o->bottom = fixed_from_double(bot);
}

/* --activity calls,meetings; a second --activity replaces the first. */
static void
opt_activity(struct flag_opts *o, const char *arg)
{
	size_t empty;

	free(o->activity);
	o->activity = strv_split(arg, &o->nactivity, &empty);
	if (empty > 0)
		pm_usage_error("--activity: empty metric name in '%s'", arg);
}

/* A rep's plans' verdicts, in the plans' order. */
static void
joined_plans(const struct judgement *j, uint32_t rep, struct sbuf *f,
    struct sbuf *n)
{
	size_t i;

	for (i = 0; i < j->nph; i++) {
		if (j->ph[i].rep != rep)
			continue;
		sbuf_printf(f, "%s%s", f->n ? ";" : "",
		    scores_flagname[j->ph[i].flag]);
		sbuf_printf(n, "%s%s: %s", n->n ? "; " : "",
		    scores_flagname[j->ph[i].flag], j->ph[i].note);
	}
}

/* A rep's pairings: a mentor of two learners is flagged once. */
static void
joined_pairs(const struct judgement *j, uint32_t rep, struct sbuf *f,
    struct sbuf *n)
{
	size_t i;

	for (i = mentor_first(j, rep); i < j->nmh && j->mh[i].rep == rep;
	    i++) {
		if (i == 0 || j->mh[i - 1].rep != rep ||
		    j->mh[i - 1].flag != j->mh[i].flag)
			sbuf_printf(f, "%s%s", f->n ? ";" : "",
			    scores_flagname[j->mh[i].flag]);
		sbuf_printf(n, "%s%s: %s", n->n ? "; " : "",
		    scores_flagname[j->mh[i].flag], j->mh[i].note);
	}
}

/*
 * The flags and the notes of one rep, each joined by "; ", in the order
 * of enum flag (plans and pairings where their flags stand).
 */
static void
joined(const struct judgement *j, uint32_t rep, char **flags, char **notes)
{
	struct sbuf f = SBUF_INIT, n = SBUF_INIT;
	const struct hit *h;
	int k;

	for (k = 0; k < F_NFLAGS; k++) {
		if (k == F_PLAN_MET)
			joined_plans(j, rep, &f, &n);
		if (k == F_MENTOR_MATCH)
			joined_pairs(j, rep, &f, &n);
		h = judge_hit(j, rep, (enum flag)k);
		if (h->value == NULL)
			continue;
		sbuf_printf(&f, "%s%s", f.n ? ";" : "", scores_flagname[k]);
		sbuf_printf(&n, "%s%s: %s", n.n ? "; " : "", scores_flagname[k],
		    h->note);
	}
	*flags = f.n ? sbuf_take(&f) : NULL;
	*notes = n.n ? sbuf_take(&n) : NULL;
	free(f.p);
	free(n.p);
}

/*
 * The input unchanged plus flags and notes: columns of those names
 * already there (a second run) are filled in place, others appended.
 * Flags sit on each rep's row of the judged metric and period.
 */
static void
write_table(struct out *o, const struct judgement *j, int only)
{
	const struct scores *s = j->s;
	const struct score_row *r;
	int fc = s->col[SC_FLAGS], nc = s->col[SC_NOTES];
	char *flags, *notes, *isnum;
	const char *f;
	size_t i, k, flen;

	/* --safe-csv: numbers by their column, never by their look. */
	isnum = xcalloc(s->ncol ? s->ncol : 1, 1);
	for (k = 0; k < SC_NCOL; k++)
		if (SC_IS_NUMBER(k) && s->col[k] >= 0)
			isnum[s->col[k]] = 1;
	for (k = 0; k < s->ncol; k++)
		csv_put_field(o, s->hdr[k]);
	if (fc < 0)
		csv_put_field(o, scores_colname[SC_FLAGS]);
	if (nc < 0)
		csv_put_field(o, scores_colname[SC_NOTES]);
	csv_end_row(o);
	for (i = 0; i < s->nrows; i++) {
		r = &s->rows[i];
		flags = notes = NULL;
		if (!r->rollup && j->anchor != NULL && j->anchor[r->rep] == r)
			joined(j, r->rep, &flags, &notes);
		if (only && flags == NULL)
			continue;
		for (k = 0; k < s->ncol; k++) {
			if ((int)k == fc || (int)k == nc)
				csv_put_field(o, (int)k == fc ?
				    (flags ? flags : "") : (notes ? notes : ""));
			else if (isnum[k])
				csv_put_num(o, scores_fieldn(s, r, k, NULL));
			else {
				f = scores_fieldn(s, r, k, &flen);
				csv_put_fieldn(o, f, flen);
			}
		}
		if (fc < 0)
			csv_put_field(o, flags ? flags : "");
		if (nc < 0)
			csv_put_field(o, notes ? notes : "");
		csv_end_row(o);
		free(flags);
		free(notes);
	}
	free(isnum);
}

static void
list_row(struct out *o, const struct judgement *j, uint32_t rep, int flag,
    const char *metric, const char *value, const char *note)
{
	const struct scores *s = j->s;

	csv_put_field(o, s->period_key[j->period]);
	csv_put_field(o, s->rep_name[rep]);
	csv_put_field(o, scores_field(s, j->anchor[rep], SC_TEAM));
	csv_put_field(o, scores_flagname[flag]);
	csv_put_field(o, metric);
	csv_put_num(o, value);
	csv_put_field(o, note);
	csv_end_row(o);
}

/*
 * --list: by flag in the order of the SPEC table (then section 14's),
 * then by rep name; a rep's plans with one verdict in the plans' order.
 */
static void
write_list(struct out *o, const struct judgement *j)
{
	static const char *const hdr[] = { "period", "rep", "team", "flag",
	    "metric", "value", "notes", NULL };
	const struct scores *s = j->s;
	const struct hit *h;
	uint32_t *order, i;
	size_t p;
	int k;

	csv_put_row(o, hdr);
	if (j->metric == SC_NONE)
		return;
	order = xcalloc(s->nreps ? s->nreps : 1, sizeof(*order));
	for (i = 0; i < s->nreps; i++)
		order[i] = i;
	sort_ids_by_name(order, s->nreps, s->rep_name);
	for (k = 0; k < F_NFLAGS; k++) {
		/* Pairings are sorted by rep (by name), then flag. */
		for (p = 0; p < j->nmh; p++)
			if (j->mh[p].flag == (enum flag)k)
				list_row(o, j, j->mh[p].rep, k,
				    j->mh[p].metric, j->mh[p].value,
				    j->mh[p].note);
		for (i = 0; i < s->nreps; i++) {
			h = judge_hit(j, order[i], (enum flag)k);
			if (h->value != NULL)
				list_row(o, j, order[i], k, h->metric,
				    h->value, h->note);
			for (p = 0; p < j->nph; p++)
				if (j->ph[p].rep == order[i] &&
				    j->ph[p].flag == (enum flag)k)
					list_row(o, j, order[i], k,
					    j->ph[p].metric, j->ph[p].value,
					    j->ph[p].note);
		}
	}
	free(order);
}

int
main(int argc, char *argv[])
{
	struct flag_opts opt = {
		.under = 80 * FIXED_SCALE, .over = 110 * FIXED_SCALE,
		.persist = 3, .top = 20 * FIXED_SCALE,
		.bottom = 20 * FIXED_SCALE, .gap = 25 * FIXED_SCALE,
		.min_elapsed = 25 * FIXED_SCALE
	};
	const char *output = NULL, *plans = NULL;
	unsigned char delim = ',';
	int c, only = 0, list = 0, safe = 0;
	struct judgement j;
	struct scores *s;
	struct out *o;

	pm_setprog(argv);
	while ((c = cli_getopt(argc, argv, "P:hVo:d:q", longopts)) != -1) {
		switch (c) {
		case OPT_METRIC:
			opt.metric = optarg;
			break;
		case 'P':
			opt.period = optarg;
			break;
		case OPT_MIN_ELAPSED:
			opt.min_elapsed = opt_pct("--min-elapsed", optarg,
			    100);
			break;
		case OPT_UNDER:
			opt.under = opt_pct("--under", optarg, 1e9);
			break;
		case OPT_OVER:
			opt.over = opt_pct("--over", optarg, 1e9);
			break;
		case OPT_PERSIST:
			opt.persist = cli_long("--persist", optarg, 1, 1000);
			break;
		case OPT_TIERS:
			opt_tiers(&opt, optarg);
			break;
		case OPT_GAP:
			opt.gap = opt_pct("--gap", optarg, 100);
			break;
		case OPT_ACTIVITY:
			opt_activity(&opt, optarg);
			break;
		case OPT_PLANS:
			plans = optarg;
			break;
		case OPT_ONLY:
			only = 1;
			break;
		case OPT_LIST:
			list = 1;
			break;
		case OPT_SAFE_CSV:
			safe = 1;
			break;
		case 'h':
			usage();
		case 'V':
			pm_version();
		case 'o':
			output = optarg;
			break;
		case 'd':
			delim = cli_delim(optarg);
			break;
		case 'q':
			opt.quiet = 1;
			pm_quiet = 1;
			break;
		default:
			pm_usage_error(NULL);
		}
	}
	if (plans != NULL && strcmp(plans, "-") == 0) {
		if (optind == argc)
			pm_usage_error("--plans -: standard input is the "
			    "scores table; name the plans file or the table");
		for (c = optind; c < argc; c++)
			if (strcmp(argv[c], "-") == 0)
				pm_usage_error("--plans - and '-': standard "
				    "input cannot be both");
	}
	o = out_open(output);
	out_safe_csv(o, safe);
	if (plans != NULL)
		opt.plans = plans_read(plans, delim);
	s = scores_load(argv + optind, (size_t)(argc - optind), delim,
	    REQUIRED);
	judge(&j, s, &opt);
	if (list)
		write_list(o, &j);
	else
		write_table(o, &j, only);
	out_close(o);
	judge_free(&j);
	scores_free(s);
	plans_free(opt.plans);
	free(opt.activity);
	return 0;
}
