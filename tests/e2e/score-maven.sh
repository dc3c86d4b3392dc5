# pm-score on real CRM data (Maven sales pipeline), checked against sums
# computed another way (awk on the raw CSV).  Skipped when absent.
. "$(dirname "$0")/../lib.sh"
D=$DATASETS/maven-crm
if [ ! -r "$D/sales_pipeline.csv" ]; then
	skip "maven-crm revenue per agent per quarter" "no $D"
	exit 0
fi

# Facts of won deals: revenue = close_value @ close_date (no quoted
# commas in this file).
awk -F, 'NR == 1 { print "date,rep,metric,value,account,product,team,ref"; next }
    $5 == "Won" { print $7 "," $2 ",revenue," $8 "," $4 "," $3 ",," $1 }' \
    "$D/sales_pipeline.csv" >"$T/facts.csv"
# The expected sums: agent x calendar quarter, straight from the export.
awk -F, 'NR > 1 && $5 == "Won" {
	split($7, d, "-"); q = d[1] "-Q" int((d[2] + 2) / 3)
	s[q "," $2] += $8 }
    END { for (k in s) print k "," s[k] }' "$D/sales_pipeline.csv" |
    sort >"$T/expected"

t_run "maven: pm-score -p quarter" 0 pm-score -p quarter --metrics revenue \
    "$T/facts.csv"
awk -F, 'NR > 1 && $5 != 0 { print $1 "," $2 "," $5 }' "$T/out" | sort >"$T/actual"
t_same "maven: revenue per agent per quarter" "$T/expected" "$T/actual"

# Complete grid: every agent with a won deal in every quarter.
agents=$(cut -d, -f2 "$T/expected" | sort -u | wc -l)
quarters=$(cut -d, -f1 "$T/expected" | sort -u | wc -l)
t_eq "maven: one row per agent per quarter" $((agents * quarters)) \
    $(($(wc -l <"$T/out") - 1))
# Ranks 1..n in each quarter, and the total of the quarter.
t_eq "maven: total revenue" \
    "$(awk -F, '{ s += $3 } END { print s }' "$T/expected")" \
    "$(awk -F, 'NR > 1 { s += $5 } END { print s }' "$T/out")"
