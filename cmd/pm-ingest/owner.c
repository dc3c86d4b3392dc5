/*
 * Which columns name a record's owner (SPEC section 12).  A header says
 * so in one of three ways: a display name (Opportunity Owner, Deal
 * owner, Assigned To, Salesperson), a relationship column (Owner.Name,
 * Owner__r.Alias, Owner.External_Id__c, Owner_Name) or an id column
 * (OwnerId, Owner ID, hubspot_owner_id, user_id/id).  A name beats a
 * relationship's other fields, which beat an id; someone else's owner
 * (Account Owner, Lead Owner, Created By) comes last.  The columns are
 * kept best first, so that a record whose best column is empty (an
 * External_Id__c nobody filled in) takes the next one.
 */
#include <stdlib.h>
#include <string.h>

#include "csvin.h"
#include "ingest.h"
#include "trim.h"

#define NORM 256

/* Display names of an owner, normalised, beside the "...owner" rule. */
static const char *const display[] = {
	"assigned", "assignedto", "assignedtouser", "salesperson",
	"salesrep", "salesrepresentative", "salesagent", "salesagentname",
	"agent", "agentname", "user", "rep", "repname", "seller",
	"accountexecutive", "salesexecutive", "salesman", "responsible",
	"responsibleuser", "assigneduser", "owninguser", NULL
};

/* The fields of a relationship that name its user, or stand for it. */
static const char *const rel_names[] = { "name", "fullname",
	"displayname", NULL };
static const char *const rel_others[] = { "alias", "email", "username",
	"nickname", "communitynickname", "employeenumber",
	"federationidentifier", "firstname", "lastname", NULL };
static const char *const rel_ids[] = { "id", "18digitid", "userid",
	"externalid", "externalidc", "idid", "idvalue", NULL };

/* Whose owner this is when it is not the record's: ranked last. */
static const char *const others[] = { "account", "lead", "contact",
	"case", "campaign", "parent", "created", "lastmodified", "modified",
	NULL };

static int
in(const char *const *list, const char *s)
{
	for (; *list != NULL; list++)
		if (strcmp(*list, s) == 0)
			return 1;
	return 0;
}

static int
ends_with(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);

	return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

/* "__r." (a Salesforce custom relationship) and "__c" are noise. */
static void
api_normalise(const char *raw, char *buf, size_t cap)
{
	char tmp[NORM];
	size_t i, o = 0;

	for (i = 0; raw[i] != '\0' && o + 1 < sizeof(tmp); i++) {
		if (raw[i] == '_' && raw[i + 1] == '_' && (raw[i + 2] | 0x20) ==
		    'r' && raw[i + 3] == '.') {
			i += 2;	/* the '.' is dropped by csv_normalise */
			continue;
		}
		tmp[o++] = raw[i];
	}
	tmp[o] = '\0';
	if (o >= 3 && tmp[o - 3] == '_' && tmp[o - 2] == '_' &&
	    (tmp[o - 1] | 0x20) == 'c')
		tmp[o - 3] = '\0';
	csv_normalise(tmp, buf, cap);
}

enum owner_class
owner_class_of(const char *raw, int *theirs)
{
	char norm[NORM];
	const char *own, *p, *const *w;
	size_t n, pre;

	*theirs = 0;
	api_normalise(raw, norm, sizeof(norm));
	n = strlen(norm);
	if (n == 0)
		return OWN_NONE;
	for (own = NULL, p = norm; (p = strstr(p, "owner")) != NULL; p++)
		own = p;	/* the last "owner": Opportunity.Owner.Name */
	if (own != NULL) {
		const char *suf = own + 5;

		pre = (size_t)(own - norm);
		for (w = others; *w != NULL; w++)
			if (ends_with(norm, pre, *w))
				*theirs = 1;
		if (*suf == '\0')
			return OWN_NAME;
		if (in(rel_names, suf))
			return OWN_REL_NAME;
		if (in(rel_others, suf))
			return OWN_REL_OTHER;
		if (in(rel_ids, suf))
			return OWN_ID;
		return OWN_NONE;	/* Owner Role, Owner Phone, Ownership */
	}
	/* Someone else's: Created By, Last Modified By. */
	if (strncmp(norm, "createdby", 9) == 0 ||
	    strncmp(norm, "lastmodifiedby", 14) == 0)
		return OWN_NONE;
	for (w = display; *w != NULL; w++) {
		size_t k = strlen(*w);

		if (k >= 8 && ends_with(norm, n, *w))
			return OWN_NAME;	/* Activity - Assigned to user */
		/*
		 * Every header name of a file passes here, 50,000 of them
		 * on a wide title row: the first byte rules most words out
		 * before any string compare.
		 */
		if (norm[0] != (*w)[0])
			continue;
		if (strcmp(norm, *w) == 0)
			return OWN_NAME;
		if (strncmp(norm, *w, k) == 0 && in(rel_ids, norm + k))
			return OWN_ID;		/* user_id, Sales Rep ID */
		if (strncmp(norm, *w, k) == 0 && in(rel_names, norm + k))
			return OWN_REL_NAME;	/* User.Name, Sales Rep Name */
	}
	return OWN_NONE;
}

unsigned char
owner_class_byte(const char *raw)
{
	int theirs;
	enum owner_class c = owner_class_of(raw, &theirs);
	unsigned b = (unsigned)c | (theirs ? OWNER_THEIRS : 0u);
	char norm[NORM];
	size_t n;

	if (c == OWN_REL_OTHER && !theirs) {
		api_normalise(raw, norm, sizeof(norm));
		n = strlen(norm);
		if (ends_with(norm, n, "ownerfirstname"))
			b |= OWNER_FIRST;
		else if (ends_with(norm, n, "ownerlastname"))
			b |= OWNER_LAST;
	}
	return (unsigned char)b;
}

struct cand {
	int col, theirs, pref;
	enum owner_class cls;
};

static int
cmp_cand(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	if (x->theirs != y->theirs)
		return x->theirs - y->theirs;
	if (x->cls != y->cls)
		return (int)x->cls - (int)y->cls;
	if (x->pref != y->pref)
		return x->pref - y->pref;
	return x->col - y->col;
}

void
owner_pick(const unsigned char *cls, size_t n, const int *pref, int npref,
    int general, struct owners *o)
{
	struct cand c[MAX_OWNER_COLS * 4];
	size_t i;
	int k = 0, j, dup;
	enum owner_class cl;

	/* The format's own names first, in their order of preference. */
	for (j = 0; j < npref && k < (int)(sizeof(c) / sizeof(c[0])); j++) {
		cl = (enum owner_class)(cls[pref[j]] & OWNER_CLASS);
		c[k].col = pref[j];
		c[k].cls = cl == OWN_NONE ? OWN_NAME : cl;
		c[k].theirs = (cls[pref[j]] & OWNER_THEIRS) != 0;
		c[k++].pref = j;
	}
	for (i = 0; general && i < n && k < (int)(sizeof(c) / sizeof(c[0]));
	    i++) {
		cl = (enum owner_class)(cls[i] & OWNER_CLASS);
		if (cl == OWN_NONE)
			continue;
		for (j = 0, dup = 0; j < k; j++)
			dup |= c[j].col == (int)i;
		if (dup)
			continue;
		c[k].col = (int)i;
		c[k].cls = cl;
		c[k].theirs = (cls[i] & OWNER_THEIRS) != 0;
		c[k++].pref = npref;
	}
	o->first = o->last = -1;
	for (i = 0; i < n; i++) {
		if ((cls[i] & OWNER_FIRST) != 0 && o->first < 0)
			o->first = (int)i;
		if ((cls[i] & OWNER_LAST) != 0 && o->last < 0)
			o->last = (int)i;
	}
	if (o->first < 0 || o->last < 0)
		o->first = o->last = -1;
	qsort(c, (size_t)k, sizeof(c[0]), cmp_cand);
	o->n = k < MAX_OWNER_COLS ? k : MAX_OWNER_COLS;
	for (j = 0; j < o->n; j++) {
		o->col[j] = c[j].col;
		o->cls[j] = c[j].cls;
	}
}

void
owner_only(struct owners *o, int col)
{
	o->first = o->last = -1;
	o->n = col >= 0;
	o->col[0] = col;
	o->cls[0] = OWN_NAME;
}

int
owner_value_is_id(const char *s, size_t n)
{
	size_t i, digits = 0, alnum = 0, hex = 0, dash = 0;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch >= '0' && ch <= '9')
			digits++;
		if ((ch >= '0' && ch <= '9') || ((ch | 0x20) >= 'a' &&
		    (ch | 0x20) <= 'z'))
			alnum++;
		if ((ch >= '0' && ch <= '9') || ((ch | 0x20) >= 'a' &&
		    (ch | 0x20) <= 'f'))
			hex++;
		dash += ch == '-';
		if (ch == ' ')
			return 0;	/* names have spaces, ids do not */
	}
	if (digits == n)
		return 1;	/* HubSpot owner ids, Zoho user ids */
	/* A Salesforce id: 15 or 18 letters and digits, 005... for users. */
	if ((n == 15 || n == 18) && alnum == n && digits >= 3)
		return 1;
	/* A GUID (Dynamics 365). */
	if (n == 36 && dash == 4 && hex == 32)
		return 1;
	/* An Odoo external id: __export__.res_users_5, base.user_admin. */
	if (memchr(s, '.', n) != NULL && memchr(s, '_', n) != NULL &&
	    memchr(s, '@', n) == NULL)
		return 1;
	return 0;
}

const char *
owner_class_name(enum owner_class c)
{
	static const char *const names[] = { "name", "relationship name",
		"relationship field", "id", "none" };

	return names[c];
}

size_t
owner_key(const struct mapping *m, const struct csv_row *row,
    const char **s)
{
	const char *v;
	size_t n;
	int j, c;

	for (j = 0; j < (m->own.n > 0 ? m->own.n : 1); j++) {
		c = m->own.n > 0 ? m->own.col[j] : m->col[F_REP];
		if (c < 0 || (size_t)c >= row->n)
			continue;
		v = row->f[c];
		if ((n = trim_span(&v, row->len[c])) > 0) {
			*s = v;
			return n;
		}
	}
	*s = "";
	return 0;
}

/* Column c of the record, trimmed. */
static size_t
value(const struct rec *r, int c, const char **s)
{
	const struct csv_row *row = r->row;

	if (c < 0 || (size_t)c >= row->n) {
		*s = "";
		return 0;
	}
	*s = row->f[c];
	return trim_span(s, row->len[c]);
}

static void
take(struct rec *r, const char *s, size_t n)
{
	r->nrep = record_collapse(s, n, r->rep, sizeof(r->rep));
}

/* The owner's first and last name columns as one name; 0 if both empty. */
static int
join_names(struct rec *r, const struct owners *o)
{
	char buf[2 * NAME_MAX_LEN + 2];
	const char *f, *l;
	size_t nf = value(r, o->first, &f), nl = value(r, o->last, &l);

	if (nf + nl == 0 || nf + nl + 1 > sizeof(buf))
		return 0;
	memcpy(buf, f, nf);
	buf[nf] = ' ';
	memcpy(buf + nf + 1, l, nl);
	take(r, buf, nf + nl + 1);
	return 1;
}

void
owner_resolve(struct rec *r)
{
	const struct owners *o = &r->fc->map.own;
	const struct users *u = r->ru->users;
	const char *s, *nm;
	size_t n, len;
	int j, pass;
	struct owners one;

	if (o->n == 0) {	/* a mapping made by hand: col[F_REP] alone */
		owner_only(&one, r->fc->map.col[F_REP]);
		o = &one;
	}

	r->rep_id = 0;
	r->key = "";
	r->nkey = 0;
	r->rep[0] = '\0';
	r->nrep = 0;
	if ((r->nkey = owner_key(&r->fc->map, r->row, &r->key)) == 0)
		return;
	/*
	 * A name, else an id the user list names, else an alias or an
	 * e-mail, else the id itself.
	 */
	for (pass = 0; pass < 4; pass++) {
		/* After a name: Owner First Name and Owner Last Name, joined. */
		if (pass == 1 && o->first >= 0 && join_names(r, o))
			return;
		for (j = 0; j < o->n; j++) {
			if ((n = value(r, o->col[j], &s)) == 0)
				continue;
			switch (pass) {
			case 0:
				if (o->cls[j] > OWN_REL_NAME ||
				    owner_value_is_id(s, n))
					continue;
				break;
			case 1:
				if ((nm = users_find(u, s, n, &len)) == NULL)
					continue;
				take(r, nm, len);
				return;
			case 2:
				if (o->cls[j] == OWN_ID ||
				    owner_value_is_id(s, n))
					continue;
				break;
			default:
				r->rep_id = 1;
				break;
			}
			take(r, s, n);
			return;
		}
	}
}
