/*
 * pm-report -f email: one RFC 5322 message, ready for sendmail -t.
 *
 *   multipart/alternative: text/plain (the text report) and text/html
 *   (render_email.c); with the one-on-one sheets, multipart/mixed of
 *   that and the sheets as an HTML file attached.
 *
 * No Date or Message-ID: the mail system adds them, and the output stays
 * the same bytes for the same input.  The boundaries contain "=_",
 * which neither quoted-printable (where "=" is followed by hex digits
 * or a line end) nor base64 can produce: no body can end a part.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "mime.h"
#include "report.h"

#define ALT "=_pm-report.alt"
#define MIXED "=_pm-report.mixed"

/* The title and the period key, as the subject, unless it has it. */
static char *
default_subject(const struct doc *d)
{
	char *t = doc_clean_text(doc_title_of(d)), *s;
	size_t n;

	if (d->period == NULL || strstr(t, d->period) != NULL)
		return t;
	n = strlen(t) + strlen(d->period) + 4;
	s = xmalloc(n);
	snprintf(s, n, "%s (%s)", t, d->period);
	free(t);
	return s;
}

/* The blocks before the one-on-ones: the body of the message. */
static struct doc
body_of(const struct doc *d)
{
	struct doc b = *d;

	if (d->sheets_from > 0)
		b.n = d->sheets_from;
	return b;
}

/* The one-on-ones as a document of their own, titled. */
static struct doc *
sheets_of(const struct doc *d)
{
	struct doc *s = doc_new();
	const struct block *t = d->n > 0 && d->b[0].type == B_TITLE ?
	    &d->b[0] : NULL;
	size_t len = strlen(doc_title_of(d)) + 32;
	char *title = xmalloc(len);
	int i;

	snprintf(title, len, "One-on-ones: %s", doc_title_of(d));
	doc_title(s, title, t != NULL ? t->b : NULL);
	free(title);
	s->cap = s->n + (d->n - d->sheets_from);
	s->b = xreallocarray(s->b, (size_t)s->cap + 1, sizeof(*s->b));
	/* The blocks are shared, not copied: s lives as long as d. */
	for (i = d->sheets_from; i < d->n; i++)
		if (!(i == d->sheets_from && d->b[i].type == B_BREAK))
			s->b[s->n++] = d->b[i];
	s->period = d->period;
	return s;
}

static char *
rendered(void (*render)(const struct doc *, struct out *),
    const struct doc *d, size_t *len)
{
	struct out *m = out_mem();

	render(d, m);
	return out_mem_take(m, len);
}

/* A file name of safe characters: the period key is data. */
static char *
attachment_name(const char *period)
{
	const char *p = period != NULL ? period : "report";
	size_t n = strlen(p) + 32, i;
	char *s = xmalloc(n);

	snprintf(s, n, "one-on-ones-%.64s.html", p);
	for (i = strlen("one-on-ones-"); s[i] != '\0'; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' &&
		    s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') ||
		    s[i] == '-' || s[i] == '_' || s[i] == '.'))
			s[i] = '_';
	return s;
}

static void
part(struct out *o, const char *boundary, const char *type, const char *s,
    size_t n)
{
	out_printf(o, "--%s\nContent-Type: %s; charset=utf-8\n", boundary,
	    type);
	mime_body(o, s, n);
	out_putc(o, '\n');
}

static void
alternative(struct out *o, const struct doc *d)
{
	struct doc b = body_of(d);
	size_t nt, nh;
	char *text = rendered(render_text, &b, &nt);
	char *html = rendered(render_email_html, &b, &nh);

	out_puts(o, "Content-Type: multipart/alternative; boundary=\"" ALT
	    "\"\n\n");
	part(o, ALT, "text/plain", text, nt);
	part(o, ALT, "text/html", html, nh);
	out_puts(o, "--" ALT "--\n");
	free(text);
	free(html);
}

void
email_render(const struct doc *d, const struct email *e, struct out *o)
{
	struct out *m = out_mem();
	struct doc *sh;
	char *subject, *msg, *html, *file;
	size_t len, nh, att = 0;
	struct out *a;
	char *part_s;

	if (e->nfrom > 0)
		mime_field_addrs(m, "From", e->from, e->nfrom);
	if (e->nto > 0)
		mime_field_addrs(m, "To", e->to, e->nto);
	if (e->ncc > 0)
		mime_field_addrs(m, "Cc", e->cc, e->ncc);
	subject = e->subject != NULL ? xstrdup(e->subject) :
	    default_subject(d);
	mime_field_text(m, "Subject", subject);
	free(subject);
	out_puts(m, "MIME-Version: 1.0\nAuto-Submitted: auto-generated\n");
	if (d->sheets_from == 0) {
		alternative(m, d);
	} else {
		out_puts(m, "Content-Type: multipart/mixed; boundary=\""
		    MIXED "\"\n\n--" MIXED "\n");
		alternative(m, d);
		out_putc(m, '\n');
		sh = sheets_of(d);
		html = rendered(render_html, sh, &nh);
		file = attachment_name(d->period);
		/* Apart, to be measured: Gmail clips the body, not files. */
		a = out_mem();
		out_printf(a, "--" MIXED "\nContent-Type: text/html; "
		    "charset=utf-8; name=\"%s\"\nContent-Disposition: "
		    "attachment; filename=\"%s\"\n", file, file);
		mime_body(a, html, nh);
		out_puts(a, "\n--" MIXED "--\n");
		part_s = out_mem_take(a, &att);
		out_write(m, part_s, att);
		free(part_s);
		free(html);
		free(file);
		free(sh->b);
		free(sh);
	}
	msg = out_mem_take(m, &len);
	if (!e->quiet && len - att > MIME_CLIP)
		pm_warn("the message is %zu bytes: Gmail clips a message over "
		    "%d (one message per --team keeps each smaller)",
		    len - att, MIME_CLIP);
	if (!e->quiet && e->nto == 0 && e->ncc == 0)
		pm_warn("no --to or --cc: sendmail -t will find no recipient");
	out_write(o, msg, len);
	free(msg);
}
