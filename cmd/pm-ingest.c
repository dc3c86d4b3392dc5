/*
 * pm-ingest: turn raw CRM exports into the canonical facts table
 * (SPEC sections 2 and 3).
 *
 * Each input is read twice.  A first pass finds the header, the
 * format and the report noise, and gathers the evidence that decides
 * what a single value cannot: day-month order per date column, decimal
 * comma per amount column, the majority currency of the file, and
 * whether the bytes are UTF-8 at all.  The second pass streams the
 * records to facts.  Standard input and pipes are first spooled to a
 * temporary file so that they can be read twice too; memory holds one
 * record, never the input.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "csvin.h"
#include "date.h"
#include "err.h"
#include "num.h"
#include "out.h"
#include "pm-ingest/amount.h"
#include "pm-ingest/dates.h"
#include "pm-ingest/encoding.h"
#include "pm-ingest/factsout.h"
#include "pm-ingest/formats.h"
#include "pm-ingest/idset.h"
#include "pm-ingest/record.h"

#define MAX_TITLE_ROWS 50	/* rows searched for the header */
#define MAX_SHOWN 20		/* rejected records shown per file */
#define DCACHE_LEN 32		/* date evidence remembered per value */
#define MAX_CURRENCIES 256
#define CP1252 "WINDOWS-1252"

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

struct usermap {
	enum field field;
	char *column;
};

static struct {
	const struct format *force;
	struct usermap maps[NFIELD];
	int nmaps;
	enum dorder order;
	int decimal_comma;
	const char *encoding;
	int dedupe, strict, quiet, verbose;
	unsigned char delim;
	const char *rejects_path;
	const char *output;
} opt;

struct curcount {
	char cur[4];
	long n;
};

/* One input file and what the first pass learned about it. */
struct input {
	const char *name;
	int fd;
	FILE *spool;
	int reopen;		/* a named regular file: open it per pass */
	off_t start;
	const char *charset;	/* NULL: UTF-8 */
	unsigned char delim;
	struct filectx fc;	/* format, mapping, header, orders, marks */
	int forced;
	long hdr_index;		/* records before the header */
	long hdr_line;
	char why[1024];		/* when fmt is NULL */
	int empty;		/* not even a header */
	struct curcount cur[MAX_CURRENCIES];
	size_t ncur;
	int index;		/* 1, 2, ...: for duplicates across files */
	int lines;		/* a product report: one row per line item */
	uint64_t run;		/* the opportunity of the last record */
	int runstate;		/* RUN_*: what its first line decided */
};

/*
 * A product report lists an opportunity's lines together as a rule:
 * a run of records with one id is noted once in the first pass and
 * looked up once in the second, so only ids that come back after other
 * records are tracked.
 */
enum { RUN_NEW, RUN_FIRST, RUN_MORE, RUN_DROP };

struct counts {
	long records, ok, skipped, rejected, shown, dups, backwards;
};

static struct out *out, *rej;
static struct curcount allcur[MAX_CURRENCIES];
static size_t nallcur;
static struct rules rules;
static struct idset *ids;
static uint64_t pending_id;	/* the first pass's last id, to note */
static int failed;
static char *rbuf;
static size_t rcap;

_Noreturn static void
usage(void)
{
	printf("%s",
	    "Usage: pm-ingest [-f FORMAT] [-m FIELD=COLUMN]... [--won LIST] [--lost LIST]\n"
	    "                 [--date-format dmy|mdy|ymd] [--decimal-comma] [--encoding ENC]\n"
	    "                 [--rates FILE] [--dedupe] [--rejects FILE] [--strict]\n"
	    "                 [--list-formats] [-d C] [-o FILE] [-q] [-v] [FILE]...\n"
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
	    "      --rates FILE       currency,rate: convert amounts to one currency\n"
	    "      --dedupe           keep only the first record of each CRM id\n"
	    "      --rejects FILE     write rejected records to FILE as CSV\n"
	    "      --strict           exit 65 when any record was rejected\n"
	    "      --list-formats     list the formats and exit\n"
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

/* ---- small string helpers ---- */

static void
split_list(const char *arg, char ***list, size_t *n)
{
	const char *p = arg, *comma;
	size_t len;

	while (*p != '\0') {
		comma = strchr(p, ',');
		len = comma != NULL ? (size_t)(comma - p) : strlen(p);
		while (len > 0 && str_is_space((unsigned char)*p)) {
			p++;
			len--;
		}
		while (len > 0 && str_is_space((unsigned char)p[len - 1]))
			len--;
		if (len > 0) {
			*list = xreallocarray(*list, *n + 1, sizeof(**list));
			(*list)[(*n)++] = xstrndup(p, len);
		}
		if (comma == NULL)
			break;
		p = comma + 1;
	}
}

/* The original record as one CSV line, for the rejects file. */
static const char *
join_record(const struct csv_row *row, size_t *len)
{
	size_t i, k, o = 0, need;
	const char *f;

	for (i = 0; i < row->n; i++) {
		need = o + 2 * row->len[i] + 4;
		if (need > rcap) {
			rcap = need * 2;
			rbuf = xrealloc(rbuf, rcap);
		}
		if (i > 0)
			rbuf[o++] = ',';
		f = row->f[i];
		if (strpbrk(f, ",\"\r\n") == NULL) {
			memcpy(rbuf + o, f, row->len[i]);
			o += row->len[i];
			continue;
		}
		rbuf[o++] = '"';
		for (k = 0; k < row->len[i]; k++) {
			if (f[k] == '"')
				rbuf[o++] = '"';
			rbuf[o++] = f[k];
		}
		rbuf[o++] = '"';
	}
	*len = o;
	return o > 0 ? rbuf : "";
}

/* ---- options ---- */

static void
add_map(const char *arg)
{
	const char *eq = strchr(arg, '=');
	char *name;
	enum field f;

	if (eq == NULL || eq == arg || eq[1] == '\0')
		pm_usage_error("-m %s: expected FIELD=COLUMN", arg);
	name = xstrndup(arg, (size_t)(eq - arg));
	if (field_by_name(name, &f) != 0)
		pm_usage_error("-m %s: unknown field '%s' (fields: id, rep, "
		    "account, product, team, stage, status, won, closed, "
		    "amount, est_amount, line_amount, currency, close_date, "
		    "won_date, lost_date, expected_close, created, type, "
		    "subtype, date, metric, value, deal_name)", arg, name);
	free(name);
	if (opt.nmaps == NFIELD)
		pm_usage_error("-m %s: more than %d mappings", arg, NFIELD);
	opt.maps[opt.nmaps].field = f;
	opt.maps[opt.nmaps++].column = xstrdup(eq + 1);
}

static void
list_formats(void)
{
	const struct format *f;
	char req[1024];

	out = out_open(opt.output);
	for (f = formats; f->name != NULL; f++) {
		format_required_names(f, req, sizeof(req));
		out_printf(out, "%-15s %s\n%-15s needs %s\n", f->name, f->desc,
		    "", req);
	}
	out_close(out);
	exit(0);
}

/* A decimal rate into 1e-9 units; -1 if it is not a positive number. */
static int
parse_rate(const char *s, size_t n, int64_t *out9)
{
	int64_t v = 0;
	size_t i = 0;
	int frac = -1, any = 0;

	str_trim(&s, &n);
	for (; i < n; i++) {
		if (s[i] == '.' && frac < 0) {
			frac = 0;
			continue;
		}
		if (s[i] < '0' || s[i] > '9')
			return -1;
		if (frac >= 9)
			continue;	/* past 1e-9: negligible */
		if (v > INT64_MAX / 100)
			return -1;
		v = v * 10 + (s[i] - '0');
		any = 1;
		if (frac >= 0)
			frac++;
	}
	if (!any)
		return -1;
	for (frac = frac < 0 ? 0 : frac; frac < 9; frac++) {
		if (v > INT64_MAX / 10)
			return -1;
		v *= 10;
	}
	if (v <= 0)
		return -1;
	*out9 = v;
	return 0;
}

static void
load_rates(const char *path)
{
	struct csvr *r = csvr_open(path);
	struct csv_row row;
	struct rate *rates = NULL;
	size_t nrates = 0;
	int cc, rc;
	char cur[4];

	if (csvr_next_or_die(r, &row) == 0)
		pm_die(EX_DATAERR, "%s: empty rates file", path);
	cc = csv_find_col_norm(&row, "currency");
	rc = csv_find_col_norm(&row, "rate");
	if (cc < 0 || rc < 0)
		pm_die(EX_DATAERR, "%s: expected the columns currency,rate",
		    path);
	while (csvr_next_or_die(r, &row) == 1) {
		struct rate *t;

		if ((size_t)cc >= row.n || (size_t)rc >= row.n)
			pm_die_at(EX_DATAERR, path, row.line,
			    "expected currency,rate");
		if (currency_code(row.f[cc], row.len[cc], cur) != 0)
			pm_die_at(EX_DATAERR, path, row.line,
			    "currency: '%s' is not a currency code", row.f[cc]);
		rates = xreallocarray(rates, nrates + 1, sizeof(*rates));
		t = &rates[nrates++];
		memcpy(t->cur, cur, 4);
		if (parse_rate(row.f[rc], row.len[rc], &t->e9) != 0)
			pm_die_at(EX_DATAERR, path, row.line,
			    "rate: '%s' is not a positive number", row.f[rc]);
	}
	csvr_close(r);
	rules.rates = rates;
	rules.nrates = nrates;
}

static void
release_options(void)
{
	size_t i;
	int k;

	for (i = 0; i < rules.nwon; i++)
		free(rules.won[i]);
	for (i = 0; i < rules.nlost; i++)
		free(rules.lost[i]);
	free(rules.won);
	free(rules.lost);
	free((void *)rules.rates);
	for (k = 0; k < opt.nmaps; k++)
		free(opt.maps[k].column);
	idset_free(ids);
	free(rbuf);
}

/* ---- opening inputs ---- */

static void
spool(struct input *in, int fd)
{
	char buf[65536];
	ssize_t n;

	if ((in->spool = tmpfile()) == NULL)
		pm_die(EX_CANTCREAT, "cannot create a temporary file: %s",
		    strerror(errno));
	for (;;) {
		do
			n = read(fd, buf, sizeof(buf));
		while (n < 0 && errno == EINTR);
		if (n < 0)
			pm_die(EX_IOERR, "%s: %s", in->name, strerror(errno));
		if (n == 0)
			break;
		if (fwrite(buf, 1, (size_t)n, in->spool) != (size_t)n)
			pm_die(EX_IOERR, "temporary file: %s", strerror(errno));
	}
	if (fflush(in->spool) != 0)
		pm_die(EX_IOERR, "temporary file: %s", strerror(errno));
	in->fd = fileno(in->spool);
}

static void
open_input(struct input *in, const char *path)
{
	struct stat st;
	int fd;

	memset(in, 0, sizeof(*in));
	in->name = path;
	in->fc.name = path;
	if (strcmp(path, "-") == 0)
		fd = STDIN_FILENO;
	else if ((fd = open(path, O_RDONLY)) == -1)
		pm_die(EX_NOINPUT, "%s: %s", path, strerror(errno));
	if (fstat(fd, &st) != 0)
		pm_die(EX_NOINPUT, "%s: %s", path, strerror(errno));
	if (S_ISDIR(st.st_mode))
		pm_die(EX_NOINPUT, "%s: is a directory", path);
	if (S_ISREG(st.st_mode) && fd == STDIN_FILENO) {
		in->fd = fd;
		return;
	}
	if (S_ISREG(st.st_mode)) {
		in->reopen = 1;	/* by name, once for each pass */
		in->fd = -1;
		close(fd);
		return;
	}
	spool(in, fd);
	if (fd != STDIN_FILENO)
		close(fd);
}

/* Files are closed between the passes: any number of them may be named. */
static void
reopen(struct input *in)
{
	if ((in->fd = open(in->name, O_RDONLY)) == -1)
		pm_die(EX_NOINPUT, "%s: %s", in->name, strerror(errno));
}

static void
choose_charset(struct input *in)
{
	unsigned char b[4];
	ssize_t n;
	size_t skip;
	const char *cs;

	n = pread(in->fd, b, sizeof(b), 0);
	if (n < 0)
		pm_die(EX_IOERR, "%s: %s", in->name, strerror(errno));
	cs = enc_sniff_bom(b, (size_t)n, &skip);
	if (opt.encoding != NULL) {
		in->charset = opt.encoding;
		/*
		 * --encoding UTF-8 goes through iconv too: bad bytes become
		 * U+FFFD, as for any named charset, not a Windows-1252 guess.
		 */
		in->start = cs != NULL && strncasecmp(opt.encoding, "UTF-16",
		    6) == 0 ? (off_t)skip : 0;
		return;
	}
	in->charset = cs;
	in->start = (off_t)skip;
}

/* ---- header and format ---- */

static void
keep_header(struct input *in, const struct csv_row *row)
{
	size_t i;

	in->fc.hdr_n = row->n;
	in->fc.hdr = xreallocarray(NULL, row->n, sizeof(*in->fc.hdr));
	for (i = 0; i < row->n; i++)
		in->fc.hdr[i] = xstrdup(row->f[i]);
	in->hdr_line = row->line;
}

static void
free_header(struct input *in)
{
	size_t i;

	for (i = 0; i < in->fc.hdr_n; i++)
		free(in->fc.hdr[i]);
	free(in->fc.hdr);
	in->fc.hdr = NULL;
	in->fc.hdr_n = 0;
}

/* Does hdr have every column named by -m? */
static int
has_user_columns(const struct csv_row *hdr)
{
	int i;

	for (i = 0; i < opt.nmaps; i++)
		if (csv_find_col_norm(hdr, opt.maps[i].column) < 0)
			return 0;
	return 1;
}

/* A column named by -m feeds only the fields -m says. */
static void
drop_shadowed(struct mapping *m)
{
	int f, i, mine;

	for (f = 0; f < NFIELD; f++) {
		for (i = 0, mine = 0; i < opt.nmaps; i++)
			mine |= opt.maps[i].field == (enum field)f;
		if (mine || m->col[f] < 0)
			continue;
		for (i = 0; i < opt.nmaps; i++)
			if (m->col[opt.maps[i].field] == m->col[f])
				m->col[f] = -1;
	}
}

/* The format and mapping for one candidate header row; NULL if none. */
static const struct format *
try_header(const struct csv_row *row, struct mapping *m)
{
	const struct format *f;
	int i, rc;

	if (row->n < 2 || (opt.nmaps > 0 && !has_user_columns(row)))
		return NULL;
	if (opt.force != NULL) {
		f = opt.force;
		rc = format_map(f, row, m);
	} else {
		f = format_detect(row, m);
		rc = f != NULL ? 0 : -1;
		if (f == NULL && opt.nmaps > 0) {
			f = format_by_name("generic");
			rc = format_map(f, row, m);
		}
	}
	if (f == NULL)
		return NULL;
	for (i = 0; i < opt.nmaps; i++)
		m->col[opt.maps[i].field] = csv_find_col_norm(row,
		    opt.maps[i].column);
	drop_shadowed(m);
	if (rc != 0 && opt.nmaps > 0) {
		const enum field *r;

		for (r = f->required; *r != NFIELD; r++)
			if (m->col[*r] < 0)
				return NULL;
		rc = 0;
	}
	return rc == 0 ? f : NULL;
}

static void
explain_unrecognised(struct input *in, const struct csv_row *first)
{
	size_t i, o;
	char req[512];
	int k;

	for (i = 0; i < (size_t)opt.nmaps; i++)
		if (csv_find_col_norm(first, opt.maps[i].column) < 0)
			break;
	if (i < (size_t)opt.nmaps)
		o = (size_t)snprintf(in->why, sizeof(in->why), "no column "
		    "\"%s\" (-m %s=%s); header: ", opt.maps[i].column,
		    field_name(opt.maps[i].field), opt.maps[i].column);
	else if (opt.force != NULL) {
		format_required_names(opt.force, req, sizeof(req));
		o = (size_t)snprintf(in->why, sizeof(in->why), "not a %s "
		    "export: no header row with %s; found: ", opt.force->name,
		    req);
	} else
		o = (size_t)snprintf(in->why, sizeof(in->why), "format not "
		    "recognised (see --list-formats, or use -f and -m); "
		    "header: ");
	for (i = 0; i < first->n && o < sizeof(in->why); i++) {
		k = snprintf(in->why + o, sizeof(in->why) - o, "%s\"%s\"",
		    i ? ", " : "", first->f[i]);
		if (k < 0)
			break;
		o += (size_t)k;
	}
}

/* Reads up to the header row; 1 when found (the header is kept). */
static int
find_header(struct input *in, struct csvr *r)
{
	struct csv_row row;
	char *first[1] = { NULL };
	struct csv_row firstrow = { 0, first, NULL, 0 };
	int got_first = 0;
	long i;

	for (i = 0; i < MAX_TITLE_ROWS; i++) {
		if (csvr_next(r, &row) != 1)
			break;
		if (!got_first) {
			keep_header(in, &row);
			got_first = 1;
		}
		if ((in->fc.fmt = try_header(&row, &in->fc.map)) != NULL) {
			free_header(in);
			keep_header(in, &row);
			in->hdr_index = i;
			return 1;
		}
	}
	if (!got_first) {
		in->empty = 1;
		return 0;
	}
	firstrow.n = in->fc.hdr_n;
	firstrow.f = in->fc.hdr;
	explain_unrecognised(in, &firstrow);
	in->hdr_index = 0;	/* the first row stands as the header */
	return 0;
}

/* ---- first pass ---- */

/* Mixes 64 bits well (the murmur3 finaliser). */
static uint64_t
mix64(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

/*
 * A 64-bit fingerprint of the format's name and the id, eight bytes at
 * a time: the same id from two CRMs is two records.
 */
static uint64_t
hash64(const struct format *f, const char *s, size_t n)
{
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ n, w;
	const char *p;
	size_t i;

	for (p = f->name; *p != '\0'; p++)
		h = (h ^ (unsigned char)*p) * 0x100000001b3ULL;
	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		h = mix64(h ^ w);
	}
	for (w = 0; i < n; i++)
		w = w << 8 | (unsigned char)s[i];
	h = mix64(h ^ w ^ 0x5bd1e995ULL);
	return h == 0 ? 1 : h;
}

/*
 * A product report without opportunity ids: the opportunity is its
 * owner, account, name, stage, amount, close and created dates, the
 * fields repeated on each of its lines.
 */
static uint64_t
opportunity_hash(const struct input *in, const struct csv_row *row)
{
	static const enum field key[] = { F_REP, F_ACCOUNT, F_DEAL_NAME,
		F_STAGE, F_AMOUNT, F_CLOSE, F_CREATED };
	uint64_t h = 0x6f70706f7274756eULL;
	const char *s;
	size_t i, n;
	int c;

	for (i = 0; i < sizeof(key) / sizeof(key[0]); i++) {
		c = in->fc.map.col[key[i]];
		s = "";
		n = 0;
		if (c >= 0 && (size_t)c < row->n) {
			s = row->f[c];
			n = row->len[c];
			str_trim(&s, &n);
		}
		h = mix64(h ^ hash64(in->fc.fmt, s, n));
	}
	return h == 0 ? 1 : h;
}

/* The fingerprint of the record's CRM id, 0 when it has none. */
static uint64_t
id_hash(const struct input *in, const struct csv_row *row)
{
	int c = in->fc.map.col[F_ID];
	const char *s;
	size_t n;

	if (c < 0 || (size_t)c >= row->n)
		return in->lines ? opportunity_hash(in, row) : 0;
	s = row->f[c];
	n = row->len[c];
	str_trim(&s, &n);
	if (n == 0)
		return in->lines ? opportunity_hash(in, row) : 0;
	return hash64(in->fc.fmt, s, n);
}

struct evidence {
	long mdy[NFIELD], dmy[NFIELD], ambig[NFIELD];
	long dot[NFIELD], comma[NFIELD];
	long lone_dot[NFIELD], lone_comma[NFIELD];	/* 12.500, 12,500 */
};

/*
 * '.' or ',' when s has one such mark and exactly three digits after
 * it: 12.500 is 12.5 or 12500, and the value cannot tell which.
 */
static int
lone_mark(const char *s, size_t n)
{
	size_t i, marks = 0, after = 0;
	char m = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '.' || s[i] == ',') {
			marks++;
			m = s[i];
			after = 0;
		} else if (s[i] >= '0' && s[i] <= '9')
			after++;
		else if (m != 0 && after > 0)
			break;
	}
	return marks == 1 && after == 3 ? m : 0;
}

static void
count_currency(struct curcount *t, size_t *n, const char *cur, long k)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (strcmp(t[i].cur, cur) == 0) {
			t[i].n += k;
			return;
		}
	if (*n == MAX_CURRENCIES)
		return;
	memcpy(t[*n].cur, cur, 4);
	t[(*n)++].n = k;
}

/* The currency a record names (column or cell), "" if none. */
static void
record_currency(const struct input *in, const struct csv_row *row,
    char cur[4])
{
	static const enum field amt[] = { F_AMOUNT, F_EST_AMOUNT,
		F_LINE_AMOUNT };
	int c, i;

	cur[0] = '\0';
	c = in->fc.map.col[F_CURRENCY];
	if (c >= 0 && (size_t)c < row->n &&
	    currency_code(row->f[c], row->len[c], cur) == 0)
		return;
	for (i = 0; i < 3; i++) {
		c = in->fc.map.col[amt[i]];
		if (c < 0 || (size_t)c >= row->n)
			continue;
		if (amount_currency(row->f[c], row->len[c], cur) == 0)
			return;
	}
}

/* mdate_evidence, remembered: a column holds few distinct dates. */
static int
evidence_cached(int f, const char *s, size_t n)
{
	static struct {
		unsigned char len;
		signed char ev;
		char s[DCACHE_LEN];
	} cache[NFIELD][1024];
	unsigned h;

	if (n >= DCACHE_LEN)
		return mdate_evidence(s, n);
	h = str_hash32(s, n) & 1023;
	if (cache[f][h].len != n || memcmp(cache[f][h].s, s, n) != 0) {
		cache[f][h].len = (unsigned char)n;
		memcpy(cache[f][h].s, s, n);
		cache[f][h].ev = (signed char)mdate_evidence(s, n);
	}
	return cache[f][h].ev;
}

static void
gather(struct input *in, const struct csv_row *row, struct evidence *ev)
{
	int f, c, m;
	char cur[4];
	uint64_t h;

	for (f = 0; f < NFIELD; f++) {
		c = in->fc.map.col[f];
		if (c < 0 || (size_t)c >= row->n || row->len[c] == 0)
			continue;
		if (field_is_date(f)) {
			switch (evidence_cached(f, row->f[c], row->len[c])) {
			case EV_MDY:
				ev->mdy[f]++;
				break;
			case EV_DMY:
				ev->dmy[f]++;
				break;
			case EV_AMBIG:
				ev->ambig[f]++;
				break;
			}
		} else if (field_is_amount(f)) {
			switch (amount_decimal_evidence(row->f[c],
			    row->len[c])) {
			case DM_DOT:
				ev->dot[f]++;
				break;
			case DM_COMMA:
				ev->comma[f]++;
				break;
			default:
				m = lone_mark(row->f[c], row->len[c]);
				ev->lone_dot[f] += m == '.';
				ev->lone_comma[f] += m == ',';
				break;
			}
		}
	}
	/* Noted one record late, so that its filter line has arrived. */
	h = id_hash(in, row);
	if (in->lines) {
		if (h == in->run)
			h = 0;	/* the same opportunity's next line */
		else
			in->run = h;
	}
	if (h != 0)
		idset_prefetch(ids, h);
	if (pending_id != 0)
		idset_note(ids, pending_id);
	pending_id = h;
	if (in->fc.fmt->kind == K_DEALS) {
		record_currency(in, row, cur);
		if (cur[0] != '\0')
			count_currency(in->cur, &in->ncur, cur, 1);
	}
}

/*
 * The day-month order of date column f: what its values show, else
 * what the file's other date columns show (fm, fd), else --date-format,
 * else the format's default, with a warning when some value needed it.
 */
static enum dorder
decide_order(const struct input *in, int f, const struct evidence *ev,
    long fm, long fd)
{
	enum dorder o;

	if (ev->mdy[f] != ev->dmy[f] || fm != fd) {
		o = ev->mdy[f] != ev->dmy[f] ? (ev->mdy[f] > ev->dmy[f] ?
		    DO_MDY : DO_DMY) : (fm > fd ? DO_MDY : DO_DMY);
		if ((opt.order == DO_MDY || opt.order == DO_DMY) &&
		    opt.order != o)
			pm_warn("%s: %s: its dates show %s; --date-format is "
			    "for columns that cannot tell", in->name,
			    record_column(&in->fc, f), mdate_order_name(o));
		return o;
	}
	if (opt.order != DO_UNKNOWN)
		return opt.order;
	o = in->fc.fmt->order;
	if (ev->ambig[f] > 0)
		pm_warn("%s: %s: day and month cannot be told apart (%ld "
		    "dates like 03/04/2026); reading %s, the %s default (use "
		    "--date-format)", in->name, record_column(&in->fc, f),
		    ev->ambig[f], mdate_order_name(o), in->fc.fmt->name);
	return o;
}

/* An amount column whose decimal mark was a guess that matters. */
static void
warn_lone_marks(const struct input *in, int f, const struct evidence *ev)
{
	int comma = in->fc.comma[f];
	long k = comma ? ev->lone_comma[f] : ev->lone_dot[f];

	if (in->fc.map.col[f] < 0 || k == 0)
		return;
	pm_warn("%s: %s: decimal mark unknown (%ld amounts like %s); "
	    "reading a decimal %s%s", in->name, record_column(&in->fc, f), k,
	    comma ? "12,500" : "12.500", comma ? "comma" : "point",
	    comma ? "" : " (use --decimal-comma)");
}

static void
decide(struct input *in, const struct evidence *ev)
{
	long fm = 0, fd = 0;
	int f;

	for (f = 0; f < NFIELD; f++) {
		fm += ev->mdy[f];
		fd += ev->dmy[f];
	}
	for (f = 0; f < NFIELD; f++) {
		if (field_is_date(f) && in->fc.map.col[f] >= 0)
			in->fc.order[f] = decide_order(in, f, ev, fm, fd);
		if (field_is_amount(f)) {
			if (opt.decimal_comma)
				in->fc.comma[f] = 1;
			else if (ev->dot[f] != ev->comma[f])
				in->fc.comma[f] = ev->comma[f] > ev->dot[f];
			else {
				in->fc.comma[f] = in->delim == ';';
				warn_lone_marks(in, f, ev);
			}
		}
	}
}

/*
 * 0 after a clean pass; 1 when the bytes are not UTF-8 and the pass
 * must be redone as Windows-1252.
 */
static int
first_pass(struct input *in, struct encr *e)
{
	struct csvr *r;
	struct csv_row row;
	struct evidence ev;
	const char *peek;
	size_t n;
	int rc;

	memset(&ev, 0, sizeof(ev));
	in->ncur = 0;
	in->run = 0;
	free_header(in);
	r = csvr_open_fn(encr_read, e, in->name);
	n = csvr_peek(r, &peek);
	in->delim = opt.delim ? opt.delim : format_sniff_delim(peek, n);
	csvr_set_delim(r, in->delim);
	if (find_header(in, r)) {
		in->lines = in->fc.fmt->kind == K_DEALS &&
		    in->fc.map.col[F_LINE_AMOUNT] >= 0;
		while ((rc = csvr_next(r, &row)) == 1)
			if (!record_is_noise(&in->fc, &row) && in->fc.fmt->kind != K_FACTS) {
				gather(in, &row, &ev);
			}
		decide(in, &ev);
	} else
		while ((rc = csvr_next(r, &row)) == 1)
			;
	(void)rc;
	if (in->empty && *csvr_error(r) != '\0') {
		/* Not empty: malformed from its first record on. */
		in->empty = 0;
		snprintf(in->why, sizeof(in->why), "no header row: %s",
		    csvr_error(r));
	}
	if (in->charset == NULL && !csvr_error_is_io(r) &&
	    strstr(csvr_error(r), "invalid UTF-8") != NULL) {
		csvr_close(r);
		return 1;
	}
	csvr_close(r);
	return 0;
}

static void
verbose_report(const struct input *in)
{
	int f;

	pm_warn("%s: format %s (%s), header on line %ld, delimiter '%s', "
	    "encoding %s", in->name, in->fc.fmt->name, in->forced ? "forced" :
	    "detected", in->hdr_line, in->delim == '\t' ? "\\t" :
	    (char[]){ (char)in->delim, '\0' }, in->charset ? in->charset :
	    "UTF-8");
	for (f = 0; f < NFIELD; f++) {
		if (in->fc.map.col[f] < 0)
			continue;
		if (field_is_date(f))
			pm_warn("%s:   %-14s <- \"%s\" (%s)", in->name,
			    field_name(f), in->fc.hdr[in->fc.map.col[f]],
			    mdate_order_name(in->fc.order[f]));
		else if (field_is_amount(f))
			pm_warn("%s:   %-14s <- \"%s\" (decimal %s)", in->name,
			    field_name(f), in->fc.hdr[in->fc.map.col[f]],
			    in->fc.comma[f] ? "comma" : "point");
		else
			pm_warn("%s:   %-14s <- \"%s\"", in->name,
			    field_name(f), in->fc.hdr[in->fc.map.col[f]]);
	}
	if (in->lines)
		pm_warn("%s: one row per product line: money from \"%s\", "
		    "an opportunity's counts on its first line", in->name,
		    record_column(&in->fc, F_LINE_AMOUNT));
}

static void
prepare(struct input *in)
{
	struct encr *e;
	size_t i;

	if (in->reopen)
		reopen(in);
	choose_charset(in);
	in->forced = opt.force != NULL;
	for (;;) {
		e = encr_open(in->fd, in->start, in->charset);
		if (e == NULL)
			pm_usage_error("--encoding %s: not a charset iconv "
			    "knows", in->charset);
		if (first_pass(in, e) == 0)
			break;
		encr_close(e);
		in->charset = CP1252;
		pm_warn("%s: not valid UTF-8; reading it as Windows-1252 "
		    "(use --encoding to say otherwise)", in->name);
	}
	encr_close(e);
	if (in->reopen)
		close(in->fd);
	for (i = 0; in->fc.fmt != NULL && i < in->ncur; i++)
		count_currency(allcur, &nallcur, in->cur[i].cur, in->cur[i].n);
	if (opt.verbose && in->fc.fmt != NULL)
		verbose_report(in);
}

/* The currency of most records of t (ties: the first code), or "". */
static const char *
majority_of(const struct curcount *t, size_t n)
{
	size_t i, best = 0;

	for (i = 1; i < n; i++)
		if (t[i].n > t[best].n || (t[i].n == t[best].n &&
		    strcmp(t[i].cur, t[best].cur) < 0))
			best = i;
	return n > 0 ? t[best].cur : "";
}

/*
 * A file that mixes currencies has its minority records rejected (SPEC
 * section 3); files that are each in one currency, but not the same
 * one, are said to be so, since their sums would mix.
 */
static void
warn_currencies(struct input *in, int nin)
{
	const char *all = majority_of(allcur, nallcur), *mine;
	int i;

	if (nallcur < 2 || rules.nrates > 0)
		return;
	for (i = 0; i < nin; i++) {
		mine = majority_of(in[i].cur, in[i].ncur);
		if (*mine != '\0' && strcmp(mine, all) != 0)
			pm_warn("%s: amounts in %s, most inputs in %s: not "
			    "converted (use --rates FILE)", in[i].name, mine,
			    all);
	}
}

/* This file's majority currency, for record_convert(). */
static void
decide_currency(const struct input *in)
{
	snprintf(rules.majority, sizeof(rules.majority), "%s",
	    majority_of(in->cur, in->ncur));
	rules.mixed = in->ncur > 1;
}

/* ---- second pass: records to facts ---- */

/*
 * The fields every fact of a record shares, written once: rep, and
 * account,product,team,ref with a newline.  A fact's line is its date,
 * the first part, its metric and value, then the second part.
 */
struct line {
	char tail[5 * (2 * NAME_MAX_LEN + 3)];
	size_t replen, taillen;
};

static void
prepare_line(const struct rec *r, struct line *l)
{
	char *p = l->tail;

	p += fmt_field(r->rep, r->nrep, p);
	*p++ = ',';
	l->replen = (size_t)(p - l->tail);
	*p++ = ',';	/* the metric and value go between */
	p += fmt_field(r->account, r->naccount, p);
	*p++ = ',';
	p += fmt_field(r->product, r->nproduct, p);
	*p++ = ',';
	p += fmt_field(r->team, r->nteam, p);
	*p++ = ',';
	p += fmt_field(r->ref, strlen(r->ref), p);
	*p++ = '\n';
	l->taillen = (size_t)(p - l->tail);
}

static void
emit(const struct line *l, const struct fact *f)
{
	char buf[sizeof(l->tail) + 600], *p = buf;

	p += fmt_date(f->day, p);
	*p++ = ',';
	memcpy(p, l->tail, l->replen);
	p += l->replen;
	p += fmt_field(f->metric, f->mlen < 256 ? f->mlen : 256, p);
	*p++ = ',';
	p += fmt_fixed2(f->value, p);
	memcpy(p, l->tail + l->replen, l->taillen - l->replen);
	p += l->taillen - l->replen;
	out_write(out, buf, (size_t)(p - buf));
}

static void
reject(struct input *in, struct counts *c, const struct csv_row *row,
    const char *reason)
{
	const char *rec;
	size_t len;

	c->rejected++;
	if (rej != NULL) {
		csv_put_field(rej, in->name);
		csv_put_long(rej, row->line);
		csv_put_field(rej, reason);
		rec = join_record(row, &len);
		csv_put_fieldn(rej, rec, len);
		csv_end_row(rej);
	} else if (c->shown++ < MAX_SHOWN)
		pm_warn_at(in->name, row->line, "%s", reason);
}

static void
report_duplicate(const struct input *in, const struct rec *r,
    struct counts *c)
{
	const char *skip = opt.dedupe ? ": skipped (--dedupe)" : "";

	if (++c->dups > MAX_SHOWN)
		return;
	if (r->n[F_ID] > 0)
		pm_warn_at(in->name, r->row->line, "duplicate id '%.*s'%s%s",
		    (int)r->n[F_ID], r->v[F_ID], in->lines ? " (also in an "
		    "earlier file)" : "", skip);
	else
		pm_warn_at(in->name, r->row->line, "duplicate opportunity "
		    "'%.*s' of %s, %s, closing %.*s (also in an earlier "
		    "file)%s", (int)r->n[F_DEAL_NAME], r->v[F_DEAL_NAME],
		    r->rep, r->account, (int)r->n[F_CLOSE], r->v[F_CLOSE],
		    skip);
}

/* Reports a CRM id seen before; 1 when --dedupe drops the record. */
static int
duplicate(const struct input *in, const struct rec *r, uint64_t h,
    struct counts *c)
{
	if (idset_visit(ids, h, in->index) == 0)
		return 0;
	report_duplicate(in, r, c);
	return opt.dedupe;
}

/*
 * A line of a product report: the lines of one opportunity in one
 * file are not duplicates, and only the first one keeps the
 * opportunity's counts; an opportunity met in an earlier file is.
 * 1 when --dedupe drops the line.
 */
static int
product_line(struct input *in, struct rec *r, uint64_t h, struct counts *c)
{
	int v;

	if (in->runstate == RUN_NEW) {
		v = idset_visit(ids, h, in->index);
		if (v == ID_EARLIER)	/* once per opportunity and file */
			report_duplicate(in, r, c);
		in->runstate = (v & ID_EARLIER) != 0 && opt.dedupe ?
		    RUN_DROP : (v & ID_HERE) != 0 ? RUN_MORE : RUN_FIRST;
	}
	switch (in->runstate) {
	case RUN_DROP:
		return 1;
	case RUN_FIRST:
		in->runstate = RUN_MORE;
		break;
	default:
		record_drop_once(r);
		break;
	}
	return 0;
}

static void
one_record(struct input *in, struct counts *c, const struct csv_row *row,
    struct rec *r, struct line *l)
{
	uint64_t h;
	int i;

	if (record_is_noise(&in->fc, row)) {
		c->skipped++;
		return;
	}
	if (in->fc.fmt == NULL) {
		reject(in, c, row, "format not recognised");
		return;
	}
	h = in->fc.fmt->kind != K_FACTS ? id_hash(in, row) : 0;
	if (in->lines && h != in->run) {
		in->run = h;	/* a rejected first line starts a run too */
		in->runstate = RUN_NEW;
	}
	if (record_convert(&in->fc, &rules, row, r) != 0) {
		reject(in, c, row, r->reason);
		return;
	}
	/*
	 * An open deal with no date and no amount (a bare prospect) has
	 * no fact to give: skipped, so that every ok record is in the
	 * facts and records = ok + skipped + rejected holds on the output.
	 * So is a product line whose facts were all its opportunity's.
	 */
	if (r->outcome == O_SKIP || r->nfacts == 0 || (h != 0 && (in->lines ?
	    product_line(in, r, h, c) : duplicate(in, r, h, c))) ||
	    r->nfacts == 0) {
		c->skipped++;
		return;
	}
	c->ok++;
	c->backwards += r->backwards;
	prepare_line(r, l);
	for (i = 0; i < r->nfacts; i++)
		emit(l, &r->facts[i]);
}

static void
second_pass(struct input *in)
{
	struct encr *e;
	struct csvr *r;
	struct csv_row row;
	struct counts c;
	struct rec *rec;
	struct line *line;
	long i;
	int rc;

	memset(&c, 0, sizeof(c));
	in->run = 0;
	in->runstate = RUN_NEW;
	rec = xmalloc(sizeof(*rec));
	line = xmalloc(sizeof(*line));
	if (in->fc.fmt != NULL)
		record_cache_init(&in->fc);
	decide_currency(in);
	if (in->reopen)
		reopen(in);
	if (in->empty)
		pm_warn("%s: empty file", in->name);
	else if (in->fc.fmt == NULL)
		pm_warn("%s: %s", in->name, in->why);
	e = encr_open(in->fd, in->start, in->charset);
	r = csvr_open_fn(encr_read, e, in->name);
	csvr_set_delim(r, in->delim);
	/* Title lines before the header are noise; the header is not. */
	for (i = 0; i <= in->hdr_index; i++)
		if ((rc = csvr_next(r, &row)) != 1)
			break;
		else if (i < in->hdr_index) {
			c.records++;
			c.skipped++;
		}
	/* An error before the first record must not be lost either. */
	while (rc == 1 && (rc = csvr_next(r, &row)) == 1) {
		c.records++;
		one_record(in, &c, &row, rec, line);
	}
	if (rc < 0) {
		pm_warn_at(in->name, csvr_error_line(r), "%s", csvr_error(r));
		failed = csvr_error_is_io(r) ? EX_IOERR : EX_DATAERR;
	}
	if (encr_replaced(e) > 0)
		pm_warn("%s: %zu bytes not valid in %s replaced by U+FFFD",
		    in->name, encr_replaced(e), in->charset);
	if (c.shown > MAX_SHOWN)
		pm_warn("%s: %ld more rejected records not shown (use "
		    "--rejects FILE)", in->name, c.shown - MAX_SHOWN);
	if (c.dups > MAX_SHOWN)
		pm_warn("%s: %ld duplicate ids in all", in->name, c.dups);
	if (c.backwards > 0)
		pm_warn("%s: %ld won deals created after their close date: "
		    "no cycle_days for them", in->name, c.backwards);
	if (!opt.quiet)
		pm_warn("%s: %ld records: %ld ok, %ld skipped, %ld rejected",
		    in->name, c.records, c.ok, c.skipped, c.rejected);
	if (in->fc.fmt == NULL && !in->empty)
		failed = EX_DATAERR;
	if (opt.strict && c.rejected > 0 && failed == 0)
		failed = EX_DATAERR;
	csvr_close(r);
	encr_close(e);
	record_cache_free(&in->fc);
	free(line);
	free(rec);
	free_header(in);
	if (in->spool != NULL)
		fclose(in->spool);
	else if (in->reopen)
		close(in->fd);
}

int
main(int argc, char *argv[])
{
	static const char *const facts_hdr[] = { "date", "rep", "metric",
		"value", "account", "product", "team", "ref", NULL };
	static const char *const rej_hdr[] = { "file", "line", "reason",
		"record", NULL };
	struct input *in;
	int c, i, nin, list = 0;
	char *stdin_only[] = { "-" };
	char **files;

	pm_setprog(argv);
	while ((c = getopt_long(argc, argv, "f:m:vhVo:d:q", longopts,
	    NULL)) != -1) {
		switch (c) {
		case 'f':
			if ((opt.force = format_by_name(optarg)) == NULL)
				pm_usage_error("-f %s: unknown format (see "
				    "--list-formats)", optarg);
			break;
		case 'm':
			add_map(optarg);
			break;
		case OPT_WON:
			split_list(optarg, &rules.won, &rules.nwon);
			break;
		case OPT_LOST:
			split_list(optarg, &rules.lost, &rules.nlost);
			break;
		case OPT_DATE_FORMAT:
			if (mdate_order_parse(optarg, &opt.order) != 0)
				pm_usage_error("--date-format %s: expected "
				    "dmy, mdy or ymd", optarg);
			break;
		case OPT_DECIMAL_COMMA:
			opt.decimal_comma = 1;
			break;
		case OPT_ENCODING:
			opt.encoding = optarg;
			break;
		case OPT_RATES:
			rules.rates_path = optarg;
			break;
		case OPT_DEDUPE:
			opt.dedupe = 1;
			break;
		case OPT_REJECTS:
			opt.rejects_path = optarg;
			break;
		case OPT_STRICT:
			opt.strict = 1;
			break;
		case OPT_LIST_FORMATS:
			list = 1;
			break;
		case 'v':
			opt.verbose = 1;
			break;
		case 'o':
			opt.output = optarg;
			break;
		case 'd':
			opt.delim = cli_delim(optarg);
			break;
		case 'q':
			opt.quiet = 1;
			break;
		case 'h':
			usage();
		case 'V':
			pm_version();
		default:
			pm_usage_error(NULL);
		}
	}
	if (list)
		list_formats();
	if (opt.encoding != NULL) {
		if (!enc_known(opt.encoding))
			pm_usage_error("--encoding %s: not a charset iconv "
			    "knows", opt.encoding);
	}
	if (rules.rates_path != NULL)
		load_rates(rules.rates_path);
	files = optind < argc ? argv + optind : stdin_only;
	nin = optind < argc ? argc - optind : 1;
	in = xcalloc((size_t)nin, sizeof(*in));
	for (i = 0; i < nin; i++) {
		open_input(&in[i], files[i]);
		in[i].index = i + 1;
	}
	ids = idset_new();
	for (i = 0; i < nin; i++)
		prepare(&in[i]);
	warn_currencies(in, nin);
	if (pending_id != 0)
		idset_note(ids, pending_id);
	idset_seal(ids);
	out = out_open(opt.output);
	if (opt.rejects_path != NULL) {
		rej = out_open(opt.rejects_path);
		csv_put_row(rej, rej_hdr);
	}
	csv_put_row(out, facts_hdr);
	for (i = 0; i < nin; i++)
		second_pass(&in[i]);
	if (rej != NULL)
		out_close(rej);
	/* A failed run does not replace the previous -o FILE (SPEC 1). */
	if (failed)
		out_discard(out);
	else
		out_close(out);
	free(in);
	release_options();
	return failed;
}
