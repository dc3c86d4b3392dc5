/*
 * Numbers for people: thousands separators, percentages, a metric's
 * value and name as a manager reads them; locale-independent.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "num.h"
#include "report.h"

static char *
group_thousands(const char *in, char *buf)
{
	const char *dot = strchr(in, '.'), *p = in;
	char *q = buf;
	size_t ndig, i;

	if (*p == '-')
		*q++ = *p++;
	ndig = (dot ? (size_t)(dot - p) : strlen(p));
	for (i = 0; i < ndig; i++) {
		if (i > 0 && (ndig - i) % 3 == 0)
			*q++ = ',';
		*q++ = p[i];
	}
	strcpy(q, p + ndig);
	return buf;
}

char *
fmt_amount(double v, char *buf)
{
	char tmp[NUM_BUFSIZE];

	/* Cents on a six-figure number are noise in a report. */
	if (fabs(v) >= 1000)
		double_format(v, 0, tmp);
	else
		fixed_format(fixed_from_double(v), 2, tmp);
	if (strcmp(tmp, "-0") == 0)
		strcpy(tmp, "0");
	return group_thousands(tmp, buf);
}

char *
fmt_pct(double v, char *buf)
{
	char tmp[NUM_BUFSIZE];

	double_format(v, 1, tmp);
	group_thousands(tmp, buf);
	strcat(buf, "%");
	return buf;
}

char *
fmt_change(double v, char *buf)
{
	char tmp[FMT_BUFSIZE];

	fmt_pct(v, tmp);
	snprintf(buf, FMT_BUFSIZE, "%s%s", v >= 0.05 ? "+" : "", tmp);
	if (strcmp(buf, "-0.0%") == 0)
		strcpy(buf, "0.0%");
	return buf;
}

char *
fmt_metric(const char *metric, double v, char *buf)
{
	char tmp[NUM_BUFSIZE];

	if (strcmp(metric, "win_rate") == 0)
		return fmt_pct(v, buf);
	if (strcmp(metric, "score") == 0) {
		double_format(v, 1, tmp);
		return strcpy(buf, tmp);
	}
	if (strcmp(metric, "coverage") == 0) {
		double_format(v, 2, tmp);
		snprintf(buf, FMT_BUFSIZE, "%sx", tmp);
		return buf;
	}
	if (strcmp(metric, "cycle_days") == 0) {
		double_format(v, 1, tmp);
		snprintf(buf, FMT_BUFSIZE, "%s d", tmp);
		return buf;
	}
	return fmt_amount(v, buf);
}

const char *
fmt_metric_label(const char *metric)
{
	static const char *const names[][2] = {
		{ "score", "Score" }, { "revenue", "Revenue" },
		{ "deals_won", "Deals won" }, { "deals_lost", "Deals lost" },
		{ "win_rate", "Win rate" }, { "avg_deal", "Average deal" },
		{ "largest_deal", "Largest deal" },
		{ "cycle_days", "Sales cycle" }, { "coverage", "Coverage" },
		{ "opps_created", "Opps created" },
		{ "pipeline_created", "Pipeline created" },
		{ "open_pipeline", "Open pipeline" }, { "calls", "Calls" },
		{ "emails", "Emails" }, { "meetings", "Meetings" },
		{ "tasks", "Tasks" },
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(names[i][0], metric) == 0)
			return names[i][1];
	return metric;
}
