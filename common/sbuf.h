/*
 * Strings built piece by piece with printf formats (the notes of
 * pm-flag, the text of pm-report's document).
 */
#ifndef PM_SBUF_H
#define PM_SBUF_H

#include <stdarg.h>
#include <stddef.h>

struct sbuf {
	char *p;		/* NUL-terminated once anything was added */
	size_t n, cap;
};

#define SBUF_INIT { NULL, 0, 0 }

/* Appends the formatted text to b. */
void sbuf_printf(struct sbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* sbuf_printf with a va_list. */
void sbuf_vprintf(struct sbuf *b, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
/* The string built ("" when nothing was added); b is empty again. */
char *sbuf_take(struct sbuf *b);
/* A new string formatted as by printf. */
char *sbuf_fmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* sbuf_fmt with a va_list. */
char *sbuf_vfmt(const char *fmt, va_list ap)
    __attribute__((format(printf, 1, 0)));

#endif
