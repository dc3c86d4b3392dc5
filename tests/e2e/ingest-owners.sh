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
    "^pm-ingest: sf_dl_opportunity.csv: 1 records name their rep by an id that no user list names \(OWNERID\)" "$T/err"
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
t_grep "sf data loader: without users, the warning counts 4 records" \
    "sf_dl_opportunity.csv: 4 records name their rep by an id" "$T/err"
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
