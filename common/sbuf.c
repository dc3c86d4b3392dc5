#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>

#include "err.h"
#include "sbuf.h"

void
sbuf_vprintf(struct sbuf *b, const char *fmt, va_list ap)
{
	va_list aq;
	int n;

	va_copy(aq, ap);
	n = vsnprintf(b->p != NULL ? b->p + b->n : NULL,
	    b->p != NULL ? b->cap - b->n : 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		pm_die(EX_SOFTWARE, "cannot format a message");
	if (b->p != NULL && (size_t)n < b->cap - b->n) {
		b->n += (size_t)n;
		return;
	}
	if ((size_t)n > (SIZE_MAX - 1) / 2 - b->cap)
		pm_die(EX_SOFTWARE, "out of memory");
	b->cap = (b->cap + (size_t)n + 1) * 2;
	b->p = xrealloc(b->p, b->cap);
	vsnprintf(b->p + b->n, b->cap - b->n, fmt, ap);
	b->n += (size_t)n;
}

void
sbuf_printf(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sbuf_vprintf(b, fmt, ap);
	va_end(ap);
}

char *
sbuf_take(struct sbuf *b)
{
	char *p = b->p != NULL ? b->p : xstrdup("");

	b->p = NULL;
	b->n = b->cap = 0;
	return p;
}

char *
sbuf_vfmt(const char *fmt, va_list ap)
{
	struct sbuf b = SBUF_INIT;

	sbuf_vprintf(&b, fmt, ap);
	return sbuf_take(&b);
}

char *
sbuf_fmt(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = sbuf_vfmt(fmt, ap);
	va_end(ap);
	return s;
}
