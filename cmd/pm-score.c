/*
 * pm-score: score reps per period against targets, with pace and ranks.
 * Not implemented yet: it parses its options and says so.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "err.h"

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
	    "                [-d C] [-o FILE] [-q] [FILE]...\n"
	    "\n"
	    "Score reps per period against targets, with pace and ranks.\n"
	    "\n"
	    "See the pm-score(1) manual page.\n");
	exit(0);
}

int
main(int argc, char *argv[])
{
	int c;

	pm_setprog(argv);
	while ((c = getopt_long(argc, argv, "p:t:r:w:hVo:d:q", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			usage();
		case 'V':
			pm_version();
		case 'd':
			(void)cli_delim(optarg);
			break;
		case '?':
			pm_usage_error(NULL);
		default:
			break;
		}
	}
	pm_die(EX_SOFTWARE, "not implemented yet");
}
