# pm-pareto on real data, the Maven CRM sample (8,800 deals): skipped when
# the dataset is absent.  Expected values are computed here with awk from
# the raw export, independently of pm-pareto.
. "$(dirname "$0")/../lib.sh"
M=$DATASETS/maven-crm/sales_pipeline.csv
if [ ! -r "$M" ]; then
	skip "maven-crm" "$M is absent"
	exit 0
fi

# Per product: awk sums close_value, sorts by value descending then name.
awk -F, 'NR > 1 && $8 != "" { s[$3] += $8 }
    END { for (k in s) if (s[k] > 0) print k "," s[k] }' "$M" |
    LC_ALL=C sort -t, -k2,2nr -k1,1 >"$T/want-products.csv"
t_run "maven: -k product -v close_value" 0 pm-pareto -k product -v close_value "$M"
t_eq "maven: header" "rank,key,value,share,cum_share,class" "$(head -1 "$T/out")"
tail -n +2 "$T/out" | cut -d, -f2,3 >"$T/got-products.csv"
t_same "maven: products and their sums" "$T/want-products.csv" "$T/got-products.csv"
t_eq "maven: ranks 1..n" "$(seq 1 "$(wc -l <"$T/want-products.csv")" | tr '\n' ' ')" \
    "$(tail -n +2 "$T/out" | cut -d, -f1 | tr '\n' ' ')"

# Summary: total, keys, and the measures from their formulas in awk.
awk -F, '{ v[NR] = $2; t += $2 } END {
	n = NR
	for (i = 1; i <= n; i++) { c += v[i]; if (!at && c * 100 >= 80 * t) at = i
		g += (n + 1 - i) * v[i]; h += (v[i] * 100 / t) ^ 2 }
	m = int((n + 4) / 5); for (i = 1; i <= m; i++) top += v[i]
	printf ",%d,%d,%d,%.1f,%.1f,%.3f,%.1f,0\n", n, t, at, at * 100 / n,
	    top * 100 / t, 2 * g / (n * t) - (n + 1) / n, h
}' "$T/want-products.csv" >"$T/want-sum.csv"
t_run "maven: product summary" 0 pm-pareto -s -k product -v close_value "$M"
t_eq "maven: product summary = formulas" "$(cat "$T/want-sum.csv")" "$(tail -1 "$T/out")"

# Facts from the export (won deals: revenue at the close date; lost:
# deals_lost), then the default run equals the -v run on the raw file.
awk -F, 'NR == 1 { print "date,rep,metric,value,account,product,team,ref"; next }
    $5 == "Won" { print $7 "," $2 ",revenue," $8 "," $4 "," $3 ",," $1 }
    $5 == "Lost" { print $7 "," $2 ",deals_lost,1," $4 "," $3 ",," $1 }' "$M" >"$T/facts.csv"
t_run "maven: facts, default by account" 0 pm-pareto "$T/facts.csv"
cp "$T/out" "$T/facts-accounts.csv"
t_run "maven: raw, -k account -v close_value" 0 pm-pareto -k account -v close_value "$M"
t_same "maven: facts and raw give the same ranking" "$T/out" "$T/facts-accounts.csv"
t_grep "maven: the raw file's open deals without an account are noted" \
    "rows with an empty account left out" "$T/err"

# Per rep: keys (accounts with revenue) and totals from awk.
awk -F, '$3 == "revenue" { s[$2 SUBSEP $5] += $4 }
    END { for (p in s) { split(p, a, SUBSEP); if (s[p] > 0) { n[a[1]]++; t[a[1]] += s[p] } }
	for (r in n) print r "," n[r] "," t[r] }' "$T/facts.csv" |
    LC_ALL=C sort >"$T/want-reps.csv"
t_run "maven: -s -g rep" 0 pm-pareto -s -g rep "$T/facts.csv"
tail -n +2 "$T/out" | cut -d, -f1-3 >"$T/got-reps.csv"
t_same "maven: per rep keys and totals" "$T/want-reps.csv" "$T/got-reps.csv"
t_eq "maven: every rep has a row" 30 "$(wc -l <"$T/got-reps.csv" | tr -d ' ')"

# Split in three and merged: the same bytes.
for i in 0 1 2; do
	awk -v i=$i 'NR == 1 || NR % 3 == i' "$T/facts.csv" | pm-pareto --partial -g rep
done | pm-pareto --merge -s >"$T/m.csv"
pm-pareto -s -g rep "$T/facts.csv" >"$T/whole.csv"
t_same "maven: partial/merge = whole" "$T/whole.csv" "$T/m.csv"
