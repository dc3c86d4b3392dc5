#include <string.h>

#include "err.h"
#include "metrics.h"

static const struct {
	const char *name;
	enum metric_agg agg;
	int higher_better, leading;
} builtin[] = {
	{ "revenue", AGG_SUM, 1, 0 },
	{ "deals_won", AGG_SUM, 1, 0 },
	{ "largest_deal", AGG_LARGEST, 1, 0 },
	{ "deals_lost", AGG_SUM, 0, 0 },
	{ "win_rate", AGG_WIN_RATE, 1, 0 },
	{ "avg_deal", AGG_AVG_DEAL, 1, 0 },
	{ "cycle_days", AGG_MEAN, 0, 0 },
	{ "coverage", AGG_COVERAGE, 1, 1 },
	{ "opps_created", AGG_SUM, 1, 1 },
	{ "pipeline_created", AGG_SUM, 1, 1 },
	{ "open_pipeline", AGG_SUM, 1, 1 },
	{ "calls", AGG_SUM, 1, 1 },
	{ "emails", AGG_SUM, 1, 1 },
	{ "meetings", AGG_SUM, 1, 1 },
	{ "tasks", AGG_SUM, 1, 1 },
};

#define NBUILTIN (sizeof(builtin) / sizeof(builtin[0]))

struct metric_def
metric_lookup(const char *name)
{
	struct metric_def d = { NULL, AGG_SUM, 1, 1 };
	size_t i;

	d.name = (char *)name;
	for (i = 0; i < NBUILTIN; i++) {
		if (strcmp(builtin[i].name, name) == 0) {
			d.agg = builtin[i].agg;
			d.higher_better = builtin[i].higher_better;
			d.leading = builtin[i].leading;
			break;
		}
	}
	return d;
}

int
metric_is_derived(enum metric_agg agg)
{
	return agg == AGG_WIN_RATE || agg == AGG_AVG_DEAL ||
	    agg == AGG_LARGEST || agg == AGG_COVERAGE;
}

int
metric_parse_decl(const char *s, struct metric_def *def, const char **why)
{
	const char *eq = strchr(s, '='), *p, *colon;
	char part[16];
	size_t n;
	int i;

	if (eq == NULL || eq == s) {
		*why = "expected NAME=sum|mean|max[:higher|lower[:leading|lagging]]";
		return -1;
	}
	def->name = xstrndup(s, (size_t)(eq - s));
	def->agg = AGG_SUM;
	def->higher_better = 1;
	def->leading = 1;
	p = eq + 1;
	for (i = 0; i < 3 && *p != '\0'; i++) {
		colon = strchr(p, ':');
		n = colon != NULL ? (size_t)(colon - p) : strlen(p);
		if (n >= sizeof(part)) {
			*why = "unknown word in metric declaration";
			return -1;
		}
		memcpy(part, p, n);
		part[n] = '\0';
		if (i == 0 && strcmp(part, "sum") == 0)
			def->agg = AGG_SUM;
		else if (i == 0 && strcmp(part, "mean") == 0)
			def->agg = AGG_MEAN;
		else if (i == 0 && strcmp(part, "max") == 0)
			def->agg = AGG_MAX;
		else if (i == 1 && (strcmp(part, "higher") == 0 ||
		    strcmp(part, "lower") == 0))
			def->higher_better = part[0] == 'h';
		else if (i == 2 && (strcmp(part, "leading") == 0 ||
		    strcmp(part, "lagging") == 0))
			def->leading = part[1] == 'e';
		else {
			*why = i == 0 ? "aggregate must be sum, mean or max" :
			    i == 1 ? "direction must be higher or lower" :
			    "kind must be leading or lagging";
			return -1;
		}
		if (colon == NULL)
			break;
		p = colon + 1;
	}
	return 0;
}
