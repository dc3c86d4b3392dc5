/*
 * Amount parsing: peel off sign, parentheses and currency, then read
 * the number with one decimal mark and grouping that must come in
 * threes, so that 1,5 under a decimal point is an error, not 15.
 */
#include <string.h>

#include "amount.h"
#include "curname.h"
#include "num.h"

struct sym {
	const char *s;
	const char *code;
};

/* Longest first: "US$" before "$". */
static const struct sym symbols[] = {
	{ "US$", "USD" }, { "CA$", "CAD" }, { "C$", "CAD" }, { "A$", "AUD" },
	{ "AU$", "AUD" }, { "NZ$", "NZD" }, { "R$", "BRL" }, { "$", "USD" },
	{ "\xe2\x82\xac", "EUR" }, { "\xc2\xa3", "GBP" }, { "\xc2\xa5", "JPY" },
	{ "\xe2\x82\xb9", "INR" }, { "\xe2\x82\xa9", "KRW" },
	{ "\xe2\x82\xbd", "RUB" }, { "\xe2\x82\xba", "TRY" },
	{ "\xe2\x82\xaa", "ILS" }, { "\xe2\x82\xb1", "PHP" },
	{ NULL, NULL }
};

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int
is_letter(int c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* Length of a space at s: ASCII, NBSP, narrow NBSP; 0 if none. */
static size_t
space_len(const char *s, const char *end)
{
	if (s < end && (*s == ' ' || *s == '\t'))
		return 1;
	if (end - s >= 2 && memcmp(s, "\xc2\xa0", 2) == 0)
		return 2;
	if (end - s >= 3 && memcmp(s, "\xe2\x80\xaf", 3) == 0)
		return 3;
	return 0;
}

static void
trim(const char **s, const char **end)
{
	size_t k;

	while ((k = space_len(*s, *end)) != 0)
		*s += k;
	for (;;) {
		if (*end > *s && ((*end)[-1] == ' ' || (*end)[-1] == '\t'))
			(*end)--;
		else if (*end - *s >= 2 && memcmp(*end - 2, "\xc2\xa0", 2) == 0)
			*end -= 2;
		else if (*end - *s >= 3 &&
		    memcmp(*end - 3, "\xe2\x80\xaf", 3) == 0)
			*end -= 3;
		else
			break;
	}
}

/*
 * A code written in lower case must stand apart from the number
 * ("12 usd"): glued to it, "12abc" is a typo, not 12 of currency ABC.
 */
static int
code_ok(const char *code, const char *s, const char *end)
{
	int upper = code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' &&
	    code[1] <= 'Z' && code[2] >= 'A' && code[2] <= 'Z';

	if (upper)
		return 1;
	if (code > s && code[-1] != ' ' && code[-1] != '\t')
		return 0;
	return code + 3 == end || code[3] == ' ' || code[3] == '\t';
}

static void
upcase3(const char *s, char cur[4])
{
	int i;

	for (i = 0; i < 3; i++)
		cur[i] = (char)(s[i] >= 'a' && s[i] <= 'z' ? s[i] - 32 : s[i]);
	cur[3] = '\0';
}

/* A currency at the start of [s, end): its length, 0 if none. */
static size_t
prefix_cur(const char *s, const char *end, char cur[4])
{
	const struct sym *y;
	size_t k;

	if (s == end || is_digit(*s))
		return 0;
	/* A code (USD) unless a symbol's '$' follows the letters. */
	if (is_letter(*s) && memchr(s, '$', (size_t)(end - s < 4 ?
	    end - s : 4)) == NULL)
		goto code;
	for (y = symbols; y->s != NULL; y++) {
		k = strlen(y->s);
		if ((size_t)(end - s) >= k && memcmp(s, y->s, k) == 0) {
			memcpy(cur, y->code, 4);
			return k;
		}
	}
code:
	if (end - s >= 3 && is_letter(s[0]) && is_letter(s[1]) &&
	    is_letter(s[2]) && (end - s == 3 || !is_letter(s[3])) &&
	    code_ok(s, s, end)) {
		upcase3(s, cur);
		return 3;
	}
	return 0;
}

/* A currency at the end of [s, end): its length, 0 if none. */
static size_t
suffix_cur(const char *s, const char *end, char cur[4])
{
	const struct sym *y;
	size_t k;

	if (s == end || is_digit(end[-1]))
		return 0;
	for (y = symbols; y->s != NULL; y++) {
		k = strlen(y->s);
		if ((size_t)(end - s) >= k && memcmp(end - k, y->s, k) == 0) {
			memcpy(cur, y->code, 4);
			return k;
		}
	}
	if (end - s >= 3 && is_letter(end[-1]) && is_letter(end[-2]) &&
	    is_letter(end[-3]) && (end - s == 3 || !is_letter(end[-4])) &&
	    code_ok(end - 3, s, end)) {
		upcase3(end - 3, cur);
		return 3;
	}
	return 0;
}

int
amount_currency(const char *s, size_t n, char cur[4])
{
	const char *end = s + n;

	cur[0] = '\0';
	trim(&s, &end);
	if (s < end && (*s == '(' || *s == '-' || *s == '+')) {
		s++;
		trim(&s, &end);
	}
	if (s < end && end[-1] == ')') {
		end--;
		trim(&s, &end);
	}
	if (prefix_cur(s, end, cur) != 0 || suffix_cur(s, end, cur) != 0)
		return 0;
	cur[0] = '\0';
	return -1;
}

int
currency_code(const char *s, size_t n, char cur[4])
{
	const char *end = s + n;

	trim(&s, &end);
	if (s == end)
		return -1;
	/* A name first: "Yen" is JPY, not a code YEN. */
	if (curname_code(s, (size_t)(end - s), cur) == 0)
		return 0;
	if (prefix_cur(s, end, cur) == (size_t)(end - s))
		return 0;
	return -1;
}

/*
 * Digits with grouping marks into a plain decimal for fixed_parse:
 * dm is the decimal mark; any other of , . ' and spaces groups, and
 * groups after the first have exactly three digits.
 */
static int
plain_number(const char *s, const char *end, char dm, char *buf, size_t cap)
{
	size_t o = 0, k;
	int run = 0, grouped = 0, seen_digit = 0;
	char gm = 0;

	while (s < end && o + 2 < cap) {
		if (is_digit(*s)) {
			buf[o++] = *s++;
			run++;
			seen_digit = 1;
			continue;
		}
		if (*s == dm)
			break;
		k = space_len(s, end);
		if (k == 0 && *s != ',' && *s != '.' && *s != '\'')
			return -1;
		if (k == 0)
			k = 1;
		/* A grouping mark: one kind per number, after 1-3 digits. */
		if (!seen_digit || (grouped && run != 3) || (!grouped &&
		    run > 3))
			return -1;
		if (gm != 0 && gm != *s)
			return -1;
		gm = *s;
		grouped = 1;
		run = 0;
		s += k;
	}
	if (grouped && run != 3)
		return -1;
	if (s < end && *s == dm) {
		buf[o++] = '.';
		for (s++; s < end && is_digit(*s) && o + 1 < cap; s++) {
			buf[o++] = *s;
			seen_digit = 1;
		}
		if (buf[o - 1] == '.')
			return -1;
	}
	if (s != end || o == 0 || o + 1 >= cap)
		return -1;
	buf[o] = '\0';
	return seen_digit ? 0 : -1;
}

/* A + or - at *s: skipped with the spaces after it, counted, - flips *neg. */
static void
take_sign(const char **s, const char **end, int *neg, int *signs)
{
	if (*s < *end && (**s == '-' || **s == '+')) {
		*neg ^= **s == '-';
		(*signs)++;
		(*s)++;
		trim(s, end);
	}
}

int
amount_parse(const char *s, size_t n, int decimal_comma, struct amount *a)
{
	const char *end = s + n;
	char buf[NUM_BUFSIZE], cur[4];
	size_t k;
	int neg = 0, signs = 0;

	a->v = 0;
	a->cur[0] = '\0';
	trim(&s, &end);
	if (s == end || (end - s == 1 && *s == '-'))
		return AMT_EMPTY;
	if (*s == '(' && end[-1] == ')') {
		neg = 1;
		signs++;
		s++;
		end--;
		trim(&s, &end);
	}
	take_sign(&s, &end, &neg, &signs);
	if ((k = prefix_cur(s, end, cur)) != 0) {
		memcpy(a->cur, cur, 4);
		s += k;
		trim(&s, &end);
		take_sign(&s, &end, &neg, &signs);	/* $-5 */
	} else if ((k = suffix_cur(s, end, cur)) != 0) {
		memcpy(a->cur, cur, 4);
		end -= k;
		trim(&s, &end);
	}
	if (s < end && *s == '(' && end[-1] == ')' && !neg) {
		neg = 1;
		s++;
		end--;
	}
	/* One sign at most: (-5) or -$-5 is a typo, not 5. */
	if (s == end || signs > 1)
		return AMT_INVALID;
	if (plain_number(s, end, decimal_comma ? ',' : '.', buf,
	    sizeof(buf)) != 0)
		return AMT_INVALID;
	switch (fixed_parse(buf, strlen(buf), &a->v)) {
	case NUM_OK:
		break;
	case NUM_RANGE:
		return AMT_RANGE;
	default:
		return AMT_INVALID;
	}
	if (neg)
		a->v = -a->v;
	return AMT_OK;
}

int
amount_decimal_evidence(const char *s, size_t n)
{
	const char *end = s + n, *p, *last = NULL;
	int dots = 0, commas = 0, after = 0;

	for (p = s; p < end; p++) {
		if (*p == '.' || *p == ',') {
			dots += *p == '.';
			commas += *p == ',';
			last = p;
			after = 0;
		} else if (is_digit(*p))
			after++;
		else if (last != NULL && after > 0)
			break;
	}
	if (last == NULL)
		return DM_NONE;
	if (dots > 0 && commas > 0)
		return *last == '.' ? DM_DOT : DM_COMMA;
	if (dots + commas > 1)	/* repeated: grouping */
		return dots ? DM_COMMA : DM_DOT;
	if (after == 3 || after == 0)
		return DM_NONE;
	return dots ? DM_DOT : DM_COMMA;
}
