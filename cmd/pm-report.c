/*
 * pm-report: write the weekly report as text, Markdown or HTML.
 * Not implemented yet: it parses its options and says so.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "err.h"

enum {
	OPT_PARETO = 256,
	OPT_DRIVERS,
	OPT_REP,
	OPT_ONE_ON_ONES,
};

static const struct option longopts[] = {
	{ "format", required_argument, NULL, 'f' },
	{ "title", required_argument, NULL, 'T' },
	{ "period", required_argument, NULL, 'P' },
	{ "pareto", required_argument, NULL, OPT_PARETO },
	{ "drivers", required_argument, NULL, OPT_DRIVERS },
	{ "rep", required_argument, NULL, OPT_REP },
	{ "one-on-ones", no_argument, NULL, OPT_ONE_ON_ONES },
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
	    "Usage: pm-report [-f text|markdown|html] [-T TITLE] [-P PERIOD]\n"
	    "                 [--pareto FILE] [--drivers FILE] [--rep NAME] [--one-on-ones]\n"
	    "                 [-d C] [-o FILE] [-q] [FILE]...\n"
	    "\n"
	    "Write the weekly report as text, Markdown or HTML.\n"
	    "\n"
	    "See the pm-report(1) manual page.\n");
	exit(0);
}

int
main(int argc, char *argv[])
{
	int c;

	pm_setprog(argv);
	while ((c = getopt_long(argc, argv, "f:T:P:hVo:d:q", longopts, NULL)) != -1) {
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
