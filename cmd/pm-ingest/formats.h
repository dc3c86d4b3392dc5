/*
 * The CRM export formats pm-ingest knows: for each, the header names
 * (compared ignoring case, spaces and punctuation) that feed each
 * canonical field, the fields it cannot do without, and its default
 * day-month order.  Detection picks, for a header row, the format that
 * recognises the most columns.
 */
#ifndef PM_INGEST_FORMATS_H
#define PM_INGEST_FORMATS_H

#include <stddef.h>

#include "csvin.h"
#include "dates.h"

enum field {
	F_ID, F_REP, F_ACCOUNT, F_PRODUCT, F_TEAM,
	F_STAGE, F_STATUS, F_ISWON, F_ISCLOSED,
	F_AMOUNT, F_EST_AMOUNT, F_CURRENCY,
	F_CLOSE, F_WON_DATE, F_LOST_DATE, F_EXPECTED, F_CREATED,
	F_TYPE, F_DATE, F_METRIC, F_VALUE, F_SUBTYPE,
	F_LINE_AMOUNT, F_DEAL_NAME,	/* product reports: one row per line */
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
};

/* Column index per field, -1 when the file has none. */
struct mapping {
	int col[NFIELD];
};

extern const struct format formats[];

const struct format *format_by_name(const char *name);
const char *field_name(enum field f);
int field_by_name(const char *name, enum field *out);
int field_is_date(enum field f);
int field_is_amount(enum field f);
/* Maps hdr by fmt's names; 0 when every required field was found. */
int format_map(const struct format *fmt, const struct csv_row *hdr,
    struct mapping *m);
/* The best format for hdr, or NULL; *m gets its mapping. */
const struct format *format_detect(const struct csv_row *hdr,
    struct mapping *m);
/*
 * The field separator of a file from its first bytes: of , ; tab |,
 * the one that splits the first lines most consistently (quotes
 * respected); ',' when none does.
 */
unsigned char format_sniff_delim(const char *buf, size_t n);
/* "rep, stage" etc.: the required columns, for an error message. */
void format_required_names(const struct format *fmt, char *buf, size_t n);

#endif
