/*
 * libFuzzer target: the scores table reader (common/scores.c) that
 * pm-flag and pm-report load their input with.  The first byte picks
 * the required columns and the delimiter; the rest is the file.  A
 * data error (exit 65 with a message) is a normal outcome; a crash,
 * another exit status or a table that contradicts itself is a finding.
 */
/* fuzz-flags: -Wl,--wrap=exit,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=free,--wrap=csv_free,--wrap=open,--wrap=close */
/* fuzz-options: -close_fd_mask=2 -max_len=4096 */
/*
 * Linux only on purpose, as ld's --wrap above is: memfd_create and
 * /proc/self/fd give the reader a file name without touching the disk.
 * tests/e2e/hostile_fuzz.sh skips this target elsewhere.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz_exit.h"
#include "err.h"
#include "scores.h"

static int memfd = -1;
static char path[64];

int LLVMFuzzerInitialize(int *argc, char ***argv);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	pm_prog = "pm-flag";
	if ((memfd = memfd_create("scores.csv", 0)) == -1)
		abort();
	snprintf(path, sizeof(path), "/proc/self/fd/%d", memfd);
	return 0;
}

/* Every lookup agrees with the table it comes from. */
static void
check(const struct scores *s)
{
	const struct score_row *r, *c;
	struct scores_pick pick;
	char why[160];
	size_t i;

	for (i = 0; i < s->nrows; i++) {
		r = &s->rows[i];
		if (r->period >= s->nperiods || r->metric >= s->nmetrics)
			__builtin_trap();
		(void)scores_field(s, r, SC_NOTES);
		(void)scores_known(r, SC_PACE);
		if (r->rollup)
			continue;
		if (r->rep >= s->nreps)
			__builtin_trap();
		c = scores_cell(s, r->metric, r->rep, r->period);
		if (c != r)
			__builtin_trap();
		if (scores_period(s, s->period_key[r->period]) != r->period ||
		    scores_metric(s, s->metric_name[r->metric]) != r->metric ||
		    scores_rep(s, s->rep_name[r->rep]) != r->rep)
			__builtin_trap();
	}
	for (i = 1; i < s->nperiods; i++)
		(void)scores_periods_adjacent(s->period_key[i - 1],
		    s->period_key[i]);
	/* The judged period (pm-flag's and pm-report's) is one of them. */
	pick = scores_pick_period(s, 25 * 10000);
	if (s->nperiods > 0 && (pick.period >= s->nperiods ||
	    (pick.early != SC_NONE && pick.early >= s->nperiods)))
		__builtin_trap();
	scores_early_text(s, &pick, why, sizeof(why));
}

static void
load(unsigned char b)
{
	static const uint32_t req[4] = {
		0,
		SC_BIT(SC_PERIOD) | SC_BIT(SC_REP) | SC_BIT(SC_METRIC),
		SC_BIT(SC_PERIOD) | SC_BIT(SC_REP) | SC_BIT(SC_METRIC) |
		    SC_BIT(SC_ACTUAL) | SC_BIT(SC_PACE),
		SC_BIT(SC_PERIOD) | SC_BIT(SC_REP) | SC_BIT(SC_TEAM) |
		    SC_BIT(SC_METRIC) | SC_BIT(SC_FLAGS)
	};
	char *files[2] = { path, path };
	struct scores *s;

	s = scores_load(files, (b & 4) ? 2 : 1, (b & 8) ? ';' : 0,
	    req[b & 3]);
	check(s);
	scores_free(s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	if (ftruncate(memfd, 0) != 0 || pwrite(memfd, data + 1, size - 1,
	    0) != (ssize_t)(size - 1))
		abort();
	FUZZ_RUN(load(data[0]));
	/* Only a data error may end the program, with exit 65. */
	if (fuzz_status != -1 && fuzz_status != 65)
		__builtin_trap();
	return 0;
}
