# pm-ingest: owners of every kind (SPEC section 12): relationship and id
# columns, user lists given with --users or among the inputs, and a file
# that gives no fact.  The facts are worked out by hand from each row.
. "$(dirname "$0")/../lib.sh"

cd "$FIX/ingest" || exit 70
H=date,rep,metric,value,account,product,team,ref

# Salesforce Data Loader: Opportunity with OwnerId (18-character ids),
# User all quoted in Windows-1252 with FIRSTNAME/LASTNAME and no NAME.
# 0055g00000Cyd03AAA is in no user list: kept as the rep, one warning.
# 2026-01-10 -> 2026-03-15: 21 + 28 + 15 = 64 days; 03-01 -> 03-31: 30.
SF_FACTS="$H
2026-03-15,Ann Müller,revenue,12000,0015g00000XyZ01AAB,,,0065g00000AbCdEAAV
2026-03-15,Ann Müller,deals_won,1,0015g00000XyZ01AAB,,,0065g00000AbCdEAAV
2026-03-15,Ann Müller,cycle_days,64,0015g00000XyZ01AAB,,,0065g00000AbCdEAAV
2026-01-10,Ann Müller,opps_created,1,0015g00000XyZ01AAB,,,0065g00000AbCdEAAV
2026-01-10,Ann Müller,pipeline_created,12000,0015g00000XyZ01AAB,,,0065g00000AbCdEAAV
2026-02-20,Ann Müller,deals_lost,1,0015g00000XyZ02AAB,,,0065g00000AbCdFAAV
2026-01-20,Ann Müller,opps_created,1,0015g00000XyZ02AAB,,,0065g00000AbCdFAAV
2026-01-20,Ann Müller,pipeline_created,5000,0015g00000XyZ02AAB,,,0065g00000AbCdFAAV
2026-02-01,Bob Núñez,opps_created,1,0015g00000XyZ03AAB,,,0065g00000AbCdGAAV
2026-02-01,Bob Núñez,pipeline_created,8000,0015g00000XyZ03AAB,,,0065g00000AbCdGAAV
2026-04-30,Bob Núñez,open_pipeline,8000,0015g00000XyZ03AAB,,,0065g00000AbCdGAAV
2026-03-31,0055g00000Cyd03AAA,revenue,3000,0015g00000XyZ04AAB,,,0065g00000AbCdHAAV
2026-03-31,0055g00000Cyd03AAA,deals_won,1,0015g00000XyZ04AAB,,,0065g00000AbCdHAAV
2026-03-31,0055g00000Cyd03AAA,cycle_days,30,0015g00000XyZ04AAB,,,0065g00000AbCdHAAV
2026-03-01,0055g00000Cyd03AAA,opps_created,1,0015g00000XyZ04AAB,,,0065g00000AbCdHAAV
2026-03-01,0055g00000Cyd03AAA,pipeline_created,3000,0015g00000XyZ04AAB,,,0065g00000AbCdHAAV
"
t_run "sf data loader: user list among the inputs, exit 0" 0 \
    pm-ingest sf_dl_opportunity.csv sf_dl_user.csv
t_out "sf data loader: ids named by the user list" "$SF_FACTS"
t_grep "sf data loader: the user list yields no fact, its records skipped" \
    "^pm-ingest: sf_dl_user.csv: 3 records: 0 ok, 3 skipped, 0 rejected$" "$T/err"
t_grep "sf data loader: one warning for the id no user names" \
    "^pm-ingest: sf_dl_opportunity.csv: 1 records name their rep by an id that no user list names \(1 id, OWNERID\)" "$T/err"
t_run "sf data loader: the user list first, same facts" 0 \
    pm-ingest -q sf_dl_user.csv sf_dl_opportunity.csv
t_out "sf data loader: the user list first, same facts" "$SF_FACTS"
t_run "sf data loader: --users FILE" 0 pm-ingest -q --users sf_dl_user.csv \
    sf_dl_opportunity.csv
t_out "sf data loader: --users FILE, same facts" "$SF_FACTS"
t_nogrep "sf data loader: --users FILE has no summary line of its own" \
    "sf_dl_user.csv: [0-9]+ records" "$T/err"
t_run "sf data loader: without users, ids are the reps" 0 \
    pm-ingest -q sf_dl_opportunity.csv
t_eq "sf data loader: without users, 3 reps by id" \
    "0055g00000Ann01AAA 0055g00000Bob02AAA 0055g00000Cyd03AAA" \
    "$(sed 1d "$T/out" | cut -d, -f2 | sort -u | tr '\n' ' ' | sed 's/ $//')"
t_grep "sf data loader: without users, the warning counts 4 records, 3 ids" \
    "sf_dl_opportunity.csv: 4 records name their rep by an id that no user list names \(3 ids, OWNERID\)" "$T/err"
t_run "a user list alone: exit 0" 0 pm-ingest sf_dl_user.csv
t_out "a user list alone: no fact" "$H
"
t_run "--users with a deals file: exit 65" 65 pm-ingest --users \
    sf_dl_opportunity.csv sf_dl_opportunity.csv
t_grep "--users with a deals file: says why" \
    "^pm-ingest: --users sf_dl_opportunity.csv: not a user list" "$T/err"

# A relationship column nobody filled in falls back to the next owner
# column; with both empty, no record gives a fact: exit 65 and one line.
printf '%s\n' 'Id,Owner.External_Id__c,OwnerId,StageName,Amount,CloseDate' \
    '006A,,0055g00000Ann01AAA,Closed Won,100,2026-03-02' \
    '006B,W_Sales_User.9,,Closed Won,50,2026-03-03' >"$T/rel.csv"
t_run "empty relationship column: the id column is used" 0 pm-ingest -q \
    --users sf_dl_user.csv "$T/rel.csv"
t_out "empty relationship column: facts" "$H
2026-03-02,Ann Müller,revenue,100,,,,006A
2026-03-02,Ann Müller,deals_won,1,,,,006A
2026-03-03,W_Sales_User.9,revenue,50,,,,006B
2026-03-03,W_Sales_User.9,deals_won,1,,,,006B
"
printf '%s\n' 'Id,Owner.External_Id__c,OwnerId,StageName,Amount,CloseDate' \
    '006A,,,Closed Won,100,2026-03-02' '006B,,,Closed Lost,50,2026-03-03' \
    >"$T/norep.csv"
t_run "no owner filled in: exit 65 after the file" 65 pm-ingest "$T/norep.csv"
t_grep "no owner filled in: one line, the reason and what helps" \
    "norep.csv: no record gave a fact: 2 of 2 rejected: OwnerId: empty rep \(columns OwnerId, Owner.External_Id__c are empty: map the owner with -m rep=COLUMN\)$" "$T/err"
t_eq "no owner filled in: the header alone on stdout" "$H" "$(cat "$T/out")"
t_run "no owner filled in, a good file too: still 65" 65 pm-ingest -q \
    "$T/norep.csv" sf_dl_opportunity.csv
t_eq "no owner filled in, a good file too: its facts written" 17 \
    "$(wc -l <"$T/out" | tr -d ' ')"

# HubSpot by its API names (hs_object_id, dealname, closedate, dealstage
# closedwon/closedlost, hubspot_owner_id), an owners list by the API's
# id,email,firstName,lastName.  2026-02-01 -> 2026-03-10: 27 + 10 = 37.
HS="$H
2026-03-10,Ana Silva,revenue,5000,,,,101
2026-03-10,Ana Silva,deals_won,1,,,,101
2026-03-10,Ana Silva,cycle_days,37,,,,101
2026-02-01,Ana Silva,opps_created,1,,,,101
2026-02-01,Ana Silva,pipeline_created,5000,,,,101
2026-03-12,Ana Silva,deals_lost,1,,,,102
2026-02-15,Ana Silva,opps_created,1,,,,102
2026-02-15,Ana Silva,pipeline_created,1200,,,,102
2026-03-05,Ben Okafor,opps_created,1,,,,103
2026-03-05,Ben Okafor,pipeline_created,800,,,,103
2026-04-01,Ben Okafor,open_pipeline,800,,,,103
"
t_run "hubspot API names: exit 0" 0 pm-ingest -q hubspot_api.csv hubspot_owners.csv
t_out "hubspot API names: owner ids named" "$HS"
t_run "hubspot API names: detected as hubspot" 0 pm-ingest -v hubspot_api.csv
t_grep "hubspot API names: detected as hubspot" "format hubspot" "$T/err"

# Odoo crm.lead, import-compatible export (all quoted, CRLF): user_id/id
# holds external ids, res.users gives id,name.  02-01 -> 03-18: 27 + 18
# = 45; 01-10 -> 03-02: 21 + 28 + 2 = 51.
t_run "odoo: exit 0" 0 pm-ingest -q odoo_res_users.csv odoo_crm_lead.csv
t_out "odoo: facts" "$H
2026-03-18,Marc Demo,revenue,19800,Deco Addict,,Sales,__export__.crm_lead_12_5f3a1c2e
2026-03-18,Marc Demo,deals_won,1,Deco Addict,,Sales,__export__.crm_lead_12_5f3a1c2e
2026-03-18,Marc Demo,cycle_days,45,Deco Addict,,Sales,__export__.crm_lead_12_5f3a1c2e
2026-02-01,Marc Demo,opps_created,1,Deco Addict,,Sales,__export__.crm_lead_12_5f3a1c2e
2026-02-01,Marc Demo,pipeline_created,19800,Deco Addict,,Sales,__export__.crm_lead_12_5f3a1c2e
2026-02-20,Mitchell Admin,opps_created,1,Gemini Furniture,,Sales,__export__.crm_lead_13_7b2d9e41
2026-02-20,Mitchell Admin,pipeline_created,40000,Gemini Furniture,,Sales,__export__.crm_lead_13_7b2d9e41
2026-04-15,Mitchell Admin,open_pipeline,40000,Gemini Furniture,,Sales,__export__.crm_lead_13_7b2d9e41
2026-03-02,Marc Demo,revenue,3800,Ready Mat,,Sales,__export__.crm_lead_14_9c4e2f10
2026-03-02,Marc Demo,deals_won,1,Ready Mat,,Sales,__export__.crm_lead_14_9c4e2f10
2026-03-02,Marc Demo,cycle_days,51,Ready Mat,,Sales,__export__.crm_lead_14_9c4e2f10
2026-01-10,Marc Demo,opps_created,1,Ready Mat,,Sales,__export__.crm_lead_14_9c4e2f10
2026-01-10,Marc Demo,pipeline_created,3800,Ready Mat,,Sales,__export__.crm_lead_14_9c4e2f10
"

# A Salesforce sample org (the analytics sample data sets): owners by
# Owner.External_Id__c, users by External_Id__c with FirstName/LastName;
# CreatedDate__c is CreatedDate.  01-02 -> 03-14: 29 + 28 + 14 = 71.
t_run "sf sample org: exit 0" 0 pm-ingest -q sf_sample_opportunity.csv sf_sample_user.csv
t_out "sf sample org: external ids named" "$H
2026-03-14,Maria Garcia,revenue,45000,,,,W_Opportunity.1
2026-03-14,Maria Garcia,deals_won,1,,,,W_Opportunity.1
2026-03-14,Maria Garcia,cycle_days,71,,,,W_Opportunity.1
2026-01-02,Maria Garcia,opps_created,1,,,,W_Opportunity.1
2026-01-02,Maria Garcia,pipeline_created,45000,,,,W_Opportunity.1
2026-02-25,Kevin O'Brien,deals_lost,1,,,,W_Opportunity.2
2026-01-12,Kevin O'Brien,opps_created,1,,,,W_Opportunity.2
2026-01-12,Kevin O'Brien,pipeline_created,12000,,,,W_Opportunity.2
2026-02-20,Maria Garcia,opps_created,1,,,,W_Opportunity.3
2026-02-20,Maria Garcia,pipeline_created,30000,,,,W_Opportunity.3
2026-05-10,Maria Garcia,open_pipeline,30000,,,,W_Opportunity.3
"
t_run "sf sample org without users: ids kept, one warning" 0 pm-ingest sf_sample_opportunity.csv
t_grep "sf sample org without users: the warning" \
    "^pm-ingest: sf_sample_opportunity.csv: 3 records name their rep by an id that no user list names \(2 ids, Owner.External_Id__c\)" "$T/err"

# Data Loader with the owner's relationship fields OWNER.FIRSTNAME and
# OWNER.LASTNAME (no OWNER.NAME): joined, before the id.
printf '%s\r\n' '"ID","OWNERID","OWNER.FIRSTNAME","OWNER.LASTNAME","STAGENAME","AMOUNT","CLOSEDATE"' \
    '"006A","0055g00000Zed09AAA","Zed","Quinn","Closed Won","10.0","2026-03-02"' \
    '"006B","0055g00000Zed09AAA","","","Closed Lost","5.0","2026-03-03"' >"$T/fl.csv"
t_run "owner first and last name: exit 0" 0 pm-ingest -q "$T/fl.csv"
t_out "owner first and last name: joined, the id when both are empty" "$H
2026-03-02,Zed Quinn,revenue,10,,,,006A
2026-03-02,Zed Quinn,deals_won,1,,,,006A
2026-03-03,0055g00000Zed09AAA,deals_lost,1,,,,006B
"

# --users twice: the lists add up.
t_run "--users twice: exit 0" 0 pm-ingest -q --users hubspot_owners.csv \
    --users sf_dl_user.csv sf_dl_opportunity.csv hubspot_api.csv
t_eq "--users twice: the reps of both files named" \
    "0055g00000Cyd03AAA Ana Silva Ann Müller Ben Okafor Bob Núñez" \
    "$(sed 1d "$T/out" | cut -d, -f2 | LC_ALL=C sort -u | tr '\n' ' ' | sed 's/ $//')"

# HubSpot's Deal owner column holding owner ids: the values say so.
printf '%s\n' 'Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Deal owner' \
    '9001,Acme,Closed Won,100,2026-03-02,2026-02-01,81234567' >"$T/hsid.csv"
t_run "Deal owner holding ids: named by the owners list" 0 pm-ingest -q \
    --users hubspot_owners.csv "$T/hsid.csv"
t_eq "Deal owner holding ids: the rep" "Ana Silva" \
    "$(sed -n 2p "$T/out" | cut -d, -f2)"
t_run "Deal owner holding ids, no list: kept, warned" 0 pm-ingest "$T/hsid.csv"
t_grep "Deal owner holding ids, no list: warned" \
    "hsid.csv: 1 records name their rep by an id that no user list names \(1 id, Deal owner\)" "$T/err"

# Among the inputs, a list with an id and a name is a user list when it
# says so (a login, alias or role column, or a file named for users); a
# contacts export is not one: format not recognised, exit 65, with a hint.
printf '%s\n' 'Id,Name,Email,Phone' '003A,Ann Lee,ann@x.example,555' >"$T/contacts.csv"
t_run "contacts among the inputs: not a user list, exit 65" 65 pm-ingest "$T/contacts.csv"
t_grep "contacts among the inputs: the hint names --users" \
    "contacts.csv: format not recognised \(an id and a name: a user list goes with --users FILE" "$T/err"
cp "$T/contacts.csv" "$T/users.csv"
t_run "the same named users.csv: a user list, exit 0" 0 pm-ingest "$T/users.csv"
t_grep "the same named users.csv: skipped as a user list" \
    "users.csv: 1 records: 0 ok, 1 skipped, 0 rejected" "$T/err"
t_run "--users takes any id and name list" 0 pm-ingest -q --users "$T/contacts.csv" sf_dl_opportunity.csv

# A user without a name is no user, and is said to be missing.
printf '%s\n' 'Id,Name,Username' '005A,Ann Lee,ann' '005B,,bob' >"$T/u2.csv"
t_run "--users: a record without a name" 0 pm-ingest -q --users "$T/u2.csv" sf_dl_opportunity.csv
t_grep "--users: a record without a name, counted" \
    "^pm-ingest: --users .*u2.csv: 1 records without an id or a name$" "$T/err"
