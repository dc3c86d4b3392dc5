/*
 * pm-score: score reps per period against targets, with pace and ranks
 * (SPEC sections 4, 10 and 11).  Facts are aggregated into sufficient
 * statistics per (period, rep, metric), one entry per group; everything
 * else is computed from those, after the input has been read.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli.h"
#include "err.h"
#include "num.h"
#include "out.h"
#include "strv.h"
#include "pm-score/score.h"

enum {
	OPT_FISCAL_START = 256,
	OPT_CAP,
	OPT_AS_OF,
	OPT_FROM,
	OPT_TO,
	OPT_BY_TEAM,
	OPT_METRICS,
	OPT_ROLLUP,
	OPT_METRIC,
	OPT_PARTIAL,
	OPT_MERGE,
	OPT_DRIVERS,
	OPT_LAG,
	OPT_SAFE_CSV,
	OPT_SUGGEST,
	OPT_HIT,
	OPT_HISTORY,
	OPT_GROWTH,
	OPT_FOR,
	OPT_RAMP,
};

static const struct option longopts[] = {
	{ "period", required_argument, NULL, 'p' },
	{ "fiscal-start", required_argument, NULL, OPT_FISCAL_START },
	{ "targets", required_argument, NULL, 't' },
	{ "roster", required_argument, NULL, 'r' },
	{ "weights", required_argument, NULL, 'w' },
	{ "cap", required_argument, NULL, OPT_CAP },
	{ "as-of", required_argument, NULL, OPT_AS_OF },
	{ "from", required_argument, NULL, OPT_FROM },
	{ "to", required_argument, NULL, OPT_TO },
	{ "by-team", no_argument, NULL, OPT_BY_TEAM },
	{ "metrics", required_argument, NULL, OPT_METRICS },
	{ "rollup", no_argument, NULL, OPT_ROLLUP },
	{ "metric", required_argument, NULL, OPT_METRIC },
	{ "partial", no_argument, NULL, OPT_PARTIAL },
	{ "merge", no_argument, NULL, OPT_MERGE },
	{ "drivers", optional_argument, NULL, OPT_DRIVERS },
	{ "lag", required_argument, NULL, OPT_LAG },
	{ "safe-csv", no_argument, NULL, OPT_SAFE_CSV },
	{ "suggest-targets", no_argument, NULL, OPT_SUGGEST },
	{ "hit", required_argument, NULL, OPT_HIT },
	{ "history", required_argument, NULL, OPT_HISTORY },
	{ "growth", required_argument, NULL, OPT_GROWTH },
	{ "for", required_argument, NULL, OPT_FOR },
	{ "ramp", required_argument, NULL, OPT_RAMP },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ "output", required_argument, NULL, 'o' },
	{ "delimiter", required_argument, NULL, 'd' },
	{ "quiet", no_argument, NULL, 'q' },
	{ NULL, 0, NULL, 0 }
};

_Noreturn static void
usage(void)
{
	printf("%s",
	    "Usage: pm-score [-p day|week|month|quarter|year] [--fiscal-start MONTH]\n"
	    "                [-t TARGETS] [-r ROSTER] [-w METRIC=WEIGHT[,...]] [--cap PCT]\n"
	    "                [--as-of DATE|today] [--from DATE] [--to DATE] [--by-team]\n"
	    "                [--metrics LIST] [--rollup]\n"
	    "                [--metric NAME=sum|mean|max:higher|lower:leading|lagging]...\n"
	    "                [--partial] [--merge] [--drivers [OUTCOME]] [--lag N]\n"
	    "                [--ramp LIST] [--safe-csv] [-d C] [-o FILE] [-q] [FILE]...\n"
	    "       pm-score --suggest-targets [--hit PCT] [--history N] [--growth PCT]\n"
	    "                [--for PERIOD|all] [OPTION]... [FILE]...\n"
	    "\n"
	    "Score reps per period against targets, with pace and ranks.\n"
	    "\n"
	    "See the pm-score(1) manual page.\n");
	exit(0);
}

static pm_day
date_arg(const char *opt, const char *arg, int today_ok)
{
	struct tm tm;
	time_t now;
	pm_day d;

	if (today_ok && strcmp(arg, "today") == 0) {
		now = time(NULL);
		if (localtime_r(&now, &tm) == NULL)
			pm_die(EX_SOFTWARE, "cannot read the clock");
		return ymd_to_day(tm.tm_year + 1900, tm.tm_mon + 1,
		    tm.tm_mday);
	}
	if (date_parse_iso(arg, strlen(arg), &d) != 0)
		pm_usage_error("%s '%s' is not a YYYY-MM-DD date%s", opt, arg,
		    today_ok ? " or 'today'" : "");
	return d;
}

/* A percent option in 1/10000 units, within [min, max] percent. */
static int64_t
pct_arg(const char *opt, const char *arg, int64_t min, int64_t max,
    int min_open)
{
	size_t n = strlen(arg);
	int64_t v;

	if (n > 0 && arg[n - 1] == '%')
		n--;
	if (n == 0 || fixed_parse(arg, n, &v) != NUM_OK || v > max *
	    FIXED_SCALE || v < min * FIXED_SCALE || (min_open && v ==
	    min * FIXED_SCALE))
		pm_usage_error("%s '%s' is not a percent %s %lld to %lld", opt,
		    arg, min_open ? "above" : "from", (long long)min,
		    (long long)max);
	return v;
}

/* "a,b,c" into a NULL-terminated list of trimmed names. */
static char **
split_list(const char *opt, const char *arg)
{
	size_t n;
	char **v = strv_split(arg, &n, NULL);

	if (n == 0)
		pm_usage_error("%s needs at least one metric name", opt);
	return v;
}

/*
 * -w METRIC=WEIGHT,...: checked now, the metric names kept in *names to
 * become ids once the aggregator exists (before the facts, so that the
 * weighted metrics are numbered first, as they are listed).
 */
static void
parse_weights(struct score_opts *o, char ***names, const char *arg)
{
	char **list = split_list("-w", arg), **p, *eq;
	double sum = 0;

	for (p = list; *p != NULL; p++) {
		eq = strchr(*p, '=');
		if (eq == NULL || eq == *p)
			pm_usage_error("-w '%s' is not METRIC=WEIGHT", *p);
		*eq = '\0';
		o->weights = xreallocarray(o->weights, o->nweights + 1,
		    sizeof(*o->weights));
		*names = xreallocarray(*names, o->nweights + 1,
		    sizeof(**names));
		(*names)[o->nweights] = xstrdup(*p);
		o->weights[o->nweights].w = cli_double("-w", eq + 1);
		if (o->weights[o->nweights].w < 0)
			pm_usage_error("-w weight of %s is negative", *p);
		if (strcmp(*p, "score") == 0)
			pm_usage_error("-w cannot weigh the composite score");
		sum += o->weights[o->nweights++].w;
	}
	free(list);
	if (sum <= 0)
		pm_usage_error("-w weights add up to zero");
}

/* Whether some rep has a start date, which a ramp counts from. */
static int
any_start(const struct agg *a)
{
	size_t i, n = agg_nreps(a);

	for (i = 0; i < n; i++)
		if (agg_repinfo(a, (uint32_t)i)->start != NO_DAY)
			return 1;
	return 0;
}

/* --drivers OUTCOME written with a space: the operand is a metric name. */
static int
looks_like_metric(const char *s)
{
	struct stat st;

	if (*s == '\0' || stat(s, &st) == 0)
		return 0;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '_'))
			return 0;
	return 1;
}

int
main(int argc, char *argv[])
{
	struct agg_cfg cfg = { { P_MONTH, 1 }, 0, 0, ',' };
	struct score_opts o;
	struct suggest_opts so = { 60 * FIXED_SCALE, 6, 0, NULL };
	struct targets *tg = NULL;
	struct ramps *ramps = ramps_new();
	int64_t *rpct;
	size_t nrpct;
	struct cells cells;
	struct agg *a;
	struct out *out;
	const char *targets = NULL, *roster = NULL, *output = NULL, *why;
	char **wnames = NULL;
	int c, partial = 0, merge = 0, safe = 0, i, nfiles, suggest = 0;
	int suggest_opt = 0, ramp_given = 0;
	long lag = -1;
	size_t k;

	pm_setprog(argv);
	memset(&o, 0, sizeof(o));
	o.cap = 150;
	o.from = o.to = NO_DAY;
	while ((c = cli_getopt(argc, argv, "p:t:r:w:hVo:d:q", longopts)) != -1) {
		switch (c) {
		case 'p':
			if (period_type_parse(optarg, &cfg.period.type) != 0)
				pm_usage_error("-p '%s' is not day, week, "
				    "month, quarter or year", optarg);
			cfg.type_given = 1;
			break;
		case OPT_FISCAL_START:
			cfg.period.fiscal_start = (int)cli_long(
			    "--fiscal-start", optarg, 1, 12);
			cfg.fs_given = 1;
			break;
		case 't':
			targets = optarg;
			break;
		case 'r':
			roster = optarg;
			break;
		case 'w':
			parse_weights(&o, &wnames, optarg);
			break;
		case OPT_CAP:
			o.cap = cli_double("--cap", optarg);
			if (o.cap <= 0)
				pm_usage_error("--cap must be above 0");
			break;
		case OPT_AS_OF:
			o.asof = date_arg("--as-of", optarg, 1);
			o.have_asof = 1;
			break;
		case OPT_FROM:
			o.from = date_arg("--from", optarg, 0);
			break;
		case OPT_TO:
			o.to = date_arg("--to", optarg, 0);
			break;
		case OPT_BY_TEAM:
			o.by_team = 1;
			break;
		case OPT_METRICS:
			o.metrics = split_list("--metrics", optarg);
			break;
		case OPT_ROLLUP:
			o.rollup = 1;
			break;
		case OPT_METRIC:
			o.decls = xreallocarray(o.decls, o.ndecls + 1,
			    sizeof(*o.decls));
			if (metric_parse_decl(optarg, &o.decls[o.ndecls],
			    &why) != 0)
				pm_usage_error("--metric '%s': %s", optarg,
				    why);
			o.ndecls++;
			break;
		case OPT_PARTIAL:
			partial = 1;
			break;
		case OPT_MERGE:
			merge = 1;
			break;
		case OPT_DRIVERS:
			o.drivers = optarg != NULL ? optarg : "";
			break;
		case OPT_LAG:
			lag = cli_long("--lag", optarg, 0, 1000);
			break;
		case OPT_SAFE_CSV:
			safe = 1;
			break;
		case OPT_SUGGEST:
			suggest = 1;
			break;
		case OPT_HIT:
			so.hit = pct_arg("--hit", optarg, 0, 100, 1);
			suggest_opt = 1;
			break;
		case OPT_HISTORY:
			so.history = (int)cli_long("--history", optarg, 3,
			    1000);
			suggest_opt = 1;
			break;
		case OPT_GROWTH:
			so.growth = pct_arg("--growth", optarg, -100, 1000, 1);
			suggest_opt = 1;
			break;
		case OPT_FOR:
			so.for_period = optarg;
			suggest_opt = 1;
			break;
		case OPT_RAMP:
			if (ramps_parse(optarg, strlen(optarg), &rpct, &nrpct,
			    &why) != 0)
				pm_usage_error("--ramp '%s' %s", optarg, why);
			ramps_set_default(ramps, rpct, nrpct);
			ramp_given = 1;
			break;
		case 'o':
			output = optarg;
			break;
		case 'h':
			usage();
		case 'V':
			pm_version();
		case 'd':
			cfg.delim = cli_delim(optarg);
			break;
		case 'q':
			o.quiet = 1;
			pm_quiet = 1;
			break;
		case '?':
			pm_usage_error(NULL);
		default:
			break;
		}
	}
	if (o.drivers != NULL && *o.drivers == '\0') {
		o.drivers = "revenue";
		if (optind < argc && looks_like_metric(argv[optind]))
			o.drivers = argv[optind++];
	}
	if (lag >= 0 && o.drivers == NULL)
		pm_usage_error("--lag goes with --drivers");
	o.lag = lag >= 0 ? (int)lag : 1;
	if (suggest_opt && !suggest)
		pm_usage_error("--hit, --history, --growth and --for go with "
		    "--suggest-targets");
	if (suggest && (partial || o.drivers != NULL))
		pm_usage_error("--suggest-targets does not go with %s",
		    partial ? "--partial" : "--drivers");
	if (partial && o.drivers != NULL)
		pm_usage_error("--partial and --drivers do not go together");
	if (o.from != NO_DAY && o.to != NO_DAY && o.to < o.from)
		pm_usage_error("--to is before --from");
	out = out_open(output);
	out_safe_csv(out, safe);
	a = agg_new(&cfg);
	for (k = 0; k < o.nweights; k++) {
		o.weights[k].metric = agg_metric(a, wnames[k],
		    strlen(wnames[k]));
		free(wnames[k]);
	}
	free(wnames);
	nfiles = argc - optind;
	for (i = 0; i < (nfiles > 0 ? nfiles : 1); i++) {
		if (merge)
			agg_read_partial(a, nfiles > 0 ? argv[optind + i] : NULL);
		else
			agg_read_facts(a, nfiles > 0 ? argv[optind + i] : NULL);
	}
	if (agg_nderived(a) > 0 && !o.quiet)
		pm_warn("%ld facts of derived metrics (win_rate, avg_deal, "
		    "largest_deal, coverage) ignored: they are computed from "
		    "their parts", agg_nderived(a));
	if (partial)
		agg_write_partial(a, out);
	else {
		if (targets != NULL)
			tg = targets_read(a, targets, cfg.delim);
		if (roster != NULL)
			targets_read_roster(a, roster, cfg.delim, ramps);
		if (ramp_given && !o.quiet && !any_start(a))
			pm_warn("--ramp: no rep has a start_date in the roster "
			    "(-r): no target is ramped");
		cells_init(&cells, a, &o, tg);
		cells.ramps = ramps;
		if (suggest)
			suggest_write(&cells, &so, out);
		else if (o.drivers != NULL)
			drivers_write(&cells, out);
		else
			table_write(&cells, out);
		cells_free(&cells);
	}
	out_close(out);
	targets_free(tg);
	ramps_free(ramps);
	agg_free(a);
	free(o.metrics);
	free(o.weights);
	return 0;
}
