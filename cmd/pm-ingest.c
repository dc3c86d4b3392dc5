/*
 * pm-ingest: turn raw CRM exports into the canonical facts table
 * (SPEC sections 2 and 3).
 *
 * Each input is read twice.  A first pass finds the header, the
 * format and the report noise, and gathers the evidence that decides
 * what a single value cannot: day-month order per date column, decimal
 * comma per amount column, the majority currency over all inputs, and
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
#include <sys/mman.h>
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

#define MAX_TITLE_ROWS 50	/* rows searched for the header */
#define MAX_SHOWN 20		/* rejected records shown per file */
#define DCACHE 1024		/* date parses remembered per column */
#define DCACHE_LEN 32
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

struct rate {
	char cur[4];
	int64_t e9;		/* value of one unit in the base, x 1e9 */
};

static struct {
	const struct format *force;
	struct usermap maps[NFIELD];
	int nmaps;
	char **won, **lost;
	size_t nwon, nlost;
	enum dorder order;
	int decimal_comma;
	const char *encoding;
	const char *rates_path;
	struct rate *rates;
	size_t nrates;
	int dedupe, strict, quiet, verbose;
	unsigned char delim;
	const char *rejects_path;
	const char *output;
} opt;

struct curcount {
	char cur[4];
	long n;
};

struct dcache_ent {
	unsigned char len;
	signed char rc;
	char s[DCACHE_LEN];
	pm_day day;
};

/* One input file and what the first pass learned about it. */
struct input {
	const char *name;
	int fd;
	FILE *spool;
	off_t start;
	const char *charset;	/* NULL: UTF-8 */
	unsigned char delim;
	const struct format *fmt;
	int forced;
	struct mapping map;
	long hdr_index;		/* records before the header */
	long hdr_line;
	size_t hdr_n;
	char **hdr;		/* the header's fields */
	enum dorder order[NFIELD];
	int comma[NFIELD];
	char why[1024];		/* when fmt is NULL */
	int empty;		/* not even a header */
	struct curcount cur[MAX_CURRENCIES];
	size_t ncur;
	long nrecords;		/* data records the first pass saw */
};

/* The record being turned into facts. */
struct rec {
	struct input *in;
	const struct csv_row *row;
	const char *v[NFIELD];
	size_t n[NFIELD];
	char rep[1024], account[1024], product[1024], team[1024];
	size_t nrep, naccount, nproduct, nteam;
	uint64_t idhash;
	char ref[1024];
	char reason[1024];
	char tail[12288];	/* ,rep, and ,account,product,team,ref */
	size_t replen, taillen;
};

struct counts {
	long records, ok, skipped, rejected, shown, dups, backwards;
};

static struct out *out, *rej;
static struct curcount allcur[MAX_CURRENCIES];
static size_t nallcur;
static char majority[4];
static int mixed;
static uint64_t *idset;
static size_t idcap, idcount;
static struct dcache_ent *dcache[NFIELD];
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

static int
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* s trimmed and its inner runs of white space (and NBSP) made one space. */
static size_t
collapse(const char *s, size_t n, char *buf, size_t cap)
{
	size_t i, o = 0;
	int pend = 0;

	for (i = 0; i < n && o + 2 < cap; i++) {
		if (is_space((unsigned char)s[i]) || (i + 1 < n &&
		    (unsigned char)s[i] == 0xc2 &&
		    (unsigned char)s[i + 1] == 0xa0)) {
			if ((unsigned char)s[i] == 0xc2)
				i++;
			pend = o > 0;
			continue;
		}
		if (pend)
			buf[o++] = ' ';
		pend = 0;
		buf[o++] = s[i];
	}
	buf[o] = '\0';
	return o;
}

static void
trim(const char **s, size_t *n)
{
	while (*n > 0 && is_space((unsigned char)**s)) {
		(*s)++;
		(*n)--;
	}
	while (*n > 0 && is_space((unsigned char)(*s)[*n - 1]))
		(*n)--;
}

/*
 * Case-insensitive: does s (length n) contain word (lower case), not
 * followed by a letter or an apostrophe?  "Closed Won" and "closedwon"
 * do, "Won't pursue" does not.
 */
static int
contains(const char *s, size_t n, const char *word)
{
	size_t k = strlen(word), i, j;
	unsigned char next;

	for (i = 0; i + k <= n; i++) {
		for (j = 0; j < k && (s[i + j] | 0x20) == word[j]; j++)
			;
		if (j < k)
			continue;
		if (i + k == n)
			return 1;
		next = (unsigned char)(s[i + k] | 0x20);
		if (!(next >= 'a' && next <= 'z') && s[i + k] != '\'' &&
		    (unsigned char)s[i + k] != 0xe2)
			return 1;
	}
	return 0;
}

static int
in_list(char **list, size_t nlist, const char *s, size_t n)
{
	size_t i;

	trim(&s, &n);
	for (i = 0; i < nlist; i++)
		if (strlen(list[i]) == n && strncasecmp(list[i], s, n) == 0)
			return 1;
	return 0;
}

static void
split_list(const char *arg, char ***list, size_t *n)
{
	const char *p = arg, *comma;
	size_t len;

	while (*p != '\0') {
		comma = strchr(p, ',');
		len = comma != NULL ? (size_t)(comma - p) : strlen(p);
		while (len > 0 && is_space((unsigned char)*p)) {
			p++;
			len--;
		}
		while (len > 0 && is_space((unsigned char)p[len - 1]))
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
		    "amount, est_amount, currency, close_date, won_date, "
		    "lost_date, expected_close, created, type, date, metric, "
		    "value)", arg, name);
	free(name);
	opt.maps[opt.nmaps].field = f;
	opt.maps[opt.nmaps].column = xstrdup(eq + 1);
	if (opt.nmaps < NFIELD - 1)
		opt.nmaps++;
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

	trim(&s, &n);
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
		opt.rates = xreallocarray(opt.rates, opt.nrates + 1,
		    sizeof(*opt.rates));
		t = &opt.rates[opt.nrates++];
		memcpy(t->cur, cur, 4);
		if (parse_rate(row.f[rc], row.len[rc], &t->e9) != 0)
			pm_die_at(EX_DATAERR, path, row.line,
			    "rate: '%s' is not a positive number", row.f[rc]);
	}
	csvr_close(r);
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
	if (strcmp(path, "-") == 0)
		fd = STDIN_FILENO;
	else if ((fd = open(path, O_RDONLY)) == -1)
		pm_die(EX_NOINPUT, "%s: %s", path, strerror(errno));
	if (fstat(fd, &st) != 0)
		pm_die(EX_NOINPUT, "%s: %s", path, strerror(errno));
	if (S_ISDIR(st.st_mode))
		pm_die(EX_NOINPUT, "%s: is a directory", path);
	if (S_ISREG(st.st_mode)) {
		in->fd = fd;
		return;
	}
	spool(in, fd);
	if (fd != STDIN_FILENO)
		close(fd);
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
		in->start = cs != NULL && strncasecmp(opt.encoding, "UTF-16",
		    6) == 0 ? (off_t)skip : 0;
		if (strcasecmp(opt.encoding, "UTF-8") == 0 ||
		    strcasecmp(opt.encoding, "UTF8") == 0)
			in->charset = NULL;
		return;
	}
	in->charset = cs;
	in->start = (off_t)skip;
}

/* ---- delimiter sniffing ---- */

/* The separator that splits the first lines most consistently. */
static unsigned char
sniff_delim(const char *buf, size_t n)
{
	static const char cand[] = ",;\t|";
	int counts[4][30], lines = 0, q = 0, i, j, k;
	long best = 0, score;
	unsigned char d = ',';
	size_t p;

	memset(counts, 0, sizeof(counts));
	for (p = 0; p < n && lines < 30; p++) {
		if (buf[p] == '"')
			q = !q;
		else if (!q && (buf[p] == '\n' || buf[p] == '\r')) {
			if (p + 1 < n && buf[p] == '\r' && buf[p + 1] == '\n')
				p++;
			lines++;
		} else if (!q)
			for (i = 0; i < 4; i++)
				counts[i][lines] += buf[p] == cand[i];
	}
	if (lines < 30 && p == n)
		lines++;
	for (i = 0; i < 4; i++) {
		/* The most common non-zero count, times its frequency. */
		for (j = 0; j < lines; j++) {
			int c = counts[i][j], freq = 0;

			if (c == 0)
				continue;
			for (k = 0; k < lines; k++)
				freq += counts[i][k] == c;
			score = (long)c * freq;
			if (score > best) {
				best = score;
				d = (unsigned char)cand[i];
			}
		}
	}
	return d;
}

/* ---- report noise ---- */

/* "Total", "Subtotal", "Grand Totals (12 records)", "Total:" */
static int
total_label(const char *s, size_t n)
{
	trim(&s, &n);
	if (n >= 11 && strncasecmp(s, "grand total", 11) == 0)
		return 1;
	if (n >= 4 && strncasecmp(s, "sub", 3) == 0) {
		s += 3;
		n -= 3;
		if (*s == '-' || *s == ' ') {
			s++;
			n--;
		}
	}
	if (n < 5 || strncasecmp(s, "total", 5) != 0)
		return 0;
	s += 5;
	n -= 5;
	if (n > 0 && (*s == 's' || *s == 'S')) {
		s++;
		n--;
	}
	trim(&s, &n);
	return n == 0 || *s == ':' || *s == '(';
}

/*
 * Title and footer lines (one non-empty field), total rows and
 * repeated headers are report noise.
 */
static int
is_noise(const struct input *in, const struct csv_row *row)
{
	size_t i, nonempty = 0, n;
	const char *s;

	for (i = 0; i < row->n; i++) {
		s = row->f[i];
		n = row->len[i];
		if (n > 0 && is_space((unsigned char)*s))
			trim(&s, &n);
		if (n == 0)
			continue;
		nonempty++;
		if ((*s | 0x20) == 't' || (*s | 0x20) == 's' ||
		    (*s | 0x20) == 'g')
			if (total_label(s, n))
				return 1;
	}
	if (nonempty == 0 || (nonempty == 1 && in->hdr_n >= 3))
		return 1;
	if (row->n == in->hdr_n && strcmp(row->f[0], in->hdr[0]) == 0) {
		for (i = 1; i < row->n; i++)
			if (strcmp(row->f[i], in->hdr[i]) != 0)
				return 0;
		return 1;
	}
	return 0;
}

/* ---- header and format ---- */

static void
keep_header(struct input *in, const struct csv_row *row)
{
	size_t i;

	in->hdr_n = row->n;
	in->hdr = xreallocarray(NULL, row->n, sizeof(*in->hdr));
	for (i = 0; i < row->n; i++)
		in->hdr[i] = xstrdup(row->f[i]);
	in->hdr_line = row->line;
}

static void
free_header(struct input *in)
{
	size_t i;

	for (i = 0; i < in->hdr_n; i++)
		free(in->hdr[i]);
	free(in->hdr);
	in->hdr = NULL;
	in->hdr_n = 0;
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

	if (opt.force != NULL) {
		format_required_names(opt.force, req, sizeof(req));
		o = (size_t)snprintf(in->why, sizeof(in->why), "not a %s "
		    "export: no header row with %s; found: ", opt.force->name,
		    req);
	} else
		o = (size_t)snprintf(in->why, sizeof(in->why), "format not "
		    "recognised (see --list-formats, or use -f and -m); "
		    "header: ");
	for (i = 0; first != NULL && i < first->n && o < sizeof(in->why);
	    i++) {
		k = snprintf(in->why + o, sizeof(in->why) - o, "%s\"%s\"",
		    i ? ", " : "", first->f[i]);
		if (k < 0)
			break;
		o += (size_t)k;
	}
	if (first == NULL)
		snprintf(in->why + o, sizeof(in->why) - o, "(empty file)");
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
		if ((in->fmt = try_header(&row, &in->map)) != NULL) {
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
	firstrow.n = in->hdr_n;
	firstrow.f = in->hdr;
	explain_unrecognised(in, &firstrow);
	in->hdr_index = 0;	/* the first row stands as the header */
	return 0;
}

/* ---- first pass ---- */

struct evidence {
	long mdy[NFIELD], dmy[NFIELD], ambig[NFIELD];
	long dot[NFIELD], comma[NFIELD];
};

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
	static const enum field amt[] = { F_AMOUNT, F_EST_AMOUNT };
	int c, i;

	cur[0] = '\0';
	c = in->map.col[F_CURRENCY];
	if (c >= 0 && (size_t)c < row->n &&
	    currency_code(row->f[c], row->len[c], cur) == 0)
		return;
	for (i = 0; i < 2; i++) {
		c = in->map.col[amt[i]];
		if (c < 0 || (size_t)c >= row->n)
			continue;
		if (amount_currency(row->f[c], row->len[c], cur) == 0)
			return;
	}
}

static uint32_t hash32(const char *s, size_t n);

/* mdate_evidence, remembered: a column holds few distinct dates. */
static int
evidence_cached(int f, const char *s, size_t n)
{
	static struct {
		unsigned char len;
		signed char ev;
		char s[DCACHE_LEN];
	} cache[NFIELD][256];
	unsigned h;

	if (n >= DCACHE_LEN)
		return mdate_evidence(s, n);
	h = hash32(s, n) & 255;
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
	int f, c;
	char cur[4];

	for (f = 0; f < NFIELD; f++) {
		c = in->map.col[f];
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
			}
		}
	}
	if (in->fmt->kind == K_DEALS) {
		record_currency(in, row, cur);
		if (cur[0] != '\0')
			count_currency(in->cur, &in->ncur, cur, 1);
	}
}

static const char *
column_name(const struct input *in, enum field f)
{
	int c = in->map.col[f];

	return c >= 0 && (size_t)c < in->hdr_n ? in->hdr[c] : field_name(f);
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
		if (field_is_date(f)) {
			if (ev->mdy[f] != ev->dmy[f])
				in->order[f] = ev->mdy[f] > ev->dmy[f] ?
				    DO_MDY : DO_DMY;
			else if (fm != fd)
				in->order[f] = fm > fd ? DO_MDY : DO_DMY;
			else if (opt.order != DO_UNKNOWN)
				in->order[f] = opt.order;
			else {
				in->order[f] = in->fmt->order;
				if (ev->ambig[f] > 0)
					pm_warn("%s: %s: day and month cannot "
					    "be told apart (%ld dates like "
					    "03/04/2026); reading %s, the %s "
					    "default (use --date-format)",
					    in->name, column_name(in, f),
					    ev->ambig[f],
					    mdate_order_name(in->order[f]),
					    in->fmt->name);
			}
		}
		if (field_is_amount(f)) {
			if (opt.decimal_comma)
				in->comma[f] = 1;
			else if (ev->dot[f] != ev->comma[f])
				in->comma[f] = ev->comma[f] > ev->dot[f];
			else
				in->comma[f] = in->delim == ';';
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
	in->nrecords = 0;
	free_header(in);
	r = csvr_open_fn(encr_read, e, in->name);
	n = csvr_peek(r, &peek);
	in->delim = opt.delim ? opt.delim : sniff_delim(peek, n);
	csvr_set_delim(r, in->delim);
	if (find_header(in, r)) {
		while ((rc = csvr_next(r, &row)) == 1)
			if (!is_noise(in, &row) && in->fmt->kind != K_FACTS) {
				gather(in, &row, &ev);
				in->nrecords++;
			}
		decide(in, &ev);
	} else
		while ((rc = csvr_next(r, &row)) == 1)
			;
	(void)rc;
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
	    "encoding %s", in->name, in->fmt->name, in->forced ? "forced" :
	    "detected", in->hdr_line, in->delim == '\t' ? "\\t" :
	    (char[]){ (char)in->delim, '\0' }, in->charset ? in->charset :
	    "UTF-8");
	for (f = 0; f < NFIELD; f++) {
		if (in->map.col[f] < 0)
			continue;
		if (field_is_date(f))
			pm_warn("%s:   %-14s <- \"%s\" (%s)", in->name,
			    field_name(f), in->hdr[in->map.col[f]],
			    mdate_order_name(in->order[f]));
		else if (field_is_amount(f))
			pm_warn("%s:   %-14s <- \"%s\" (decimal %s)", in->name,
			    field_name(f), in->hdr[in->map.col[f]],
			    in->comma[f] ? "comma" : "point");
		else
			pm_warn("%s:   %-14s <- \"%s\"", in->name,
			    field_name(f), in->hdr[in->map.col[f]]);
	}
}

static void
prepare(struct input *in)
{
	struct encr *e;
	size_t i;

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
	for (i = 0; in->fmt != NULL && i < in->ncur; i++)
		count_currency(allcur, &nallcur, in->cur[i].cur, in->cur[i].n);
	if (opt.verbose && in->fmt != NULL)
		verbose_report(in);
}

static void
decide_currency(void)
{
	size_t i, best = 0;

	majority[0] = '\0';
	mixed = nallcur > 1;
	for (i = 1; i < nallcur; i++)
		if (allcur[i].n > allcur[best].n || (allcur[i].n ==
		    allcur[best].n && strcmp(allcur[i].cur,
		    allcur[best].cur) < 0))
			best = i;
	if (nallcur > 0)
		memcpy(majority, allcur[best].cur, 4);
}

/* ---- second pass: records to facts ---- */

/* The fields every fact of the record shares, ready to write. */
static void
prepare_row(struct rec *r)
{
	char *p = r->tail;

	p += fmt_field(r->rep, r->nrep, p);
	*p++ = ',';
	r->replen = (size_t)(p - r->tail);
	*p++ = ',';	/* the metric and value go between */
	p += fmt_field(r->account, r->naccount, p);
	*p++ = ',';
	p += fmt_field(r->product, r->nproduct, p);
	*p++ = ',';
	p += fmt_field(r->team, r->nteam, p);
	*p++ = ',';
	p += fmt_field(r->ref, strlen(r->ref), p);
	*p++ = '\n';
	r->taillen = (size_t)(p - r->tail);
}

static void
emitn(const struct rec *r, pm_day day, const char *metric, size_t n,
    int64_t v)
{
	char buf[sizeof(r->tail) + 600], *p = buf;

	p += fmt_date(day, p);
	*p++ = ',';
	memcpy(p, r->tail, r->replen);
	p += r->replen;
	p += fmt_field(metric, n < 256 ? n : 256, p);
	*p++ = ',';
	p += fmt_fixed2(v, p);
	memcpy(p, r->tail + r->replen, r->taillen - r->replen);
	p += r->taillen - r->replen;
	out_write(out, buf, (size_t)(p - buf));
}

#define EMIT(r, day, metric, v) emitn(r, day, metric, sizeof(metric) - 1, v)

static void
emit(const struct rec *r, pm_day day, const char *metric, int64_t v)
{
	emitn(r, day, metric, strlen(metric), v);
}

static int
fail_rec(struct rec *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
fail_rec(struct rec *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(r->reason, sizeof(r->reason), fmt, ap);
	va_end(ap);
	return -1;
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

/*
 * FNV-1a of the format's name and the id: the same id from two CRMs is
 * two records.
 */
static uint64_t
hash64(const struct format *f, const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	const char *p;
	size_t i;

	for (p = f->name; *p != '\0'; p++) {
		h ^= (unsigned char)*p;
		h *= 1099511628211ULL;
	}
	h *= 1099511628211ULL;
	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h == 0 ? 1 : h;
}

/* Sizes the id table once for n ids: no rehashing while streaming. */
static void
id_reserve(long n)
{
	size_t cap = 4096;

	while (cap < 2 * (size_t)n + 2)
		cap *= 2;
	/*
	 * Probes land anywhere in the table: huge pages spare a TLB miss
	 * per record, and touching every page now spares a fault later.
	 */
	if (posix_memalign((void **)&idset, (size_t)2 << 20,
	    cap * sizeof(*idset)) != 0)
		pm_die(EX_SOFTWARE, "out of memory");
#ifdef MADV_HUGEPAGE
	madvise(idset, cap * sizeof(*idset), MADV_HUGEPAGE);
#endif
	memset(idset, 0, cap * sizeof(*idset));
	idcap = cap;
}

/* Starts loading an id's slot while the record is checked. */
static void
id_prefetch(uint64_t h)
{
	if (idcap > 0)
		__builtin_prefetch(&idset[h & (idcap - 1)]);
}

/* Remembers an id; 1 if it was already there. */
static int
id_seen(uint64_t h)
{
	uint64_t *old;
	size_t i, oldcap;

	if (2 * (idcount + 1) > idcap) {
		old = idset;
		oldcap = idcap;
		idcap = idcap ? idcap * 2 : 4096;
		idset = xcalloc(idcap, sizeof(*idset));
		idcount = 0;
		for (i = 0; i < oldcap; i++)
			if (old[i] != 0) {
				size_t j = old[i] & (idcap - 1);

				while (idset[j] != 0)
					j = (j + 1) & (idcap - 1);
				idset[j] = old[i];
				idcount++;
			}
		free(old);
	}
	for (i = h & (idcap - 1); idset[i] != 0; i = (i + 1) & (idcap - 1))
		if (idset[i] == h)
			return 1;
	idset[i] = h;
	idcount++;
	return 0;
}

static uint32_t
hash32(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

/* A date field of the record: MD_OK, MD_EMPTY, or -1 with a reason. */
static int
rec_date(struct rec *r, enum field f, pm_day *day)
{
	const char *s = r->v[f];
	size_t n = r->n[f];
	struct dcache_ent *ce = NULL;
	int rc;

	if (n == 0)
		return MD_EMPTY;
	if (n < DCACHE_LEN && dcache[f] != NULL) {
		ce = &dcache[f][hash32(s, n) & (DCACHE - 1)];
		if (ce->len == n && memcmp(ce->s, s, n) == 0) {
			*day = ce->day;
			rc = ce->rc;
			goto done;
		}
	}
	rc = mdate_parse(s, n, r->in->order[f], day);
	if (ce != NULL) {
		ce->len = (unsigned char)n;
		memcpy(ce->s, s, n);
		ce->rc = (signed char)rc;
		ce->day = *day;
	}
done:
	switch (rc) {
	case MD_OK:
	case MD_EMPTY:
		return rc;
	case MD_CONTRA:
		return fail_rec(r, "%s: '%.*s' contradicts the %s order of "
		    "this column", column_name(r->in, f), (int)n, s,
		    mdate_order_name(r->in->order[f]));
	case MD_AMBIG:
		return fail_rec(r, "%s: '%.*s': day and month order unknown "
		    "(use --date-format)", column_name(r->in, f), (int)n, s);
	default:
		return fail_rec(r, "%s: '%.*s' is not a date",
		    column_name(r->in, f), (int)n, s);
	}
}

static int
rec_amount(struct rec *r, enum field f, struct amount *a, int *known)
{
	int rc;

	*known = 0;
	if (r->in->map.col[f] < 0)
		return 0;
	rc = amount_parse(r->v[f], r->n[f], r->in->comma[f], a);
	if (rc == AMT_INVALID)
		return fail_rec(r, "%s: cannot read '%.*s' as an amount%s",
		    column_name(r->in, f), (int)r->n[f], r->v[f],
		    r->in->comma[f] ? " (decimal comma)" : "");
	*known = rc == AMT_OK;
	return 0;
}

static const struct rate *
find_rate(const char *cur)
{
	size_t i;

	for (i = 0; i < opt.nrates; i++)
		if (strcmp(opt.rates[i].cur, cur) == 0)
			return &opt.rates[i];
	return NULL;
}

/* v in 1/10000 units times a rate in 1e-9, half away from zero. */
static int
convert(int64_t *v, int64_t e9)
{
	__int128 p = (__int128)*v * e9, q = 1000000000;
	__int128 res = p >= 0 ? (p + q / 2) / q : -((-p + q / 2) / q);

	if (res > INT64_MAX || res < INT64_MIN)
		return -1;
	*v = (int64_t)res;
	return 0;
}

/*
 * The record's currency decides what its amounts mean: converted with
 * --rates, else rejected when it is not the majority currency.
 */
static int
apply_currency(struct rec *r, struct amount *a, int na)
{
	const struct rate *rt;
	char cur[4] = "", ccol[4];
	int i, c = r->in->map.col[F_CURRENCY];

	if (c >= 0 && r->n[F_CURRENCY] > 0) {
		if (currency_code(r->v[F_CURRENCY], r->n[F_CURRENCY], ccol) != 0)
			return fail_rec(r, "%s: '%.*s' is not a currency",
			    column_name(r->in, F_CURRENCY),
			    (int)r->n[F_CURRENCY], r->v[F_CURRENCY]);
		memcpy(cur, ccol, 4);
	}
	for (i = 0; i < na; i++) {
		if (a[i].cur[0] == '\0')
			continue;
		if (cur[0] != '\0' && strcmp(cur, a[i].cur) != 0)
			return fail_rec(r, "amount in %s but currency %s",
			    a[i].cur, cur);
		memcpy(cur, a[i].cur, 4);
	}
	if (cur[0] == '\0')
		return 0;
	if (opt.nrates > 0) {
		if ((rt = find_rate(cur)) == NULL)
			return fail_rec(r, "no rate for %s in %s", cur,
			    opt.rates_path);
		for (i = 0; i < na; i++)
			if (convert(&a[i].v, rt->e9) != 0)
				return fail_rec(r, "amount out of range after "
				    "conversion");
		return 0;
	}
	if (mixed && strcmp(cur, majority) != 0)
		return fail_rec(r, "amount in %s, not in %s, the currency of "
		    "most records (use --rates FILE to convert)", cur,
		    majority);
	return 0;
}

enum outcome { O_OPEN, O_WON, O_LOST, O_SKIP };

/* Reports a CRM id seen before; 1 when --dedupe drops the record. */
static int
duplicate(const struct rec *r, struct counts *c)
{
	if (r->in->map.col[F_ID] < 0 || r->n[F_ID] == 0 ||
	    !id_seen(r->idhash))
		return 0;
	if (++c->dups <= MAX_SHOWN)
		pm_warn_at(r->in->name, r->row->line, "duplicate id '%.*s'%s",
		    (int)r->n[F_ID], r->v[F_ID],
		    opt.dedupe ? ": skipped (--dedupe)" : "");
	return opt.dedupe;
}

static int
truth(const char *s, size_t n, int *v)
{
	static const char *const yes[] = { "true", "1", "yes", "y", "t", "x",
		"won", NULL };
	static const char *const no[] = { "false", "0", "no", "n", "f", "",
		NULL };
	int i;

	trim(&s, &n);
	for (i = 0; yes[i] != NULL; i++)
		if (strlen(yes[i]) == n && strncasecmp(yes[i], s, n) == 0) {
			*v = 1;
			return 0;
		}
	for (i = 0; no[i] != NULL; i++)
		if (strlen(no[i]) == n && strncasecmp(no[i], s, n) == 0) {
			*v = 0;
			return 0;
		}
	return -1;
}

/* Won, lost or open: IsWon/IsClosed, then --won/--lost, then the words. */
static int
classify(struct rec *r, enum outcome *o)
{
	const char *st = r->v[F_STAGE], *ss = r->v[F_STATUS];
	size_t nt = r->n[F_STAGE], ns = r->n[F_STATUS];
	int won, closed;

	if (r->in->map.col[F_ISWON] >= 0 &&
	    truth(r->v[F_ISWON], r->n[F_ISWON], &won) == 0 && r->n[F_ISWON]) {
		if (won) {
			*o = O_WON;
			return 0;
		}
		if (r->in->map.col[F_ISCLOSED] >= 0 &&
		    truth(r->v[F_ISCLOSED], r->n[F_ISCLOSED], &closed) == 0 &&
		    r->n[F_ISCLOSED]) {
			*o = closed ? O_LOST : O_OPEN;
			return 0;
		}
	}
	if (nt == 0 && ns == 0)
		return fail_rec(r, "%s: empty stage", column_name(r->in,
		    r->in->map.col[F_STAGE] >= 0 ? F_STAGE : F_STATUS));
	if (opt.nwon > 0 && (in_list(opt.won, opt.nwon, st, nt) ||
	    in_list(opt.won, opt.nwon, ss, ns)))
		*o = O_WON;
	else if (opt.nlost > 0 && (in_list(opt.lost, opt.nlost, st, nt) ||
	    in_list(opt.lost, opt.nlost, ss, ns)))
		*o = O_LOST;
	else if (ns > 0 && contains(ss, ns, "deleted"))
		*o = O_SKIP;
	else if (opt.nwon == 0 && (contains(ss, ns, "won") ||
	    (ns == 0 && contains(st, nt, "won"))))
		*o = O_WON;
	else if (opt.nlost == 0 && (contains(ss, ns, "lost") ||
	    (ns == 0 && contains(st, nt, "lost"))))
		*o = O_LOST;
	else
		*o = O_OPEN;
	return 0;
}

static int
deal(struct rec *r, struct counts *c, enum outcome *oc)
{
	enum field df[] = { F_CLOSE, F_WON_DATE, F_LOST_DATE, F_EXPECTED,
		F_CREATED };
	pm_day d[NFIELD], when;
	int have[NFIELD] = { 0 }, kamt, kest, i, rc;
	struct amount a[2];
	int64_t amt;

	if (classify(r, oc) != 0)
		return -1;
	if (*oc == O_SKIP)
		return 0;
	for (i = 0; i < 5; i++) {
		if ((rc = rec_date(r, df[i], &d[df[i]])) < 0)
			return -1;
		have[df[i]] = rc == MD_OK;
	}
	if (rec_amount(r, F_AMOUNT, &a[0], &kamt) != 0 ||
	    rec_amount(r, F_EST_AMOUNT, &a[1], &kest) != 0)
		return -1;
	if ((kamt || kest) && apply_currency(r, a, 2) != 0)
		return -1;
	switch (*oc) {
	case O_WON:
		if (!have[F_WON_DATE] && !have[F_CLOSE] && !have[F_EXPECTED])
			return fail_rec(r, "won deal without a close date");
		when = have[F_WON_DATE] ? d[F_WON_DATE] : have[F_CLOSE] ?
		    d[F_CLOSE] : d[F_EXPECTED];
		break;
	case O_LOST:
		if (!have[F_LOST_DATE] && !have[F_CLOSE] && !have[F_EXPECTED])
			return fail_rec(r, "lost deal without a close date");
		when = have[F_LOST_DATE] ? d[F_LOST_DATE] : have[F_CLOSE] ?
		    d[F_CLOSE] : d[F_EXPECTED];
		break;
	default:
		when = have[F_EXPECTED] ? d[F_EXPECTED] : d[F_CLOSE];
		break;
	}
	if (duplicate(r, c)) {
		*oc = O_SKIP;
		return 0;
	}
	amt = kamt ? a[0].v : a[1].v;
	if (*oc == O_WON) {
		if (kamt || kest)
			EMIT(r, when, "revenue", amt);
		EMIT(r, when, "deals_won", FIXED_SCALE);
		if (have[F_CREATED] && d[F_CREATED] <= when)
			EMIT(r, when, "cycle_days",
			    (int64_t)(when - d[F_CREATED]) * FIXED_SCALE);
		else if (have[F_CREATED])
			c->backwards++;
	} else if (*oc == O_LOST)
		EMIT(r, when, "deals_lost", FIXED_SCALE);
	if (have[F_CREATED]) {
		EMIT(r, d[F_CREATED], "opps_created", FIXED_SCALE);
		if (kamt || kest)
			EMIT(r, d[F_CREATED], "pipeline_created", amt);
	}
	if (*oc == O_OPEN && (have[F_EXPECTED] || have[F_CLOSE]) &&
	    (kamt || kest))
		EMIT(r, when, "open_pipeline", kest ? a[1].v : a[0].v);
	return 0;
}

/* The metric of an activity type: calls, emails, meetings, tasks, slug. */
static const char *
activity_metric(const char *s, size_t n, char *buf, size_t cap)
{
	static const struct {
		const char *slug, *metric;
	} known[] = {
		{ "call", "calls" }, { "calls", "calls" },
		{ "phone_call", "calls" }, { "phone", "calls" },
		{ "logged_call", "calls" }, { "outbound_call", "calls" },
		{ "inbound_call", "calls" }, { "cold_call", "calls" },
		{ "email", "emails" }, { "emails", "emails" },
		{ "e_mail", "emails" }, { "logged_email", "emails" },
		{ "sent_email", "emails" }, { "outbound_email", "emails" },
		{ "mail", "emails" },
		{ "meeting", "meetings" }, { "meetings", "meetings" },
		{ "logged_meeting", "meetings" }, { "event", "meetings" },
		{ "task", "tasks" }, { "tasks", "tasks" }, { "to_do", "tasks" },
		{ "todo", "tasks" }, { NULL, NULL }
	};
	size_t i, o = 0;
	unsigned char ch;
	int us = 0;

	for (i = 0; i < n && o + 2 < cap; i++) {
		ch = (unsigned char)s[i];
		if (ch >= 'A' && ch <= 'Z')
			ch = (unsigned char)(ch - 'A' + 'a');
		if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
		    ch >= 0x80) {
			if (us && o > 0)
				buf[o++] = '_';
			us = 0;
			buf[o++] = (char)ch;
		} else
			us = 1;
	}
	buf[o] = '\0';
	for (i = 0; known[i].slug != NULL; i++)
		if (strcmp(buf, known[i].slug) == 0)
			return known[i].metric;
	return buf;
}

static int
activity(struct rec *r, struct counts *c, enum outcome *oc)
{
	char mbuf[256];
	const char *metric;
	pm_day d;
	int rc;

	*oc = O_OPEN;
	metric = activity_metric(r->v[F_TYPE], r->n[F_TYPE], mbuf,
	    sizeof(mbuf));
	if (*metric == '\0')
		return fail_rec(r, "%s: no activity type",
		    column_name(r->in, F_TYPE));
	if ((rc = rec_date(r, F_DATE, &d)) < 0)
		return -1;
	if (rc == MD_EMPTY)
		return fail_rec(r, "%s: no activity date",
		    column_name(r->in, F_DATE));
	if (duplicate(r, c)) {
		*oc = O_SKIP;
		return 0;
	}
	emit(r, d, metric, FIXED_SCALE);
	return 0;
}

static int
valid_metric(const char *s, size_t n)
{
	size_t i;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' &&
		    s[i] <= '9') || s[i] == '_' || (unsigned char)s[i] >= 0x80))
			return 0;
	return 1;
}

static int
fact(struct rec *r)
{
	pm_day d;
	int64_t v;
	char metric[256];
	const char *s = r->v[F_DATE];
	size_t n = r->n[F_DATE];

	if (date_parse_iso(s, n, &d) != 0)
		return fail_rec(r, "date: '%.*s' is not a YYYY-MM-DD date",
		    (int)n, s);
	if (!valid_metric(r->v[F_METRIC], r->n[F_METRIC]) ||
	    r->n[F_METRIC] >= sizeof(metric))
		return fail_rec(r, "metric: '%.*s' is not a snake_case name",
		    (int)r->n[F_METRIC], r->v[F_METRIC]);
	memcpy(metric, r->v[F_METRIC], r->n[F_METRIC]);
	metric[r->n[F_METRIC]] = '\0';
	if (fixed_parse(r->v[F_VALUE], r->n[F_VALUE], &v) != NUM_OK)
		return fail_rec(r, "value: '%.*s' is not a number",
		    (int)r->n[F_VALUE], r->v[F_VALUE]);
	emit(r, d, metric, v);
	return 0;
}

/* Field values of the row, trimmed; "" for fields the file lacks. */
static void
load_record(struct rec *r, struct input *in, const struct csv_row *row)
{
	int f, c;
	const char *s;
	size_t n;

	r->in = in;
	r->row = row;
	for (f = 0; f < NFIELD; f++) {
		c = in->map.col[f];
		if (c < 0 || (size_t)c >= row->n) {
			r->v[f] = "";
			r->n[f] = 0;
			continue;
		}
		s = row->f[c];
		n = row->len[c];
		trim(&s, &n);
		r->v[f] = s;
		r->n[f] = n;
	}
	r->nrep = collapse(r->v[F_REP], r->n[F_REP], r->rep, sizeof(r->rep));
	r->naccount = collapse(r->v[F_ACCOUNT], r->n[F_ACCOUNT], r->account,
	    sizeof(r->account));
	r->nproduct = collapse(r->v[F_PRODUCT], r->n[F_PRODUCT], r->product,
	    sizeof(r->product));
	r->nteam = collapse(r->v[F_TEAM], r->n[F_TEAM], r->team,
	    sizeof(r->team));
	if (r->n[F_ID] > 0)
		id_prefetch(r->idhash = hash64(in->fmt, r->v[F_ID],
		    r->n[F_ID]));
	if (r->n[F_ID] > 0 && r->n[F_ID] < sizeof(r->ref)) {
		memcpy(r->ref, r->v[F_ID], r->n[F_ID]);
		r->ref[r->n[F_ID]] = '\0';
	} else
		snprintf(r->ref, sizeof(r->ref), "%s:%ld", in->name,
		    row->line);
	prepare_row(r);
}

/* Rows longer than the header are fine when the extra fields are empty. */
static int
width_ok(const struct input *in, const struct csv_row *row)
{
	size_t i;

	if (row->n < in->hdr_n)
		return 0;
	for (i = in->hdr_n; i < row->n; i++)
		if (row->len[i] != 0)
			return 0;
	return 1;
}

static void
one_record(struct input *in, struct counts *c, const struct csv_row *row,
    struct rec *r)
{
	enum outcome oc = O_OPEN;
	int rc;

	if (is_noise(in, row)) {
		c->skipped++;
		return;
	}
	if (in->fmt == NULL) {
		reject(in, c, row, "format not recognised");
		return;
	}
	if (!width_ok(in, row)) {
		snprintf(r->reason, sizeof(r->reason), "expected %zu fields, "
		    "found %zu", in->hdr_n, row->n);
		reject(in, c, row, r->reason);
		return;
	}
	load_record(r, in, row);
	if (r->rep[0] == '\0') {
		snprintf(r->reason, sizeof(r->reason), "%s: empty rep",
		    column_name(in, F_REP));
		reject(in, c, row, r->reason);
		return;
	}
	switch (in->fmt->kind) {
	case K_FACTS:
		rc = fact(r);
		break;
	case K_ACTIVITIES:
		rc = activity(r, c, &oc);
		break;
	default:
		rc = deal(r, c, &oc);
		break;
	}
	if (rc != 0)
		reject(in, c, row, r->reason);
	else if (oc == O_SKIP)
		c->skipped++;
	else
		c->ok++;
}

static void
second_pass(struct input *in)
{
	struct encr *e;
	struct csvr *r;
	struct csv_row row;
	struct counts c;
	struct rec *rec;
	long i;
	int rc, f;

	memset(&c, 0, sizeof(c));
	rec = xmalloc(sizeof(*rec));
	for (f = 0; f < NFIELD; f++)
		if (field_is_date(f) && in->fmt != NULL &&
		    in->map.col[f] >= 0)
			dcache[f] = xcalloc(DCACHE, sizeof(*dcache[f]));
	if (in->empty)
		pm_warn("%s: empty file", in->name);
	else if (in->fmt == NULL)
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
	while ((rc = csvr_next(r, &row)) == 1) {
		c.records++;
		one_record(in, &c, &row, rec);
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
	if (in->fmt == NULL && !in->empty)
		failed = EX_DATAERR;
	if (opt.strict && c.rejected > 0 && failed == 0)
		failed = EX_DATAERR;
	csvr_close(r);
	encr_close(e);
	for (f = 0; f < NFIELD; f++) {
		free(dcache[f]);
		dcache[f] = NULL;
	}
	free(rec);
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
	long total;
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
			split_list(optarg, &opt.won, &opt.nwon);
			break;
		case OPT_LOST:
			split_list(optarg, &opt.lost, &opt.nlost);
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
			opt.rates_path = optarg;
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
	if (opt.rates_path != NULL)
		load_rates(opt.rates_path);
	files = optind < argc ? argv + optind : stdin_only;
	nin = optind < argc ? argc - optind : 1;
	in = xcalloc((size_t)nin, sizeof(*in));
	for (i = 0; i < nin; i++)
		open_input(&in[i], files[i]);
	for (i = 0; i < nin; i++)
		prepare(&in[i]);
	decide_currency();
	for (i = 0, total = 0; i < nin; i++)
		total += in[i].nrecords;
	id_reserve(total);
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
	out_close(out);
	return failed;
}
