/*
 * pm-report's model of the period reported on, shared by the sections
 * (sections.c) and the one-on-one sheets (sheets.c): see model.c.
 */
#ifndef PM_REPORT_MODEL_H
#define PM_REPORT_MODEL_H

#include "report.h"

#define MODEL_TREND 6			/* periods in a trend */
#define MODEL_MAXFLAGS 16

struct model_flag {
	char name[32];
	char *note;		/* the evidence, "" when none */
};

struct model_rep {
	int id;			/* rep id in the scores table */
	const char *team;
	struct model_flag fl[MODEL_MAXFLAGS];
	int nfl;
};

struct model {
	const struct scores *s;
	const struct report_opts *op;
	int sel;		/* the period reported on */
	int lbm;		/* leaderboard metric */
	int score;		/* metric `score`, or -1 */
	int in_progress;
	int has_teams;
	int by_team;		/* ranks are within teams (pm-score --by-team) */
	struct model_rep *reps;	/* in leaderboard order */
	int nreps;
	const char **teams;	/* --team, as the table spells them */
	int nteams;
};

struct model_total {
	double actual, projected, target;
	int has_actual, has_projected, has_target;
	/* As the roll-up row wrote them (pm-score's exact numbers). */
	double att, pace, change;
	int has_att, has_pace, has_change;
};

/* Flags of the Wins and Coaching sections, in the order shown. */
extern const char *const model_win_flags[];
extern const char *const model_coaching_flags[];

const char *model_flag_label(const char *f);
/* Column c of r as a double, for display (0 when unknown). */
double model_num(const struct score_row *r, enum sc_col c);
/* The id of metric name, or -1 when the table has none. */
int model_metric(const struct scores *s, const char *name);
/* The roll-up row (rep `*`) of team ("*" = everyone), or NULL. */
const struct score_row *model_rollup(const struct scores *s, int period,
    int metric, const char *team);
/* The team of r as written ("" when none). */
const char *model_team(const struct scores *s, const struct score_row *r);
const struct score_row *model_row(const struct model *c, int period, int rep, int metric);
int model_higher_better(const struct model *c, int metric);
int model_judged(const struct score_row *r, double *v);
const char *model_name(const struct model *c, int rep);
char *model_who(const struct model *c, const struct model_rep *r);
int model_pick_period(const struct model *c);
int model_pick_metric(const struct model *c);
void model_collect_reps(struct model *c);
/* --team: the teams named, as the table spells them; exit 65 if absent. */
void model_resolve_teams(struct model *c);
/* Whether a rep of team belongs in the report (all, or a --team). */
int model_in_scope(const struct model *c, const char *team);
/* The roll-up team of a total: team, "*", the one --team, or NULL. */
const char *model_scope_rollup(const struct model *c, const char *team);
const struct model_flag *model_has_flag(const struct model_rep *r,
    const char *f);
void model_trend(const struct model *c, int rep, int metric, int col,
    struct series *s, double *v, unsigned char *known);
int model_team_total(const struct model *c, int period, int metric,
    const char *team, struct model_total *tt);
int model_prev_column(const struct model *c, int metric, const char *team,
    struct model_total *tt);
int model_ratio(const struct model *c, int metric, double actual, double target,
    double *out);
int model_has_target(const struct model *c, int metric);
int model_metric_order(const struct model *c, int *ids);
int model_metric_rank(const char *m);
enum tone model_change_tone(const struct model *c, int metric, double ch);
enum tone model_att_tone(double a);
void model_num_cell(struct doc *d, const struct score_row *r, int col,
    enum tone tone, const char *metric);
int model_names_with(const struct model *c, const char *f1, const char *f2,
    char *buf, size_t size);
int model_focus_areas(const struct model_rep *r, const char **out);
int model_needs_coaching(const struct model_rep *r);

void sheets_one(struct doc *d, struct model *c, const struct model_rep *r);
void sheets_all(struct doc *d, struct model *c);

#endif
