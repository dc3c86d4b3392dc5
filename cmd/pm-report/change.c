/*
 * What changed, and why (SPEC section 15): a rep's revenue change from
 * the previous period split into deals won and average deal.  Revenue
 * is deals_won x avg_deal, so ln(R1/R0) = ln(D1/D0) + ln(A1/A0): each
 * factor's share of the change R1 - R0 is its logarithm's share of
 * ln(R1/R0), and the two shares add up to the change exactly (the log
 * split; a share of a difference would leave an interaction term).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "report.h"
#include "model.h"

/* The leaderboard's largest moves explained (SPEC: three). */
#define CHANGE_MOVES 3

/* The value the sheet compares: the projection while a period runs. */
static int
value(const struct model *c, int period, int rep, const char *metric,
    double *v)
{
	int m = (int)scores_metric(c->s, metric);
	const struct score_row *x;

	if (m == (int)SC_NONE || (x = model_row(c, period, rep, m)) == NULL)
		return 0;
	if (scores_known(x, SC_PROJECTED)) {
		*v = model_num(x, SC_PROJECTED);
		return 1;
	}
	if (scores_known(x, SC_ACTUAL)) {
		*v = model_num(x, SC_ACTUAL);
		return 1;
	}
	return 0;
}

int
change_split(double r0, double r1, double d0, double d1, double *by_deals,
    double *by_avg)
{
	double a0, a1, l;

	if (!(r0 > 0 && r1 > 0 && d0 > 0 && d1 > 0) || r0 == r1)
		return 0;
	a0 = r0 / d0;
	a1 = r1 / d1;
	l = log(r1 / r0);
	*by_deals = (r1 - r0) * log(d1 / d0) / l;
	*by_avg = (r1 - r0) * log(a1 / a0) / l;
	return 1;
}

/* "+8,550" or "-21,150". */
static char *
signed_amount(double v, char *buf)
{
	char t[FMT_BUFSIZE];

	fmt_amount(fabs(v), t);
	snprintf(buf, FMT_BUFSIZE, "%c%.*s", v < 0 && strcmp(t, "0") != 0 ?
	    '-' : '+', FMT_BUFSIZE - 2, t);
	return buf;
}

/* The sentence into text (size 512 at least); 0 when there is none. */
static int
change_text(const struct model *c, const struct model_rep *r, char *text,
    size_t size)
{
	const struct scores *s = c->s;
	char b[6][FMT_BUFSIZE];
	double r0, r1, d0, d1, bd, ba, diff;
	int p = c->sel;
	long n;

	if (p == 0 || !scores_periods_adjacent(s->period_key[p - 1],
	    s->period_key[p]) || !value(c, p - 1, r->id, "revenue", &r0) ||
	    !value(c, p, r->id, "revenue", &r1))
		return 0;
	if (r0 <= 0) {
		snprintf(text, size, "Revenue %s in %s, none in %s",
		    fmt_amount(r1, b[0]), s->period_key[p], s->period_key[p - 1]);
		return 1;
	}
	diff = (r1 - r0) / r0 * 100;
	snprintf(text, size, "Revenue %s vs %s (%s to %s)",
	    fmt_change(diff, b[0]), s->period_key[p - 1], fmt_amount(r0, b[1]),
	    fmt_amount(r1, b[2]));
	if (value(c, p - 1, r->id, "deals_won", &d0) &&
	    value(c, p, r->id, "deals_won", &d1) &&
	    change_split(r0, r1, d0, d1, &bd, &ba)) {
		n = lround(d1 - d0);
		fmt_amount(d0, b[3]);
		fmt_amount(d1, b[4]);
		if (fabs(d1 - d0) < 0.005)
			snprintf(text + strlen(text), size -
			    strlen(text), ": as many deals won (%s, %s)", b[4],
			    signed_amount(bd, b[5]));
		else if (fabs(d1 - d0 - (double)n) < 0.005)
			snprintf(text + strlen(text), size -
			    strlen(text), ": %ld %s deal%s won (%s to %s, %s)",
			    labs(n), n < 0 ? "fewer" : "more",
			    labs(n) == 1 ? "" : "s", b[3], b[4],
			    signed_amount(bd, b[5]));
		else
			snprintf(text + strlen(text), size -
			    strlen(text), ": deals won %s (%s to %s, %s)",
			    fmt_change((d1 - d0) / d0 * 100, b[0]), b[3], b[4],
			    signed_amount(bd, b[5]));
		snprintf(text + strlen(text), size - strlen(text),
		    ", average deal %s (%s to %s, %s)",
		    fmt_change((r1 / d1 - r0 / d0) / (r0 / d0) * 100, b[0]),
		    fmt_amount(r0 / d0, b[1]), fmt_amount(r1 / d1, b[2]),
		    signed_amount(ba, b[3]));
	}
	return 1;
}

void
change_sheet(struct doc *d, const struct model *c, const struct model_rep *r)
{
	char text[512];

	if (change_text(c, r, text, sizeof(text)))
		doc_item(d, "What changed", text);
}

/* Places gained (negative: lost) on the leaderboard; 0 when unknown. */
static int
move_of(const struct model *c, const struct model_rep *r, double *mv)
{
	const struct score_row *x, *y;

	if (c->sel == 0 || (x = model_row(c, c->sel, r->id, c->lbm)) == NULL ||
	    (y = model_row(c, c->sel - 1, r->id, c->lbm)) == NULL ||
	    !scores_known(x, SC_RANK) || !scores_known(y, SC_RANK))
		return 0;
	*mv = model_num(y, SC_RANK) - model_num(x, SC_RANK);
	return *mv != 0;
}

void
change_moves(struct doc *d, const struct model *c)
{
	int pick[CHANGE_MOVES], n = 0, k, i, j;
	double mv, best;
	char text[512], line[640], *who;

	for (i = 0; i < CHANGE_MOVES; i++) {
		pick[i] = -1;
		best = 0;
		/* The largest move not picked yet, the board's order on ties. */
		for (k = 0; k < c->nreps; k++) {
			for (j = 0; j < n && pick[j] != k; j++)
				;
			if (j < n || !move_of(c, &c->reps[k], &mv) ||
			    fabs(mv) <= best)
				continue;
			best = fabs(mv);
			pick[i] = k;
		}
		if (pick[i] < 0)
			break;
		n++;
	}
	for (i = 0; i < n; i++) {
		(void)move_of(c, &c->reps[pick[i]], &mv);
		if (i == 0)
			doc_para(d, "The largest moves, and why:");
		who = model_who(c, &c->reps[pick[i]]);
		if (change_text(c, &c->reps[pick[i]], text, sizeof(text)))
			snprintf(line, sizeof(line), "%s %.0f place%s. %s",
			    mv > 0 ? "up" : "down", fabs(mv),
			    fabs(mv) == 1 ? "" : "s", text);
		else
			snprintf(line, sizeof(line), "%s %.0f place%s",
			    mv > 0 ? "up" : "down", fabs(mv),
			    fabs(mv) == 1 ? "" : "s");
		doc_item(d, who, line);
		free(who);
	}
}
