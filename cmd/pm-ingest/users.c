/*
 * User lists: ids to the names people know (SPEC section 12).  A user
 * export has an id column and a name, or a first and a last name
 * (Salesforce's User object has FirstName and LastName, and no Name in
 * a Data Loader export that did not ask for it).  It comes with --users
 * FILE or among the inputs; either way its records feed one table that
 * the second pass looks owner ids up in.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csvin.h"
#include "err.h"
#include "ingest.h"
#include "intern.h"
#include "trim.h"

struct users {
	struct intern *ids;	/* id -> dense index */
	struct intern *names;
	uint32_t *name;		/* per id index: its name's index */
	size_t cap;
};

/* Normalised header names of the columns, by preference. */
static const char *const id_names[] = { "id", "userid", "useridid",
	"ownerid", "hubspotownerid", NULL };
/*
 * Salesforce's sample orgs load owners by an external id
 * (Owner.External_Id__c = W_Sales_User.7): a user is found by either.
 */
static const char *const xid_names[] = { "externalidc", "externalid",
	NULL };
static const char *const name_names[] = { "name", "fullname",
	"displayname", NULL };
static const char *const first_names[] = { "firstname", "givenname",
	"first", NULL };
static const char *const last_names[] = { "lastname", "surname",
	"familyname", "last", NULL };
/*
 * A user list has no deal or activity of its own (a user's Status,
 * Active, is no deal's).
 */
static const char *const not_users[] = { "stage", "stagename", "amount",
	"closedate", "activitydate", "subject", "dealstage", "activitytype",
	NULL };

struct users *
users_new(void)
{
	struct users *u = xcalloc(1, sizeof(*u));

	u->ids = intern_new();
	u->names = intern_new();
	return u;
}

void
users_free(struct users *u)
{
	if (u == NULL)
		return;
	intern_free(u->ids);
	intern_free(u->names);
	free(u->name);
	free(u);
}

static int
col_of(char (*norm)[256], size_t n, const char *const *want)
{
	size_t i;

	for (; *want != NULL; want++)
		for (i = 0; i < n; i++)
			if (strcmp(norm[i], *want) == 0)
				return (int)i;
	return -1;
}

static int
in_list(const char *const *list, const char *s)
{
	for (; *list != NULL; list++)
		if (strcmp(*list, s) == 0)
			return 1;
	return 0;
}

int
users_header(const struct csv_row *hdr, struct usercols *uc)
{
	char (*norm)[256];
	size_t i;
	int ok;

	norm = xreallocarray(NULL, hdr->n, sizeof(*norm));
	for (i = 0; i < hdr->n; i++)
		csv_normalise(hdr->f[i], norm[i], sizeof(*norm));
	uc->id = col_of(norm, hdr->n, id_names);
	uc->xid = col_of(norm, hdr->n, xid_names);
	if (uc->id < 0) {
		uc->id = uc->xid;
		uc->xid = -1;
	}
	uc->name = col_of(norm, hdr->n, name_names);
	uc->first = col_of(norm, hdr->n, first_names);
	uc->last = col_of(norm, hdr->n, last_names);
	ok = uc->id >= 0 && (uc->name >= 0 || uc->last >= 0) &&
	    col_of(norm, hdr->n, not_users) < 0;
	free(norm);
	return ok;
}

/*
 * What says a list of people is a list of users, not of contacts: a
 * login, an alias, an active flag, a role or profile (Salesforce User,
 * Odoo res.users, HubSpot owners' userId), or a file named for users.
 */
static const char *const user_marks[] = { "username", "login", "alias",
	"isactive", "active", "userroleid", "userrolename", "profileid",
	"profilename", "userid", "usertype", "managerid",
	"federationidentifier", "employeenumber", "communitynickname", NULL };

int
users_signal(const struct csv_row *hdr, const char *path)
{
	const char *base = strrchr(path, '/');
	char norm[256];
	size_t i;

	base = base != NULL ? base + 1 : path;
	csv_normalise(base, norm, sizeof(norm));
	if (strstr(norm, "user") != NULL || strstr(norm, "owner") != NULL)
		return 1;
	for (i = 0; i < hdr->n; i++) {
		csv_normalise(hdr->f[i], norm, sizeof(norm));
		if (in_list(user_marks, norm))
			return 1;
	}
	return 0;
}

static size_t
field(const struct csv_row *row, int c, const char **s)
{
	if (c < 0 || (size_t)c >= row->n) {
		*s = "";
		return 0;
	}
	*s = row->f[c];
	return trim_span(s, row->len[c]);
}

static void
put(struct users *u, const char *id, size_t n, uint32_t name)
{
	uint32_t k = intern_id(u->ids, id, n);

	if (k >= u->cap) {
		u->cap = u->cap ? u->cap * 2 : 256;
		u->name = xreallocarray(u->name, u->cap, sizeof(*u->name));
	}
	if (k + 1 == intern_count(u->ids))
		u->name[k] = name;	/* a later row does not rename */
}

int
users_add(struct users *u, const struct usercols *uc, const struct csv_row *row)
{
	const char *id, *nm, *fn, *ln;
	size_t nid, nnm, nfn, nln;
	char full[2 * NAME_MAX_LEN + 2];
	size_t len;
	uint32_t k;

	nid = field(row, uc->id, &id);
	nnm = field(row, uc->name, &nm);
	nfn = field(row, uc->first, &fn);
	nln = field(row, uc->last, &ln);
	if (nid == 0)
		return -1;
	if (nnm > 0)
		len = record_collapse(nm, nnm, full, sizeof(full));
	else if (nfn + nln > 0 && nfn + nln + 1 < sizeof(full)) {
		char join[2 * NAME_MAX_LEN + 2];

		memcpy(join, fn, nfn);
		join[nfn] = ' ';
		memcpy(join + nfn + 1, ln, nln);
		len = record_collapse(join, nfn + nln + 1, full, sizeof(full));
	} else
		return -1;
	if (len == 0 || len >= NAME_MAX_LEN)
		return -1;
	k = intern_id(u->names, full, len);
	put(u, id, nid, k);
	/* Salesforce: an 18-character id is found by its 15-character form. */
	if (nid == 18 && owner_value_is_id(id, nid))
		put(u, id, 15, k);
	if ((nid = field(row, uc->xid, &id)) > 0)
		put(u, id, nid, k);
	return 0;
}

const char *
users_find(const struct users *u, const char *id, size_t n, size_t *len)
{
	uint32_t k;

	if (u == NULL || n == 0)
		return NULL;
	k = intern_find(u->ids, id, n);
	if (k == UINT32_MAX && n == 18 && owner_value_is_id(id, n))
		k = intern_find(u->ids, id, 15);
	if (k == UINT32_MAX)
		return NULL;
	*len = intern_len(u->names, u->name[k]);
	return intern_str(u->names, u->name[k]);
}

size_t
users_count(const struct users *u)
{
	return u != NULL ? intern_count(u->ids) : 0;
}
