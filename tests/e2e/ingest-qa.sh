# pm-ingest acceptance review: realistic exports the first tests did not
# cover, with the facts worked out by hand from each row.
. "$(dirname "$0")/../lib.sh"

cd "$FIX/ingest" || exit 70
H=date,rep,metric,value,account,product,team,ref

# Dynamics 365 sets a lost opportunity's Actual Revenue to $0.00: its
# pipeline_created is the Est. Revenue (8000), not 0.  The won deal keeps
# its Actual Revenue (12500); 2026-01-15 -> 2026-03-01 is 16 + 28 + 1 =
# 45 days.  An open deal showing $0.00 Actual Revenue has a pipeline of
# its Est. Revenue (5000) too.
t_run "qa dynamics: exit 0" 0 pm-ingest qa_dynamics_lost.csv
t_out "qa dynamics: a lost deal's pipeline is its estimate" "$H
2026-03-01,Dana Reyes,revenue,12500,Acme Corp,,,5c2b4a1e-8f3d-ef11-8409-000d3a5b1c2d
2026-03-01,Dana Reyes,deals_won,1,Acme Corp,,,5c2b4a1e-8f3d-ef11-8409-000d3a5b1c2d
2026-03-01,Dana Reyes,cycle_days,45,Acme Corp,,,5c2b4a1e-8f3d-ef11-8409-000d3a5b1c2d
2026-01-15,Dana Reyes,opps_created,1,Acme Corp,,,5c2b4a1e-8f3d-ef11-8409-000d3a5b1c2d
2026-01-15,Dana Reyes,pipeline_created,12500,Acme Corp,,,5c2b4a1e-8f3d-ef11-8409-000d3a5b1c2d
2026-03-02,Dana Reyes,deals_lost,1,Globex,,,6c2b4a1e-8f3d-ef11-8409-000d3a5b1c2d
2026-02-01,Dana Reyes,opps_created,1,Globex,,,6c2b4a1e-8f3d-ef11-8409-000d3a5b1c2d
2026-02-01,Dana Reyes,pipeline_created,8000,Globex,,,6c2b4a1e-8f3d-ef11-8409-000d3a5b1c2d
2026-03-03,Sam Lee,opps_created,1,Initech,,,7c2b4a1e-8f3d-ef11-8409-000d3a5b1c2d
2026-03-03,Sam Lee,pipeline_created,30000,Initech,,,7c2b4a1e-8f3d-ef11-8409-000d3a5b1c2d
2026-04-30,Sam Lee,open_pipeline,30000,Initech,,,7c2b4a1e-8f3d-ef11-8409-000d3a5b1c2d
2026-03-04,Sam Lee,opps_created,1,Hooli,,,8c2b4a1e-8f3d-ef11-8409-000d3a5b1c2d
2026-03-04,Sam Lee,pipeline_created,5000,Hooli,,,8c2b4a1e-8f3d-ef11-8409-000d3a5b1c2d
2026-05-29,Sam Lee,open_pipeline,5000,Hooli,,,8c2b4a1e-8f3d-ef11-8409-000d3a5b1c2d
"

# Salesforce tasks report: Type is empty on many tasks, Task Subtype is
# not.  SPEC 12: a Salesforce task is a task unless it says otherwise
# (line 6, no type at all: tasks), and only a completed one counts (line
# 5, Not Started: skipped).  5 records and 5 footer lines.
t_run "qa salesforce tasks: exit 0" 0 pm-ingest qa_sf_tasks.csv
t_out "qa salesforce tasks: an empty Type falls back to Task Subtype" "$H
2026-03-02,Dana Reyes,calls,1,Acme Corp,,,00T5g000001aaaA
2026-03-03,Dana Reyes,emails,1,Acme Corp,,,00T5g000001aaaB
2026-03-13,Sam Lee,meetings,1,Initech,,,00T5g000001aaaC
2026-03-05,Sam Lee,tasks,1,,,,00T5g000001aaaE
"
t_grep "qa salesforce tasks: the open task skipped, with the reason" \
    "^pm-ingest: qa_sf_tasks.csv: 1 skipped: not completed$" "$T/err"
t_grep "qa salesforce tasks: summary" \
    "^pm-ingest: qa_sf_tasks.csv: 10 records: 4 ok, 6 skipped, 0 rejected$" "$T/err"

# A deal export with a deal "Type" (New Business) and a "Created Date"
# also fits the activities format; its stage and amount make it deals.
# 2026-03-01 -> 2026-03-10 is 9 days.
t_run "qa typed deals: exit 0" 0 pm-ingest qa_deals_typed.csv
t_out "qa typed deals: read as deals, not activities" "$H
2026-03-10,Ann Lee,revenue,1200,Acme,,,qa_deals_typed.csv:2
2026-03-10,Ann Lee,deals_won,1,Acme,,,qa_deals_typed.csv:2
2026-03-10,Ann Lee,cycle_days,9,Acme,,,qa_deals_typed.csv:2
2026-03-01,Ann Lee,opps_created,1,Acme,,,qa_deals_typed.csv:2
2026-03-01,Ann Lee,pipeline_created,1200,Acme,,,qa_deals_typed.csv:2
2026-03-12,Ann Lee,deals_lost,1,Beta,,,qa_deals_typed.csv:3
2026-02-27,Ann Lee,opps_created,1,Beta,,,qa_deals_typed.csv:3
2026-02-27,Ann Lee,pipeline_created,300,Beta,,,qa_deals_typed.csv:3
"

# Salesforce with ICU locale formats writes date-times with a comma:
# "1/29/2026, 4:04 PM".  2026-01-29 -> 2026-03-15 is 2 + 28 + 15 = 45.
t_run "qa salesforce ICU date-times: exit 0" 0 pm-ingest qa_sf_icu.csv
t_out "qa salesforce ICU date-times: read" "$H
2026-03-15,Dana Reyes,revenue,12500,Acme Corp,,,qa_sf_icu.csv:2
2026-03-15,Dana Reyes,deals_won,1,Acme Corp,,,qa_sf_icu.csv:2
2026-03-15,Dana Reyes,cycle_days,45,Acme Corp,,,qa_sf_icu.csv:2
2026-01-29,Dana Reyes,opps_created,1,Acme Corp,,,qa_sf_icu.csv:2
2026-01-29,Dana Reyes,pipeline_created,12500,Acme Corp,,,qa_sf_icu.csv:2
2026-02-10,Dana Reyes,deals_lost,1,Globex,,,qa_sf_icu.csv:3
2026-01-11,Dana Reyes,opps_created,1,Globex,,,qa_sf_icu.csv:3
2026-01-11,Dana Reyes,pipeline_created,8000,Globex,,,qa_sf_icu.csv:3
"
t_grep "qa salesforce ICU date-times: all ok" \
    "^pm-ingest: qa_sf_icu.csv: 2 records: 2 ok, 0 skipped, 0 rejected$" "$T/err"

# "12.500" in a comma-separated file with no other evidence: read with
# a decimal point (12.5), but not silently; --decimal-comma gives 12500.
t_run "qa lone decimal mark: exit 0" 0 pm-ingest qa_lone_mark.csv
t_grep "qa lone decimal mark: warned" \
    "^pm-ingest: qa_lone_mark.csv: amount: decimal mark unknown \(2 amounts like 12.500\); reading a decimal point \(use --decimal-comma\)$" "$T/err"
t_run "qa lone decimal mark: --decimal-comma" 0 pm-ingest -q --decimal-comma qa_lone_mark.csv
t_out "qa lone decimal mark: --decimal-comma reads thousands" "$H
2026-03-01,A,revenue,12500,,,,qa_lone_mark.csv:2
2026-03-01,A,deals_won,1,,,,qa_lone_mark.csv:2
2026-03-02,A,revenue,3000,,,,qa_lone_mark.csv:3
2026-03-02,A,deals_won,1,,,,qa_lone_mark.csv:3
2026-03-03,A,revenue,700,,,,qa_lone_mark.csv:4
2026-03-03,A,deals_won,1,,,,qa_lone_mark.csv:4
"
t_nogrep "qa lone decimal mark: no warning with --decimal-comma" "decimal mark" "$T/err"
t_run "qa lone decimal mark: other exports stay quiet" 0 pm-ingest -q salesforce.csv hubspot.csv pipedrive.csv zoho_utf8.csv dynamics.csv
t_nogrep "qa lone decimal mark: no warning on the CRM fixtures" "decimal mark" "$T/err"

# --encoding UTF-8 is taken at its word: no Windows-1252 guess; each of
# the 21 bytes >= 0x80 of the cp1252 file (none forms a UTF-8 sequence)
# becomes U+FFFD, so the amounts with a broken euro sign are rejected,
# and a file that gave no fact at all is exit 65 (SPEC section 12).
t_run "qa --encoding UTF-8: no fact, exit 65" 65 pm-ingest --encoding UTF-8 zoho_cp1252.csv
t_grep "qa --encoding UTF-8: the most common reason, and what helps" \
    "^pm-ingest: zoho_cp1252.csv: no record gave a fact: 3 of 4 rejected: Amount: cannot read '...' as an amount \(decimal comma\) \(map the amount with -m amount=COLUMN, or check --encoding\)$" "$T/err"
t_nogrep "qa --encoding UTF-8: no Windows-1252 fallback" "Windows-1252" "$T/err"
t_grep "qa --encoding UTF-8: bad bytes replaced and counted" \
    "^pm-ingest: zoho_cp1252.csv: 21 bytes not valid in UTF-8 replaced by U\+FFFD$" "$T/err"
t_grep "qa --encoding UTF-8: every record accounted for" \
    "^pm-ingest: zoho_cp1252.csv: 4 records: 0 ok, 0 skipped, 4 rejected$" "$T/err"
t_run "qa --encoding UTF-8 on UTF-8 with a BOM: exit 0" 0 pm-ingest -q --encoding UTF-8 hubspot.csv
t_eq "qa --encoding UTF-8 on UTF-8 with a BOM: same facts" "$(pm-ingest -q hubspot.csv 2>/dev/null)" "$(cat "$T/out")"
