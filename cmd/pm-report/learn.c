/*
 * Learning from each other (SPEC section 15), as pm-flag judged it: who
 * could mentor whom, on which metric, and the stretch set for the best.
 * The report reads the pairings back from the notes; a mentor of two
 * learners has one flag and two notes ("mentor: could mentor A ...;
 * mentor: could mentor B ..."), which the model keeps as one text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "report.h"
#include "model.h"

#define SEP_MENTOR "; mentor: "
#define SEP_MATCH "; mentor_match: "

int
learn_is_flag(const char *name)
{
	return strcmp(name, "mentor_match") == 0 ||
	    strcmp(name, "mentor") == 0 || strcmp(name, "stretch") == 0;
}

/* Each note of flag f of r, the repeated "; f: " taken apart, as items. */
static void
items(struct doc *d, const struct model_rep *r, const char *f,
    const char *sep, const char *lead)
{
	const struct model_flag *fl = model_has_flag(r, f);
	char *t, *p, *q;

	if (fl == NULL || *fl->note == '\0')
		return;
	t = xstrdup(fl->note);
	for (p = t; p != NULL; p = q) {
		if ((q = strstr(p, sep)) != NULL) {
			*q = '\0';
			q += strlen(sep);
		}
		doc_item(d, lead, p);
	}
	free(t);
}

void
learn_sheet(struct doc *d, const struct model *c, const struct model_rep *r)
{
	(void)c;
	items(d, r, "mentor_match", SEP_MATCH, "Learn from");
	items(d, r, "mentor", SEP_MENTOR, "Mentor");
	items(d, r, "stretch", "; stretch: ", "Stretch");
}

void
learn_section(struct doc *d, const struct model *c)
{
	int k, any = 0;
	char *who;

	for (k = 0; k < c->nreps && !any; k++)
		any = model_has_flag(&c->reps[k], "mentor_match") != NULL ||
		    model_has_flag(&c->reps[k], "stretch") != NULL;
	if (!any)
		return;
	doc_h2(d, "Learning from each other");
	/* Learners first (who could learn from whom), then the stretches. */
	for (k = 0; k < c->nreps; k++) {
		who = model_who(c, &c->reps[k]);
		items(d, &c->reps[k], "mentor_match", SEP_MATCH, who);
		free(who);
	}
	for (k = 0; k < c->nreps; k++) {
		who = model_who(c, &c->reps[k]);
		items(d, &c->reps[k], "stretch", "; stretch: ", who);
		free(who);
	}
	doc_note(d, "A mentor is a top-tier or on-target rep ahead on exactly "
	    "the metric the learner needs (the same team first, two "
	    "learners at most); a stretch is the level of the team's top "
	    "quarter on the leading metric where the rep stands lowest, or "
	    "10%% above the rep's own recent best.");
}
