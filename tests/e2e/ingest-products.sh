# pm-ingest on Salesforce "Opportunities with Products" reports: one row
# per line item, the opportunity's fields (and Amount) repeated on each.
# Money facts are the line's Total Price; deals_won, deals_lost,
# opps_created and cycle_days are the opportunity's, on its first line.
# Expected facts worked out by hand from the rows.
. "$(dirname "$0")/../lib.sh"

cd "$FIX/ingest" || exit 70
H=date,rep,metric,value,account,product,team,ref
A=0068c00001ACME01 G=0068c00001GLBX02 I=0068c00001INIT03 U=0068c00001UMBR04

# The export is sorted by Product Name, as analysts often sort it, so an
# opportunity's lines are apart; the first line met carries its counts.
# Umbrella (won, no products: its Amount 4,000 stands for it; created
# 3/1, closed 3/31: 30 days), Acme (won, lines 2,500 + 12,000 + 500 =
# its Amount 15,000; 1/12 -> 3/20 is 19 + 28 + 20 = 67 days), Globex
# (lost, 2,400 + 6,000), Initech (open, 1,300 + 2,400, expected 4/30).
# The footer block is skipped: 8 lines + 5 footer records.
FACTS="$H
2026-03-31,Dana Reyes,revenue,4000,Umbrella Corp,,,$U
2026-03-31,Dana Reyes,deals_won,1,Umbrella Corp,,,$U
2026-03-31,Dana Reyes,cycle_days,30,Umbrella Corp,,,$U
2026-03-01,Dana Reyes,opps_created,1,Umbrella Corp,,,$U
2026-03-01,Dana Reyes,pipeline_created,4000,Umbrella Corp,,,$U
2026-03-20,Dana Reyes,revenue,2500,Acme Corp,Onboarding,,$A
2026-03-20,Dana Reyes,deals_won,1,Acme Corp,Onboarding,,$A
2026-03-20,Dana Reyes,cycle_days,67,Acme Corp,Onboarding,,$A
2026-01-12,Dana Reyes,opps_created,1,Acme Corp,Onboarding,,$A
2026-01-12,Dana Reyes,pipeline_created,2500,Acme Corp,Onboarding,,$A
2026-02-27,Sam Lee,deals_lost,1,Globex,Onboarding,,$G
2025-12-01,Sam Lee,opps_created,1,Globex,Onboarding,,$G
2025-12-01,Sam Lee,pipeline_created,2400,Globex,Onboarding,,$G
2026-02-02,Sam Lee,opps_created,1,Initech,Onboarding,,$I
2026-02-02,Sam Lee,pipeline_created,1300,Initech,Onboarding,,$I
2026-04-30,Sam Lee,open_pipeline,1300,Initech,Onboarding,,$I
2026-03-20,Dana Reyes,revenue,12000,Acme Corp,Platform License,,$A
2026-01-12,Dana Reyes,pipeline_created,12000,Acme Corp,Platform License,,$A
2025-12-01,Sam Lee,pipeline_created,6000,Globex,Platform License,,$G
2026-02-02,Sam Lee,pipeline_created,2400,Initech,Platform License,,$I
2026-04-30,Sam Lee,open_pipeline,2400,Initech,Platform License,,$I
2026-03-20,Dana Reyes,revenue,500,Acme Corp,Support Plan,,$A
2026-01-12,Dana Reyes,pipeline_created,500,Acme Corp,Support Plan,,$A
"
t_run "products: exit 0" 0 pm-ingest opp_products.csv
t_out "products: line money, opportunity counts once" "$FACTS"
t_nogrep "products: an opportunity's lines are not duplicates" "duplicate" "$T/err"
t_grep "products: summary" \
    "^pm-ingest: opp_products.csv: 13 records: 8 ok, 5 skipped, 0 rejected$" "$T/err"

# The same report grouped by opportunity (Salesforce's usual order),
# made here from the fixture: each opportunity's lines in a run.
awk -F'","' 'NR == 1 { print; next }
	NF < 16 { foot = foot $0 "\n"; next }
	!($3 in rows) { order[++n] = $3 }
	{ rows[$3] = rows[$3] $0 "\n" }
	END { for (i = 1; i <= n; i++) printf "%s", rows[order[i]]
		printf "%s", foot }' opp_products.csv >"$T/grouped.csv"
t_run "products grouped: exit 0" 0 pm-ingest "$T/grouped.csv"
t_out "products grouped: the same facts, by opportunity" "$H
2026-03-31,Dana Reyes,revenue,4000,Umbrella Corp,,,$U
2026-03-31,Dana Reyes,deals_won,1,Umbrella Corp,,,$U
2026-03-31,Dana Reyes,cycle_days,30,Umbrella Corp,,,$U
2026-03-01,Dana Reyes,opps_created,1,Umbrella Corp,,,$U
2026-03-01,Dana Reyes,pipeline_created,4000,Umbrella Corp,,,$U
2026-03-20,Dana Reyes,revenue,2500,Acme Corp,Onboarding,,$A
2026-03-20,Dana Reyes,deals_won,1,Acme Corp,Onboarding,,$A
2026-03-20,Dana Reyes,cycle_days,67,Acme Corp,Onboarding,,$A
2026-01-12,Dana Reyes,opps_created,1,Acme Corp,Onboarding,,$A
2026-01-12,Dana Reyes,pipeline_created,2500,Acme Corp,Onboarding,,$A
2026-03-20,Dana Reyes,revenue,12000,Acme Corp,Platform License,,$A
2026-01-12,Dana Reyes,pipeline_created,12000,Acme Corp,Platform License,,$A
2026-03-20,Dana Reyes,revenue,500,Acme Corp,Support Plan,,$A
2026-01-12,Dana Reyes,pipeline_created,500,Acme Corp,Support Plan,,$A
2026-02-27,Sam Lee,deals_lost,1,Globex,Onboarding,,$G
2025-12-01,Sam Lee,opps_created,1,Globex,Onboarding,,$G
2025-12-01,Sam Lee,pipeline_created,2400,Globex,Onboarding,,$G
2025-12-01,Sam Lee,pipeline_created,6000,Globex,Platform License,,$G
2026-02-02,Sam Lee,opps_created,1,Initech,Onboarding,,$I
2026-02-02,Sam Lee,pipeline_created,1300,Initech,Onboarding,,$I
2026-04-30,Sam Lee,open_pipeline,1300,Initech,Onboarding,,$I
2026-02-02,Sam Lee,pipeline_created,2400,Initech,Platform License,,$I
2026-04-30,Sam Lee,open_pipeline,2400,Initech,Platform License,,$I
"
t_grep "products grouped: summary" \
    "grouped.csv: 13 records: 8 ok, 5 skipped, 0 rejected$" "$T/err"
t_nogrep "products grouped: no duplicates" "duplicate" "$T/err"

# Revenue adds up to the Amounts of the won opportunities, each counted
# once, read straight from the export (every field quoted).
want=$(awk -F'","' 'NR > 1 && $4 == "Closed Won" && !seen[$16]++ {
	a = $6; gsub(/[^0-9.]/, "", a); s += a } END { print s }' opp_products.csv)
got=$(awk -F, '$3 == "revenue" { s += $4 } END { print s }' "$T/out")
t_eq "products: revenue = the won opportunities' Amounts" 19000 "$got"
t_eq "products: the export says so too" "$want" "$got"
t_eq "products: deals_won once per opportunity" 2 \
    "$(grep -c ',deals_won,' "$T/out")"
t_eq "products: opps_created once per opportunity" 4 \
    "$(grep -c ',opps_created,' "$T/out")"

t_run "products --dedupe: exit 0" 0 pm-ingest --dedupe opp_products.csv
t_out "products --dedupe: nothing dropped" "$FACTS"
t_nogrep "products --dedupe: nothing reported" "duplicate" "$T/err"

t_run "products from standard input: exit 0" 0 pm-ingest - <opp_products.csv
t_out "products from standard input: the same facts" "$FACTS"

t_run "products -v: exit 0" 0 pm-ingest -v opp_products.csv
t_grep "products -v: the line amount column" \
    'line_amount +<- "Total Price"' "$T/err"
t_grep "products -v: says it reads product lines" \
    "opp_products.csv: one row per product line" "$T/err"

# The same report twice is two copies of each opportunity: reported
# once per opportunity, kept whole without --dedupe, dropped with it.
t_run "products twice: exit 0" 0 pm-ingest opp_products.csv opp_products.csv
t_eq "products twice: every fact twice" 46 "$(tail -n +2 "$T/out" | wc -l | tr -d ' ')"
t_eq "products twice: deals_won twice per opportunity" 4 \
    "$(grep -c ',deals_won,' "$T/out")"
t_eq "products twice: one report per opportunity" 4 "$(grep -c 'duplicate' "$T/err")"
t_grep "products twice: the id and why" \
    "^pm-ingest: opp_products.csv:3: duplicate id '$A' \(also in an earlier file\)$" "$T/err"
t_run "products twice --dedupe: exit 0" 0 pm-ingest --dedupe opp_products.csv opp_products.csv
t_out "products twice --dedupe: the first copy only" "$FACTS"
t_grep "products twice --dedupe: the second copy skipped" \
    "opp_products.csv: 13 records: 0 ok, 13 skipped, 0 rejected" "$T/err"

# No Opportunity ID column, "Product: Product Name" and "Total Price
# (converted)", sorted by product so an opportunity's lines are apart.
# Two opportunities named "Renewal" (Pied Piper won, Hooli lost) are
# told apart by owner, account and close date.  Hooli - Renewal: 4/1 ->
# 5/15 = 30 + 14 = 44 days, lines 1,000 + 2,000 = 3,000; Renewal (Pied
# Piper): 4/20 -> 5/20 = 30 days, lines 500 + 1,500 = 2,000.
N=opp_products_noid.csv
t_run "products without ids: exit 0" 0 pm-ingest $N
t_out "products without ids: opportunities by their fields" "$H
2026-05-15,Ana Silva,revenue,1000,Hooli,Analytics Add-on,,$N:2
2026-05-15,Ana Silva,deals_won,1,Hooli,Analytics Add-on,,$N:2
2026-05-15,Ana Silva,cycle_days,44,Hooli,Analytics Add-on,,$N:2
2026-04-01,Ana Silva,opps_created,1,Hooli,Analytics Add-on,,$N:2
2026-04-01,Ana Silva,pipeline_created,1000,Hooli,Analytics Add-on,,$N:2
2026-05-20,Ana Silva,revenue,500,Pied Piper,Analytics Add-on,,$N:3
2026-05-20,Ana Silva,deals_won,1,Pied Piper,Analytics Add-on,,$N:3
2026-05-20,Ana Silva,cycle_days,30,Pied Piper,Analytics Add-on,,$N:3
2026-04-20,Ana Silva,opps_created,1,Pied Piper,Analytics Add-on,,$N:3
2026-04-20,Ana Silva,pipeline_created,500,Pied Piper,Analytics Add-on,,$N:3
2026-05-15,Ana Silva,revenue,2000,Hooli,Platform License,,$N:4
2026-04-01,Ana Silva,pipeline_created,2000,Hooli,Platform License,,$N:4
2026-05-02,Ben Okafor,deals_lost,1,Hooli,Platform License,,$N:5
2026-04-10,Ben Okafor,opps_created,1,Hooli,Platform License,,$N:5
2026-04-10,Ben Okafor,pipeline_created,900,Hooli,Platform License,,$N:5
2026-05-20,Ana Silva,revenue,1500,Pied Piper,Support Plan,,$N:6
2026-04-20,Ana Silva,pipeline_created,1500,Pied Piper,Support Plan,,$N:6
"
t_grep "products without ids: Grand Totals and footer skipped" \
    "^pm-ingest: $N: 11 records: 5 ok, 6 skipped, 0 rejected$" "$T/err"
t_nogrep "products without ids: no duplicates" "duplicate" "$T/err"
t_run "products without ids twice --dedupe: exit 0" 0 pm-ingest --dedupe $N $N
t_grep "products without ids twice: the opportunity named" \
    "^pm-ingest: $N:3: duplicate opportunity 'Renewal' of Ana Silva, Pied Piper, closing 5/20/2026 \(also in an earlier file\): skipped \(--dedupe\)$" "$T/err"
t_grep "products without ids twice --dedupe: the second copy skipped" \
    "^pm-ingest: $N: 11 records: 0 ok, 11 skipped, 0 rejected$" "$T/err"

# A first line that is rejected (Total Price TBD) leaves the counts to
# the next line of its opportunity; an open deal with no Amount still has
# its line's pipeline.  6/1 -> 6/10 = 9 days.
E=opp_products_edge.csv
t_run "products, a bad first line: exit 0" 0 pm-ingest $E
t_out "products, a bad first line: the next line counts" "$H
2026-06-10,Dana Reyes,revenue,1500,Acme Corp,Training,,0068c00001ACME05
2026-06-10,Dana Reyes,deals_won,1,Acme Corp,Training,,0068c00001ACME05
2026-06-10,Dana Reyes,cycle_days,9,Acme Corp,Training,,0068c00001ACME05
2026-06-01,Dana Reyes,opps_created,1,Acme Corp,Training,,0068c00001ACME05
2026-06-01,Dana Reyes,pipeline_created,1500,Acme Corp,Training,,0068c00001ACME05
2026-06-05,Sam Lee,opps_created,1,Initech,Platform License,,0068c00001INIT06
2026-06-05,Sam Lee,pipeline_created,2400,Initech,Platform License,,0068c00001INIT06
2026-07-31,Sam Lee,open_pipeline,2400,Initech,Platform License,,0068c00001INIT06
"
t_grep "products, a bad first line: rejected with its reason" \
    "^pm-ingest: $E:2: Total Price: cannot read 'TBD' as an amount$" "$T/err"
t_run "products, a bad first line --strict: exit 65" 65 pm-ingest --strict $E

# An ordinary opportunity report is read as before: repeated ids there
# are duplicates.
printf '%s\n' '"Opportunity Owner","Stage","Amount","Close Date","Opportunity ID"' \
    '"Dana Reyes","Closed Won","100","3/1/2026","006X"' \
    '"Dana Reyes","Closed Won","100","3/1/2026","006X"' >"$T/plain.csv"
t_run "plain report: exit 0" 0 pm-ingest --dedupe "$T/plain.csv"
t_grep "plain report: a repeated id is a duplicate" \
    "plain.csv:3: duplicate id '006X': skipped \(--dedupe\)$" "$T/err"
t_eq "plain report: the first one kept" 2 "$(tail -n +2 "$T/out" | wc -l | tr -d ' ')"

# Field labels prefixed with their object, as Lightning exports them when
# two objects share a label.
printf '%s\n' '"Opportunity Owner","Opportunity: Opportunity Name","Stage","Amount","Close Date","Product: Product Name","Opportunity Product: Total Price"' \
    '"Ana","Big deal","Closed Won","$300.00","3/1/2026","Widget","$100.00"' \
    '"Ana","Big deal","Closed Won","$300.00","3/1/2026","Gadget","$200.00"' >"$T/prefixed.csv"
t_run "prefixed labels: exit 0" 0 pm-ingest -q "$T/prefixed.csv"
t_out "prefixed labels: lines of one opportunity" "$H
2026-03-01,Ana,revenue,100,,Widget,,$T/prefixed.csv:2
2026-03-01,Ana,deals_won,1,,Widget,,$T/prefixed.csv:2
2026-03-01,Ana,revenue,200,,Gadget,,$T/prefixed.csv:3
"

# -m line_amount makes any deal export a product report.
printf '%s\n' 'owner,stage,amount,close_date,deal_id,item,line_total' \
    'Ana,won,300,2026-03-01,7,Widget,100' \
    'Ana,won,300,2026-03-01,7,Gadget,200' >"$T/lines.csv"
t_run "-m line_amount: exit 0" 0 pm-ingest -q -m line_amount=line_total -m product=item "$T/lines.csv"
t_out "-m line_amount: lines of one deal" "$H
2026-03-01,Ana,revenue,100,,Widget,,7
2026-03-01,Ana,deals_won,1,,Widget,,7
2026-03-01,Ana,revenue,200,,Gadget,,7
"

# Larger: the Maven CRM deals cut into product lines by an awk script,
# each won deal's close_value split 60/40 over two lines, the second
# lines after all the first ones (a report sorted by product): revenue is
# the same as from the deals themselves.
M=$DATASETS/maven-crm/sales_pipeline.csv
if [ -r "$M" ]; then
	awk -F, 'BEGIN { OFS = "," }
	NR == 1 { print "Opportunity Owner,Account Name,Opportunity Name,Stage,Amount,Close Date,Created Date,Product Name,Total Price,Opportunity ID"; next }
	$5 == "Won" { a = $8 + 0; l1 = int(a * 0.6); l2 = a - l1
		print $2, $4, $1, "Closed Won", a, $7, $6, $3, l1, $1
		more[++n] = $2 OFS $4 OFS $1 OFS "Closed Won" OFS a OFS $7 OFS \
		    $6 OFS "Support" OFS l2 OFS $1 }
	END { for (i = 1; i <= n; i++) print more[i] }' \
	    "$M" >"$T/maven_lines.csv"
	want=$(awk -F, '$5 == "Won" { s += $8 } END { printf "%d", s }' "$M")
	wonn=$(awk -F, '$5 == "Won"' "$M" | wc -l | tr -d ' ')
	t_run "maven as product lines: exit 0" 0 pm-ingest "$T/maven_lines.csv"
	t_eq "maven as product lines: revenue = the won deals' close_value" "$want" \
	    "$(awk -F, '$3 == "revenue" { s += $4 } END { printf "%d", s }' "$T/out")"
	t_eq "maven as product lines: deals_won once per deal" "$wonn" \
	    "$(grep -c ',deals_won,' "$T/out")"
	t_nogrep "maven as product lines: no duplicates" "duplicate" "$T/err"
else
	skip "maven as product lines" "no $M"
fi
