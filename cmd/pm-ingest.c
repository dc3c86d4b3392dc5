/*
 * pm-ingest: turn raw CRM exports into the canonical facts table
 * (SPEC sections 2 and 3).
 *
 * Each input is read twice.  A first pass (detect.c) finds the header,
 * the format and the report noise, and gathers the evidence that
 * decides what a single value cannot: day-month order per date column,
 * decimal comma per amount column, the majority currency of the file,
 * and whether the bytes are UTF-8 at all.  The second pass (emit.c)
 * streams the records to facts.  Standard input and pipes are first
 * spooled to a temporary file so that they can be read twice too;
 * memory holds one record, never the input.  This file is the
 * orchestration: the options, then each file through both passes.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "err.h"
#include "facts.h"
#include "out.h"
#include "pm-ingest/ingest.h"

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
	OPT_SAFE_CSV,
	OPT_USERS,
	OPT_KIND,
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
	{ "safe-csv", no_argument, NULL, OPT_SAFE_CSV },
	{ "users", required_argument, NULL, OPT_USERS },
	{ "kind", required_argument, NULL, OPT_KIND },
	{ "verbose", no_argument, NULL, 'v' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ "output", required_argument, NULL, 'o' },
	{ "delimiter", required_argument, NULL, 'd' },
	{ "quiet", no_argument, NULL, 'q' },
	{ NULL, 0, NULL, 0 }
};

/*
 * Whether a charset name names none: glibc's iconv reads "", " " and
 * "//IGNORE" alike as the locale's charset (ASCII in the C locale).
 */
static int
charset_blank(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return *s == '\0' || (s[0] == '/' && s[1] == '/');
}

_Noreturn static void
usage(void)
{
	printf("%s",
	    "Usage: pm-ingest [-f FORMAT] [-m FIELD=COLUMN]... [--won LIST] [--lost LIST]\n"
	    "                 [--date-format dmy|mdy|ymd] [--decimal-comma] [--encoding ENC]\n"
	    "                 [--rates FILE] [--users FILE] [--kind KIND] [--dedupe]\n"
	    "                 [--rejects FILE] [--strict] [--list-formats] [--safe-csv]\n"
	    "                 [-d C] [-o FILE] [-q] [-v] [FILE]...\n"
	    "\n"
	    "Turn raw CRM exports into the canonical facts table:\n"
	    "date,rep,metric,value,account,product,team,ref\n"
	    "\n"
	    "  -f, --format FORMAT    read every input as FORMAT (see --list-formats)\n"
	    "  -m, --map FIELD=COLUMN take FIELD from COLUMN (e.g. rep=\"Deal owner\")\n"
	    "      --won LIST         stages that mean won (comma-separated)\n"
	    "      --lost LIST        stages that mean lost (comma-separated)\n"
	    "      --date-format ORD  day-month order when the data cannot tell\n"
	    "      --decimal-comma    amounts use a decimal comma (1.234,56)\n"
	    "      --encoding ENC     read inputs in charset ENC (iconv name)\n"
	    "      --rates FILE       currency,rate (or CUR=RATE,...): convert amounts to\n"
	    "                         one currency\n"
	    "      --users FILE       a user list (Id,Name or Id,FirstName,LastName):\n"
	    "                         owner ids to names\n"
	    "      --kind KIND        activities: every record is a call, email,\n"
	    "                         meeting or task\n"
	    "      --dedupe           keep only the first record of each CRM id\n"
	    "      --rejects FILE     write rejected records to FILE as CSV (always\n"
	    "                         safe to open in a spreadsheet, as --safe-csv)\n"
	    "      --strict           exit 65 when any record was rejected\n"
	    "      --list-formats     list the formats and exit\n"
	    "      --safe-csv         text cells that begin with = + - @ get a leading '\n"
	    "                         (for a spreadsheet; numbers are never touched)\n"
	    "  -d, --delimiter C      input field separator (default: sniffed)\n"
	    "  -o, --output FILE      write to FILE atomically\n"
	    "  -q, --quiet            no per-file summary\n"
	    "  -v, --verbose          show each file's format and column mapping\n"
	    "  -h, --help             this help\n"
	    "  -V, --version          version\n"
	    "\n"
	    "See the pm-ingest(1) manual page.\n");
	exit(0);
}

static void
list_formats(const char *output)
{
	const struct format *f;
	struct out *out;
	char req[1024];

	out = out_open(output);
	for (f = formats; f->name != NULL; f++) {
		format_required_names(f, req, sizeof(req));
		out_printf(out, "%-15s %s\n%-15s needs %s\n", f->name, f->desc,
		    "", req);
	}
	out_close(out);
	exit(0);
}

int
main(int argc, char *argv[])
{
	static const char *const rej_hdr[] = { "file", "line", "reason",
		"record", NULL };
	static struct ingest run;
	struct ingest *g = &run;
	struct input *in;
	int c, i, nin, list = 0;
	char *stdin_only[] = { "-" };
	char **files;

	pm_setprog(argv);
	while ((c = cli_getopt(argc, argv, "f:m:vhVo:d:q",
	    longopts)) != -1) {
		switch (c) {
		case 'f':
			if ((g->opt.force = format_by_name(optarg)) == NULL)
				pm_usage_error("-f %s: unknown format (see "
				    "--list-formats)", optarg);
			break;
		case 'm':
			opt_add_map(&g->opt, optarg);
			break;
		case OPT_WON:
			opt_add_list(&g->opt.won_arg, optarg);
			break;
		case OPT_LOST:
			opt_add_list(&g->opt.lost_arg, optarg);
			break;
		case OPT_DATE_FORMAT:
			if (mdate_order_parse(optarg, &g->opt.order) != 0)
				pm_usage_error("--date-format %s: expected "
				    "dmy, mdy or ymd", optarg);
			break;
		case OPT_DECIMAL_COMMA:
			g->opt.decimal_comma = 1;
			break;
		case OPT_ENCODING:
			g->opt.encoding = optarg;
			break;
		case OPT_RATES:
			g->rules.rates_path = optarg;
			break;
		case OPT_DEDUPE:
			g->opt.dedupe = 1;
			break;
		case OPT_REJECTS:
			g->opt.rejects_path = optarg;
			break;
		case OPT_STRICT:
			g->opt.strict = 1;
			break;
		case OPT_SAFE_CSV:
			g->opt.safe_csv = 1;
			break;
		case OPT_KIND:
			opt_set_kind(&g->opt, optarg);
			break;
		case OPT_LIST_FORMATS:
			list = 1;
			break;
		case OPT_USERS:
			g->opt.users_paths = xreallocarray(g->opt.users_paths,
			    g->opt.nusers_paths + 1,
			    sizeof(*g->opt.users_paths));
			g->opt.users_paths[g->opt.nusers_paths++] = optarg;
			break;
		case 'v':
			g->opt.verbose = 1;
			break;
		case 'o':
			g->opt.output = optarg;
			break;
		case 'd':
			g->opt.delim = cli_delim(optarg);
			break;
		case 'q':
			g->opt.quiet = 1;
			break;
		case 'h':
			usage();
		case 'V':
			pm_version();
		default:
			pm_usage_error(NULL);
		}
	}
	opt_finish(&g->opt, &g->rules);
	if (list)
		list_formats(g->opt.output);
	if (g->opt.rejects_path != NULL &&
	    out_same(g->opt.output, g->opt.rejects_path))
		pm_usage_error("-o and --rejects name the same file (%s)",
		    g->opt.rejects_path);
	if (g->opt.encoding != NULL) {
		/* iconv takes "" for the locale's charset: not what was meant. */
		if (charset_blank(g->opt.encoding))
			pm_usage_error("--encoding: empty charset name");
		if (!enc_known(g->opt.encoding))
			pm_usage_error("--encoding %s: not a charset iconv "
			    "knows", g->opt.encoding);
	}
	/* Before any input is read, as a shell redirection (out.h). */
	g->out = out_open(g->opt.output);
	out_safe_csv(g->out, g->opt.safe_csv);
	if (g->opt.rejects_path != NULL) {
		g->rej = out_open(g->opt.rejects_path);
		/* People open it in Excel: always --safe-csv (SPEC 18). */
		out_safe_csv(g->rej, 1);
		csv_put_row(g->rej, rej_hdr);
	}
	if (g->rules.rates_path != NULL)
		opt_load_rates(&g->rules, g->rules.rates_path);
	g->users = users_new();
	g->rules.users = g->users;
	for (i = 0; i < (int)g->opt.nusers_paths; i++)
		detect_users(g, g->opt.users_paths[i]);
	free(g->opt.users_paths);
	files = optind < argc ? argv + optind : stdin_only;
	nin = optind < argc ? argc - optind : 1;
	in = xcalloc((size_t)nin, sizeof(*in));
	for (i = 0; i < nin; i++) {
		input_open(&in[i], files[i]);
		in[i].index = i + 1;
	}
	g->ids = idset_new();
	for (i = 0; i < nin; i++)
		detect_file(g, &in[i]);
	currency_warn(g, in, nin);
	if (g->pending_id != 0)
		idset_note(g->ids, g->pending_id);
	idset_seal(g->ids);
	csv_put_row(g->out, facts_cols);
	for (i = 0; i < nin; i++)
		emit_file(g, &in[i]);
	if (g->rej != NULL)
		out_close(g->rej);
	/* A failed run does not replace the previous -o FILE (SPEC 1). */
	if (g->failed)
		out_discard(g->out);
	else
		out_close(g->out);
	free(in);
	opt_free(&g->opt, &g->rules);
	idset_free(g->ids);
	users_free(g->users);
	evidence_free(g);
	free(g->rbuf);
	return g->failed;
}
