/*
 * Which of , ; tab | separates the fields of a CSV file, from its
 * first bytes, for the tools that read exports as they come.
 */
#ifndef PM_DELIM_H
#define PM_DELIM_H

#include <stddef.h>

/*
 * The separator that splits the first lines (up to 30) most
 * consistently, quotes respected; Excel's "sep=;" first line says it
 * outright; ',' when none does.
 */
unsigned char delim_sniff(const char *buf, size_t n);

#endif
