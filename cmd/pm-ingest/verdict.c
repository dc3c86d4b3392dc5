/*
 * A file none of whose records gave a fact (SPEC section 12): a cron
 * job must not succeed on an export pm-ingest did not understand.  The
 * second pass notes why each record gave none; at the end of such a
 * file, one line names the most common reason and what would help.
 * Reasons are grouped by their shape, the quoted values left out:
 * "Close Date: '2/31/2026' is not a date" and "Close Date: '13/1/2026'
 * is not a date" are one reason.
 */
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "ingest.h"

/* The reason without its quoted values, into buf. */
static void
shape(const char *reason, char *buf, size_t cap)
{
	size_t o = 0;
	int q = 0;
	const char *p;

	for (p = reason; *p != '\0' && o + 4 < cap; p++) {
		if (*p == '\'' && (q || p == reason || p[-1] == ' ' ||
		    p[-1] == '(')) {
			if (!q) {
				memcpy(buf + o, "'...'", 5);
				o += 5 < cap - o - 1 ? 5 : 0;
			}
			q = !q;
			continue;
		}
		if (!q)
			buf[o++] = *p;
	}
	buf[o] = '\0';
}

void
verdict_note(struct verdict *v, const char *reason)
{
	char s[sizeof(v->why[0].shape)];
	int i;

	v->tried++;
	shape(reason, s, sizeof(s));
	for (i = 0; i < v->nwhy; i++)
		if (strcmp(v->why[i].shape, s) == 0) {
			v->why[i].n++;
			return;
		}
	if (v->nwhy == VERDICT_REASONS)
		return;		/* the most common one is among the first */
	memcpy(v->why[v->nwhy].shape, s, sizeof(s));
	v->why[v->nwhy++].n = 1;
}

/* The owner columns of the file, for the message. */
static void
owner_columns(const struct input *in, char *buf, size_t cap)
{
	const struct owners *o = &in->fc.map.own;
	size_t len = 0;
	int j, k;

	buf[0] = '\0';
	for (j = 0; j < o->n && len < cap; j++) {
		k = snprintf(buf + len, cap - len, "%s%s", j ? ", " : "",
		    in->fc.hdr[o->col[j]]);
		if (k < 0)
			break;
		len += (size_t)k;
	}
}

/* What would help a file whose records all fail for this reason. */
static void
hint(const struct input *in, const char *why, char *buf, size_t cap)
{
	char cols[512];

	if (strstr(why, "empty rep") != NULL) {
		owner_columns(in, cols, sizeof(cols));
		snprintf(buf, cap, "column%s %s %s empty: map the owner with "
		    "-m rep=COLUMN", in->fc.map.own.n > 1 ? "s" : "", cols,
		    in->fc.map.own.n > 1 ? "are" : "is");
	} else if (strstr(why, "not a date") != NULL ||
	    strstr(why, "contradicts") != NULL)
		snprintf(buf, cap, "map the date with -m close_date=COLUMN "
		    "(or -m date=COLUMN), or give --date-format");
	else if (strstr(why, "order unknown") != NULL)
		snprintf(buf, cap, "give --date-format dmy|mdy|ymd");
	else if (strstr(why, "currenc") != NULL || strstr(why, "rate") !=
	    NULL)
		snprintf(buf, cap, "give --rates FILE to convert, or "
		    "-m currency=COLUMN");
	else if (strstr(why, "as an amount") != NULL)
		snprintf(buf, cap, "map the amount with -m amount=COLUMN%s",
		    strstr(why, "decimal comma") != NULL ? ", or check "
		    "--encoding" : ", or give --decimal-comma");
	else if (strstr(why, "empty stage") != NULL)
		snprintf(buf, cap, "map the stage with -m stage=COLUMN, or "
		    "say what it is with -f FORMAT");
	else if (strstr(why, "activity type") != NULL)
		snprintf(buf, cap, "say the kind with --kind "
		    "calls|emails|meetings|tasks, or -m type=COLUMN");
	else if (strstr(why, "activity date") != NULL ||
	    strstr(why, "close date") != NULL)
		snprintf(buf, cap, "map the date with -m date=COLUMN or "
		    "-m close_date=COLUMN");
	else if (strstr(why, "fields, found") != NULL)
		snprintf(buf, cap, "give the delimiter with -d C");
	else if (strstr(why, "not completed") != NULL)
		snprintf(buf, cap, "only completed or held activities count");
	else
		snprintf(buf, cap, "see -v for the columns read, --rejects "
		    "FILE for each record, -f and -m to say otherwise");
}

int
verdict_say(const struct verdict *v, const struct input *in, long ok)
{
	char help[1024];
	int i, best = 0;

	if (ok > 0 || v->tried == 0 || in->fc.fmt == NULL)
		return 0;
	for (i = 1; i < v->nwhy; i++)
		if (v->why[i].n > v->why[best].n)
			best = i;
	hint(in, v->why[best].shape, help, sizeof(help));
	pm_warn("%s: no record gave a fact: %ld of %ld %s (%s)", in->name,
	    v->why[best].n, v->tried, v->why[best].shape, help);
	return 1;
}
