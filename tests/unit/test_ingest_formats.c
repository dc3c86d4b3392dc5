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
