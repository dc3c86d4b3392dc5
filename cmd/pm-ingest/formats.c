/*
 * The format table.  Names are normalised once per header, never per
 * record: mapping a header is a few hundred string compares.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "err.h"
#include "facts.h"
#include "ingest.h"
#include "sort.h"

#define NORM 256

static const char *const field_names[NFIELD] = {
	"id", "rep", "account", "product", "team",
	"stage", "status", "won", "closed",
	"amount", "est_amount", "currency",
	"close_date", "won_date", "lost_date", "expected_close", "created",
	"type", "date", "metric", "value", "subtype",
	"line_amount", "deal_name",
	"done_date", "due_date", "sent_date", "call", "answered", "is_task",
	"deleted",
};

static const enum field req_facts[] = { F_DATE, F_REP, F_METRIC, F_VALUE,
	NFIELD };
static const enum field req_sf[] = { F_REP, F_STAGE, F_CLOSE, NFIELD };
static const enum field req_sfapi[] = { F_STAGE, F_CLOSE, NFIELD };
static const enum field req_hubspot[] = { F_REP, F_STAGE, NFIELD };
static const enum field req_pipedrive[] = { F_REP, F_STATUS, F_AMOUNT,
	NFIELD };
static const enum field req_zoho[] = { F_REP, F_STAGE, F_CLOSE, NFIELD };
/*
 * A Dynamics 365 view exported without its "(Do Not Modify)" columns
 * has an Owner and a Status and some of the revenue and close dates.
 */
static const enum field req_dynamics[] = { F_REP, F_STATUS, NFIELD };
static const enum field any_dynamics[] = { F_EXPECTED, F_CLOSE, F_AMOUNT,
	F_EST_AMOUNT, NFIELD };
/* And a date and a kind: activity_shaped(). */
static const enum field req_activities[] = { F_REP, NFIELD };
static const enum field req_generic[] = { F_REP, F_STAGE, NFIELD };

static const struct colspec cols_facts[] = {
	{ F_DATE, FACTS_DATE }, { F_REP, FACTS_REP },
	{ F_METRIC, FACTS_METRIC }, { F_VALUE, FACTS_VALUE },
	{ F_ACCOUNT, FACTS_ACCOUNT }, { F_PRODUCT, FACTS_PRODUCT },
	{ F_TEAM, FACTS_TEAM }, { F_ID, FACTS_REF },
	{ 0, NULL }
};

static const struct colspec cols_sf[] = {
	{ F_ID, "Opportunity ID|Opportunity 18 Digit ID|Record ID" },
	{ F_REP, "Opportunity Owner|Opportunity Owner: Full Name|"
	    "Owner Full Name" },
	{ F_ACCOUNT, "Account Name|Account Name: Account Name|Account" },
	{ F_PRODUCT, "Product Name|Product: Product Name|Product|"
	    "Product Family" },
	{ F_TEAM, "Owner Role|Opportunity Owner: Role|Sales Team|Team|Region" },
	{ F_STAGE, "Stage" },
	{ F_ISWON, "Won" },
	{ F_ISCLOSED, "Closed" },
	{ F_AMOUNT, "Amount|Amount (converted)" },
	/*
	 * "Opportunities with Products": one row per line item, the
	 * opportunity's Amount repeated on each.
	 */
	{ F_LINE_AMOUNT, "Total Price|Total Price (converted)|"
	    "Opportunity Product: Total Price|"
	    "Opportunity Product: Total Price (converted)" },
	{ F_DEAL_NAME, "Opportunity Name|Opportunity: Opportunity Name" },
	{ F_CURRENCY, "Amount Currency|Opportunity Currency|Currency" },
	{ F_CLOSE, "Close Date" },
	{ F_CREATED, "Created Date|Create Date" },
	{ 0, NULL }
};

static const struct colspec cols_sfapi[] = {
	{ F_ID, "Id|External_Id__c" },
	{ F_REP, "Owner.Name|OwnerName|Owner Name|OwnerId" },
	{ F_ACCOUNT, "Account.Name|AccountName|AccountId" },
	{ F_PRODUCT, "Product2.Name|ProductName" },
	{ F_TEAM, "Owner.UserRole.Name|Owner.Department|Owner.Division" },
	{ F_STAGE, "StageName" },
	{ F_ISWON, "IsWon" },
	{ F_ISCLOSED, "IsClosed" },
	{ F_AMOUNT, "Amount" },
	{ F_CURRENCY, "CurrencyIsoCode" },
	{ F_CLOSE, "CloseDate" },
	{ F_CREATED, "CreatedDate" },
	{ 0, NULL }
};

static const struct colspec cols_hubspot[] = {
	{ F_ID, "Record ID|Deal ID|Record ID - Deal|hs_object_id" },
	{ F_REP, "Deal owner|Deal Owner Name|HubSpot Owner|hubspot_owner_id|"
	    "Deal owner ID|HubSpot Owner ID" },
	{ F_ACCOUNT, "Associated Company|Associated Company (Primary)|"
	    "Company name|Company|Associated Company Name" },
	{ F_PRODUCT, "Product|Product name|Line Item Name" },
	{ F_TEAM, "HubSpot Team|Team|Deal owner team" },
	{ F_STAGE, "Deal Stage" },
	{ F_AMOUNT, "Amount|Amount in company currency" },
	{ F_CURRENCY, "Currency|Deal currency code" },
	{ F_CLOSE, "Close Date" },
	{ F_CREATED, "Create Date|Created Date" },
	{ 0, NULL }
};

static const struct colspec cols_pipedrive[] = {
	{ F_ID, "Deal - ID" },
	{ F_REP, "Deal - Owner|Deal - Owner name" },
	{ F_ACCOUNT, "Deal - Organization|Organization - Name" },
	{ F_PRODUCT, "Deal - Product|Deal - Product name" },
	{ F_TEAM, "Deal - Team|Deal - Owner team" },
	{ F_STAGE, "Deal - Stage" },
	{ F_STATUS, "Deal - Status" },
	{ F_AMOUNT, "Deal - Value" },
	{ F_CURRENCY, "Deal - Currency" },
	{ F_CLOSE, "Deal - Deal closed on|Deal - Close time" },
	{ F_WON_DATE, "Deal - Won time" },
	{ F_LOST_DATE, "Deal - Lost time" },
	{ F_EXPECTED, "Deal - Expected close date" },
	{ F_CREATED, "Deal - Add time|Deal - Deal created" },
	{ 0, NULL }
};

static const struct colspec cols_zoho[] = {
	{ F_ID, "Record Id|Deal Id|Id" },
	/* The API names: Owner (a lookup: Owner.name, Owner.id). */
	{ F_REP, "Deal Owner|Owner.name|Owner__name|Owner_Name|Owner|Owner.id|"
	    "Owner__id|Owner_Id|Deal Owner Id" },
	{ F_ACCOUNT, "Account Name" },
	{ F_PRODUCT, "Product Name|Product" },
	{ F_TEAM, "Territory|Territories|Team" },
	{ F_STAGE, "Stage" },
	{ F_AMOUNT, "Amount" },
	{ F_CURRENCY, "Currency" },
	{ F_CLOSE, "Closing Date" },
	{ F_CREATED, "Created Time|Created Date" },
	{ 0, NULL }
};

static const struct colspec cols_dynamics[] = {
	{ F_ID, "(Do Not Modify) Opportunity|Opportunity ID" },
	{ F_REP, "Owner" },
	{ F_ACCOUNT, "Potential Customer|Account" },
	{ F_PRODUCT, "Product|Existing Product" },
	{ F_TEAM, "Owning Business Unit|Business Unit|Owning Team" },
	{ F_STAGE, "Status Reason|Pipeline Phase" },
	{ F_STATUS, "Status" },
	{ F_AMOUNT, "Actual Revenue" },
	{ F_EST_AMOUNT, "Est. Revenue" },
	{ F_CURRENCY, "Currency" },
	{ F_CLOSE, "Actual Close Date" },
	{ F_EXPECTED, "Est. Close Date" },
	{ F_CREATED, "Created On" },
	{ 0, NULL }
};

/*
 * Activity logs of any CRM, Salesforce Task and Event objects (Data
 * Loader field names), Dynamics 365 activity views (Appointments,
 * Phone Calls, Emails, Tasks), dialer and call-centre logs.  An
 * activity's date is the first known of F_DONE (completed, actual
 * end), F_DATE (start, activity date), F_DUE, F_SENT, F_CREATED.
 */
static const struct colspec cols_activities[] = {
	{ F_ID, "Activity ID|Activity - ID|Task ID|Event ID|Call ID|"
	    "Record ID|Id|(Do Not Modify) Activity|(Do Not Modify) Appointment|"
	    "(Do Not Modify) Email|(Do Not Modify) Phone Call|"
	    "(Do Not Modify) Task" },
	{ F_REP, "Assigned|Assigned To|Activity Owner|Activity assigned to|"
	    "Activity - Assigned to user|Activity - Owner|Task Owner|"
	    "Call Owner|Owner|Sales Rep|Rep|Salesperson|Sales Agent|Agent|"
	    "Agent Name|User|Activity - User|Activity Assigned|"
	    "Assigned User Name|Assigned User|Responsible User|Meeting Owner|"
	    "Host|User Name|Owner.Name|OwnerName|Owner Name|OwnerId|Owner ID|"
	    "Created By" },
	{ F_ACCOUNT, "Account|Account Name|Company|Company / Account|"
	    "Organization|Organization - Name|Activity - Organization|"
	    "Associated Company|Related To|What.Name|Regarding|Account.Name|"
	    "AccountName|AccountId" },
	{ F_TEAM, "Team|Region|Sales Team" },
	{ F_TYPE, "Activity Type|Activity - Type|Type|Task Type|Event Type|"
	    "Engagement Type|Sales Activity Type|Activity" },
	/* Salesforce leaves Type empty on many tasks; the subtype is set. */
	{ F_SUBTYPE, "TaskSubtype|EventSubtype|ActivitySubtype" },
	/* ActivityHistory, OpenActivity: tasks and events together. */
	{ F_ISTASK, "IsTask" },
	/* Data Loader's "Export All" keeps deleted records. */
	{ F_DELETED, "IsDeleted" },
	{ F_STATUS, "Status|Activity Status|Task Status|Status Reason|"
	    "Call Status|Call Result|Call Outcome|Meeting Outcome" },
	{ F_ISCLOSED, "IsClosed|Activity - Done|Done|Completed|Is Completed" },
	{ F_ANSWERED, "Answered (Y/N)|Answered|Is Answered|Call Answered" },
	/* Filled on a Salesforce task that is a call. */
	{ F_CALL, "CallType|CallDurationInSeconds|Call Duration|"
	    "Call Duration (seconds)|CallDisposition|Call Disposition|"
	    "Disposition|"
	    "CallObject|Talk Time" },
	{ F_DONE, "CompletedDateTime|Completed Date|Completed Date/Time|"
	    "Completed On|Date Completed|Completion Date|Actual End|"
	    "Actual End Date|Activity - Done time|Done time|"
	    "Activity - Marked as done time|Marked as done time|Closed Date|"
	    "Date Closed|Closed Time" },
	{ F_DATE, "ActivityDateTime|StartDateTime|Start Time|Start Date Time|"
	    "Start Date|Date Start|Start|Actual Start|Activity - Date|Date|"
	    "Call Date|Call Time|Call Start|Call Start Time|Meeting Date|"
	    "Event Date|"
	    "Meeting Start Time|Timestamp|Date/Time|Date Time" },
	/*
	 * Salesforce's ActivityDate is a task's due date, and the day of
	 * an all-day event whose ActivityDateTime is empty.
	 */
	{ F_DUE, "Due Date|ActivityDate|Due|Activity - Due date|Due Date Time|"
	    "Due Time|Scheduled End|Deadline" },
	{ F_SENT, "Sent On|Sent Date|Date Sent|Send Date|Received On|"
	    "Date Received|Received Date" },
	{ F_CREATED, "CreatedDate|Created Date|Create Date|Created On|Created|"
	    "Created Time|Created At|Date Created|Activity - Add time|"
	    "Add time" },
	{ 0, NULL }
};

static const struct colspec cols_generic[] = {
	{ F_ID, "id|opportunity_id|deal_id|record_id|opportunity id" },
	{ F_REP, "rep|owner|sales_agent|salesperson|sales_rep|agent|seller|"
	    "sales person|account_owner|deal_owner|opportunity_owner|"
	    "assigned_to" },
	{ F_ACCOUNT, "account|customer|company|client|account_name|"
	    "organization|organisation|partner_id|partner_name" },
	{ F_PRODUCT, "product|product_name|item" },
	{ F_TEAM, "team|region|regional_office|sales_team|territory|"
	    "team_id" },
	/* Odoo's crm.lead: stage_id, expected_revenue, date_deadline. */
	{ F_STAGE, "stage|deal_stage|status|deal_status|outcome|stage_name|"
	    "stage_id" },
	/*
	 * Copper, Freshsales: a Stage (Proposal) beside a Status (Open, Won,
	 * Lost) that says the outcome.
	 */
	{ F_STATUS, "status|deal_status|outcome|state" },
	{ F_ISWON, "is_won|won" },
	{ F_ISCLOSED, "is_closed|closed" },
	{ F_AMOUNT, "amount|value|close_value|deal_value|revenue|deal_amount|"
	    "deal_size|expected_revenue|planned_revenue" },
	{ F_CURRENCY, "currency|currency_code" },
	{ F_CLOSE, "close_date|closed_date|closedate|date_closed|closed_on|"
	    "close" },
	{ F_EXPECTED, "expected_close_date|expected_close|forecast_close_date|"
	    "date_deadline|expected_closing" },
	{ F_CREATED, "created|create_date|created_date|engage_date|created_at|"
	    "created_on|open_date|opened|date_created" },
	{ 0, NULL }
};

const struct format formats[] = {
	{ "facts", "the canonical facts table, validated and passed through",
	    K_FACTS, T_EXACT, DO_MDY, req_facts, cols_facts, NULL, 0 },
	{ "salesforce", "Salesforce report export", K_DEALS, T_CRM, DO_MDY,
	    req_sf, cols_sf, NULL, 1 },
	{ "salesforce-api", "Salesforce Data Loader / API export", K_DEALS,
	    T_CRM, DO_MDY, req_sfapi, cols_sfapi, NULL, 0 },
	{ "hubspot", "HubSpot deals export", K_DEALS, T_CRM, DO_MDY,
	    req_hubspot, cols_hubspot, NULL, 1 },
	{ "pipedrive", "Pipedrive deals export", K_DEALS, T_CRM, DO_DMY,
	    req_pipedrive, cols_pipedrive, NULL, 0 },
	{ "zoho", "Zoho CRM deals export", K_DEALS, T_CRM, DO_DMY, req_zoho,
	    cols_zoho, NULL, 1 },
	{ "dynamics", "Microsoft Dynamics 365 opportunities export", K_DEALS,
	    T_CRM, DO_MDY, req_dynamics, cols_dynamics, any_dynamics, 0 },
	{ "activities", "activities: an owner, a date, and a type column or "
	    "columns of one kind (Salesforce Task/Event, Dynamics 365 views, "
	    "call logs)",
	    K_ACTIVITIES, T_ACTIVITIES, DO_MDY, req_activities,
	    cols_activities, NULL, 0 },
	{ "generic", "deals with common column names (rep/owner/sales_agent, "
	    "stage/status, amount/value/close_value, ...)", K_DEALS,
	    T_GENERIC, DO_MDY, req_generic, cols_generic, NULL, 0 },
	{ NULL, NULL, 0, 0, 0, NULL, NULL, NULL, 0 }
};

const struct format *
format_by_name(const char *name)
{
	const struct format *f;

	for (f = formats; f->name != NULL; f++)
		if (strcasecmp(f->name, name) == 0)
			return f;
	return NULL;
}

const char *
field_name(enum field f)
{
	return field_names[f];
}

int
field_by_name(const char *name, enum field *out)
{
	static const struct {
		const char *alias;
		enum field f;
	} aliases[] = {
		{ "owner", F_REP }, { "close", F_CLOSE }, { "closedate", F_CLOSE },
		{ "create_date", F_CREATED }, { "created_date", F_CREATED },
		{ "is_won", F_ISWON }, { "is_closed", F_ISCLOSED },
		{ "expected", F_EXPECTED }, { "ref", F_ID },
		{ "activity_type", F_TYPE }, { "total_price", F_LINE_AMOUNT },
		{ "opportunity_name", F_DEAL_NAME }, { NULL, 0 }
	};
	int i;

	for (i = 0; i < NFIELD; i++)
		if (strcasecmp(field_names[i], name) == 0) {
			*out = (enum field)i;
			return 0;
		}
	for (i = 0; aliases[i].alias != NULL; i++)
		if (strcasecmp(aliases[i].alias, name) == 0) {
			*out = aliases[i].f;
			return 0;
		}
	return -1;
}

int
field_is_date(enum field f)
{
	return f == F_CLOSE || f == F_WON_DATE || f == F_LOST_DATE ||
	    f == F_EXPECTED || f == F_CREATED || f == F_DATE || f == F_DONE ||
	    f == F_DUE || f == F_SENT;
}

int
field_is_amount(enum field f)
{
	return f == F_AMOUNT || f == F_EST_AMOUNT || f == F_LINE_AMOUNT;
}

/*
 * A header's normalised names, and their indexes sorted by name (then
 * column) for a binary search: a header of 50,000 columns is searched
 * for every name of every format on up to 50 candidate rows.
 */
struct hnorm {
	char (*norm)[NORM];
	int *idx;
	char (*api)[NORM];	/* API names: Closing_Date, Account_Name__name */
	int *aidx;
	unsigned char *owner;	/* owner_class_byte() of each name */
	size_t n;
	int has_api;		/* some API name differs from its name */
};

static int
cmp_idx(const void *a, const void *b, void *arg)
{
	const struct hnorm *h = arg;
	int i = *(const int *)a, j = *(const int *)b;
	int c = strcmp(h->norm[i], h->norm[j]);

	return c != 0 ? c : (i > j) - (i < j);
}

static int
cmp_aidx(const void *a, const void *b, void *arg)
{
	const struct hnorm *h = arg;
	int i = *(const int *)a, j = *(const int *)b;
	int c = strcmp(h->api[i], h->api[j]);

	return c != 0 ? c : (i > j) - (i < j);
}

/* The first column of idx (sorted by names) whose name is want, or -1. */
static int
search(char (*names)[NORM], const int *idx, size_t n, const char *want)
{
	size_t lo = 0, hi = n, mid;

	/* The first index whose name is not below want. */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(names[idx[mid]], want) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < n && strcmp(names[idx[lo]], want) == 0)
		return idx[lo];
	return -1;
}

static int
find(const struct hnorm *h, const char *want)
{
	return search(h->norm, h->idx, h->n, want);
}

/* By API name: a column whose display name did not match. */
static int
find_api(const struct hnorm *h, const char *want)
{
	return h->has_api ? search(h->api, h->aidx, h->n, want) : -1;
}

/*
 * The display name an API field name stands for, normalised: a custom
 * field's "__c" and a lookup's "__name" / ".name" / "_name" suffix go
 * (Account_Name__name, Account.Name: the account's name), the rest as
 * csv_normalise() has it (Closing_Date, dealname, closedate).
 */
static void
api_name(const char *raw, char *buf, size_t cap)
{
	static const char *const suffixes[] = { "__c", "__name", ".name",
		"__r.name", NULL };
	char tmp[NORM];
	const char *const *sfx;
	size_t n = strlen(raw), k;

	if (n >= sizeof(tmp))
		n = sizeof(tmp) - 1;
	memcpy(tmp, raw, n);
	tmp[n] = '\0';
	for (sfx = suffixes; *sfx != NULL; sfx++) {
		k = strlen(*sfx);
		if (n > k && strcasecmp(tmp + n - k, *sfx) == 0) {
			tmp[n - k] = '\0';
			break;
		}
	}
	csv_normalise(tmp, buf, cap);
}

static int
map_normalised(const struct format *fmt, const struct hnorm *h,
    struct mapping *m)
{
	const struct colspec *c;
	const enum field *r;
	char name[NORM], want[NORM];
	const char *p, *bar;
	size_t len;
	int i, col;

	int pref[MAX_OWNER_COLS], npref = 0, api, taken;

	for (i = 0; i < NFIELD; i++)
		m->col[i] = -1;
	m->own.n = 0;
	m->own.first = m->own.last = -1;
	/* Display names first; then, for a field still unmapped, API names. */
	for (api = 0; api < 2; api++)
	for (c = fmt->cols; c->names != NULL; c++) {
		for (p = c->names; (c->field == F_REP || m->col[c->field] < 0) &&
		    *p != '\0'; ) {
			bar = strchr(p, '|');
			len = bar != NULL ? (size_t)(bar - p) : strlen(p);
			if (len >= sizeof(name))
				len = sizeof(name) - 1;
			memcpy(name, p, len);
			name[len] = '\0';
			csv_normalise(name, want, sizeof(want));
			col = api ? find_api(h, want) : find(h, want);
			for (i = 0, taken = 0; i < npref; i++)
				taken |= pref[i] == col;
			if (col >= 0 && c->field == F_REP && !taken &&
			    npref < MAX_OWNER_COLS)
				pref[npref++] = col;	/* every owner name */
			else if (col >= 0 && c->field != F_REP &&
			    m->col[c->field] < 0)
				m->col[c->field] = col;
			p += len + (bar != NULL);
		}
	}
	if (fmt->kind != K_FACTS) {
		owner_pick(h->owner, h->n, pref, npref, !fmt->own_names_only,
		    &m->own);
		m->col[F_REP] = m->own.n > 0 ? m->own.col[0] : -1;
	} else if (npref > 0)
		m->col[F_REP] = pref[0];
	for (r = fmt->required; *r != NFIELD; r++)
		if (m->col[*r] < 0)
			return -1;
	if (fmt->any != NULL) {
		for (r = fmt->any; *r != NFIELD && m->col[*r] < 0; r++)
			;
		if (*r == NFIELD)
			return -1;
	}
	return 0;
}

static void
normalise_header(const struct csv_row *hdr, struct hnorm *h)
{
	size_t i;

	h->n = hdr->n;
	h->has_api = 0;
	h->owner = xmalloc(hdr->n);
	h->norm = xreallocarray(NULL, hdr->n, sizeof(*h->norm));
	h->idx = xreallocarray(NULL, hdr->n, sizeof(*h->idx));
	h->api = xreallocarray(NULL, hdr->n, sizeof(*h->api));
	h->aidx = xreallocarray(NULL, hdr->n, sizeof(*h->aidx));
	for (i = 0; i < hdr->n; i++) {
		csv_normalise(hdr->f[i], h->norm[i], NORM);
		api_name(hdr->f[i], h->api[i], NORM);
		h->owner[i] = owner_class_byte(hdr->f[i]);
		h->idx[i] = h->aidx[i] = (int)i;
		h->has_api |= strcmp(h->api[i], h->norm[i]) != 0;
	}
	sort_with(h->idx, h->n, sizeof(*h->idx), cmp_idx, h);
	if (h->has_api)
		sort_with(h->aidx, h->n, sizeof(*h->aidx), cmp_aidx, h);
}

static void
free_hnorm(struct hnorm *h)
{
	free(h->norm);
	free(h->idx);
	free(h->api);
	free(h->aidx);
	free(h->owner);
}

int
format_map(const struct format *fmt, const struct csv_row *hdr,
    struct mapping *m)
{
	struct hnorm h;
	int rc;

	normalise_header(hdr, &h);
	rc = map_normalised(fmt, &h, m);
	free_hnorm(&h);
	return rc;
}

static int
mapped(const struct mapping *m)
{
	int i, k = 0;

	for (i = 0; i < NFIELD; i++)
		k += m->col[i] >= 0;
	return k;
}

/* Whether the header has a column of each normalised name given. */
static int
has_all(const struct hnorm *h, const char *a, const char *b)
{
	return find(h, a) >= 0 && (b == NULL || find(h, b) >= 0);
}

/* Whether the header has a column of any of the normalised names. */
static int
has_any(const struct hnorm *h, const char *const *names)
{
	for (; *names != NULL; names++)
		if (find(h, *names) >= 0)
			return 1;
	return 0;
}

/* Salesforce Event, and any file of meetings: a start and an end. */
static const char *const meeting_marks[] = { "activitydatetime",
	"durationinminutes", "eventsubtype", "isalldayevent", NULL };
static const char *const meeting_pairs[][2] = {
	{ "starttime", "endtime" }, { "startdatetime", "enddatetime" },
	{ "start", "end" }, { "scheduledstart", "scheduledend" },
	{ "actualstart", "actualend" }, { "starttimeutc", "endtimeutc" },
	{ "meetingstarttime", "meetingendtime" }, { "datestart", "dateend" },
	{ "startdate", "enddate" },
	{ NULL, NULL }
};
/* Salesforce Task (Data Loader): its own fields. */
static const char *const task_marks[] = { "tasksubtype",
	"calldurationinseconds", "callobject", "calldisposition", NULL };
static const char *const task_with_date[] = { "isclosed", "whoid",
	"whatid", "priority", "isreminderset", NULL };
/* Dialers, call-centre logs, Dynamics 365 Phone Calls. */
static const char *const call_marks[] = { "calltype", "callduration",
	"calldurationseconds", "callid", "callresult", "calldisposition",
	"phonenumber", "answeredyn", "answered", "talktime",
	"dialednumber", "callednumber", "callerid", "waittime", "callstart",
	"calldate", "calltime", "callstatus", "calloutcome", "calldirection",
	"calldurationhhmmss", "calltitle", "callnotes", "disposition",
	"dialed", "dialedat", NULL };
/*
 * A direction or a duration is a call's in a dialer log, but e-mails
 * have a direction and meetings a duration too: a file's name first.
 */
static const char *const weak_call_marks[] = { "direction", "duration",
	"durationseconds", NULL };
/* HubSpot and Dynamics 365 e-mail activities. */
static const char *const email_marks[] = { "emaildirection",
	"emailsubject", "emailsendstatus", "emailbody", "emailstatus", NULL };
/* An activity of a kind the file does not name (Dynamics 365 views). */
static const char *const activity_marks[] = { "regarding", "duedate",
	"actualend", "activitystatus", "activitydate", "priority", NULL };

/*
 * The kind the columns of h name; NULL when they do not.  *event: a
 * Salesforce Event, whose every record is a meeting whatever its Type.
 */
static const char *
columns_kind(const struct hnorm *h, int *event)
{
	int i;

	*event = 0;
	/* Salesforce ActivityHistory: each record says task or event. */
	if (find(h, "istask") >= 0)
		return "tasks";
	if (has_any(h, meeting_marks)) {
		*event = 1;
		return "meetings";
	}
	if (has_any(h, task_marks) || (find(h, "activitydate") >= 0 &&
	    has_any(h, task_with_date)))
		return "tasks";
	for (i = 0; meeting_pairs[i][0] != NULL; i++)
		if (has_all(h, meeting_pairs[i][0], meeting_pairs[i][1]))
			return "meetings";
	if (has_any(h, call_marks))
		return "calls";
	if (has_any(h, email_marks))
		return "emails";
	if (find(h, "meetingoutcome") >= 0)
		return "meetings";
	return NULL;
}

/*
 * An activities mapping is an activity export when it has a date and
 * says what its records are: a type column, columns of one kind, or
 * columns only activities have (Subject with Regarding, Due Date...).
 */
static int
activity_shaped(const struct hnorm *h, const struct mapping *m)
{
	int event;

	if (m->col[F_DONE] < 0 && m->col[F_DATE] < 0 && m->col[F_DUE] < 0 &&
	    m->col[F_SENT] < 0 && m->col[F_CREATED] < 0)
		return 0;
	if (m->col[F_TYPE] >= 0 || m->col[F_SUBTYPE] >= 0 ||
	    columns_kind(h, &event) != NULL || has_any(h, weak_call_marks))
		return 1;
	return find(h, "subject") >= 0 && has_any(h, activity_marks);
}

/*
 * A deal export needs more than an owner and a status: a Status column
 * alone (an activity's, a ticket's) with nothing a deal has (an amount,
 * a close date, a won flag) is not one.
 */
static int
deal_shaped(const struct hnorm *h, const struct format *f,
    const struct mapping *m)
{
	const char *st;

	if (f->kind != K_DEALS || f->tier != T_GENERIC)
		return 1;
	st = h->norm[m->col[F_STAGE]];
	if (strstr(st, "stage") != NULL || strcmp(st, "outcome") == 0)
		return 1;
	return m->col[F_AMOUNT] >= 0 || m->col[F_CLOSE] >= 0 ||
	    m->col[F_EXPECTED] >= 0 || m->col[F_ISWON] >= 0;
}

/*
 * An activity export that also carries its deal's columns (Pipedrive:
 * "Activity - Type" next to "Deal - Status") is about activities: an
 * explicit activity type column settles it.
 */
static const struct format *
prefer_activities(const struct hnorm *h, const struct format *best,
    struct mapping *m)
{
	const struct format *act = format_by_name("activities");
	struct mapping cand;
	int c;

	if (best == NULL || best->tier != T_CRM ||
	    map_normalised(act, h, &cand) != 0)
		return best;
	c = cand.col[F_TYPE];
	if (c < 0 || !activity_shaped(h, &cand) ||
	    strncmp(h->norm[c], "activity", 8) != 0)
		return best;
	*m = cand;
	return act;
}

/*
 * A deal export whose deals have a type ("Type: New Business") and a
 * date fits the activities format too: a stage with an amount or a
 * close date makes it deals, unless its type column says "activity".
 */
static const struct format *
prefer_deals(const struct hnorm *h, const struct format *best,
    struct mapping *m)
{
	const struct format *gen = format_by_name("generic");
	struct mapping cand;

	if (best == NULL || best->tier != T_ACTIVITIES ||
	    (m->col[F_TYPE] >= 0 &&
	    strncmp(h->norm[m->col[F_TYPE]], "activity", 8) == 0) ||
	    map_normalised(gen, h, &cand) != 0 ||
	    (cand.col[F_AMOUNT] < 0 && cand.col[F_CLOSE] < 0))
		return best;
	*m = cand;
	return gen;
}

const char *
format_kind_by_name(const char *s)
{
	static const char *const kinds[][2] = {
		{ "call", "calls" }, { "calls", "calls" },
		{ "email", "emails" }, { "emails", "emails" },
		{ "meeting", "meetings" }, { "meetings", "meetings" },
		{ "task", "tasks" }, { "tasks", "tasks" }, { NULL, NULL }
	};
	int i;

	for (i = 0; kinds[i][0] != NULL; i++)
		if (strcasecmp(kinds[i][0], s) == 0)
			return kinds[i][1];
	return NULL;
}

/* The kind a file's name says: Emails.csv, PhoneCalls.csv, ... */
static const char *
name_kind(const char *path)
{
	static const char *const words[][2] = {
		{ "email", "emails" }, { "e-mail", "emails" },
		{ "mail", "emails" }, { "phonecall", "calls" },
		{ "phone", "calls" }, { "call", "calls" },
		{ "appointment", "meetings" }, { "meeting", "meetings" },
		{ "event", "meetings" }, { "task", "tasks" }, { NULL, NULL }
	};
	const char *base = strrchr(path, '/');
	char low[256];
	size_t i;

	base = base != NULL ? base + 1 : path;
	for (i = 0; base[i] != '\0' && i + 1 < sizeof(low); i++)
		low[i] = (char)(base[i] >= 'A' && base[i] <= 'Z' ?
		    base[i] - 'A' + 'a' : base[i]);
	low[i] = '\0';
	for (i = 0; words[i][0] != NULL; i++)
		if (strstr(low, words[i][0]) != NULL)
			return words[i][1];
	return NULL;
}

const char *
format_activity_kind(const struct csv_row *hdr, const char *path,
    int *event)
{
	struct hnorm h;
	const char *k;

	normalise_header(hdr, &h);
	k = columns_kind(&h, event);
	if (k == NULL && path != NULL && strcmp(path, "-") != 0)
		k = name_kind(path);
	if (k == NULL && has_any(&h, weak_call_marks))
		k = "calls";
	free_hnorm(&h);
	return k;
}

const struct format *
format_detect(const struct csv_row *hdr, struct mapping *m)
{
	const struct format *f, *best = NULL;
	struct mapping cand;
	struct hnorm h;
	int score, best_score = -1;

	normalise_header(hdr, &h);
	for (f = formats; f->name != NULL; f++) {
		if (best != NULL && f->tier > best->tier)
			break;
		if (map_normalised(f, &h, &cand) != 0 ||
		    (f->kind == K_ACTIVITIES && !activity_shaped(&h, &cand)) ||
		    !deal_shaped(&h, f, &cand))
			continue;
		score = mapped(&cand);
		if (score > best_score) {
			best = f;
			best_score = score;
			*m = cand;
		}
	}
	best = prefer_activities(&h, best, m);
	best = prefer_deals(&h, best, m);
	free_hnorm(&h);
	return best;
}

void
format_required_names(const struct format *fmt, char *buf, size_t n)
{
	const enum field *r;
	const struct colspec *c;
	size_t o = 0;
	int k;

	buf[0] = '\0';
	for (r = fmt->required; *r != NFIELD && o < n; r++) {
		for (c = fmt->cols; c->names != NULL && c->field != *r; c++)
			;
		if (c->names == NULL)
			continue;
		k = snprintf(buf + o, n - o, "%s%s (%s)", o ? ", " : "",
		    field_names[*r], c->names);
		if (k < 0)
			break;
		o += (size_t)k;
	}
}
