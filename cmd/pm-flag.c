/*
 * pm-flag: flag reps who need attention or deserve recognition.
 * Not implemented yet: it parses its options and says so.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "err.h"

enum {
	OPT_METRIC = 256,
	OPT_UNDER,
	OPT_OVER,
	OPT_PERSIST,
	OPT_TIERS,
	OPT_GAP,
	OPT_ONLY,
	OPT_LIST,
};

static const struct option longopts[] = {
	{ "metric", required_argument, NULL, OPT_METRIC },
	{ "period", required_argument, NULL, 'P' },
	{ "under", required_argument, NULL, OPT_UNDER },
	{ "over", required_argument, NULL, OPT_OVER },
	{ "persist", required_argument, NULL, OPT_PERSIST },
	{ "tiers", required_argument, NULL, OPT_TIERS },
	{ "gap", required_argument, NULL, OPT_GAP },
	{ "only", no_argument, NULL, OPT_ONLY },
	{ "list", no_argument, NULL, OPT_LIST },
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
	    "Usage: pm-flag [--metric M] [-P PERIOD] [--under PCT] [--over PCT]\n"
	    "               [--persist N] [--tiers TOP,BOTTOM] [--gap PCT] [--only] [--list]\n"
	    "               [-d C] [-o FILE] [-q] [FILE]...\n"
	    "\n"
	    "Flag reps who need attention or deserve recognition.\n"
	    "\n"
	    "See the pm-flag(1) manual page.\n");
	exit(0);
}

int
main(int argc, char *argv[])
{
	int c;

	pm_setprog(argv);
	while ((c = getopt_long(argc, argv, "P:hVo:d:q", longopts, NULL)) != -1) {
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
