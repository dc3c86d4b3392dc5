# pm-ingest on export shapes as the CRMs write them (SPEC section 12):
# Dynamics 365 views without the (Do Not Modify) columns, currency names,
# API field names, reps who each sell in their own currency.  The facts
# are worked out by hand from each row.
. "$(dirname "$0")/../lib.sh"

cd "$FIX/ingest" || exit 70
H=date,rep,metric,value,account,product,team,ref

# Dynamics 365 view saved by Excel (BOM, CRLF): Owner, Status, Est.
# revenue (lower case), Actual Revenue, Actual Close Date, Currency by
# name, and Revenue = User Provided / System Calculated, which is not
# money.  A lost deal's Actual Revenue is $0.00: its pipeline is the
# estimate.  01-05 -> 03-12: 26 + 28 + 12 = 66; 02-15 -> 03-20: 13 + 20 =
# 33; 03-01 -> 03-25: 24.  The open deal has no close date of either
# kind: no open_pipeline.
DYN="$H
2026-03-12,Nancy Davolio,revenue,24500,Contoso Ltd,,,dynamics_view.csv:2
2026-03-12,Nancy Davolio,deals_won,1,Contoso Ltd,,,dynamics_view.csv:2
2026-03-12,Nancy Davolio,cycle_days,66,Contoso Ltd,,,dynamics_view.csv:2
2026-01-05,Nancy Davolio,opps_created,1,Contoso Ltd,,,dynamics_view.csv:2
2026-01-05,Nancy Davolio,pipeline_created,24500,Contoso Ltd,,,dynamics_view.csv:2
2026-02-27,Nancy Davolio,deals_lost,1,Fabrikam Inc,,,dynamics_view.csv:3
2026-01-20,Nancy Davolio,opps_created,1,Fabrikam Inc,,,dynamics_view.csv:3
2026-01-20,Nancy Davolio,pipeline_created,8000,Fabrikam Inc,,,dynamics_view.csv:3
2026-02-02,Alan Steiner,opps_created,1,Litware Inc,,,dynamics_view.csv:4
2026-02-02,Alan Steiner,pipeline_created,15000,Litware Inc,,,dynamics_view.csv:4
2026-03-20,Jürgen Weiß,revenue,9000,A. Datum GmbH,,,dynamics_view.csv:5
2026-03-20,Jürgen Weiß,deals_won,1,A. Datum GmbH,,,dynamics_view.csv:5
2026-03-20,Jürgen Weiß,cycle_days,33,A. Datum GmbH,,,dynamics_view.csv:5
2026-02-15,Jürgen Weiß,opps_created,1,A. Datum GmbH,,,dynamics_view.csv:5
2026-02-15,Jürgen Weiß,pipeline_created,9000,A. Datum GmbH,,,dynamics_view.csv:5
2026-03-25,Jürgen Weiß,revenue,3800,A. Datum GmbH,,,dynamics_view.csv:6
2026-03-25,Jürgen Weiß,deals_won,1,A. Datum GmbH,,,dynamics_view.csv:6
2026-03-25,Jürgen Weiß,cycle_days,24,A. Datum GmbH,,,dynamics_view.csv:6
2026-03-01,Jürgen Weiß,opps_created,1,A. Datum GmbH,,,dynamics_view.csv:6
2026-03-01,Jürgen Weiß,pipeline_created,3800,A. Datum GmbH,,,dynamics_view.csv:6
"
t_run "dynamics view: exit 0" 0 pm-ingest dynamics_view.csv
t_out "dynamics view: facts, currency names read" "$DYN"
t_grep "dynamics view: every record ok" \
    "^pm-ingest: dynamics_view.csv: 5 records: 5 ok, 0 skipped, 0 rejected$" "$T/err"
t_grep "dynamics view: each rep in the rep's currency, said once" \
    "^pm-ingest: dynamics_view.csv: reps sell in 2 currencies \(USD: 2 reps, EUR: 1 rep\)" "$T/err"
t_run "dynamics view: detected as dynamics" 0 pm-ingest -v dynamics_view.csv
t_grep "dynamics view: detected as dynamics" "format dynamics" "$T/err"
t_nogrep "dynamics view: Revenue (User Provided) is not an amount" \
    '<- "Revenue"' "$T/err"
# --rates by currency names, on the command line: Euro x 1.1.
t_run "dynamics view: --rates by name" 0 pm-ingest -q \
    --rates 'Euro=1.1,US Dollar=1' dynamics_view.csv
t_eq "dynamics view: --rates Euro=1.1: 9000 -> 9900, 3800 -> 4180" \
    "9900 4180" "$(grep ',revenue,' "$T/out" | grep Jürgen | cut -d, -f4 | tr '\n' ' ' | sed 's/ $//')"
t_eq "dynamics view: --rates: US Dollar at 1" "24500" \
    "$(grep ',revenue,' "$T/out" | grep Nancy | cut -d, -f4)"
printf 'currency,rate\nEuro,1.1\nus dollar,1\n' >"$T/rates.csv"
t_run "dynamics view: a rates file naming currencies" 0 pm-ingest -q \
    --rates "$T/rates.csv" dynamics_view.csv
t_eq "dynamics view: a rates file naming currencies: converted" "9900 4180" \
    "$(grep ',revenue,' "$T/out" | grep Jürgen | cut -d, -f4 | tr '\n' ' ' | sed 's/ $//')"
t_run "--rates: an unknown currency name" 64 pm-ingest --rates 'Quatloo=2' dynamics_view.csv
t_grep "--rates: an unknown currency name, said" "'Quatloo' is not a currency" "$T/err"

# Three reps sell in EUR, five in USD.  A file majority would reject
# every record of the EUR reps; each rep is held to the rep's own
# currency instead, so only Al's odd EUR deal is rejected.
# 01-05 -> 02-10: 26 + 10 = 36; 01-10 -> 03-01: 21 + 28 + 1 = 50;
# 02-01 -> 03-02: 27 + 2 = 29; 02-03 -> 03-04: 25 + 4 = 29;
# 01-15 -> 02-20: 16 + 20 = 36; 01-16 -> 02-21: 15 + 21 = 36;
# 02-05 -> 03-10: 23 + 10 = 33.
t_run "reps in their own currencies: exit 0" 0 pm-ingest generic_rep_currency.csv
t_out "reps in their own currencies: facts" "$H
2026-02-10,Al,revenue,1000,,,,r1
2026-02-10,Al,deals_won,1,,,,r1
2026-02-10,Al,cycle_days,36,,,,r1
2026-01-05,Al,opps_created,1,,,,r1
2026-01-05,Al,pipeline_created,1000,,,,r1
2026-02-12,Al,deals_lost,1,,,,r3
2026-01-07,Al,opps_created,1,,,,r3
2026-01-07,Al,pipeline_created,200,,,,r3
2026-03-01,Bea,revenue,2000,,,,r4
2026-03-01,Bea,deals_won,1,,,,r4
2026-03-01,Bea,cycle_days,50,,,,r4
2026-01-10,Bea,opps_created,1,,,,r4
2026-01-10,Bea,pipeline_created,2000,,,,r4
2026-03-02,Cal,revenue,300,,,,r5
2026-03-02,Cal,deals_won,1,,,,r5
2026-03-02,Cal,cycle_days,29,,,,r5
2026-02-01,Cal,opps_created,1,,,,r5
2026-02-01,Cal,pipeline_created,300,,,,r5
2026-03-03,Dan,deals_lost,1,,,,r6
2026-02-02,Dan,opps_created,1,,,,r6
2026-02-02,Dan,pipeline_created,400,,,,r6
2026-03-04,Ed,revenue,700,,,,r7
2026-03-04,Ed,deals_won,1,,,,r7
2026-03-04,Ed,cycle_days,29,,,,r7
2026-02-03,Ed,opps_created,1,,,,r7
2026-02-03,Ed,pipeline_created,700,,,,r7
2026-02-20,Eva,revenue,900,,,,r8
2026-02-20,Eva,deals_won,1,,,,r8
2026-02-20,Eva,cycle_days,36,,,,r8
2026-01-15,Eva,opps_created,1,,,,r8
2026-01-15,Eva,pipeline_created,900,,,,r8
2026-02-21,Eva,revenue,100,,,,r9
2026-02-21,Eva,deals_won,1,,,,r9
2026-02-21,Eva,cycle_days,36,,,,r9
2026-01-16,Eva,opps_created,1,,,,r9
2026-01-16,Eva,pipeline_created,100,,,,r9
2026-03-10,Fritz,revenue,1200,,,,r10
2026-03-10,Fritz,deals_won,1,,,,r10
2026-03-10,Fritz,cycle_days,33,,,,r10
2026-02-05,Fritz,opps_created,1,,,,r10
2026-02-05,Fritz,pipeline_created,1200,,,,r10
2026-03-11,Greta,deals_lost,1,,,,r11
2026-02-06,Greta,opps_created,1,,,,r11
2026-02-06,Greta,pipeline_created,600,,,,r11
"
t_grep "reps in their own currencies: the odd one out rejected" \
    "^pm-ingest: generic_rep_currency.csv:3: amount in EUR, not in USD, the currency of most of Al's records \(use --rates FILE to convert\)$" "$T/err"
t_grep "reps in their own currencies: counted" \
    "^pm-ingest: generic_rep_currency.csv: 11 records: 10 ok, 0 skipped, 1 rejected$" "$T/err"
t_grep "reps in their own currencies: the mix said once" \
    "^pm-ingest: generic_rep_currency.csv: reps sell in 2 currencies \(USD: 5 reps, EUR: 3 reps\)" "$T/err"
t_run "reps in their own currencies: --rates converts all" 0 pm-ingest -q \
    --rates 'USD=1,EUR=1.1' generic_rep_currency.csv
t_eq "reps in their own currencies: --rates: Al's EUR 500 -> 550" "550" \
    "$(grep '^2026-02-11,Al,revenue,' "$T/out" | cut -d, -f4)"

# Zoho CRM by its API names: Owner__name / Owner__id, Account_Name__name
# (the lookup's name, not its id), Closing_Date, Created_Time with an
# offset.  01-05 -> 03-15: 26 + 28 + 15 = 69.
t_run "zoho API names: exit 0" 0 pm-ingest zoho_api.csv
t_out "zoho API names: facts" "$H
2026-03-15,Priya Nair,revenue,12000,Alpha Ltd,,,4876876000000333001
2026-03-15,Priya Nair,deals_won,1,Alpha Ltd,,,4876876000000333001
2026-03-15,Priya Nair,cycle_days,69,Alpha Ltd,,,4876876000000333001
2026-01-05,Priya Nair,opps_created,1,Alpha Ltd,,,4876876000000333001
2026-01-05,Priya Nair,pipeline_created,12000,Alpha Ltd,,,4876876000000333001
2026-02-28,Priya Nair,deals_lost,1,Beta GmbH,,,4876876000000333002
2026-01-20,Priya Nair,opps_created,1,Beta GmbH,,,4876876000000333002
2026-01-20,Priya Nair,pipeline_created,3000,Beta GmbH,,,4876876000000333002
2026-02-10,Rahul Mehta,opps_created,1,Gamma SA,,,4876876000000333003
2026-02-10,Rahul Mehta,pipeline_created,5000,Gamma SA,,,4876876000000333003
2026-04-30,Rahul Mehta,open_pipeline,5000,Gamma SA,,,4876876000000333003
"
t_run "zoho API names: detected as zoho" 0 pm-ingest -v zoho_api.csv
t_grep "zoho API names: detected as zoho" "format zoho" "$T/err"

# Pipedrive deals export with "Deal - Deal created" and a creator who is
# not the owner.  01-12 -> 03-02: 19 + 28 + 2 = 49.
t_run "pipedrive, Deal created: exit 0" 0 pm-ingest pipedrive_deal_created.csv
t_out "pipedrive, Deal created: facts" "$H
2026-03-02,Sofia Lind,revenue,2400,Kappa AB,,,201
2026-03-02,Sofia Lind,deals_won,1,Kappa AB,,,201
2026-03-02,Sofia Lind,cycle_days,49,Kappa AB,,,201
2026-01-12,Sofia Lind,opps_created,1,Kappa AB,,,201
2026-01-12,Sofia Lind,pipeline_created,2400,Kappa AB,,,201
2026-02-18,Sofia Lind,deals_lost,1,Lambda Oy,,,202
2026-01-20,Sofia Lind,opps_created,1,Lambda Oy,,,202
2026-01-20,Sofia Lind,pipeline_created,900,Lambda Oy,,,202
2026-02-03,Omar Haddad,opps_created,1,Mu GmbH,,,203
2026-02-03,Omar Haddad,pipeline_created,1500,Mu GmbH,,,203
2026-04-10,Omar Haddad,open_pipeline,1500,Mu GmbH,,,203
"

# Dynamics writes a Canadian Dollar amount with a bare "$": the Currency
# column says which dollar.  US$ beside Canadian Dollar is a conflict.
printf '%s\r\n' 'Owner,Status,Est. revenue,Actual Revenue,Actual Close Date,Currency' \
    'Lea Roy,Won,"$1,200.00","$1,100.00",3/12/2026,Canadian Dollar' \
    'Lea Roy,Won,"US$500.00","US$500.00",3/13/2026,Canadian Dollar' >"$T/cad.csv"
t_run "dynamics: a bare \$ in a Canadian Dollar row" 0 pm-ingest "$T/cad.csv"
t_out "dynamics: a bare \$ in a Canadian Dollar row: read" "$H
2026-03-12,Lea Roy,revenue,1100,,,,$T/cad.csv:2
2026-03-12,Lea Roy,deals_won,1,,,,$T/cad.csv:2
"
t_grep "dynamics: US\$ beside Canadian Dollar: rejected" \
    "cad.csv:3: amount in USD but currency CAD" "$T/err"
t_run "dynamics: --rates CAD converts the bare \$ row" 0 pm-ingest -q \
    --rates 'Canadian Dollar=0.7' "$T/cad.csv"
t_eq "dynamics: --rates CAD: 1100 x 0.7 = 770" 770 \
    "$(grep ',revenue,' "$T/out" | cut -d, -f4)"
