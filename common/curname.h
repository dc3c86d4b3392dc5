/*
 * Currencies by their English ISO 4217 names, as Dynamics 365 writes
 * them in its Currency column (US Dollar, Euro, Pound Sterling,
 * Japanese Yen) and people type them in a rates file.
 */
#ifndef PM_CURNAME_H
#define PM_CURNAME_H

#include <stddef.h>

/*
 * The code of the currency named s (length n; case, spaces and
 * punctuation ignored: "US Dollar", "u.s. dollar") into cur; -1 if none.
 */
int curname_code(const char *s, size_t n, char cur[4]);

#endif
