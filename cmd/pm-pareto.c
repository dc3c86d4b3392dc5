/*
 * pm-pareto: measure concentration: the 80/20 rule.
 * Not implemented yet: it parses its options and says so.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "err.h"

enum {
	OPT_AT = 256,
	OPT_PARTIAL,
	OPT_MERGE,
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
	    "Usage: pm-pareto [-k KEY] [-m METRIC | -v COLUMN] [-g GROUP] [-c A,B]\n"
	    "                 [--at PCT] [-s|--summary] [-n|--top N] [--partial] [--merge]\n"
	    "                 [-d C] [-o FILE] [-q] [FILE]...\n"
	    "\n"
	    "Measure concentration: the 80/20 rule.\n"
	    "\n"
	    "See the pm-pareto(1) manual page.\n");
	exit(0);
}

int
main(int argc, char *argv[])
{
	int c;

	pm_setprog(argv);
	while ((c = getopt_long(argc, argv, "k:m:v:g:c:sn:hVo:d:q", longopts, NULL)) != -1) {
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
