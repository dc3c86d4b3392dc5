# pm-pareto --partial / --merge (SPEC section 10): any split of the input,
# in any order, merged, gives the bytes of one run on the whole input.
. "$(dirname "$0")/../lib.sh"
F=$FIX/pareto

# The partial of the ten-key fixture: one row per key, sorted by key,
# the sums exact (Kite 100.50 + 199.50, Zinc 100 - 20), the row without
# an account left out.
t_run "partial: exits 0" 0 pm-pareto -q --partial "$F/ten.csv"
t_out "partial: ten keys" "pareto_partial,key_column,metric,value_column,group_column,group,key,sum
1,account,revenue,,,,Acme,60
1,account,revenue,,,,Birch,200
1,account,revenue,,,,Delta,100
1,account,revenue,,,,Echo,30
1,account,revenue,,,,Fern,20
1,account,revenue,,,,Kite,300
1,account,revenue,,,,Lynx,10
1,account,revenue,,,,Maple,50
1,account,revenue,,,,Orca,150
1,account,revenue,,,,Zinc,80
"
# Negative and zero keys are kept: another piece may change their sign.
t_run "partial: -g, negative and zero sums" 0 pm-pareto --partial -g rep "$F/groups.csv"
t_out "partial: groups" 'pareto_partial,key_column,metric,value_column,group_column,group,key,sum
1,account,revenue,,rep,Ann,a1,100
1,account,revenue,,rep,Ann,a2,100
1,account,revenue,,rep,"Bo, Jr",b1,300
1,account,revenue,,rep,"Bo, Jr",b2,100
1,account,revenue,,rep,Cy,c1,-5
'
printf 'key,amount\nk,0.00005\nk,1.23456\nj,-0.5\n' >"$T/fine.csv"
t_run "partial: -v keeps 4 decimals" 0 pm-pareto --partial -k key -v amount "$T/fine.csv"
t_out "partial: -v rows" 'pareto_partial,key_column,metric,value_column,group_column,group,key,sum
1,key,,amount,,,j,-0.5
1,key,,amount,,,k,1.2347
'

# A generated facts file: 600 rows, 5 reps (one with a comma), 37
# accounts (one with quotes), revenue with cents and credit notes, and
# other metrics that do not count.
awk 'BEGIN {
	srand(7)
	split("Ann Lee|Bo, Jr|Cy Diaz|Di Park|Ed Wu", reps, "|")
	split("revenue revenue revenue deals_won calls", mets, " ")
	print "date,rep,metric,value,account,product,team,ref"
	for (i = 1; i <= 600; i++) {
		r = reps[int(rand() * 5) + 1]
		m = mets[int(rand() * 5) + 1]
		a = int(rand() * 37)
		acct = a == 36 ? "\"Big \"\"Q\"\" Co\"" : "Acct " a
		v = int(rand() * 500000) / 100
		if (rand() < 0.1) v = -v
		if (m != "revenue") v = 1
		printf "2026-%02d-%02d,\"%s\",%s,%s,%s,P%d,T%d,R%d\n",
		    int(rand() * 12) + 1, int(rand() * 28) + 1, r, m, v, acct,
		    int(rand() * 4), int(rand() * 2), i
	}
}' >"$T/facts.csv"
pm-pareto -q "$T/facts.csv" >"$T/whole-detail.csv"
pm-pareto -q -s -g rep "$T/facts.csv" >"$T/whole-gsum.csv"
pm-pareto -q -g rep -c 70,90 -n 5 "$T/facts.csv" >"$T/whole-gdetail.csv"
pm-pareto -q -s --at 50 -k product "$T/facts.csv" >"$T/whole-psum.csv"
t_eq "whole run: 600 rows give ranked accounts" 1 \
    "$(awk 'END { print (NR > 30) }' "$T/whole-detail.csv")"

# split SEED K: the data rows of facts.csv dealt at random into K pieces
# p1..pK, plus an empty p(K+1); only p1 has the header, as with
# `parallel --pipe`.
split_rows() {
	rm -rf "$T/split"
	mkdir "$T/split"
	awk -v seed="$1" -v k="$2" -v dir="$T/split" 'BEGIN { srand(seed) }
	    NR == 1 { print > (dir "/p1.csv"); next }
	    { print > (dir "/p" (int(rand() * k) + 1) ".csv") }' "$T/facts.csv"
	# and one more piece, always empty
	for i in $(seq 1 $(($2 + 1))); do touch "$T/split/p$i.csv"; done
}

for seed in 1 2 3; do
	split_rows $seed 5
	: >"$T/parts.csv"
	for p in $(ls "$T"/split/p*.csv | sort -r); do
		pm-pareto -q --partial "$p" >>"$T/parts.csv" || not_ok "partial of $p"
	done
	pm-pareto --merge "$T/parts.csv" >"$T/m.csv"
	t_same "split $seed: detail merged = whole" "$T/whole-detail.csv" "$T/m.csv"
	: >"$T/gparts.csv"
	for p in "$T"/split/p*.csv; do
		pm-pareto -q --partial -g rep "$p" >>"$T/gparts.csv"
	done
	pm-pareto --merge -s "$T/gparts.csv" >"$T/m.csv"
	t_same "split $seed: -g rep summary merged = whole" "$T/whole-gsum.csv" "$T/m.csv"
	# Hadoop's shuffle sorts lines: headers end up anywhere.
	sort "$T/gparts.csv" | pm-pareto --merge -g rep -c 70,90 -n 5 >"$T/m.csv"
	t_same "split $seed: sorted lines, -c -n, detail = whole" "$T/whole-gdetail.csv" "$T/m.csv"
	rm -f "$T/pp"*.csv
	for p in "$T"/split/p*.csv; do
		pm-pareto -q --partial -k product "$p" | sed 1d >"$T/pp${p##*/}"
	done
	pm-pareto --merge -s --at 50 "$T"/pp*.csv >"$T/m.csv"
	t_same "split $seed: headerless partials as files, summary = whole" "$T/whole-psum.csv" "$T/m.csv"
done

# The combiner: --merge --partial of some partials, merged with the rest.
split_rows 9 4
for i in 1 2 3 4; do pm-pareto -q --partial -g rep "$T/split/p$i.csv" >"$T/q$i.csv"; done
pm-pareto --merge --partial "$T/q3.csv" "$T/q1.csv" >"$T/c13.csv"
pm-pareto --merge --partial "$T/q4.csv" - <"$T/q2.csv" >"$T/c24.csv"
pm-pareto -q --partial -g rep "$T/facts.csv" >"$T/whole-partial.csv"
cat "$T/c24.csv" "$T/c13.csv" | pm-pareto --merge --partial >"$T/m.csv"
t_same "combiner: merged partials = the partial of the whole" "$T/whole-partial.csv" "$T/m.csv"
pm-pareto --merge -s "$T/c24.csv" "$T/c13.csv" >"$T/m.csv"
t_same "combiner: merged summary = whole" "$T/whole-gsum.csv" "$T/m.csv"

# -v mode: every piece has the header (parallel --pipe --header 1).
awk -F, 'NR > 1 && $3 == "revenue" { print $6 "," $4 }' "$T/facts.csv" >"$T/body.csv"
{ echo "product,amount"; cat "$T/body.csv"; } >"$T/raw.csv"
pm-pareto -k product -v amount "$T/raw.csv" >"$T/whole-raw.csv"
head -100 "$T/body.csv" | { echo "product,amount"; cat; } >"$T/r1.csv"
tail -n +101 "$T/body.csv" | { echo "product,amount"; cat; } >"$T/r2.csv"
echo "product,amount" >"$T/r3.csv"
{ pm-pareto --partial -k product -v amount "$T/r2.csv"
  pm-pareto --partial -k product -v amount "$T/r3.csv"
  pm-pareto --partial -k product -v amount "$T/r1.csv"; } >"$T/rparts.csv"
pm-pareto --merge -k product -v amount "$T/rparts.csv" >"$T/m.csv"
t_same "-v: merged = whole" "$T/whole-raw.csv" "$T/m.csv"

# Empty input: an empty partial merges into nothing.
pm-pareto --partial </dev/null >"$T/empty.csv"
t_eq "empty partial: the header only" \
    "pareto_partial,key_column,metric,value_column,group_column,group,key,sum" \
    "$(cat "$T/empty.csv")"
t_run "empty partial: merge" 0 pm-pareto --merge -s "$T/empty.csv"
t_out "empty partial: one empty summary row" "group,keys,total,keys_at,pct_keys_at,top20_share,gini,hhi,excluded
,0,0,,,,,,0
"

# Bad partials.
pm-pareto -q --partial -m deals_won "$F/ten.csv" >"$T/won.csv"
pm-pareto -q --partial "$F/ten.csv" >"$T/rev.csv"
t_run "another metric: exit 65" 65 pm-pareto --merge "$T/rev.csv" "$T/won.csv"
t_grep "another metric: named" "won.csv:2: partial made with -m deals_won, an earlier one with -m revenue" "$T/err"
t_run "--merge -k other than the partial's: exit 65" 65 pm-pareto --merge -k product "$T/rev.csv"
t_grep "--merge -k: named" "rev.csv:2: partial made with -k account, but this run has -k product" "$T/err"
t_run "--merge -g on ungrouped partials: exit 65" 65 pm-pareto --merge -g rep "$T/rev.csv"
t_grep "--merge -g: named" "partial made with no -g, but this run has -g rep" "$T/err"
t_run "--merge -v on facts partials: exit 65" 65 pm-pareto --merge -v amount "$T/rev.csv"
t_grep "--merge -v: named" "partial made with -m revenue, but this run has -v amount" "$T/err"
t_run "--merge -m revenue matches" 0 pm-pareto --merge -m revenue -k account "$T/rev.csv"
sed '1s/,sum$//' "$T/rev.csv" >"$T/nosum.csv"
t_run "a column missing: exit 65" 65 pm-pareto --merge "$T/nosum.csv"
t_grep "a column missing: named" "nosum.csv:1: partial header: no column 'sum'" "$T/err"
sed 's/,Maple,50$/,Maple,5O/' "$T/rev.csv" >"$T/badsum.csv"
t_run "a bad sum: exit 65" 65 pm-pareto --merge "$T/badsum.csv"
t_grep "a bad sum: named" "badsum.csv:9: sum: '5O' is not a number" "$T/err"
t_run "facts given to --merge: exit 65" 65 pm-pareto --merge "$F/ten.csv"
t_grep "facts given to --merge: named" "ten.csv:1: not a pm-pareto partial" "$T/err"
t_run "a short row: exit 65" 65 pm-pareto --merge "$F/ties.csv"
t_grep "a short row: named" "ties.csv:1: not a pm-pareto partial: 2 fields, expected 8" "$T/err"

# The documented GNU parallel recipes, for real, with small blocks.
if command -v parallel >/dev/null && parallel --version 2>/dev/null | grep -q GNU; then
	parallel --will-cite --pipe --block 4k pm-pareto -q --partial -g rep \
	    <"$T/facts.csv" | pm-pareto --merge -s >"$T/m.csv"
	t_same "parallel --pipe: facts, -g rep summary = whole" "$T/whole-gsum.csv" "$T/m.csv"
	n=$(parallel --will-cite --pipe --block 4k wc -l <"$T/facts.csv" | wc -l)
	t_eq "parallel --pipe: several blocks" 1 "$((n > 3))"
	parallel --will-cite --pipe --block 4k pm-pareto -q --partial <"$T/facts.csv" |
	    pm-pareto --merge >"$T/m.csv"
	t_same "parallel --pipe: facts detail = whole" "$T/whole-detail.csv" "$T/m.csv"
	parallel --will-cite --pipe --header 1 --block 2k pm-pareto --partial \
	    -k product -v amount <"$T/raw.csv" | pm-pareto --merge >"$T/m.csv"
	t_same "parallel --pipe --header 1: -v detail = whole" "$T/whole-raw.csv" "$T/m.csv"
else
	skip "parallel recipes" "GNU parallel is not installed"
fi
