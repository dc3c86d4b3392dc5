/*
 * One CRM record to its facts (SPEC section 2): the record's fields
 * mapped and cleaned, its outcome (won, lost, open), its dates and
 * amounts checked, and the facts it yields, without writing anything.
 * What was decided for the whole file comes in struct filectx, what
 * holds for the whole run in struct rules.
 */
#ifndef PM_INGEST_RECORD_H
#define PM_INGEST_RECORD_H

#include <stddef.h>
#include <stdint.h>

#include "csvin.h"
#include "date.h"
#include "dates.h"
#include "formats.h"

#define MAX_FACTS 8
#define NAME_MAX_LEN 1024

struct rate {
	char cur[4];
	int64_t e9;		/* value of one unit in the base, x 1e9 */
};

struct rules {
	char **won, **lost;	/* --won, --lost */
	size_t nwon, nlost;
	const struct rate *rates;	/* --rates */
	size_t nrates;
	const char *rates_path;
	char majority[4];	/* the currency of most records */
	int mixed;		/* more than one currency in the inputs */
};

struct dcache;

struct filectx {
	const char *name;	/* for FILE:LINE refs */
	const struct format *fmt;
	struct mapping map;
	enum dorder order[NFIELD];	/* per date column */
	int comma[NFIELD];	/* per amount column: decimal comma */
	char **hdr;		/* header names, for messages */
	size_t hdr_n;
	struct dcache *dcache;	/* date parses, NULL for none */
};

enum outcome { O_OPEN, O_WON, O_LOST, O_SKIP };

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
	char mbuf[256];		/* an activity's or a fact's metric */
	char reason[1024];	/* why the record was rejected */
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
void record_cache_free(struct filectx *fc);
/* Drops r's once facts: a later line of the same opportunity. */
void record_drop_once(struct rec *r);

void str_trim(const char **s, size_t *n);
int str_is_space(unsigned char c);
uint32_t str_hash32(const char *s, size_t n);

#endif
