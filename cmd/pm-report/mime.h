/*
 * The encodings of an Internet message (mime.c): header fields folded,
 * with RFC 2047 encoded-words where the text is not ASCII, address
 * lists checked and written, bodies in quoted-printable or base64.
 * Whatever the data, what these write is 7-bit, in lines of at most 76
 * characters, LF-terminated, and no value can start a header line.
 */
#ifndef PM_REPORT_MIME_H
#define PM_REPORT_MIME_H

#include <stddef.h>

#include "out.h"

#define MIME_LINE 76		/* longest line written, LF excluded */
#define MIME_WORD 75		/* longest encoded-word (RFC 2047 section 2) */
#define MIME_ADDR_MAX 254	/* longest addr-spec (RFC 5321 section 4.5.3) */

/* One address: an optional display name (UTF-8) and its addr-spec. */
struct mime_addr {
	char *name;		/* NULL when none */
	char *spec;		/* local@domain, ASCII */
};

enum mime_cte { MIME_QP, MIME_BASE64 };

/* The envelope of pm-report -f email: its header fields. */
struct email {
	struct mime_addr *from, *to, *cc;
	int nfrom, nto, ncc;
	const char *subject;	/* NULL: the title and the period */
	int quiet;
};

#define MIME_CLIP 102400	/* Gmail shows "[Message clipped]" above */

/* base64 of n bytes in lines of MIME_LINE characters, each ending in LF. */
void mime_base64(struct out *o, const char *s, size_t n);
/*
 * Quoted-printable of n bytes (RFC 2045 section 6.7), LF as the line
 * end; a line's leading "." or "From " is encoded too, so that neither
 * sendmail's lone dot nor an mbox "From " line can cut the message.
 */
void mime_qp(struct out *o, const char *s, size_t n);
/* The smaller of the two encodings for these bytes (QP on a tie). */
enum mime_cte mime_pick(const char *s, size_t n);
/*
 * A part's Content-Transfer-Encoding field, the blank line and the body
 * in that encoding; the body decodes to exactly s.
 */
void mime_body(struct out *o, const char *s, size_t n);

/*
 * An unstructured field (Subject): "Name: value", folded, as RFC 2047
 * encoded-words when the value is not plain printable ASCII.
 */
void mime_field_text(struct out *o, const char *name, const char *value);
/* An address field (From, To, Cc) of n addresses, folded between them. */
void mime_field_addrs(struct out *o, const char *name,
    const struct mime_addr *a, int n);

/*
 * The addresses of an option's value ("a@x.org", "Ann <a@x.org>",
 * "\"Doe, Ann\" <a@x.org>", several joined with commas), appended to
 * *list; NULL when all went well, else what is wrong (a static string).
 */
const char *mime_parse_addrs(const char *s, struct mime_addr **list,
    int *n);
/* NULL when s is text a header can carry, else what is wrong. */
const char *mime_check_text(const char *s);

#endif
