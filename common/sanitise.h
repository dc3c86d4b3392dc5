/*
 * What may reach a terminal or a reader: every message on stderr and
 * pm-report's text show control characters and bidirectional controls
 * as '?', so that data cannot move the cursor, clear the screen, set a
 * window title or reorder what is shown around it (CVE-2021-42574,
 * "Trojan Source").  Replaced, each by one '?': C0 (U+0000-U+001F,
 * tab and newline included), DEL, C1 (U+0080-U+009F), the Unicode
 * Bidi_Control characters (U+061C, U+200E, U+200F, U+202A-U+202E,
 * U+2066-U+2069) and every byte of invalid UTF-8 (a raw 0x9b, the
 * one-byte CSI, among them).  Everything else is kept as it is.
 */
#ifndef PM_SANITISE_H
#define PM_SANITISE_H

#include <stddef.h>
#include <stdint.h>

/* Whether code point cp is shown as '?'. */
int san_unsafe_cp(uint32_t cp);
/*
 * The n bytes at s, made safe, at dst (room for n bytes: the result
 * is never longer; dst may be s); the length written.
 */
size_t san_copy(char *dst, const char *s, size_t n);
/* A safe NUL-terminated copy of s, for the caller to free. */
char *san_dup(const char *s);
/* Whether the n bytes at s would be shown unchanged. */
int san_clean(const char *s, size_t n);

#endif
