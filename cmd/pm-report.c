/*
 * pm-report: the weekly report, as text, Markdown or HTML, from pm-flag
 * (or pm-score) output.  See pm-report(1).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "err.h"
#include "out.h"
#include "pm-report/report.h"

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

/* Alive until exit, so that leak checkers see them as reachable. */
static struct table table;
static struct doc *doc;

_Noreturn static void
usage(void)
{
	printf("%s",
	    "Usage: pm-report [-f text|markdown|html] [-T TITLE] [-P PERIOD]\n"
	    "                 [--pareto FILE] [--drivers FILE] [--rep NAME] [--one-on-ones]\n"
	    "                 [-d C] [-o FILE] [-q] [FILE]...\n"
	    "\n"
	    "Write the weekly report as text, Markdown or HTML from pm-flag (or\n"
	    "pm-score) output: headline, leaderboard, wins, coaching focus,\n"
	    "distribution, and optionally concentration, drivers and one-on-ones.\n"
	    "\n"
	    "  -f, --format FORMAT  text (default, 80 columns), markdown or html\n"
	    "  -T, --title TITLE    the report's title\n"
	    "  -P, --period PERIOD  report on PERIOD (default: the latest)\n"
	    "      --pareto FILE    add a concentration section (pm-pareto output)\n"
	    "      --drivers FILE   add \"What drives results\" (pm-score --drivers)\n"
	    "      --rep NAME       only the one-on-one sheet of rep NAME\n"
	    "      --one-on-ones    add a one-on-one sheet for every rep\n"
	    "  -d, --delimiter C    input field separator (default ,)\n"
	    "  -o, --output FILE    write to FILE atomically\n"
	    "  -q, --quiet          no warnings\n"
	    "  -h, --help           this help;  -V, --version  the version\n"
	    "\n"
	    "See the pm-report(1) manual page.\n");
	exit(0);
}

static enum format
parse_format(const char *s)
{
	if (strcmp(s, "text") == 0 || strcmp(s, "txt") == 0)
		return FMT_TEXT;
	if (strcmp(s, "markdown") == 0 || strcmp(s, "md") == 0)
		return FMT_MARKDOWN;
	if (strcmp(s, "html") == 0)
		return FMT_HTML;
	pm_usage_error("-f: unknown format '%s' (text, markdown or html)", s);
}

int
main(int argc, char *argv[])
{
	struct opts op = { .format = FMT_TEXT };
	const char *output = NULL;
	unsigned char delim = 0;
	struct out *o;
	int c;

	pm_setprog(argv);
	while ((c = getopt_long(argc, argv, "f:T:P:hVo:d:q", longopts,
	    NULL)) != -1) {
		switch (c) {
		case 'f':
			op.format = parse_format(optarg);
			break;
		case 'T':
			op.title = optarg;
			break;
		case 'P':
			op.period = optarg;
			break;
		case OPT_PARETO:
			op.pareto = optarg;
			break;
		case OPT_DRIVERS:
			op.drivers = optarg;
			break;
		case OPT_REP:
			op.rep = optarg;
			break;
		case OPT_ONE_ON_ONES:
			op.one_on_ones = 1;
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
			op.quiet = 1;
			break;
		default:
			pm_usage_error(NULL);
		}
	}
	/* Like a shell redirection: a bad -o fails before any work. */
	o = out_open(output);
	table_load(&table, argv + optind, argc - optind, delim);
	doc = doc_new();
	build_report(doc, &table, &op);
	switch (op.format) {
	case FMT_TEXT:
		render_text(doc, o);
		break;
	case FMT_MARKDOWN:
		render_markdown(doc, o);
		break;
	case FMT_HTML:
		render_html(doc, o);
		break;
	}
	out_close(o);
	return 0;
}
