/*
 * pm-ingest's private header: every module of the program, by the
 * order in which a file goes through them.
 *
 *   options.c      -m, --won/--lost, --rates: what holds for the run
 *   input.c        opening inputs, spooling pipes, the charset (BOM)
 *   encoding.c     bytes to UTF-8 (iconv) for the readers
 *   header.c       the header row and the format (formats.c: the table;
 *                  owner.c: the owner columns; users.c: ids to names)
 *   evidence.c     what a column shows over the file: day-month order,
 *                  decimal mark
 *   currency.c     the currencies of a file and of the run
 *   fingerprint.c  CRM id fingerprints (idset.c: duplicates)
 *   detect.c       the first pass over one file, using the above
 *   record.c       one record to its facts (dates.c: dates, amount.h:
 *                  amounts, in common/)
 *   emit.c         the second pass: facts, rejects, the summary
 *   factsout.c     writing facts rows fast
 *
 * The whole run's state is one struct ingest, passed to each step; what
 * the first pass learns about a file is its struct input.
 */
#ifndef PM_INGEST_H
#define PM_INGEST_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include "amount.h"
#include "csvin.h"
#include "date.h"

/* ---- dates.c ---- */

/*
 * Dates as CRMs write them: ISO dates and date-times, M/D/YYYY and
 * D/M/YYYY (2-digit years, times, AM/PM), D.M.YYYY, YYYY/MM/DD,
 * 01-Mar-2026, Mar 1, 2026.  A time or zone is checked but ignored: the
 * date is the calendar date as written.  Whether 03/04/2026 is March or
 * April is the caller's decision, made from evidence over a column.
 */
enum dorder { DO_UNKNOWN, DO_MDY, DO_DMY, DO_YMD };

enum {
	MD_OK = 0,
	MD_EMPTY = 1,		/* blank: not known */
	MD_INVALID = -1,	/* not a date */
	MD_CONTRA = -2,		/* a date only in the other day-month order */
	MD_AMBIG = -3		/* needs an order and none was given */
};

/* What a value says about the day-month order of its column. */
enum { EV_NONE, EV_AMBIG, EV_MDY, EV_DMY, EV_BAD };

/* s[0..n) as a date in order (MD_OK, *out set), or what it is (MD_*). */
int mdate_parse(const char *s, size_t n, enum dorder order, pm_day *out);
/* What s[0..n) says about its column's day-month order (EV_*). */
int mdate_evidence(const char *s, size_t n);
/* "dmy", "mdy", "ymd" (any case); -1 otherwise. */
int mdate_order_parse(const char *s, enum dorder *out);
/* The name of order o, as --date-format spells it. */
const char *mdate_order_name(enum dorder o);

/* ---- formats.c ---- */

/*
 * The CRM export formats pm-ingest knows: for each, the header names
 * (compared ignoring case, spaces and punctuation) that feed each
 * canonical field, the fields it cannot do without, and its default
 * day-month order.  Detection picks, for a header row, the format that
 * recognises the most columns.
 */
enum field {
	F_ID, F_REP, F_ACCOUNT, F_PRODUCT, F_TEAM,
	F_STAGE, F_STATUS, F_ISWON, F_ISCLOSED,
	F_AMOUNT, F_EST_AMOUNT, F_CURRENCY,
	F_CLOSE, F_WON_DATE, F_LOST_DATE, F_EXPECTED, F_CREATED,
	F_TYPE, F_DATE, F_METRIC, F_VALUE, F_SUBTYPE,
	F_LINE_AMOUNT, F_DEAL_NAME,	/* product reports: one row per line */
	/* activities: more dates, and what says a call or a done one */
	F_DONE, F_DUE, F_SENT, F_CALL, F_ANSWERED, F_ISTASK, F_DELETED,
	NFIELD
};

enum kind { K_DEALS, K_ACTIVITIES, K_FACTS };

/* Detection tiers: a lower tier wins whenever one of its formats fits. */
enum tier { T_EXACT, T_CRM, T_ACTIVITIES, T_GENERIC };

struct colspec {
	enum field field;
	const char *names;	/* "|"-separated, in order of preference */
};

struct format {
	const char *name;
	const char *desc;
	enum kind kind;
	enum tier tier;
	enum dorder order;	/* for D/M vs M/D when the data cannot tell */
	const enum field *required;	/* ends with NFIELD */
	const struct colspec *cols;	/* ends with names NULL */
	/* At least one of these is mapped (NULL: no such rule). */
	const enum field *any;
	/* The rep only from the names in cols: a report's own labels. */
	int own_names_only;
};

/* ---- owner.c ---- */

/*
 * How a column names a record's owner, best first: a display name
 * (Deal owner), a relationship's name field (Owner.Name), its other
 * fields (Owner.Alias, Owner.Email), an id (OwnerId, Owner.External_Id__c).
 */
enum owner_class { OWN_NAME, OWN_REL_NAME, OWN_REL_OTHER, OWN_ID, OWN_NONE };

#define MAX_OWNER_COLS 4

/* The owner columns of a file, best first; col[0] is the rep column. */
struct owners {
	int col[MAX_OWNER_COLS];
	enum owner_class cls[MAX_OWNER_COLS];
	int n;
	int first, last;	/* Owner First Name, Owner Last Name, or -1 */
};

/*
 * The class of a header name as an owner column, OWN_NONE when it is
 * not one; *theirs when it is someone else's (Account Owner, Lead Owner).
 */
enum owner_class owner_class_of(const char *raw, int *theirs);
#define OWNER_CLASS 0x0f
#define OWNER_THEIRS 0x10
#define OWNER_FIRST 0x20	/* the owner's first name */
#define OWNER_LAST 0x40		/* the owner's last name */
/* owner_class_of() in a byte: the class, and OWNER_THEIRS. */
unsigned char owner_class_byte(const char *raw);
/*
 * The owner columns of a header (cls: owner_class_byte() of each of its
 * n names): the npref columns a format names, then (general) any
 * column the rules above call an owner, ranked.
 */
void owner_pick(const unsigned char *cls, size_t n, const int *pref,
    int npref, int general, struct owners *o);
/* One owner column, as -m rep=COLUMN says. */
void owner_only(struct owners *o, int col);
/* Does a value look like an id (digits, a Salesforce id, a GUID, an Odoo xml id)? */
int owner_value_is_id(const char *s, size_t n);
/* "name", "id", ...: for -v. */
const char *owner_class_name(enum owner_class c);

/* Column index per field, -1 when the file has none. */
struct mapping {
	int col[NFIELD];
	struct owners own;	/* col[F_REP] and the columns after it */
};

/* The owner of a row as written: its best filled-in owner column. */
size_t owner_key(const struct mapping *m, const struct csv_row *row,
    const char **s);

extern const struct format formats[];

/* The format named name (any case), or NULL. */
const struct format *format_by_name(const char *name);
/* The name of field f, as -m and -v spell it. */
const char *field_name(enum field f);
/* The field named name or an alias of it (any case) into *out; -1 if none. */
int field_by_name(const char *name, enum field *out);
/* Whether field f holds a date. */
int field_is_date(enum field f);
/* Whether field f holds an amount of money. */
int field_is_amount(enum field f);
/* Maps hdr by fmt's names; 0 when every required field was found. */
int format_map(const struct format *fmt, const struct csv_row *hdr,
    struct mapping *m);
/* The best format for hdr, or NULL; *m gets its mapping. */
const struct format *format_detect(const struct csv_row *hdr,
    struct mapping *m);
/*
 * The kind of every activity of a file whose records may not say it
 * (calls, emails, meetings, tasks), from its columns (a start and an
 * end time: meetings; dialer columns: calls; a Salesforce Task:
 * tasks), else from the words of its file name; NULL when neither
 * tells.  *event: a Salesforce Event export, all meetings.
 */
const char *format_activity_kind(const struct csv_row *hdr,
    const char *path, int *event);
/* "call", "calls", "meeting", ... as a metric; NULL for another word. */
const char *format_kind_by_name(const char *s);
/* "rep, stage" etc.: the required columns, for an error message. */
void format_required_names(const struct format *fmt, char *buf, size_t n);

/* ---- record.c ---- */

/*
 * One CRM record to its facts (SPEC section 2): the record's fields
 * mapped and cleaned, its outcome (won, lost, open), its dates and
 * amounts checked, and the facts it yields, without writing anything.
 * What was decided for the whole file comes in struct filectx, what
 * holds for the whole run in struct rules.
 */
#define MAX_FACTS 8
#define NAME_MAX_LEN 1024

struct repcur;
struct users;

struct rate {
	char cur[4];
	int64_t e9;		/* value of one unit in the base, x 1e9 */
};

struct rules {
	char **won, **lost;	/* --won, --lost (strv.h) */
	size_t nwon, nlost;
	const struct rate *rates;	/* --rates */
	size_t nrates;
	const char *rates_path;
	char majority[4];	/* the currency of most records */
	int mixed;		/* more than one currency in the inputs */
	const struct repcur *repcur;	/* each rep's currency, or NULL */
	const struct users *users;	/* --users and user exports */
};

struct dcaches;

struct filectx {
	const char *name;	/* for FILE:LINE refs */
	const struct format *fmt;
	struct mapping map;
	enum dorder order[NFIELD];	/* per date column */
	int dm[NFIELD];		/* it has dates like 3/4/2026: order matters */
	const char *kind;	/* activities: the file's kind, or NULL */
	int kind_forced;	/* --kind: every record is of that kind */
	int comma[NFIELD];	/* per amount column: decimal comma */
	char **hdr;		/* header names, for messages */
	size_t hdr_n;
	struct dcaches *dcache;	/* date parses, NULL for none */
};

/* O_NOTDONE: an activity not completed or held, skipped. */
enum outcome { O_OPEN, O_WON, O_LOST, O_SKIP, O_NOTDONE };

struct fact {
	pm_day day;
	const char *metric;
	size_t mlen;
	int64_t value;		/* 1/10000 units */
	int once;		/* per opportunity: on its first line only */
};

struct rec {
	const struct filectx *fc;
	const struct rules *ru;
	const struct csv_row *row;
	const char *v[NFIELD];	/* trimmed field values, "" if none */
	size_t n[NFIELD];
	char rep[NAME_MAX_LEN], account[NAME_MAX_LEN];
	char product[NAME_MAX_LEN], team[NAME_MAX_LEN];
	size_t nrep, naccount, nproduct, nteam;
	char ref[NAME_MAX_LEN];
	enum outcome outcome;
	int backwards;		/* won before created: no cycle_days */
	struct fact facts[MAX_FACTS];
	int nfacts;
	int rep_id;		/* the rep is an id no user list names */
	const char *key;	/* the owner as written, for repcur */
	size_t nkey;
	char mbuf[256];		/* an activity's or a fact's metric */
	char reason[1024];	/* why the record was rejected */
	int odd_status;		/* an activity's status of neither list */
	int range;		/* ... a number out of range: exit 65 */
};

/* Title, footer and total lines, blank records, repeated headers. */
int record_is_noise(const struct filectx *fc, const struct csv_row *row);
/*
 * 0 with r's facts (none when r->outcome is O_SKIP), -1 with the
 * reason in r->reason.  Pointers in r are valid while row is.
 * In a product report (a line_amount column) a deal's money facts are
 * its line's, and the facts marked once belong to the opportunity:
 * the caller keeps them on its first line only.
 */
int record_convert(const struct filectx *fc, const struct rules *ru,
    const struct csv_row *row, struct rec *r);
/* The header name of a mapped field, for messages. */
const char *record_column(const struct filectx *fc, enum field f);
/* Per-file memo of date parses: dates repeat in a column. */
void record_cache_init(struct filectx *fc);
/* Releases what record_cache_init() allocated. */
void record_cache_free(struct filectx *fc);
/* Drops r's once facts: a later line of the same opportunity. */
void record_drop_once(struct rec *r);

/* The metric of an activity type: calls, emails, meetings, tasks, slug. */
const char *record_activity_metric(const char *s, size_t n, char *buf,
    size_t cap);

/*
 * s trimmed, its inner runs of white space (and NBSP) made one space,
 * into buf; its length, or cap when it did not fit.
 */
size_t record_collapse(const char *s, size_t n, char *buf, size_t cap);

/* ---- users.c ---- */

/*
 * A user list (--users FILE, or a user export among the inputs): owner
 * ids to the names people know, in memory (a user list is small).
 */
struct usercols {
	int id, xid, name, first, last;	/* -1 when absent */
};

/* An empty user list. */
struct users *users_new(void);
/* Releases u (NULL allowed). */
void users_free(struct users *u);
/* Whether hdr is a user export (an id and a name); its columns in *uc. */
int users_header(const struct csv_row *hdr, struct usercols *uc);
/*
 * Whether a list with an id and a name, among the inputs, is one of
 * users (a login, alias, role column, or a file named for users).
 */
int users_signal(const struct csv_row *hdr, const char *path);
/* One user; -1 when the record has no id or no name. */
int users_add(struct users *u, const struct usercols *uc,
    const struct csv_row *row);
/* The name of user id, or NULL. */
const char *users_find(const struct users *u, const char *id, size_t n,
    size_t *len);
/* How many users u holds (0 for NULL). */
size_t users_count(const struct users *u);
/*
 * The rep of r from its owner columns, into r->rep: a name, else an id
 * a user list names, else whatever is there (r->rep_id when an id).
 */
void owner_resolve(struct rec *r);

/* ---- encoding.c ---- */

/*
 * Input bytes to UTF-8: a reader for csvr_open_fn() over a seekable
 * file descriptor that converts with iconv(3) when the file is not
 * UTF-8 (UTF-16 with a BOM, Windows-1252, or what --encoding says).
 * Bytes the source charset cannot map become U+FFFD and are counted.
 */
struct encr;

/*
 * The charset a file's first bytes announce with a BOM ("UTF-16LE",
 * "UTF-16BE"), and the BOM length in *skip; NULL for none or UTF-8.
 */
const char *enc_sniff_bom(const unsigned char *buf, size_t n, size_t *skip);
/* Whether iconv can convert from charset to UTF-8. */
int enc_known(const char *charset);
/* charset NULL reads UTF-8 as it is.  NULL if iconv cannot convert. */
struct encr *encr_open(int fd, off_t start, const char *charset);
/* Back to the start, to read the file again. */
void encr_rewind(struct encr *e);
/* Reads up to n bytes of UTF-8 (a csvr reader); invalid input as U+FFFD. */
ssize_t encr_read(void *ctx, char *buf, size_t n);
/* How many invalid sequences were replaced by U+FFFD so far. */
size_t encr_replaced(const struct encr *e);
/* Releases e (NULL allowed); the descriptor stays open. */
void encr_close(struct encr *e);

/* ---- idset.c ---- */

/*
 * Duplicate CRM ids in memory that does not grow with the input.  The
 * first pass notes every id's 64-bit fingerprint in a fixed-size Bloom
 * filter; an id the filter may have seen before becomes a suspect.  The
 * second pass tracks only the suspects exactly, so it tells the first
 * record of an id from the later ones.  Memory: the filter (8 MiB,
 * whatever the input) and 16 bytes per suspect, which
 * are the real duplicates and about one id in 10^4 (per million ids).
 */
struct idset;

/* An empty set of id fingerprints. */
struct idset *idset_new(void);
/* Starts loading where h will be noted: note it a record later. */
void idset_prefetch(const struct idset *s, uint64_t h);
/* First pass: one record with this id fingerprint (never 0). */
void idset_note(struct idset *s, uint64_t h);
/* Between the passes: drops the filter. */
void idset_seal(struct idset *s);
/* Second pass: 1 if a record with this id came before, else 0. */
int idset_seen(struct idset *s, uint64_t h);
/*
 * Second pass, file by file (file = 1, 2, ... in order): what came
 * before a record with this id, as bits: ID_EARLIER, first met in an
 * earlier file; ID_HERE, already met in this file.
 */
#define ID_EARLIER 1
#define ID_HERE 2
/* The ID_* bits of what came before a record with id fingerprint h. */
int idset_visit(struct idset *s, uint64_t h, int file);
/* How many ids are tracked exactly (the suspects), after idset_seal(). */
size_t idset_suspects(const struct idset *s);
/* Releases s (NULL allowed). */
void idset_free(struct idset *s);

/* ---- factsout.c ---- */

/*
 * Writing facts rows fast: one buffer per row and one write, because
 * a record yields up to six rows that share every field but three.
 * The number and date formats are those of num.h and date.h
 * (csv_put_fixed, date_format), done without printf.
 */
/* v (1/10000 units) at most 2 decimals, zeros trimmed; its length. */
size_t factsout_fixed2(int64_t v, char *buf);
/* YYYY-MM-DD, 10 bytes, no NUL. */
size_t factsout_date(pm_day day, char *buf);

/* ---- options.c ---- */

struct usermap {
	enum field field;
	char *column;
};

/* The command line, as main() parsed it. */
struct ingest_opts {
	const struct format *force;	/* -f */
	struct usermap maps[NFIELD];	/* -m FIELD=COLUMN */
	int nmaps;
	enum dorder order;		/* --date-format */
	int decimal_comma;
	const char *encoding;
	int dedupe, strict, quiet, verbose;
	int safe_csv;			/* --safe-csv on the facts */
	unsigned char delim;		/* -d, 0: sniffed */
	const char *rejects_path;
	const char **users_paths;	/* --users, repeatable */
	size_t nusers_paths;
	const char *kind;		/* --kind, as a metric */
	const char *output;
	char *won_arg, *lost_arg;	/* --won, --lost, joined */
};

/* -m FIELD=COLUMN into o; exits 64 when it is malformed. */
void opt_add_map(struct ingest_opts *o, const char *arg);
/* --kind KIND into o; exits 64 when it names no kind. */
void opt_set_kind(struct ingest_opts *o, const char *arg);
/* Another --won or --lost list, joined to those before it in *acc. */
void opt_add_list(char **acc, const char *arg);
/* After the options: the --won and --lost lists into ru. */
void opt_finish(struct ingest_opts *o, struct rules *ru);
/* --rates FILE (currency,rate) into ru; exits 65 on a bad file. */
void opt_load_rates(struct rules *ru, const char *path);
/* Frees what the options allocated. */
void opt_free(struct ingest_opts *o, struct rules *ru);

/* ---- the run and its inputs ---- */

#define MAX_CURRENCIES 256

struct curcount {
	char cur[4];
	long n;
};

struct evcache;

/* What holds for the whole run: passed to every step. */
struct ingest {
	struct ingest_opts opt;
	struct rules rules;
	struct out *out, *rej;		/* facts; --rejects or NULL */
	struct idset *ids;		/* CRM ids over all files */
	uint64_t pending_id;		/* the first pass's last id, to note */
	struct curcount allcur[MAX_CURRENCIES];	/* records per currency */
	size_t nallcur;
	struct evcache *evcache;	/* evidence.c's date memo */
	struct users *users;		/* ids to names, over all user lists */
	char *rbuf;			/* a rejected record as CSV */
	size_t rcap;
	int failed;			/* exit status so far */
};

/*
 * A product report lists an opportunity's lines together as a rule:
 * a run of records with one id is noted once in the first pass and
 * looked up once in the second, so only ids that come back after other
 * records are tracked.
 */
enum { RUN_NEW, RUN_FIRST, RUN_MORE, RUN_DROP };

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
	struct repcur *repcur;	/* each rep's currency (currency.c) */
	int users_only;		/* --users FILE: read as a user list */
	int is_users;		/* a user list: no facts, its users kept */
	struct usercols ucols;
	long nusers;		/* users it gave */
	long nuserless;		/* its records without an id or a name */
	int lines;		/* a product report: one row per line item */
	uint64_t run;		/* the opportunity of the last record */
	int runstate;		/* RUN_*: what its first line decided */
};

/* ---- input.c ---- */

/* Opens path ("-": standard input); a pipe is spooled to $TMPDIR. */
void input_open(struct input *in, const char *path);
/* Opens a named file again for a pass: any number of files may be named. */
void input_reopen(struct input *in);
/* Closes what input_reopen() opened, after a pass. */
void input_close(struct input *in);
/* After the last pass: closes the spool too. */
void input_done(struct input *in);
/* The file's charset: a BOM's, --encoding's, or NULL for UTF-8. */
void input_charset(const struct ingest *g, struct input *in);

/* ---- header.c ---- */

/*
 * Reads up to the header row and decides the format and mapping; 1
 * when found.  Else 0 with in->why, or in->empty for an empty file.
 */
int header_find(const struct ingest *g, struct input *in, struct csvr *r);
/* Releases the copy of the header that header_find() kept in in. */
void header_free(struct input *in);

/* ---- evidence.c ---- */

/* What the values of each mapped date and amount column show. */
struct evidence {
	long mdy[NFIELD], dmy[NFIELD], ambig[NFIELD];
	long dot[NFIELD], comma[NFIELD];
	long lone_dot[NFIELD], lone_comma[NFIELD];	/* 12.500, 12,500 */
};

/* Adds one record's dates and amounts to ev. */
void evidence_gather(struct ingest *g, const struct input *in,
    const struct csv_row *row, struct evidence *ev);
/* Each date column's day-month order and each amount's decimal mark. */
void evidence_decide(const struct ingest *g, struct input *in,
    const struct evidence *ev);
/* Releases g's cache of column evidence. */
void evidence_free(struct ingest *g);

/* ---- currency.c ---- */

/* Adds k records in cur to the table t of *n entries. */
void currency_count(struct curcount *t, size_t *n, const char *cur, long k);
/* The currency a record names (column or cell), "" if none. */
void currency_of_record(const struct input *in, const struct csv_row *row,
    char cur[4]);
/* Says which files' majority currency is not the run's. */
void currency_warn(const struct ingest *g, const struct input *in, int nin);
/* This file's majority currency into g->rules, for record_convert(). */
void currency_decide(struct ingest *g, const struct input *in);
/* First pass: one record of the rep (the owner as written) in cur. */
void currency_note_rep(struct input *in, const char *key, size_t n,
    const char cur[4]);
/* The currency a rep's records are held to: the rep's, else the file's. */
const char *currency_of_rep(const struct rules *ru, const char *key,
    size_t n);
/* After the second pass: the file's rep currencies. */
void currency_free(struct input *in);

/* ---- fingerprint.c ---- */

/* The fingerprint of the record's CRM id (never 0), 0 when it has none. */
uint64_t fp_id(const struct input *in, const struct csv_row *row);

/* ---- detect.c ---- */

/* The first pass over one file: header, format, evidence, ids. */
void detect_file(struct ingest *g, struct input *in);
/* --users FILE: its users into g->users; exits 65 when it is not a list. */
void detect_users(struct ingest *g, const char *path);

/* ---- verdict.c ---- */

/* Why the records of a file gave no fact, by the shape of the reason. */
#define VERDICT_REASONS 16

struct verdict {
	struct {
		char shape[192];
		long n;
	} why[VERDICT_REASONS];
	int nwhy;
	long tried;		/* records that were not report noise */
};

/* A record that gave no fact, rejected or skipped, and why. */
void verdict_note(struct verdict *v, const char *reason);
/*
 * At the end of a file that gave no fact from records it had: says
 * why and what would help, and returns 1 (exit 65).
 */
int verdict_say(const struct verdict *v, const struct input *in, long ok);

/* ---- emit.c ---- */

/* The second pass over one file: its facts, rejects and summary. */
void emit_file(struct ingest *g, struct input *in);

#endif
