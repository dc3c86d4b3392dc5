#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "err.h"
#include "num.h"

unsigned char
cli_delim(const char *arg)
{
	if (strcmp(arg, "tab") == 0 || strcmp(arg, "\\t") == 0)
		return '\t';
	if (strlen(arg) != 1 || arg[0] == '"' || arg[0] == '\n' ||
	    arg[0] == '\r')
		pm_usage_error("invalid delimiter '%s': one character, or tab",
		    arg);
	return (unsigned char)arg[0];
}

long
cli_long(const char *opt, const char *arg, long min, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (*arg == '\0' || *end != '\0' || errno != 0 || v < min || v > max)
		pm_usage_error("%s: '%s' is not a whole number from %ld to %ld",
		    opt, arg, min, max);
	return v;
}

double
cli_double(const char *opt, const char *arg)
{
	double v;

	if (double_parse(arg, strlen(arg), &v) != NUM_OK)
		pm_usage_error("%s: '%s' is not a number", opt, arg);
	return v;
}
