/*
 * Unit tests for pm-ingest's activities (SPEC 12): a header and a
 * sample row of each shape as the CRM writes it, to the format, the
 * file's kind and the record's fact, each worked out by hand from the
 * CRM's documentation of its fields.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "date.h"
#include "../../cmd/pm-ingest/ingest.h"

#define MAXF 32

struct line {
	struct csv_row r;
	char *f[MAXF];
	size_t len[MAXF];
	char buf[1024];
};

/* Splits s at '|' (no field here holds one): empty fields kept. */
static void
split(struct line *l, const char *s)
{
	char *p, *bar;
	size_t n = 0;

	snprintf(l->buf, sizeof(l->buf), "%s", s);
	for (p = l->buf; n < MAXF; p = bar + 1) {
		bar = strchr(p, '|');
		if (bar != NULL)
			*bar = '\0';
		l->f[n] = p;
		l->len[n] = strlen(p);
		n++;
		if (bar == NULL)
			break;
	}
	l->r.n = n;
	l->r.f = l->f;
	l->r.len = l->len;
	l->r.line = 2;
}

struct file {
	struct line hdr;
	struct filectx fc;
};

/* The format detected for the header; NULL-safe name. */
static const char *
open_file(struct file *fl, const char *path, const char *header)
{
	int f;

	memset(fl, 0, sizeof(*fl));
	split(&fl->hdr, header);
	fl->fc.name = path;
	fl->fc.fmt = format_detect(&fl->hdr.r, &fl->fc.map);
	fl->fc.hdr = fl->hdr.f;
	fl->fc.hdr_n = fl->hdr.r.n;
	for (f = 0; f < NFIELD; f++)
		fl->fc.order[f] = DO_MDY;
	if (fl->fc.fmt == NULL)
		return "none";
	if (fl->fc.fmt->kind == K_ACTIVITIES)
		fl->fc.kind = format_activity_kind(&fl->hdr.r, path,
		    &fl->fc.kind_forced);
	return fl->fc.fmt->name;
}

/*
 * The record's fact as "metric@YYYY-MM-DD", "not completed", or
 * "reject: reason".
 */
static const char *
convert(struct file *fl, const char *row, char *out, size_t cap)
{
	struct line l;
	struct rules ru;
	static struct rec r;
	char day[11];

	memset(&ru, 0, sizeof(ru));
	split(&l, row);
	if (record_convert(&fl->fc, &ru, &l.r, &r) != 0)
		snprintf(out, cap, "reject: %s", r.reason);
	else if (r.outcome == O_NOTDONE)
		snprintf(out, cap, "not completed");
	else if (r.outcome == O_SKIP)
		snprintf(out, cap, "skipped");
	else if (r.nfacts != 1)
		snprintf(out, cap, "%d facts", r.nfacts);
	else {
		date_format(r.facts[0].day, day);
		snprintf(out, cap, "%.*s@%s", (int)r.facts[0].mlen,
		    r.facts[0].metric, day);
	}
	return out;
}

#define SF_TASK "Id|WhoId|WhatId|Subject|ActivityDate|Status|Priority|" \
	"OwnerId|Description|Type|IsClosed|CreatedDate|TaskSubtype|CallType|" \
	"CallDurationInSeconds|CompletedDateTime"

static void
salesforce_task(void **state)
{
	struct file fl;
	char b[1200];

	(void)state;
	assert_string_equal(open_file(&fl, "Task.csv", SF_TASK),
	    "activities");
	assert_string_equal(fl.fc.kind, "tasks");
	assert_false(fl.fc.kind_forced);
	/* TaskSubtype Call; the completion date before the due date. */
	assert_string_equal(convert(&fl, "00T1|||Call|2026-03-05|Completed|"
	    "Normal|005A||Call|true|2026-03-01T09:00:00.000Z|Call|Outbound|"
	    "300|2026-03-02T15:04:05.000Z", b, sizeof(b)),
	    "calls@2026-03-02");
	/* Subtype Task, no Type, a call's fields filled: a call. */
	assert_string_equal(convert(&fl, "00T2|||Logged|2026-03-20|"
	    "Completed|Normal|005A|||true|2026-03-20T17:00:00.000Z|Task|"
	    "Inbound|120|", b, sizeof(b)), "calls@2026-03-20");
	/* Subtype Task, Type Email: an e-mail; no completion date. */
	assert_string_equal(convert(&fl, "00T3|||Mail|2026-03-06|Completed|"
	    "Normal|005A||Email|true|2026-03-01T09:00:00.000Z|Task|||", b,
	    sizeof(b)), "emails@2026-03-06");
	/* ListEmail; Type Other and subtype Task: a task. */
	assert_string_equal(convert(&fl, "00T4|||Promo|2026-03-07|Completed|"
	    "Normal|005A|||true|2026-03-01T09:00:00.000Z|ListEmail|||", b,
	    sizeof(b)), "emails@2026-03-07");
	assert_string_equal(convert(&fl, "00T5|||Prep|2026-03-08|Completed|"
	    "Normal|005A||Other|true|2026-03-01T09:00:00.000Z|Task|||", b,
	    sizeof(b)), "tasks@2026-03-08");
	/* Open ones, whatever their (future) due date: skipped. */
	assert_string_equal(convert(&fl, "00T6|||Later|2027-01-01|"
	    "Not Started|High|005A|||false|2026-03-01T09:00:00.000Z|Task|||",
	    b, sizeof(b)), "not completed");
	assert_string_equal(convert(&fl, "00T7|||Later|2026-03-09|"
	    "Waiting on someone else|High|005A||Call|false|"
	    "2026-03-01T09:00:00.000Z|Call|||", b, sizeof(b)),
	    "not completed");
	/* IsClosed decides over a custom status word. */
	assert_string_equal(convert(&fl, "00T8|||Done|2026-03-10|Wrapped up|"
	    "Normal|005A|||1|2026-03-01 09:00:00|Task|||", b, sizeof(b)),
	    "tasks@2026-03-10");
}

static void
salesforce_export_all(void **state)
{
	struct file fl;
	char b[256];

	(void)state;
	/* Export All: IsDeleted 1 is skipped, not counted. */
	assert_string_equal(open_file(&fl, "Task.csv", "Id|Subject|"
	    "ActivityDate|Status|OwnerId|IsClosed|IsDeleted"), "activities");
	assert_string_equal(convert(&fl, "00T1|A|2026-03-02|Completed|005A|1|"
	    "1", b, sizeof(b)), "skipped");
	assert_string_equal(convert(&fl, "00T2|B|2026-03-03|Completed|005A|1|"
	    "0", b, sizeof(b)), "tasks@2026-03-03");
}

static void
salesforce_task_without_subtype(void **state)
{
	struct file fl;
	char b[1200];

	(void)state;
	assert_string_equal(open_file(&fl, "export.csv", "ID|WHOID|WHATID|"
	    "SUBJECT|ACTIVITYDATE|STATUS|PRIORITY|OWNERID|TYPE|ISCLOSED|"
	    "CREATEDDATE|CALLTYPE|CALLDURATIONINSECONDS"), "activities");
	assert_string_equal(fl.fc.kind, "tasks");
	/* No type, no due date: a task on its created date. */
	assert_string_equal(convert(&fl, "00T1|||Send|||Normal|005B||1|"
	    "2023-01-25 14:00:00||", b, sizeof(b)), "tasks@2023-01-25");
	assert_string_equal(convert(&fl, "00T2|||Rang|2023-02-02|Completed|"
	    "Normal|005B||1|2023-02-02 08:00:00|Inbound|65", b, sizeof(b)),
	    "calls@2023-02-02");
}

static void
salesforce_event(void **state)
{
	struct file fl;
	char b[1200];

	(void)state;
	assert_string_equal(open_file(&fl, "Event.csv", "Id|WhoId|WhatId|"
	    "Subject|IsAllDayEvent|ActivityDateTime|ActivityDate|"
	    "DurationInMinutes|OwnerId|Type|CreatedDate"), "activities");
	assert_string_equal(fl.fc.kind, "meetings");
	assert_true(fl.fc.kind_forced);
	/* An Event is a meeting, even of Type Call. */
	assert_string_equal(convert(&fl, "00U1|||CFO|false|"
	    "2026-03-17T13:30:00.000Z|2026-03-17|30|005A|Call|"
	    "2026-03-01T12:00:00.000Z", b, sizeof(b)), "meetings@2026-03-17");
	/* All day: ActivityDateTime empty, ActivityDate the day. */
	assert_string_equal(convert(&fl, "00U2|||Offsite|true||2026-03-10|"
	    "1440|005A|Other|2026-02-26T12:00:00.000Z", b, sizeof(b)),
	    "meetings@2026-03-10");
	/*
	 * ActivityHistory: tasks and events in one export, IsTask says
	 * which; ActivityType Call on an event is still a meeting.
	 */
	assert_string_equal(open_file(&fl, "ah.csv", "Id|ActivityDate|"
	    "ActivityType|ActivitySubtype|DurationInMinutes|IsAllDayEvent|"
	    "IsClosed|IsTask|OwnerId|Status"), "activities");
	assert_string_equal(fl.fc.kind, "tasks");
	assert_false(fl.fc.kind_forced);
	assert_string_equal(convert(&fl, "00T1|2026-03-02|Call|Call||false|"
	    "true|true|005A|Completed", b, sizeof(b)), "calls@2026-03-02");
	assert_string_equal(convert(&fl, "00U1|2026-03-03|Call|Event|30|false|"
	    "true|false|005A|", b, sizeof(b)), "meetings@2026-03-03");
	assert_string_equal(convert(&fl, "00T2|2026-03-04|Other|Task||false|"
	    "true|true|005B|Completed", b, sizeof(b)), "tasks@2026-03-04");
	/* EventSubtype, spelt as a report spells it: a type column. */
	assert_string_equal(open_file(&fl, "x.csv", "Assigned|Subject|"
	    "Event Subtype|Start|End"), "activities");
	assert_int_not_equal(fl.fc.map.col[F_SUBTYPE], -1);
	assert_string_equal(convert(&fl, "Ann|Demo|Event|3/3/2026 9:00 AM|"
	    "3/3/2026 10:00 AM", b, sizeof(b)), "meetings@2026-03-03");
}

static void
dynamics_views(void **state)
{
	struct file fl;
	char b[1200];

	(void)state;
	/* Appointments: a start and an end, no type: meetings. */
	assert_string_equal(open_file(&fl, "Appointments.csv", "Subject|"
	    "Start Time|End Time|Status|Owner|Regarding|Created On"),
	    "activities");
	assert_string_equal(fl.fc.kind, "meetings");
	assert_string_equal(convert(&fl, "Review|3/2/2026 10:00 AM|"
	    "3/2/2026 11:00 AM|Completed|Nancy Davolio|Contoso|"
	    "2/20/2026 9:15 AM", b, sizeof(b)), "meetings@2026-03-02");
	assert_string_equal(convert(&fl, "Kickoff|4/20/2026 9:00 AM|"
	    "4/20/2026 10:00 AM|Scheduled|Nancy Davolio|Contoso|"
	    "3/28/2026 1:00 PM", b, sizeof(b)), "not completed");
	assert_string_equal(convert(&fl, "Lunch|3/20/2026 12:00 PM|"
	    "3/20/2026 1:00 PM|Canceled|Andrew Fuller||3/2/2026 8:00 AM", b,
	    sizeof(b)), "not completed");
	/* Emails: the kind from the file's name; Actual End, else Created. */
	assert_string_equal(open_file(&fl, "exports/Emails.csv", "Subject|"
	    "Regarding|Priority|Due Date|Actual End|Status|Owner|Created On"),
	    "activities");
	assert_string_equal(fl.fc.kind, "emails");
	assert_string_equal(convert(&fl, "Quote|Contoso|Normal||"
	    "3/3/2026 10:15 AM|Sent|Nancy Davolio|3/3/2026 10:10 AM", b,
	    sizeof(b)), "emails@2026-03-03");
	assert_string_equal(convert(&fl, "News||Low|||Sent|Andrew Fuller|"
	    "2/27/2026 11:00 AM", b, sizeof(b)), "emails@2026-02-27");
	assert_string_equal(convert(&fl, "Draft|Fabrikam|High|3/30/2026||"
	    "Draft|Nancy Davolio|3/20/2026", b, sizeof(b)), "not completed");
	/* The same view under a name that says nothing: --kind wanted. */
	open_file(&fl, "view.csv", "Subject|Regarding|Priority|Due Date|"
	    "Actual End|Status|Owner|Created On");
	assert_null(fl.fc.kind);
	assert_string_equal(convert(&fl, "Quote|Contoso|Normal||3/3/2026|"
	    "Sent|Nancy Davolio|3/3/2026", b, sizeof(b)),
	    "reject: no activity type: no column says it");
	/* Phone Calls: Made and Received happened, Open did not. */
	assert_string_equal(open_file(&fl, "v.csv", "Subject|Phone Number|"
	    "Direction|Regarding|Status Reason|Owner|Due|Actual End|"
	    "Created On"), "activities");
	assert_string_equal(fl.fc.kind, "calls");
	assert_string_equal(convert(&fl, "Renewal|+1 425 555 0100|Outgoing|"
	    "Contoso|Made|Nancy Davolio|3/5/2026 2:00 PM|3/5/2026 2:20 PM|"
	    "3/4/2026 9:00 AM", b, sizeof(b)), "calls@2026-03-05");
	assert_string_equal(convert(&fl, "Back|+1 425 555 0199|Outgoing|"
	    "Fabrikam|Open|Andrew Fuller|4/1/2026 10:00 AM||3/20/2026", b,
	    sizeof(b)), "not completed");
}

static void
call_logs(void **state)
{
	struct file fl;
	char b[1200];

	(void)state;
	/* CallType is the call's category, not its kind. */
	assert_string_equal(open_file(&fl, "log.csv", "Date|Agent|CallType"),
	    "activities");
	assert_string_equal(fl.fc.kind, "calls");
	assert_string_equal(convert(&fl, "2026-03-02|Ann Lee|Billing", b,
	    sizeof(b)), "calls@2026-03-02");
	/* Even mapped as the type by hand. */
	fl.fc.map.col[F_TYPE] = 2;
	assert_string_equal(convert(&fl, "2026-03-02|Ann Lee|Support", b,
	    sizeof(b)), "calls@2026-03-02");
	/* Answered (Y/N) N: not a call done. */
	assert_string_equal(open_file(&fl, "c.csv", "Call Id|Agent|Date|Time|"
	    "Topic|Answered (Y/N)|Resolved"), "activities");
	assert_string_equal(fl.fc.kind, "calls");
	assert_string_equal(convert(&fl, "ID1|Diane|2021-01-01|9:12:58|"
	    "Contract related|Y|Y", b, sizeof(b)), "calls@2021-01-01");
	assert_string_equal(convert(&fl, "ID6|Stewart|2021-01-01|10:00:29|"
	    "Contract related|N|N", b, sizeof(b)), "not completed");
	/* A direction and a duration: a dialer's calls... */
	open_file(&fl, "dialer.csv", "Agent|Date|Direction|Duration");
	assert_string_equal(fl.fc.kind, "calls");
	/* ...unless the name says e-mails, which have a direction too. */
	open_file(&fl, "Emails.csv", "Subject|Direction|Regarding|Status|"
	    "Owner|Actual End|Created On");
	assert_string_equal(fl.fc.kind, "emails");
	/* Zoho CRM Calls: Call Type Missed is no call done. */
	assert_string_equal(open_file(&fl, "Calls.csv", "Subject|Call Type|"
	    "Call Start Time|Call Duration|Call Owner|Call Status"),
	    "activities");
	assert_string_equal(convert(&fl, "Intro|Outbound|03/02/2026 10:00 AM|"
	    "05:00|Ann Lee|Completed", b, sizeof(b)), "calls@2026-03-02");
	assert_string_equal(convert(&fl, "Back|Missed|03/03/2026 10:00 AM|"
	    "00:00|Ann Lee|Completed", b, sizeof(b)), "not completed");
	/* A dialer's log: the disposition says whether it was answered. */
	assert_string_equal(open_file(&fl, "log.csv", "Call Date|Agent Name|"
	    "Phone Number|Disposition|Talk Time"), "activities");
	assert_string_equal(fl.fc.kind, "calls");
	assert_string_equal(convert(&fl, "2026-03-09|Ann Lee|555 0100|Sale|"
	    "00:04:10", b, sizeof(b)), "calls@2026-03-09");
	assert_string_equal(convert(&fl, "2026-03-09|Ann Lee|555 0101|"
	    "No Answer|00:00:00", b, sizeof(b)), "not completed");
	/* SugarCRM Meetings: Date Start, Date End, Held / Not Held. */
	assert_string_equal(open_file(&fl, "export.csv", "Subject|Status|"
	    "Date Start|Date End|Assigned User Name"), "activities");
	assert_string_equal(fl.fc.kind, "meetings");
	assert_string_equal(convert(&fl, "Demo|Held|2026-03-05 10:00|"
	    "2026-03-05 11:00|Sally Bronsen", b, sizeof(b)),
	    "meetings@2026-03-05");
	assert_string_equal(convert(&fl, "QBR|Not Held|2026-03-06 10:00|"
	    "2026-03-06 11:00|Sally Bronsen", b, sizeof(b)), "not completed");
	/* A type column in a file of calls: Inbound is a category too. */
	open_file(&fl, "d.csv", "Agent|Date|Type|Call Duration");
	assert_string_equal(convert(&fl, "Bo|2026-03-04|Inbound|00:03:10", b,
	    sizeof(b)), "calls@2026-03-04");
}

static void
not_deals(void **state)
{
	struct file fl;

	(void)state;
	/* An owner and a status with nothing a deal has: no deal export. */
	assert_string_equal(open_file(&fl, "t.csv", "Owner|Status|"
	    "Created On"), "none");
	assert_string_equal(open_file(&fl, "t.csv", "Owner|Status|Amount|"
	    "Created On"), "generic");
	/* A Salesforce Task with its owner id is activities, not deals. */
	assert_string_equal(open_file(&fl, "t.csv", "Id|Subject|ActivityDate|"
	    "Status|OwnerId|IsClosed"), "activities");
	/* An owner and a date alone say nothing. */
	assert_string_equal(open_file(&fl, "t.csv", "Agent|Date|Notes"),
	    "none");
}

static void
kinds_by_name(void **state)
{
	(void)state;
	assert_string_equal(format_kind_by_name("call"), "calls");
	assert_string_equal(format_kind_by_name("Meetings"), "meetings");
	assert_string_equal(format_kind_by_name("email"), "emails");
	assert_string_equal(format_kind_by_name("task"), "tasks");
	assert_null(format_kind_by_name("demo"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(salesforce_task),
		cmocka_unit_test(salesforce_export_all),
		cmocka_unit_test(salesforce_task_without_subtype),
		cmocka_unit_test(salesforce_event),
		cmocka_unit_test(dynamics_views),
		cmocka_unit_test(call_logs),
		cmocka_unit_test(not_deals),
		cmocka_unit_test(kinds_by_name),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
