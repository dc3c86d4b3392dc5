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

/* A coaching plan's verdict, read back from pm-flag's notes (followup.c). */
struct followup {
	int rep;		/* index into model.reps */
	int verdict;		/* index into followup.c's verdicts */
	int parsed;		/* the note follows pm-flag's grammar */
	char *text;		/* the note as written */
	char *metric, *from, *to, *period, *focus, *coach;
	int pct, has_base, has_change, has_progress, has_drift, tide, over;
	double base, now, goal, change, progress, drift;
	int k, n;		/* periods gone, periods of the plan */
};

struct model {
	const struct scores *s;
	const struct report_opts *op;
	int sel;		/* the period reported on */
	int lbm;		/* leaderboard metric */
	int score;		/* metric `score`, or -1 */
	int in_progress;
	struct scores_pick pick;	/* how sel was chosen (no -P) */
	int has_teams;
	int by_team;		/* ranks are within teams (pm-score --by-team) */
	struct model_rep *reps;	/* in leaderboard order */
	int nreps;
	const char **teams;	/* --team, as the table spells them */
	int nteams;
	struct followup *fu;	/* the plans judged in the period */
	int nfu;
	struct sheets_cache *sheets;	/* sheets.c's, made by the first sheet */
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

/* A flag's label for a manager ("Underperformer"), or the flag itself. */
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
/* The row of rep and metric in period, or NULL (period or metric < 0). */
const struct score_row *model_row(const struct model *c, int period, int rep, int metric);
/* Whether a higher value of metric is better (metrics.h's table). */
int model_higher_better(const struct model *c, int metric);
/* What r is judged on, into *v: the pace while it runs, else attainment. */
int model_judged(const struct score_row *r, double *v);
/* The name of rep id rep, as the table spells it. */
const char *model_name(const struct model *c, int rep);
/* "Name (Team)", or the name alone without a team; allocated. */
char *model_who(const struct model *c, const struct model_rep *r);
/*
 * The period reported on: -P, else the latest with a projection unless
 * it has only just begun (common/scores.c, as pm-flag); how, in c->pick.
 */
int model_pick_period(struct model *c);
/* The leaderboard metric: score, else revenue, else the first. */
int model_pick_metric(const struct model *c);
/* The period's reps in leaderboard order, with their flags, into c. */
void model_collect_reps(struct model *c);
/* --team: the teams named, as the table spells them; exit 65 if absent. */
void model_resolve_teams(struct model *c);
/* Whether a rep of team belongs in the report (all, or a --team). */
int model_in_scope(const struct model *c, const char *team);
/* The roll-up team of a total: team, "*", the one --team, or NULL. */
const char *model_scope_rollup(const struct model *c, const char *team);
/* Flag f of r, or NULL when r does not have it. */
const struct model_flag *model_has_flag(const struct model_rep *r,
    const char *f);
/* The last MODEL_TREND values of column col up to the period reported on. */
void model_trend(const struct model *c, int rep, int metric, int col,
    struct series *s, double *v, unsigned char *known);
/* The total of metric for team (NULL: the report's); 1 if from roll-ups. */
int model_team_total(const struct model *c, int period, int metric,
    const char *team, struct model_total *tt);
/* The previous period's total from the prev column; 0 when unknown. */
int model_prev_column(const struct model *c, int metric, const char *team,
    struct model_total *tt);
/* Attainment of actual against target in percent, as pm-score reckons it. */
int model_ratio(const struct model *c, int metric, double actual, double target,
    double *out);
/* Whether any row of metric in the period reported on has a target. */
int model_has_target(const struct model *c, int metric);
/* Metric ids in report order (score, revenue, ...; others by name). */
int model_metric_order(const struct model *c, int *ids);
/* The place of metric m in the report's order (unknown ones last). */
int model_metric_rank(const char *m);
/* Good or bad for a change of ch percent in metric (none when tiny). */
enum tone model_change_tone(const struct model *c, int metric, double ch);
/* Good at 100% and above, bad below 80%, else none. */
enum tone model_att_tone(double a);
/* A table cell of column col of r (metric's value or a percent), or empty. */
void model_num_cell(struct doc *d, const struct score_row *r, int col,
    enum tone tone, const char *metric);
/* Names of the reps with flag f1 (or f2), comma-joined into buf; how many. */
int model_names_with(const struct model *c, const char *f1, const char *f2,
    char *buf, size_t size);
/* The same, of the reps above zero on the leaderboard metric only. */
int model_names_above_zero(const struct model *c, const char *f1,
    const char *f2, char *buf, size_t size);
/* Whether rep's value of the leaderboard metric is above zero. */
int model_above_zero(const struct model *c, int rep);
/* Up to two coaching focus areas of r into out, the most specific first. */
int model_focus_areas(const struct model_rep *r, const char **out);
/* Whether r has a flag of the Coaching section. */
int model_needs_coaching(const struct model_rep *r);

/* The coaching plans in the notes of the period's rows, into c->fu. */
void followup_collect(struct model *c);
/* The "Coaching plans" section: every plan, its numbers and a bar. */
void followup_section(struct doc *d, struct model *c);
/* Rep k's plans in the rep's one-on-one sheet. */
void followup_sheet(struct doc *d, const struct model *c, int k);
/* The focus texts of rep k's running plans into out (max); how many. */
int followup_focus(const struct model *c, int k, const char **out, int max);

/* Whether a flag is one of learn.c's (shown there, not in the list). */
int learn_is_flag(const char *name);
/* Rep r's mentor pairings, both ways, and stretch, in the rep's sheet. */
void learn_sheet(struct doc *d, const struct model *c,
    const struct model_rep *r);
/* The "Learning from each other" section: every pairing and stretch. */
void learn_section(struct doc *d, const struct model *c);

/*
 * The log split of a revenue change r0 to r1 with deals won d0 to d1:
 * the deals' and the average deal's shares; 0 unless all are positive
 * and r1 differs from r0.
 */
int change_split(double r0, double r1, double d0, double d1,
    double *by_deals, double *by_avg);
/* Rep r's revenue change from the previous period, explained, in a sheet. */
void change_sheet(struct doc *d, const struct model *c,
    const struct model_rep *r);

/* The 3 largest moves of the leaderboard, each with its "what changed". */
void change_moves(struct doc *d, const struct model *c);

/* The one-on-one sheet of rep r. */
void sheets_one(struct doc *d, struct model *c, const struct model_rep *r);
/* The one-on-ones section: a sheet for every rep, each on its own page. */
void sheets_all(struct doc *d, struct model *c);

#endif
