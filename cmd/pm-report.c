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
#include "num.h"
#include "out.h"
#include "pm-report/mime.h"
#include "pm-report/report.h"

enum {
	OPT_PARETO = 256,
	OPT_DRIVERS,
	OPT_REP,
	OPT_ONE_ON_ONES,
	OPT_TO,
	OPT_CC,
	OPT_FROM,
	OPT_SUBJECT,
	OPT_TEAM,
	OPT_ALL,
	OPT_MIN_ELAPSED,
};

static const struct option longopts[] = {
	{ "format", required_argument, NULL, 'f' },
	{ "title", required_argument, NULL, 'T' },
	{ "period", required_argument, NULL, 'P' },
	{ "min-elapsed", required_argument, NULL, OPT_MIN_ELAPSED },
	{ "pareto", required_argument, NULL, OPT_PARETO },
	{ "drivers", required_argument, NULL, OPT_DRIVERS },
	{ "rep", required_argument, NULL, OPT_REP },
	{ "one-on-ones", no_argument, NULL, OPT_ONE_ON_ONES },
	{ "to", required_argument, NULL, OPT_TO },
	{ "cc", required_argument, NULL, OPT_CC },
	{ "from", required_argument, NULL, OPT_FROM },
	{ "subject", required_argument, NULL, OPT_SUBJECT },
	{ "team", required_argument, NULL, OPT_TEAM },
	{ "all", no_argument, NULL, OPT_ALL },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ "output", required_argument, NULL, 'o' },
	{ "delimiter", required_argument, NULL, 'd' },
	{ "quiet", no_argument, NULL, 'q' },
	{ NULL, 0, NULL, 0 }
};

/* Alive until exit, so that leak checkers see them as reachable. */
static struct scores *scores;
static struct doc *doc;

_Noreturn static void
usage(void)
{
	printf("%s",
	    "Usage: pm-report [-f text|markdown|html|email] [-T TITLE] [-P PERIOD]\n"
	    "                 [--min-elapsed PCT] [--team NAME]... [--all] [--pareto FILE] [--drivers FILE]\n"
	    "                 [--rep NAME] [--one-on-ones] [--to ADDR]... [--cc ADDR]...\n"
	    "                 [--from ADDR] [--subject TEXT] [-d C] [-o FILE] [-q]\n"
	    "                 [FILE]...\n"
	    "\n"
	    "Write the weekly report as text, Markdown, HTML or an e-mail from\n"
	    "pm-flag (or pm-score) output: headline, leaderboard, wins, coaching\n"
	    "focus, distribution, and optionally concentration, drivers and\n"
	    "one-on-ones.\n"
	    "\n"
	    "  -f, --format FORMAT  text (default, 80 columns), markdown, html or\n"
	    "                       email (a MIME message for sendmail -t)\n"
	    "  -T, --title TITLE    the report's title\n"
	    "  -P, --period PERIOD  report on PERIOD (default: the latest)\n"
	    "      --min-elapsed PCT  report on the period in progress from PCT\n"
	    "                       (25) of it on, else the latest finished one\n"
	    "      --team NAME      only team NAME's reps (repeatable)\n"
	    "      --all            every rep on the leaderboard (default: over 50\n"
	    "                       reps, the teams, the top 20 and the bottom 10)\n"
	    "      --pareto FILE    add a concentration section (pm-pareto output)\n"
	    "      --drivers FILE   add \"What drives results\" (pm-score --drivers)\n"
	    "      --rep NAME       only the one-on-one sheet of rep NAME\n"
	    "      --one-on-ones    add a one-on-one sheet for every rep (email: as\n"
	    "                       an attached HTML file)\n"
	    "      --to ADDR        email: a recipient (repeatable; a@x.org or\n"
	    "                       Name <a@x.org>, several joined with commas)\n"
	    "      --cc ADDR        email: a copy to ADDR (repeatable)\n"
	    "      --from ADDR      email: the sender\n"
	    "      --subject TEXT   email: the subject (default: title and period)\n"
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
	if (strcmp(s, "email") == 0 || strcmp(s, "eml") == 0)
		return FMT_EMAIL;
	pm_usage_error("-f: unknown format '%s' (text, markdown, html or "
	    "email)", s);
}

/* --to, --cc, --from: addresses, or exit 64 saying what is wrong. */
static void
add_addrs(const char *opt, const char *arg, struct mime_addr **list, int *n)
{
	const char *err = mime_parse_addrs(arg, list, n);

	if (err != NULL)
		pm_usage_error("--%s: %s", opt, err);
}

int
main(int argc, char *argv[])
{
	struct report_opts op = { .format = FMT_TEXT,
	    .min_elapsed = 25 * FIXED_SCALE };
	double pct;
	struct email em = { 0 };
	const char *err;
	const char *output = NULL;
	unsigned char delim = 0;
	struct out *o;
	int c;

	pm_setprog(argv);
	while ((c = cli_getopt(argc, argv, "f:T:P:hVo:d:q",
	    longopts)) != -1) {
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
		case OPT_MIN_ELAPSED:
			pct = cli_double("--min-elapsed", optarg);
			if (pct < 0 || pct > 100)
				pm_usage_error("--min-elapsed: '%s' is not a "
				    "percentage in 0..100", optarg);
			op.min_elapsed = fixed_from_double(pct);
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
		case OPT_TO:
			add_addrs("to", optarg, &em.to, &em.nto);
			break;
		case OPT_CC:
			add_addrs("cc", optarg, &em.cc, &em.ncc);
			break;
		case OPT_FROM:
			add_addrs("from", optarg, &em.from, &em.nfrom);
			if (em.nfrom > 1)
				pm_usage_error("--from: one address");
			break;
		case OPT_SUBJECT:
			if ((err = mime_check_text(optarg)) != NULL)
				pm_usage_error("--subject: %s", err);
			em.subject = optarg;
			break;
		case OPT_TEAM:
			op.teams = xreallocarray(op.teams, (size_t)op.nteams + 1,
			    sizeof(*op.teams));
			op.teams[op.nteams++] = optarg;
			break;
		case OPT_ALL:
			op.all = 1;
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
			pm_quiet = 1;
			break;
		default:
			pm_usage_error(NULL);
		}
	}
	if (op.format != FMT_EMAIL && (em.nto || em.ncc || em.nfrom ||
	    em.subject != NULL))
		pm_usage_error("--to, --cc, --from and --subject go with -f email");
	em.quiet = op.quiet;
	o = out_open(output);
	scores = scores_load(argv + optind, (size_t)(argc - optind), delim,
	    SC_BIT(SC_PERIOD) | SC_BIT(SC_REP) | SC_BIT(SC_METRIC) |
	    SC_BIT(SC_ACTUAL));
	doc = doc_new();
	sections_build(doc, scores, &op);
	switch (op.format) {
	case FMT_TEXT:
		render_text(doc, o);
		break;
	case FMT_MARKDOWN:
		render_md(doc, o);
		break;
	case FMT_HTML:
		render_html(doc, o);
		break;
	case FMT_EMAIL:
		email_render(doc, &em, o);
		break;
	}
	out_close(o);
	return 0;
}
