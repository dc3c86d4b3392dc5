/*
 * UTF-8, once for every tool: the length and validity of a sequence
 * (the rules of RFC 3629: no overlong forms, no surrogates, nothing
 * past U+10FFFF), the terminal width of a code point, and Windows-1252
 * to UTF-8 for exports that Excel saved on Windows.
 */
#ifndef PM_UTF8_H
#define PM_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* A Windows-1252 byte takes at most this many bytes in UTF-8. */
#define UTF8_PER_CP1252 3

/*
 * Length of the valid sequence at s: 1..4; 0 when it is invalid; -1
 * when the n bytes end before it does (n must be at least 1).
 */
int utf8_seq_len(const unsigned char *s, size_t n);
/* Length of the longest valid UTF-8 prefix of s. */
size_t utf8_valid_prefix(const char *s, size_t n);
/* Whether the n bytes at s are valid UTF-8. */
int utf8_valid(const char *s, size_t n);
/*
 * The code point at s (n >= 1) in *cp and its length; an invalid or
 * cut-off sequence is its first byte alone, as U+FFFD.
 */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);
/*
 * Terminal columns of the character at s (NUL-terminated) and its
 * length in *len: 2 for East Asian wide and fullwidth, 0 for combining
 * marks, else 1.  No locale needed.
 */
size_t utf8_cols(const char *s, size_t *len);
/* Terminal columns of the first n bytes of s (up to a NUL). */
size_t utf8_widthn(const char *s, size_t n);
/* Terminal columns of s. */
size_t utf8_width(const char *s);
/* Windows-1252 byte c as UTF-8 at out (room for 3 bytes); its length. */
size_t utf8_from_cp1252(unsigned char c, char *out);
/*
 * The n Windows-1252 bytes at s as UTF-8 at out (room for
 * UTF8_PER_CP1252 * n); the length written.
 */
size_t utf8_from_cp1252_str(const char *s, size_t n, char *out);

#endif
