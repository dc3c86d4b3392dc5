#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "err.h"
#include "num.h"
#include "utf8.h"

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

/* The option with value c, or NULL. */
static const struct option *
long_of(const struct option *longopts, int c)
{
	for (; longopts != NULL && longopts->name != NULL; longopts++)
		if (longopts->flag == NULL && longopts->val == c)
			return longopts;
	return NULL;
}

/* What getopt_long found wrong, said the way getopt would say it. */
static _Noreturn void
bad_option(char *argv[], int argc, const char *opts,
    const struct option *longopts)
{
	const char *word = optind > 0 && optind <= argc ? argv[optind - 1] :
	    "";
	const struct option *lo;
	const char *p;

	if (strncmp(word, "--", 2) == 0 && optopt != 0 &&
	    (lo = long_of(longopts, optopt)) != NULL)
		pm_usage_error(lo->has_arg == no_argument ?
		    "option '--%s' takes no argument" :
		    "option '--%s' needs an argument", lo->name);
	if (optopt == 0)
		pm_usage_error("unknown or ambiguous option '%s'", word);
	p = optopt < 256 && optopt != ':' ? strchr(opts, optopt) : NULL;
	if (p != NULL && p[1] == ':')
		pm_usage_error("option '-%c' needs an argument", optopt);
	pm_usage_error("unknown option '-%c'", optopt);
}

int
cli_getopt(int argc, char *argv[], const char *opts,
    const struct option *longopts)
{
	const struct option *lo;
	const char *word;
	int c;

	opterr = 0;
	c = getopt_long(argc, argv, opts, longopts, NULL);
	if (c == '?')
		bad_option(argv, argc, opts, longopts);
	if (c != -1 && optarg != NULL && !utf8_valid(optarg, strlen(optarg))) {
		/* "-T ARG" or "--title ARG": the option is the word before. */
		word = optind >= 2 && argv[optind - 1] == optarg ?
		    argv[optind - 2] : argv[optind - 1];
		if (c < 256 && strchr(opts, c) != NULL &&
		    strncmp(word, "--", 2) != 0)
			pm_usage_error("-%c: the argument is not valid UTF-8",
			    c);
		lo = long_of(longopts, c);
		pm_usage_error("--%s: the argument is not valid UTF-8",
		    lo != NULL ? lo->name : "?");
	}
	return c;
}
