/*
 * Amounts as CRMs write them: 1234.5, $1,234.50, USD 485,000.00,
 * 1.234,56 €, (50.00) for -50.  Values are fixed-point (num.h) so that
 * sums stay exact; the currency, when the cell names one, comes back as
 * an ISO 4217 code.
 */
#ifndef PM_AMOUNT_H
#define PM_AMOUNT_H

#include <stddef.h>
#include <stdint.h>

enum { AMT_OK = 0, AMT_EMPTY = 1, AMT_INVALID = -1, AMT_RANGE = -2 };

/* Which mark a value shows to be its decimal point. */
enum { DM_NONE, DM_DOT, DM_COMMA };

struct amount {
	int64_t v;		/* 1/10000 units */
	char cur[4];		/* "USD", or "" when the cell names none */
};

/* Empty and "-" are AMT_EMPTY (unknown); past FIXED_MAX is AMT_RANGE. */
int amount_parse(const char *s, size_t n, int decimal_comma,
    struct amount *a);
/* What a cell says of its decimal mark: DM_DOT, DM_COMMA or DM_NONE. */
int amount_decimal_evidence(const char *s, size_t n);
/* The currency an amount cell names, without reading the number. */
int amount_currency(const char *s, size_t n, char cur[4]);
/*
 * A currency code, symbol or English name ("usd", "$", "€", "US Dollar",
 * "Pound Sterling") into cur; -1 if none.
 */
int currency_code(const char *s, size_t n, char cur[4]);

#endif
