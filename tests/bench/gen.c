/*
 * Deterministic benchmark data for tests/bench.sh.  The same arguments
 * give the same bytes on every machine: the generator uses integer
 * arithmetic only (no libm, no locale, no clock).  Built with
 * common/date.c for the calendar.
 *
 *   gen facts ROWS [REPS ACCOUNTS METRICS MONTHS]   canonical facts
 *   gen sfdc RECORDS                                Salesforce report export
 *   gen targets METRICS                             pm-score -t file
 *   gen roster REPS                                 pm-score -r file
 *
 * facts: date,rep,metric,value,account,product,team,ref in random date
 * order over MONTHS months ending 2025-12; a tenth of the account names
 * carry a comma and are quoted; rep and metric never need quoting, so
 * the first four columns also suit tools that split on every comma.
 * sfdc: every field quoted, `USD 1,234.56` amounts, M/D/YYYY dates, the
 * footer block a Salesforce report export ends with.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

/* splitmix64: fast, and identical everywhere. */
static uint64_t
rnd(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static unsigned
below(unsigned n)
{
	return (unsigned)(rnd() % n);
}

static char obuf[1 << 20];
static size_t olen;

static void
flush(void)
{
	if (fwrite(obuf, 1, olen, stdout) != olen) {
		perror("gen: write");
		exit(74);
	}
	olen = 0;
}

static void
put(const char *s, size_t n)
{
	if (olen + n > sizeof(obuf))
		flush();
	memcpy(obuf + olen, s, n);
	olen += n;
}

static void
puts_(const char *s)
{
	put(s, strlen(s));
}

static void
putch(char c)
{
	put(&c, 1);
}

/* Non-negative integer, at least `width` digits. */
static void
putnum(uint64_t v, int width)
{
	char b[24];
	int i = 24;

	do {
		b[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0 || 24 - i < width);
	put(b + i, (size_t)(24 - i));
}

/* Cents as 1234.5 (trimmed), or with thousands commas as 1,234.56. */
static void
putmoney(int64_t cents, int grouped)
{
	uint64_t u, whole;
	char b[32];
	int i = 32, digits = 0;

	if (cents < 0) {
		putch('-');
		u = (uint64_t)-cents;
	} else
		u = (uint64_t)cents;
	whole = u / 100;
	do {
		if (grouped && digits > 0 && digits % 3 == 0)
			b[--i] = ',';
		b[--i] = (char)('0' + whole % 10);
		whole /= 10;
		digits++;
	} while (whole > 0);
	put(b + i, (size_t)(32 - i));
	if (grouped) {
		putch('.');
		putnum(u % 100, 2);
	} else if (u % 100 != 0) {
		putch('.');
		putch((char)('0' + u % 100 / 10));
		if (u % 10 != 0)
			putch((char)('0' + u % 10));
	}
}

static const char *first[] = {
	"Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Sophia", "James",
	"Isabella", "Lucas", "Mia", "Mateo", "Amelia", "Benjamin", "Harper",
	"José", "Zoë", "Siobhán", "Björn", "Aiko",
};
static const char *last[] = {
	"Smith", "Johnson", "García", "Brown", "Müller", "Nguyen", "O'Brien",
	"Kowalski", "Rossi", "Okafor",
};
static const char *companies[] = {
	"Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Hooli",
	"Vandelay", "Soylent", "Tyrell", "Wonka", "Cyberdyne", "Aperture",
	"Massive Dynamic", "Gringotts", "Pied Piper",
};
static const char *products[] = {
	"GTX Basic", "GTX Pro", "GTX Plus Basic", "GTX Plus Pro", "GTK 500",
	"MG Special", "MG Advanced",
};
static const char *teams[] = {
	"Central", "East", "West", "North", "South", "EMEA", "APAC", "LATAM",
	"Nordics", "ANZ",
};
#define NTEAMS (sizeof(teams) / sizeof(teams[0]))
/* The first METRICS of these, the money ones first. */
static const char *metrics[] = {
	"revenue", "deals_won", "calls", "meetings", "opps_created",
	"emails", "pipeline_created", "deals_lost",
};
/* Relative frequency: activities are logged far more often than wins. */
static const unsigned weight[] = { 8, 8, 40, 14, 10, 30, 10, 6 };

static int nreps = 200, naccounts = 20000, nmetrics = 5, nmonths = 24;

static void
put_rep(unsigned r)
{
	puts_(first[r % 20]);
	putch(' ');
	puts_(last[r / 20 % 10]);
	if (r >= 200) {
		putch(' ');
		putnum(r / 200 + 1, 1);
	}
}

static void
put_account(unsigned a, int csv)
{
	int comma = a % 10 == 7;

	if (comma && csv)
		putch('"');
	puts_(companies[a % 16]);
	putch(' ');
	putnum(a, 5);
	if (comma)
		puts_(", Inc.");
	if (comma && csv)
		putch('"');
}

static long day0, ndays;

static void
set_range(void)
{
	int y = 2025 - (nmonths - 1) / 12, m = 12 - (nmonths - 1) % 12;

	day0 = ymd_to_day(y, m, 1);
	ndays = ymd_to_day(2026, 1, 1) - day0;
}

static void
put_iso(long day)
{
	int y, m, d;

	day_to_ymd((pm_day)day, &y, &m, &d);
	putnum((uint64_t)y, 4);
	putch('-');
	putnum((uint64_t)m, 2);
	putch('-');
	putnum((uint64_t)d, 2);
}

static void
put_mdy(long day)
{
	int y, m, d;

	day_to_ymd((pm_day)day, &y, &m, &d);
	putnum((uint64_t)m, 1);
	putch('/');
	putnum((uint64_t)d, 1);
	putch('/');
	putnum((uint64_t)y, 4);
}

/* A deal amount in cents: mostly small, a long tail of big ones. */
static int64_t
amount(void)
{
	unsigned tier = below(100);
	int64_t base;

	if (tier < 60)
		base = 500 + below(5000);
	else if (tier < 90)
		base = 5000 + below(45000);
	else if (tier < 99)
		base = 50000 + below(200000);
	else
		base = 250000 + below(1000000);
	return base * 100 + (below(4) == 0 ? below(100) : 0);
}

static unsigned
pick_metric(void)
{
	unsigned total = 0, i, x;

	for (i = 0; i < (unsigned)nmetrics; i++)
		total += weight[i];
	x = below(total);
	for (i = 0; x >= weight[i]; i++)
		x -= weight[i];
	return i;
}

static void
gen_facts(long rows)
{
	long i;
	unsigned rep, acct, m;
	int64_t v;

	set_range();
	puts_("date,rep,metric,value,account,product,team,ref\n");
	for (i = 0; i < rows; i++) {
		rep = below((unsigned)nreps);
		/* Each rep works a book of accounts: concentration is real. */
		acct = (rep * 97 + below(100) * below(100) / 10) %
		    (unsigned)naccounts;
		if (below(5) == 0)
			acct = below((unsigned)naccounts);
		m = pick_metric();
		put_iso(day0 + below((unsigned)ndays));
		putch(',');
		put_rep(rep);
		putch(',');
		puts_(metrics[m]);
		putch(',');
		if (m == 0 || m == 6) {
			v = amount();
			if (m == 0 && below(200) == 0)
				v = -v / 10;	/* a credit note */
			putmoney(v, 0);
		} else
			putch('1');
		putch(',');
		put_account(acct, 1);
		putch(',');
		if (m == 0 || m == 1 || m == 6 || m == 7)
			puts_(products[below(7)]);
		putch(',');
		puts_(teams[rep % NTEAMS]);
		putch(',');
		putch(m < 2 || m >= 6 ? 'O' : 'A');
		putnum((uint64_t)i, 7);
		putch('\n');
	}
}

static void
quoted(const char *s)
{
	putch('"');
	puts_(s);
	putch('"');
}

static void
gen_sfdc(long rows)
{
	static const char *stages[] = {
		"Closed Won", "Closed Won", "Closed Won", "Closed Lost",
		"Closed Lost", "Prospecting", "Qualification",
		"Needs Analysis", "Proposal/Price Quote", "Negotiation/Review",
	};
	static const char *sources[] = {
		"Web", "Partner Referral", "Trade Show", "Cold Call", "",
	};
	long i, created, close;
	unsigned rep, acct, stage;

	set_range();
	puts_("\"Opportunity Owner\",\"Account Name\",\"Opportunity Name\","
	    "\"Stage\",\"Amount\",\"Probability (%)\",\"Close Date\","
	    "\"Created Date\",\"Lead Source\",\"Type\",\"Opportunity ID\"\n");
	for (i = 0; i < rows; i++) {
		rep = below((unsigned)nreps);
		acct = (rep * 97 + below(100)) % (unsigned)naccounts;
		stage = below(10);
		created = day0 + below((unsigned)ndays);
		close = created + 5 + below(120);
		putch('"');
		put_rep(rep);
		puts_("\",");
		putch('"');
		put_account(acct, 0);
		puts_("\",\"");
		put_account(acct, 0);
		puts_(" - ");
		puts_(products[below(7)]);
		puts_("\",");
		quoted(stages[stage]);
		puts_(",\"USD ");
		putmoney(amount(), 1);
		puts_("\",\"");
		putnum(stage < 3 ? 100 : stage < 5 ? 0 : stage * 10, 1);
		puts_("\",\"");
		put_mdy(close);
		puts_("\",\"");
		put_mdy(created);
		puts_("\",");
		quoted(sources[below(5)]);
		putch(',');
		quoted(below(3) == 0 ? "Existing Business" : "New Business");
		puts_(",\"006");
		putnum((uint64_t)i, 12);
		puts_("AAA\"\n");
	}
	puts_("\n\"Opportunity Pipeline Report\"\n"
	    "\"Copyright (c) 2000-2026 salesforce.com, inc. All rights "
	    "reserved.\"\n"
	    "\"Confidential Information - Do Not Distribute\"\n"
	    "\"Generated By:  Dana Admin  1/5/2026 9:14 AM\"\n"
	    "\"Acme Corporation\"\n");
}

static void
gen_targets(void)
{
	/* Monthly per-rep targets near what the facts generator yields. */
	static const char *tgt[] = {
		"*,*,revenue,55000", "*,*,deals_won,4", "*,*,calls,20",
		"*,*,meetings,7", "*,*,opps_created,5", "*,*,emails,15",
		"*,*,pipeline_created,60000", "*,*,deals_lost,3",
	};
	int i;

	puts_("period,rep,metric,target\n");
	for (i = 0; i < nmetrics; i++) {
		puts_(tgt[i]);
		putch('\n');
	}
}

static void
gen_roster(void)
{
	int r;

	puts_("rep,team,manager\n");
	for (r = 0; r < nreps; r++) {
		put_rep((unsigned)r);
		putch(',');
		puts_(teams[r % NTEAMS]);
		puts_(",Manager ");
		puts_(teams[r % NTEAMS]);
		putch('\n');
	}
}

static void
usage(void)
{
	fputs("usage: gen facts ROWS [REPS ACCOUNTS METRICS MONTHS]\n"
	    "       gen sfdc RECORDS\n"
	    "       gen targets METRICS\n"
	    "       gen roster REPS\n", stderr);
	exit(64);
}

static long
arg(char **argv, int i, int argc, long def, long lo, long hi)
{
	char *end;
	long v;

	if (i >= argc)
		return def;
	v = strtol(argv[i], &end, 10);
	if (*end != '\0' || v < lo || v > hi)
		usage();
	return v;
}

int
main(int argc, char *argv[])
{
	if (argc < 3)
		usage();
	if (strcmp(argv[1], "facts") == 0) {
		nreps = (int)arg(argv, 3, argc, 200, 1, 100000);
		naccounts = (int)arg(argv, 4, argc, 20000, 1, 99999);
		nmetrics = (int)arg(argv, 5, argc, 5, 1, 8);
		nmonths = (int)arg(argv, 6, argc, 24, 1, 600);
		gen_facts(arg(argv, 2, argc, 0, 0, 1000000000));
	} else if (strcmp(argv[1], "sfdc") == 0)
		gen_sfdc(arg(argv, 2, argc, 0, 0, 1000000000));
	else if (strcmp(argv[1], "targets") == 0) {
		nmetrics = (int)arg(argv, 2, argc, 5, 1, 8);
		gen_targets();
	} else if (strcmp(argv[1], "roster") == 0) {
		nreps = (int)arg(argv, 2, argc, 200, 1, 100000);
		gen_roster();
	} else
		usage();
	flush();
	if (fflush(stdout) != 0) {
		perror("gen: write");
		return 74;
	}
	return 0;
}
