/*
 * Unit tests for pm-ingest's owner columns and user lists (SPEC section
 * 12): real export headers to the column a person would read the rep
 * from, and ids to the names of a user export.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "tutil.h"
#include "../../cmd/pm-ingest/ingest.h"

static void
classes(void **state)
{
	static const struct {
		const char *name;
		enum owner_class want;
		int theirs;
	} cases[] = {
		{ "Opportunity Owner", OWN_NAME, 0 },
		{ "Deal owner", OWN_NAME, 0 },
		{ "Deal - Owner", OWN_NAME, 0 },
		{ "Activity - Assigned to user", OWN_NAME, 0 },
		{ "Assigned To", OWN_NAME, 0 },
		{ "Salesperson", OWN_NAME, 0 },
		{ "Sales Agent", OWN_NAME, 0 },
		{ "Owner.Name", OWN_REL_NAME, 0 },
		{ "Owner__r.Name", OWN_REL_NAME, 0 },
		{ "Owner__name", OWN_REL_NAME, 0 },
		{ "Owner_Name", OWN_REL_NAME, 0 },
		{ "Opportunity Owner: Full Name", OWN_REL_NAME, 0 },
		{ "Owner.Alias", OWN_REL_OTHER, 0 },
		{ "OWNER.EMAIL", OWN_REL_OTHER, 0 },
		{ "Owner.External_Id__c", OWN_ID, 0 },
		{ "OwnerId", OWN_ID, 0 },
		{ "Owner ID", OWN_ID, 0 },
		{ "Deal owner ID", OWN_ID, 0 },
		{ "hubspot_owner_id", OWN_ID, 0 },
		{ "user_id/id", OWN_ID, 0 },
		{ "Account Owner", OWN_NAME, 1 },
		{ "Lead Owner", OWN_NAME, 1 },
		{ "Owner Role", OWN_NONE, 0 },
		{ "Owner.UserRole.Name", OWN_NONE, 0 },
		{ "Deal owner team", OWN_NONE, 0 },
		{ "Ownership", OWN_NONE, 0 },
		{ "Created By", OWN_NONE, 0 },
		{ "CreatedById", OWN_NONE, 0 },
		{ "Stage", OWN_NONE, 0 },
		{ "assigned_user_name", OWN_REL_NAME, 0 },	/* SugarCRM */
		{ "assigned_user_id", OWN_ID, 0 },
		{ "_ownerid_value", OWN_ID, 0 },	/* Dynamics Web API */
		{ "Sales Rep ID", OWN_ID, 0 },
		{ "user_id", OWN_ID, 0 },	/* Odoo: a name or an id */
	};
	size_t i;
	int theirs;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		enum owner_class c = owner_class_of(cases[i].name, &theirs);

		if (c != cases[i].want || theirs != cases[i].theirs)
			fail_msg("'%s': class %d theirs %d, expected %d %d",
			    cases[i].name, c, theirs, cases[i].want,
			    cases[i].theirs);
	}
}

/* A name beats an alias beats an id; an account's owner comes last. */
static void
ranking(void **state)
{
	static char *hdr[] = { "Id", "OwnerId", "Account Owner",
		"Owner.External_Id__c", "Owner.Alias", "Owner.Name", "Amount" };
	unsigned char cls[7];
	struct owners o;
	size_t i;

	(void)state;
	for (i = 0; i < 7; i++)
		cls[i] = owner_class_byte(hdr[i]);
	owner_pick(cls, 7, NULL, 0, 1, &o);
	assert_int_equal(o.n, 4);
	assert_int_equal(o.col[0], 5);	/* Owner.Name */
	assert_int_equal(o.col[1], 4);	/* Owner.Alias */
	assert_int_equal(o.col[2], 1);	/* OwnerId, then the external id */
	assert_int_equal(o.col[3], 3);
}

static void
ids(void **state)
{
	(void)state;
	assert_true(owner_value_is_id("0055g00000Ann01AAA", 18));
	assert_true(owner_value_is_id("0055g00000Ann01", 15));
	assert_true(owner_value_is_id("81234567", 8));
	assert_true(owner_value_is_id("__export__.res_users_5", 22));
	assert_true(owner_value_is_id("W_Sales_User.7", 14));
	assert_true(owner_value_is_id("6f9619ff-8b86-d011-b42d-00c04fc964ff",
	    36));
	assert_false(owner_value_is_id("Dana Reyes", 10));
	assert_false(owner_value_is_id("dana.reyes@acme.example", 23));
	assert_false(owner_value_is_id("Christopher", 11));
	assert_false(owner_value_is_id("", 0));
}

static void
user_list(void **state)
{
	static char *hdr[] = { "ID", "USERNAME", "LASTNAME", "FIRSTNAME",
		"External_Id__c" };
	static char *ann[] = { "0055g00000Ann01AAA", "ann@x", "Müller",
		"  Ann ", "W_Sales_User.1" };
	static char *bob[] = { "0055g00000Bob02AAA", "bob@x", "Lee", "Bob",
		"" };
	static char *noname[] = { "0055g00000Cyd03AAA", "cyd@x", "", "", "" };
	static char *deals[] = { "Id", "OwnerId", "StageName", "Amount" };
	struct usercols uc;
	struct users *u;
	struct tu_row w;
	const char *nm;
	size_t len;

	(void)state;
	tu_mkrow(&w, deals, 4, 2);
	assert_false(users_header(&w.r, &uc));
	tu_mkrow(&w, hdr, 5, 2);
	assert_true(users_header(&w.r, &uc));
	assert_int_equal(uc.id, 0);
	assert_int_equal(uc.name, -1);
	assert_int_equal(uc.first, 3);
	assert_int_equal(uc.last, 2);
	u = users_new();
	tu_mkrow(&w, ann, 5, 2);
	assert_int_equal(users_add(u, &uc, &w.r), 0);
	tu_mkrow(&w, bob, 5, 2);
	assert_int_equal(users_add(u, &uc, &w.r), 0);
	tu_mkrow(&w, noname, 5, 2);
	assert_int_equal(users_add(u, &uc, &w.r), -1);
	nm = users_find(u, "0055g00000Ann01AAA", 18, &len);
	assert_non_null(nm);
	assert_int_equal(len, strlen("Ann Müller"));
	assert_memory_equal(nm, "Ann Müller", len);
	/* A report's 15-character id, the external id of a sample org. */
	nm = users_find(u, "0055g00000Bob02", 15, &len);
	assert_non_null(nm);
	assert_memory_equal(nm, "Bob Lee", len);
	nm = users_find(u, "W_Sales_User.1", 14, &len);
	assert_non_null(nm);
	assert_memory_equal(nm, "Ann Müller", len);
	assert_null(users_find(u, "0055g00000Cyd03AAA", 18, &len));
	assert_null(users_find(u, "0055g00000ann01AAA", 18, &len));
	users_free(u);
}

/*
 * Header and sample rows through detection and conversion: each record
 * takes its best filled-in owner column, an id named by the user list,
 * an id no list names kept (and flagged), a name as it is.
 */
static void
resolve(void **state)
{
	static char *hdr[] = { "Id", "Owner.External_Id__c", "OwnerId",
		"Owner.Alias", "StageName", "Amount", "CloseDate" };
	static char *uhdr[] = { "Id", "Name" };
	static char *ann[] = { "0055g00000Ann01AAA", "Ann Lee" };
	static char *rows[][7] = {
		/* the id column named by the user list, before the alias */
		{ "006A", "", "0055g00000Ann01AAA", "alee", "Closed Won", "1",
		    "2026-03-02" },
		/* no user for the id: the alias stands for the owner */
		{ "006B", "", "0055g00000Bob02AAA", "bobo", "Closed Won", "1",
		    "2026-03-02" },
		/* only an unknown external id: kept, flagged */
		{ "006C", "W_User.9", "", "", "Closed Won", "1", "2026-03-02" },
		/* nothing: empty rep */
		{ "006D", "", "", "", "Closed Won", "1", "2026-03-02" },
	};
	static const char *const want[] = { "Ann Lee", "bobo", "W_User.9" };
	static const int want_id[] = { 0, 0, 1 };
	struct filectx fc;
	struct rules ru;
	struct usercols uc;
	struct tu_row h, w;
	struct rec r;
	int f, i;

	(void)state;
	memset(&fc, 0, sizeof(fc));
	memset(&ru, 0, sizeof(ru));
	tu_mkrow(&h, hdr, 7, 1);
	fc.name = "o.csv";
	fc.fmt = format_detect(&h.r, &fc.map);
	assert_non_null(fc.fmt);
	assert_string_equal(fc.fmt->name, "salesforce-api");
	fc.hdr = hdr;
	fc.hdr_n = 7;
	for (f = 0; f < NFIELD; f++)
		fc.order[f] = DO_MDY;
	ru.users = users_new();
	tu_mkrow(&w, uhdr, 2, 1);
	assert_true(users_header(&w.r, &uc));
	tu_mkrow(&w, ann, 2, 2);
	assert_int_equal(users_add((struct users *)ru.users, &uc, &w.r), 0);
	for (i = 0; i < 3; i++) {
		tu_mkrow(&w, rows[i], 7, 2 + i);
		assert_int_equal(record_convert(&fc, &ru, &w.r, &r), 0);
		assert_string_equal(r.rep, want[i]);
		assert_int_equal(r.rep_id, want_id[i]);
	}
	tu_mkrow(&w, rows[3], 7, 5);
	assert_int_equal(record_convert(&fc, &ru, &w.r, &r), -1);
	assert_non_null(strstr(r.reason, "empty rep"));
	users_free((struct users *)ru.users);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(classes),
		cmocka_unit_test(ranking),
		cmocka_unit_test(ids),
		cmocka_unit_test(user_list),
		cmocka_unit_test(resolve),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
