/* Small helpers for option arguments shared by the tools. */
#ifndef PM_CLI_H
#define PM_CLI_H

/* -d C: one byte, or "tab" / "\t"; exits 64 otherwise. */
unsigned char cli_delim(const char *arg);
/* A whole number in [min, max] for option opt; exits 64 otherwise. */
long cli_long(const char *opt, const char *arg, long min, long max);
/* A decimal number for option opt; exits 64 otherwise. */
double cli_double(const char *opt, const char *arg);

#endif
