/*
 * Helpers of pm-flag's unit tests: a scores table from a string, judged
 * with given options, and everything released again.
 */
#ifndef PM_TFLAG_H
#define PM_TFLAG_H

#include "tutil.h"
#include "scores.h"
#include "../../cmd/pm-flag/flag.h"

#define TF_REQUIRED (SC_BIT(SC_PERIOD) | SC_BIT(SC_REP) | \
	SC_BIT(SC_METRIC) | SC_BIT(SC_ACTUAL) | SC_BIT(SC_ATTAINMENT))

struct tf_fixture {
	char *path;
	struct scores *s;
	struct judgement j;
};

/* The table text judged with o into f. */
static inline void
tf_load(struct tf_fixture *f, const char *text, const struct flag_opts *o)
{
	f->path = tu_write_tmp(text);
	f->s = scores_load(&f->path, 1, ',', TF_REQUIRED);
	judge(&f->j, f->s, o);
}

/* Releases what tf_load made, its file included. */
static inline void
tf_unload(struct tf_fixture *f)
{
	judge_free(&f->j);
	scores_free(f->s);
	unlink(f->path);
	free(f->path);
}

#endif
