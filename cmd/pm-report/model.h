/*
 * pm-report's model of the period reported on, shared by the sections
 * (sections.c) and the one-on-one sheets (sheets.c): see model.c.
 */
#ifndef PM_REPORT_MODEL_H
#define PM_REPORT_MODEL_H

#include "report.h"

#define TREND 6			/* periods in a trend */
#define MAXFLAGS 16

struct flag {
	char name[32];
	char *note;		/* the evidence, "" when none */
};

struct rep {
	int id;			/* rep id in the scores table */
	const char *team;
	struct flag fl[MAXFLAGS];
	int nfl;
};

struct ctx {
	const struct scores *s;
	const struct opts *op;
	int sel;		/* the period reported on */
	int lbm;		/* leaderboard metric */
	int score;		/* metric `score`, or -1 */
	int in_progress;
	int has_teams;
	int by_team;		/* ranks are within teams (pm-score --by-team) */
	struct rep *reps;	/* in leaderboard order */
	int nreps;
	const char **teams;	/* --team, as the table spells them */
	int nteams;
};

struct total {
	double actual, projected, target;
	int has_actual, has_projected, has_target;
	/* As the roll-up row wrote them (pm-score's exact numbers). */
	double att, pace, change;
	int has_att, has_pace, has_change;
};

/* Flags of the Wins and Coaching sections, in the order shown. */
extern const char *const win_flags[];
extern const char *const coaching_flags[];

const char *flag_label(const char *f);
/* Column c of r as a double, for display (0 when unknown). */
double model_num(const struct score_row *r, enum sc_col c);
/* The id of metric name, or -1 when the table has none. */
int model_metric(const struct scores *s, const char *name);
/* The roll-up row (rep `*`) of team ("*" = everyone), or NULL. */
const struct score_row *model_rollup(const struct scores *s, int period,
    int metric, const char *team);
/* The team of r as written ("" when none). */
const char *model_team(const struct scores *s, const struct score_row *r);
const struct score_row *row(const struct ctx *c, int period, int rep, int metric);
int higher_better(const struct ctx *c, int metric);
int judged(const struct score_row *r, double *v);
const char *name(const struct ctx *c, int rep);
char *who(const struct ctx *c, const struct rep *r);
int pick_period(const struct ctx *c);
int pick_metric(const struct ctx *c);
void collect_reps(struct ctx *c);
/* --team: the teams named, as the table spells them; exit 65 if absent. */
void resolve_teams(struct ctx *c);
/* Whether a rep of team belongs in the report (all, or a --team). */
int in_scope(const struct ctx *c, const char *team);
/* The roll-up team of a total: team, "*", the one --team, or NULL. */
const char *scope_rollup(const struct ctx *c, const char *team);
const struct flag *has_flag(const struct rep *r, const char *f);
void trend(const struct ctx *c, int rep, int metric, int col, struct series *s,
    double *v, unsigned char *known);
int team_total(const struct ctx *c, int period, int metric, const char *team,
    struct total *tt);
int prev_column(const struct ctx *c, int metric, const char *team,
    struct total *tt);
int ratio(const struct ctx *c, int metric, double actual, double target,
    double *out);
int has_target(const struct ctx *c, int metric);
int metric_order(const struct ctx *c, int *ids);
int metric_rank(const char *m);
enum tone change_tone(const struct ctx *c, int metric, double ch);
enum tone att_tone(double a);
void num_cell(struct doc *d, const struct score_row *r, int col, enum tone tone,
    const char *metric);
int names_with(const struct ctx *c, const char *f1, const char *f2, char *buf,
    size_t size);
int focus_areas(const struct rep *r, const char **out);
int needs_coaching(const struct rep *r);

void sheet(struct doc *d, struct ctx *c, const struct rep *r);
void sheets(struct doc *d, struct ctx *c);

#endif
