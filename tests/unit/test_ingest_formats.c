/*
 * Unit tests for pm-ingest's header detection: real export headers to
 * the format a person would name, and the columns they map.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "../../cmd/pm-ingest/ingest.h"

/* A header row from a comma-separated list (no quoting needed here). */
static const char *
detect(const char *line, struct mapping *m, struct csv_row *row,
    char **f, char *buf)
{
	const struct format *fmt;
	char *p;
	size_t n = 0;

	strcpy(buf, line);
	for (p = strtok(buf, ","); p != NULL; p = strtok(NULL, ","))
		f[n++] = p;
	row->n = n;
	row->f = f;
	fmt = format_detect(row, m);
	return fmt != NULL ? fmt->name : "none";
}

static void
headers(void **state)
{
	static const struct {
		const char *line, *want;
	} cases[] = {
		{ "Opportunity Owner,Account Name,Stage,Amount,Close Date,"
		    "Created Date", "salesforce" },
		{ "Id,OwnerId,StageName,Amount,CloseDate,CreatedDate,IsWon,"
		    "IsClosed", "salesforce-api" },
		{ "ID,OWNER.NAME,STAGENAME,AMOUNT,CLOSEDATE", "salesforce-api" },
		{ "Record ID,Deal Name,Deal Stage,Amount,Close Date,"
		    "Create Date,Deal owner", "hubspot" },
		{ "Deal - ID,Deal - Owner,Deal - Value,Deal - Currency,"
		    "Deal - Status,Deal - Won time", "pipedrive" },
		{ "Deal Owner,Deal Name,Stage,Amount,Closing Date,"
		    "Account Name,Created Time", "zoho" },
		{ "(Do Not Modify) Opportunity,Topic,Owner,Est. Revenue,"
		    "Est. Close Date,Status,Potential Customer,Created On",
		    "dynamics" },
		{ "Assigned To,Activity Type,Date,Subject", "activities" },
		{ "opportunity_id,sales_agent,product,account,deal_stage,"
		    "engage_date,close_date,close_value", "generic" },
		{ "date,rep,metric,value,account,product,team,ref", "facts" },
		{ "period,rep,metric,target", "none" },
		{ "OPPORTUNITY OWNER,stage,amount,close-date", "salesforce" },
		{ "Activity - Type,Activity - Due date,Activity - Assigned to "
		    "user,Deal - Owner,Deal - Status,Deal - Value,Deal - Won "
		    "time", "activities" },
		/* SPEC 12: a Dynamics view without (Do Not Modify) columns. */
		{ "Owner,Status,Est. revenue,Actual Revenue,Actual Close Date,"
		    "Currency,Revenue,Topic,Potential Customer,Created On",
		    "dynamics" },
		/* Owner,Status with a plain amount is no Dynamics view. */
		{ "Owner,Status,Amount,Close Date", "generic" },
		{ "hs_object_id,dealname,amount,closedate,createdate,dealstage,"
		    "hubspot_owner_id", "hubspot" },
		{ "Id,Deal_Name,Owner__name,Owner__id,Account_Name__name,Stage,"
		    "Amount,Closing_Date,Created_Time", "zoho" },
		{ "External_Id__c,Owner.External_Id__c,Name,Amount,StageName,"
		    "Type,CloseDate,CreatedDate__c", "salesforce-api" },
		{ "Id,Owner.Alias,StageName,CloseDate", "salesforce-api" },
		{ "id,name,partner_id,user_id/id,team_id,stage_id,"
		    "expected_revenue,date_deadline,date_closed,create_date",
		    "generic" },
		/* Odoo's export of labels; Copper's Stage beside a Status. */
		{ "Opportunity,Customer,Salesperson,Sales Team,Stage,"
		    "Expected Revenue,Expected Closing,Created on,Closed Date",
		    "generic" },
		{ "Name,Owner,Company,Value,Pipeline,Stage,Status,Close Date,"
		    "Date Created", "generic" },
		/* A user list is no format: the caller reads it as users. */
		{ "ID,USERNAME,LASTNAME,FIRSTNAME,ALIAS,EMAIL,ISACTIVE", "none" },
	};
	struct mapping m;
	struct csv_row row;
	char *f[32], buf[512];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (strcmp(detect(cases[i].line, &m, &row, f, buf),
		    cases[i].want) != 0)
			fail_msg("'%s': detected %s, expected %s",
			    cases[i].line, detect(cases[i].line, &m, &row, f,
			    buf), cases[i].want);
}

static void
mapping(void **state)
{
	struct mapping m;
	struct csv_row row;
	char *f[32], buf[512];

	(void)state;
	assert_string_equal(detect("opportunity_id,sales_agent,product,"
	    "account,deal_stage,engage_date,close_date,close_value", &m, &row,
	    f, buf), "generic");
	assert_int_equal(m.col[F_ID], 0);
	assert_int_equal(m.col[F_REP], 1);
	assert_int_equal(m.col[F_PRODUCT], 2);
	assert_int_equal(m.col[F_ACCOUNT], 3);
	assert_int_equal(m.col[F_STAGE], 4);
	assert_int_equal(m.col[F_CREATED], 5);
	assert_int_equal(m.col[F_CLOSE], 6);
	assert_int_equal(m.col[F_AMOUNT], 7);
	assert_int_equal(m.col[F_TEAM], -1);
	assert_string_equal(detect("(Do Not Modify) Opportunity,Owner,"
	    "Est. Revenue,Actual Revenue,Est. Close Date,Actual Close Date,"
	    "Status", &m, &row, f, buf), "dynamics");
	assert_int_equal(m.col[F_EST_AMOUNT], 2);
	assert_int_equal(m.col[F_AMOUNT], 3);
	assert_int_equal(m.col[F_EXPECTED], 4);
	assert_int_equal(m.col[F_CLOSE], 5);
	assert_string_equal(detect("Name,Owner,Company,Value,Pipeline,Stage,"
	    "Status,Close Date,Date Created", &m, &row, f, buf), "generic");
	assert_int_equal(m.col[F_STAGE], 5);
	assert_int_equal(m.col[F_STATUS], 6);
	assert_int_equal(m.col[F_CREATED], 8);
	/* The Dynamics view: Revenue (User Provided) is not an amount. */
	assert_string_equal(detect("Owner,Status,Est. revenue,Actual Revenue,"
	    "Actual Close Date,Currency,Revenue", &m, &row, f, buf),
	    "dynamics");
	assert_int_equal(m.col[F_EST_AMOUNT], 2);
	assert_int_equal(m.col[F_AMOUNT], 3);
	assert_int_equal(m.col[F_CURRENCY], 5);
	/* API names: the lookup's name, not its id; Closing_Date. */
	assert_string_equal(detect("Id,Owner__id,Owner__name,Account_Name__id,"
	    "Account_Name__name,Stage,Closing_Date", &m, &row, f, buf), "zoho");
	assert_int_equal(m.col[F_REP], 2);
	assert_int_equal(m.own.n, 2);
	assert_int_equal(m.own.col[1], 1);
	assert_int_equal(m.col[F_ACCOUNT], 4);
	assert_int_equal(m.col[F_CLOSE], 6);
	/* An empty relationship column falls back to the id. */
	assert_string_equal(detect("Id,OwnerId,Owner.External_Id__c,"
	    "StageName,CloseDate,Owner.Name", &m, &row, f, buf),
	    "salesforce-api");
	assert_int_equal(m.col[F_REP], 5);
	assert_int_equal(m.own.n, 3);
	assert_int_equal(m.own.col[1], 1);
	assert_int_equal(m.own.col[2], 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(headers),
		cmocka_unit_test(mapping),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
