# pm-ingest: a report's total rows are noise only when they look like one
# (a total label and little else: no id, date, activity type or metric),
# and the reserved name '*' (SPEC sections 3, 18).
. "$(dirname "$0")/../lib.sh"
cd "$FIX/ingest" || exit 1
H=date,rep,metric,value,account,product,team,ref

# A grouped Salesforce report: Subtotal and Sub-total: rows, a Total and
# a Grand Totals (3 records) row, the footer block.  The first deal's
# account is "Total" and its product "TOTAL": a deal, not a total row.
# Cycle days: 3/1 -> 3/15 = 14, 3/16 -> 3/31 = 15.
N=sf_grouped.csv
t_run "grouped report: exit 0" 0 pm-ingest $N
t_out "grouped report: the deal named Total is a deal" "$H
2026-03-15,Dana Reyes,revenue,1000,Total,TOTAL,,0061a00011
2026-03-15,Dana Reyes,deals_won,1,Total,TOTAL,,0061a00011
2026-03-15,Dana Reyes,cycle_days,14,Total,TOTAL,,0061a00011
2026-03-01,Dana Reyes,opps_created,1,Total,TOTAL,,0061a00011
2026-03-01,Dana Reyes,pipeline_created,1000,Total,TOTAL,,0061a00011
2026-03-20,Dana Reyes,deals_lost,1,Acme Corp,Pro,,0061a00012
2026-03-10,Dana Reyes,opps_created,1,Acme Corp,Pro,,0061a00012
2026-03-10,Dana Reyes,pipeline_created,500,Acme Corp,Pro,,0061a00012
2026-03-31,Sam Lee,revenue,2000,Initech,Pro,,0061a00013
2026-03-31,Sam Lee,deals_won,1,Initech,Pro,,0061a00013
2026-03-31,Sam Lee,cycle_days,15,Initech,Pro,,0061a00013
2026-03-16,Sam Lee,opps_created,1,Initech,Pro,,0061a00013
2026-03-16,Sam Lee,pipeline_created,2000,Initech,Pro,,0061a00013
"
# 7 rows and 5 footer lines (the blank line is no record): 3 deals, 4
# total rows and the 5 footer lines skipped.
t_grep "grouped report: totals and footer skipped, deals counted" \
    "^pm-ingest: $N: 12 records: 3 ok, 9 skipped, 0 rejected$" "$T/err"

cd "$T" || exit 1
# A generic export: a won deal whose account is TOTAL (an id, a stage, a
# date) is a deal; "Total" in the id column with only an amount, and a
# "Sum" row, are total rows; "Totals (2)" with a close date is a record
# (rejected: no owner), never dropped.
{
	echo 'opportunity_id,sales_agent,deal_stage,account,close_value,close_date'
	echo 'g1,Ann,Won,TOTAL,100,2026-03-04'
	echo 'g2,Bob,Won,Beta,50,2026-03-05'
	echo 'Total,,,,150,'
	echo 'Sum,,,,150,'
	echo ',,Won,Totals (2),150,2026-03-05'
} >generic.csv
t_run "generic: exit 0" 0 pm-ingest generic.csv
t_out "generic: account TOTAL is a deal" "$H
2026-03-04,Ann,revenue,100,TOTAL,,,g1
2026-03-04,Ann,deals_won,1,TOTAL,,,g1
2026-03-05,Bob,revenue,50,Beta,,,g2
2026-03-05,Bob,deals_won,1,Beta,,,g2
"
t_grep "generic: the total rows skipped, the dated one rejected" \
    "^pm-ingest: generic.csv: 5 records: 2 ok, 2 skipped, 1 rejected$" "$T/err"

# Excel's Data > Subtotal on the owner column ("Dana Reyes Total",
# "Grand Total"), and a report grouped by stage whose subtotal repeats
# the stage: total rows, no id and no date.  A deal of account "Acme
# Total" is a deal.
{
	echo 'Opportunity ID,Opportunity Owner,Stage,Amount,Close Date,Account Name'
	echo '006A,Dana Reyes,Closed Won,100,2026-03-01,Acme Total'
	echo '006B,Dana Reyes,Closed Lost,50,2026-03-02,Beta'
	echo ',Dana Reyes Total,,150,,'
	echo '006C,Sam Lee,Closed Won,200,2026-03-03,Gamma'
	echo ',Subtotal,Closed Won,300,,'
	echo ',SAM LEE TOTALS,,200,,'
	echo ',Grand Total,,350,,'
} >excel.csv
t_run "excel subtotals: exit 0" 0 pm-ingest excel.csv
t_out "excel subtotals: the three deals" "$H
2026-03-01,Dana Reyes,revenue,100,Acme Total,,,006A
2026-03-01,Dana Reyes,deals_won,1,Acme Total,,,006A
2026-03-02,Dana Reyes,deals_lost,1,Beta,,,006B
2026-03-03,Sam Lee,revenue,200,Gamma,,,006C
2026-03-03,Sam Lee,deals_won,1,Gamma,,,006C
"
t_grep "excel subtotals: four total rows skipped" \
    "^pm-ingest: excel.csv: 7 records: 3 ok, 4 skipped, 0 rejected$" "$T/err"

# '*' is the roll-up's name: a rep or a team named '*' is rejected with
# the reason, in --rejects and in the counts.
{
	echo 'Opportunity ID,Opportunity Owner,Stage,Amount,Close Date,Team'
	echo '006A, * ,Closed Won,5,2026-03-01,'
	echo '006B,Bob,Closed Won,5,2026-03-01,*'
	echo '006C,Cy,Closed Won,5,2026-03-01,East'
	echo '006D,Di*,Closed Won,5,2026-03-01,**'
} >star.csv
t_run "'*': exit 0" 0 pm-ingest --rejects rej.csv star.csv
t_out "'*': the other records are facts ('Di*', '**' are names)" "$H
2026-03-01,Cy,revenue,5,,,East,006C
2026-03-01,Cy,deals_won,1,,,East,006C
2026-03-01,Di*,revenue,5,,,**,006D
2026-03-01,Di*,deals_won,1,,,**,006D
"
t_grep "'*': counted" "^pm-ingest: star.csv: 4 records: 2 ok, 0 skipped, 2 rejected$" "$T/err"
t_grep "'*' rep: the reason in --rejects" \
    "^star.csv,2,Opportunity Owner: '\\*' is reserved for the roll-up of all reps," rej.csv
t_grep "'*' team: the reason in --rejects" \
    "^star.csv,3,Team: '\\*' is reserved for the roll-up of all teams," rej.csv
t_run "'*' --strict: exit 65" 65 pm-ingest --strict star.csv
t_run "'*' without --rejects: exit 0" 0 pm-ingest star.csv
t_grep "'*' without --rejects: FILE:LINE and why" \
    "^pm-ingest: star.csv:2: Opportunity Owner: '\\*' is reserved" "$T/err"
