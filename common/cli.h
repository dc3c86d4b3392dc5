/* Small helpers for option arguments shared by the tools. */
#ifndef PM_CLI_H
#define PM_CLI_H

#include <getopt.h>

/* -d C: one byte, or "tab" / "\t"; exits 64 otherwise. */
unsigned char cli_delim(const char *arg);
/* A whole number in [min, max] for option opt; exits 64 otherwise. */
long cli_long(const char *opt, const char *arg, long min, long max);
/* A decimal number for option opt; exits 64 otherwise. */
double cli_double(const char *opt, const char *arg);

/*
 * getopt_long() for every tool: an option argument that is not valid
 * UTF-8 is exit 64, and a bad option is reported through pm_warn (its
 * text made safe) rather than by getopt itself, which would echo
 * what it was given to the terminal.  Returns what getopt_long does,
 * never '?'.
 */
int cli_getopt(int argc, char *argv[], const char *opts,
    const struct option *longopts);

#endif
