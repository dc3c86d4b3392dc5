/*
 * White space around a value: the one rule by which every tool trims
 * the names people type (reps, metrics, teams, option lists).  Space,
 * tab, CR and LF; not the other control characters, which are data.
 */
#ifndef PM_TRIM_H
#define PM_TRIM_H

#include <stddef.h>

/* Whether c (a byte) is white space by that rule. */
int trim_is_space(int c);
/* s (length n) without its surrounding white space: *s moves, the new length is returned. */
size_t trim_span(const char **s, size_t n);

#endif
