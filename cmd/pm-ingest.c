/*
 * pm-ingest: turn raw CRM exports into the canonical facts table.
 * Not implemented yet: it parses its options and says so.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "err.h"

enum {
	OPT_WON = 256,
	OPT_LOST,
	OPT_DATE_FORMAT,
	OPT_DECIMAL_COMMA,
	OPT_ENCODING,
	OPT_RATES,
	OPT_DEDUPE,
	OPT_REJECTS,
	OPT_STRICT,
	OPT_LIST_FORMATS,
};

static const struct option longopts[] = {
	{ "format", required_argument, NULL, 'f' },
	{ "map", required_argument, NULL, 'm' },
	{ "won", required_argument, NULL, OPT_WON },
	{ "lost", required_argument, NULL, OPT_LOST },
	{ "date-format", required_argument, NULL, OPT_DATE_FORMAT },
	{ "decimal-comma", no_argument, NULL, OPT_DECIMAL_COMMA },
	{ "encoding", required_argument, NULL, OPT_ENCODING },
	{ "rates", required_argument, NULL, OPT_RATES },
	{ "dedupe", no_argument, NULL, OPT_DEDUPE },
	{ "rejects", required_argument, NULL, OPT_REJECTS },
	{ "strict", no_argument, NULL, OPT_STRICT },
	{ "list-formats", no_argument, NULL, OPT_LIST_FORMATS },
	{ "verbose", no_argument, NULL, 'v' },
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
	    "Usage: pm-ingest [-f FORMAT] [-m FIELD=COLUMN]... [--won LIST] [--lost LIST]\n"
	    "                 [--date-format dmy|mdy|ymd] [--decimal-comma] [--encoding ENC]\n"
	    "                 [--rates FILE] [--dedupe] [--rejects FILE] [--strict]\n"
	    "                 [--list-formats] [-d C] [-o FILE] [-q] [-v] [FILE]...\n"
	    "\n"
	    "Turn raw CRM exports into the canonical facts table.\n"
	    "\n"
	    "See the pm-ingest(1) manual page.\n");
	exit(0);
}

int
main(int argc, char *argv[])
{
	int c;

	pm_setprog(argv);
	while ((c = getopt_long(argc, argv, "f:m:vhVo:d:q", longopts, NULL)) != -1) {
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
