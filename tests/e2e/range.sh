# Numbers out of the fixed-point range (SPEC section 18).  Values are in
# 1/10000 units in an int64_t: the largest is INT64_MAX / 10000 =
# 922337203685477.5807; one unit more (.5808) is exit 65 with FILE:LINE in
# every reader.  1844674407370956 * 10000 is past 2^64 and was read as
# 0.8384 (shown 0.84).  A sum, a roll-up, a projection, a target, a
# weighted score or a report total past the range is exit 65 naming the
# group, never a wrapped number.
. "$(dirname "$0")/../lib.sh"

MAX=922337203685477.5807
OVER=922337203685477.5808
WHY='out of range \(the limit is \+-922337203685477\.5807\)'
H=date,rep,metric,value,account,product,team,ref
SH=period,rep,team,metric,actual,projected,target,attainment,pace,rank,reps,percentile,zscore,median,prev,change

# A fact on the last day of its month: no projection past the actual.
printf '%s\n2026-01-31,Alice,revenue,%s,Acme,,,d1\n' $H $MAX >"$T/max.csv"
printf '%s\n2026-01-31,Alice,revenue,%s,Acme,,,d1\n' $H $OVER >"$T/over.csv"
printf '%s\n2026-01-31,Alice,revenue,1844674407370956,Acme,,,d1\n' $H \
    >"$T/wrap.csv"
printf '%s\n2026-01-31,Alice,revenue,-%s,Acme,,,d1\n' $H $OVER >"$T/under.csv"

# The edge reads back: written to 2 decimals, .5807 -> .58.
t_run "pm-score: the largest value: exit 0" 0 pm-score "$T/max.csv"
cut -d, -f1-16 "$T/out" >"$T/out16" && mv "$T/out16" "$T/out"
t_out "pm-score: the largest value reads back" "$SH
2026-01,Alice,,largest_deal,922337203685477.58,922337203685477.58,,,,1,1,,,922337203685477.58,,
2026-01,Alice,,revenue,922337203685477.58,922337203685477.58,,,,1,1,,,922337203685477.58,,
"
t_run "pm-ingest: the largest value: exit 0" 0 pm-ingest -q "$T/max.csv"
t_out "pm-ingest: the largest value reads back" "$H
2026-01-31,Alice,revenue,922337203685477.58,Acme,,,d1
"
t_run "pm-pareto: the largest value: exit 0" 0 pm-pareto "$T/max.csv"
t_out "pm-pareto: the largest value reads back" "rank,key,value,share,cum_share,class
1,Acme,922337203685477.58,100.0,100.0,A
"

for f in over under wrap; do
	for tool in pm-score pm-pareto; do
		t_run "$tool: $f: exit 65" 65 $tool "$T/$f.csv"
		t_grep "$tool: $f: FILE:LINE and why" \
		    "^$tool: $T/$f.csv:2: value:? '.*' is $WHY$" "$T/err"
	done
	t_run "pm-ingest: $f: exit 65" 65 pm-ingest "$T/$f.csv"
	t_grep "pm-ingest: $f: FILE:LINE, field and why" \
	    "^pm-ingest: $T/$f.csv:2: value: '.*' is $WHY$" "$T/err"
done

# Targets: the largest target is read, one unit more is 65.
printf 'period,rep,metric,target\n2026-01,*,revenue,%s\n' $MAX >"$T/tmax.csv"
printf 'period,rep,metric,target\n2026-01,*,revenue,%s\n' $OVER >"$T/tover.csv"
t_run "targets: the largest target: exit 0" 0 pm-score -t "$T/tmax.csv" "$T/max.csv"
t_eq "targets: the largest target reads back" "922337203685477.58" \
    "$(grep ',revenue,' "$T/out" | cut -d, -f7)"
t_run "targets: one unit more: exit 65" 65 pm-score -t "$T/tover.csv" "$T/max.csv"
t_grep "targets: FILE:LINE" "^pm-score: $T/tover.csv:2: target '$OVER' is $WHY$" "$T/err"

# The scores table read by pm-flag and pm-report.
{
	echo $SH
	echo "2026-01,Alice,,revenue,$MAX,1,,,,1,1,,,1,,"
} >"$T/smax.csv"
sed "s/$MAX/$OVER/" "$T/smax.csv" >"$T/sover.csv"
for tool in pm-flag pm-report; do
	t_run "$tool: the largest actual: exit 0" 0 $tool "$T/smax.csv"
	t_run "$tool: one unit more: exit 65" 65 $tool "$T/sover.csv"
	t_grep "$tool: FILE:LINE and column" \
	    "^$tool: $T/sover.csv:2: actual: '$OVER' is $WHY$" "$T/err"
done

# pm-ingest amounts: the record is rejected with the reason (records = ok +
# skipped + rejected) and the run is exit 65 even without --strict.
{
	echo 'Opportunity ID,Opportunity Owner,Stage,Amount,Close Date'
	echo '006A,Ann,Closed Won,"$1,844,674,407,370,956.00",2026-03-01'
	echo '006B,Bob,Closed Won,100,2026-03-01'
	echo '006C,Cy,Closed Won,922337203685477.5807,2026-03-01'
} >"$T/amounts.csv"
t_run "pm-ingest: an amount out of range: exit 65" 65 pm-ingest \
    --rejects "$T/rej.csv" "$T/amounts.csv"
t_out "pm-ingest: the other records are facts" "$H
2026-03-01,Bob,revenue,100,,,,006B
2026-03-01,Bob,deals_won,1,,,,006B
2026-03-01,Cy,revenue,922337203685477.58,,,,006C
2026-03-01,Cy,deals_won,1,,,,006C
"
t_grep "pm-ingest: an amount out of range: counted" \
    "amounts.csv: 3 records: 2 ok, 0 skipped, 1 rejected$" "$T/err"
t_grep "pm-ingest: an amount out of range: the reason in --rejects" \
    "^$T/amounts.csv,2,\"?Amount: '\\\$1,844,674,407,370,956.00' is $WHY" "$T/rej.csv"

# Sums.  Two facts of 5e14 for one rep: 1e15 is past the range.
{
	echo $H
	echo '2026-01-31,Alice,revenue,500000000000000,Acme,,East,d1'
	echo '2026-01-31,Alice,revenue,500000000000000,Acme,,East,d2'
} >"$T/sum.csv"
t_run "pm-score: a rep's sum past the range: exit 65" 65 pm-score "$T/sum.csv"
t_grep "pm-score: the group named" \
    "^pm-score: $T/sum.csv:3: the sum of revenue for Alice in 2026-01 is $WHY$" "$T/err"
t_run "pm-pareto: an account's sum past the range: exit 65" 65 pm-pareto "$T/sum.csv"
t_grep "pm-pareto: the account named" "Acme" "$T/err"

# Two reps of 5e14 in one team: each fits, the team's roll-up does not.
{
	echo $H
	echo '2026-01-31,Alice,revenue,500000000000000,,,East,d1'
	echo '2026-01-31,Bob,revenue,500000000000000,,,East,d2'
} >"$T/two.csv"
t_run "pm-score: reps that fit: exit 0" 0 pm-score "$T/two.csv"
t_run "pm-score --rollup: the roll-up past the range: exit 65" 65 \
    pm-score --rollup "$T/two.csv"
t_grep "pm-score --rollup: the team named" \
    "^pm-score: period 2026-01, team East, metric revenue: the actual is $WHY$" "$T/err"
printf 'old\n' >"$T/prev.csv"
t_run "pm-score -o: the roll-up past the range: exit 65" 65 \
    pm-score --rollup -o "$T/prev.csv" "$T/two.csv"
t_eq "pm-score -o: the previous output is kept" "old" "$(cat "$T/prev.csv")"

# A projection: 2e14 on day 5 of 31 projects to 2e14 * 31 / 5 = 1.24e15.
{
	echo $H
	echo '2026-01-05,Alice,revenue,200000000000000,,,,d1'
} >"$T/proj.csv"
t_run "pm-score: a projection past the range: exit 65" 65 pm-score "$T/proj.csv"
t_grep "pm-score: the projection's group named" \
    "^pm-score: period 2026-01, rep Alice, metric revenue: the projection is $WHY$" "$T/err"
# 1e14 on day 5: 1e14 * 31 / 5 = 6.2e14 fits.
sed 's/200000000000000/100000000000000/' "$T/proj.csv" >"$T/proj2.csv"
t_run "pm-score: a projection that fits: exit 0" 0 pm-score "$T/proj2.csv"
t_eq "pm-score: the projection" "620000000000000" \
    "$(grep ',revenue,' "$T/out" | cut -d, -f6)"

# Percents read back as fixed point by pm-flag and pm-report: 9e14 of a
# target of 0.0001 is an attainment of 9e20 %, and 9e14 after 0.0001 in
# the month before a change of 9e20 %; both were written, and the readers
# then failed on pm-score's own table (QA).
printf '%s\n2026-01-31,Alice,revenue,900000000000000,,,,d1\n' $H >"$T/att.csv"
printf 'period,rep,metric,target\n2026-01,Alice,revenue,0.0001\n' >"$T/tatt.csv"
t_run "pm-score: an attainment past the range: exit 65" 65 \
    pm-score -t "$T/tatt.csv" "$T/att.csv"
t_grep "pm-score: the attainment's group named" \
    "^pm-score: period 2026-01, rep Alice, metric revenue: the attainment is $WHY$" "$T/err"
printf '%s\n2026-01-31,Alice,revenue,0.0001,,,,d1\n2026-02-28,Alice,revenue,900000000000000,,,,d2\n' $H >"$T/chg.csv"
t_run "pm-score: a change past the range: exit 65" 65 pm-score "$T/chg.csv"
t_grep "pm-score: the change's group named" \
    "^pm-score: period 2026-02, rep Alice, metric (largest_deal|revenue): the change is $WHY$" "$T/err"
# 1e8 of a target of 1: 10000000000 %, which reads back.
printf 'period,rep,metric,target\n2026-01,Alice,revenue,1\n' >"$T/tatt1.csv"
sed 's/900000000000000/100000000/' "$T/att.csv" >"$T/att1.csv"
t_run "pm-score: a large attainment that fits: exit 0" 0 \
    pm-score -t "$T/tatt1.csv" "$T/att1.csv"
t_eq "pm-score: the attainment" "10000000000.0" \
    "$(grep ',revenue,' "$T/out" | cut -d, -f8)"
cp "$T/out" "$T/att1-scores.csv"
t_run "pm-flag reads it back: exit 0" 0 pm-flag -q "$T/att1-scores.csv"

# A target prorated over a year from 12 monthly rows of 1e14 each: 1.2e15.
{
	echo period,rep,metric,target
	for m in 01 02 03 04 05 06 07 08 09 10 11 12; do
		echo "2026-$m,*,revenue,100000000000000"
	done
} >"$T/tyear.csv"
printf '%s\n2026-12-31,Alice,revenue,5,,,,d1\n' $H >"$T/five.csv"
t_run "pm-score -p year: a target past the range: exit 65" 65 \
    pm-score -p year -t "$T/tyear.csv" "$T/five.csv"
t_grep "pm-score -p year: the target's group named" \
    "^pm-score: period 2026, rep Alice, metric revenue: the target is $WHY$" "$T/err"

# Weights: 1e308 x an attainment of 150 (the cap) is infinite.  1e14 of
# 100 is an attainment of 1e14 % (the largest value's would not fit).
printf 'period,rep,metric,target\n2026-01,*,revenue,100\n' >"$T/t100.csv"
printf '%s\n2026-01-31,Alice,revenue,100000000000000,Acme,,,d1\n' $H >"$T/e14.csv"
t_run "pm-score -w 1e308: exit 65" 65 pm-score -t "$T/t100.csv" \
    -w revenue=1e308 "$T/e14.csv"
t_grep "pm-score -w 1e308: the group named" \
    "^pm-score: period 2026-01, rep Alice, metric score: the weighted score is $WHY$" "$T/err"
t_nogrep "pm-score -w 1e308: no wrapped score" "9223372036854775808" "$T/out"
# 1e300 x 150 / 1e300 = 150: a weight that does not overflow is fine.
t_run "pm-score -w 1e300: exit 0" 0 pm-score -t "$T/t100.csv" \
    -w revenue=1e300 "$T/e14.csv"
t_eq "pm-score -w 1e300: the capped score" "150.0" \
    "$(grep ',score,' "$T/out" | cut -d, -f5)"

# pm-report: two reps of 5e14 each fit; the headline's total does not.
pm-score "$T/two.csv" >"$T/two-scores.csv"
t_run "pm-report: a total past the range: exit 65" 65 pm-report "$T/two-scores.csv"
t_grep "pm-report: the total named" \
    "^pm-report: 2026-01, revenue: the total of actual is $WHY$" "$T/err"
for f in html md; do
	t_run "pm-report -f $f: a total past the range: exit 65" 65 \
	    pm-report -f $f "$T/two-scores.csv"
done
# One 5e14 rep and one of 4e14: 9e14 fits.
{
	echo $H
	echo '2026-01-31,Alice,revenue,500000000000000,,,East,d1'
	echo '2026-01-31,Bob,revenue,400000000000000,,,East,d2'
} >"$T/nine.csv"
pm-score "$T/nine.csv" >"$T/nine-scores.csv"
t_run "pm-report: a total that fits: exit 0" 0 pm-report "$T/nine-scores.csv"
t_grep "pm-report: the total" "900,000,000,000,000" "$T/out"

# --drivers on facts with no leading metric: no pairs, no qsort(NULL, 0).
{
	echo $H
	echo '2026-01-31,Alice,revenue,5,,,,d1'
	echo '2026-02-28,Alice,revenue,6,,,,d2'
} >"$T/lagging.csv"
t_run "pm-score --drivers: no leading metric: exit 0" 0 \
    pm-score --drivers revenue "$T/lagging.csv"
t_out "pm-score --drivers: the header only" "metric,lag,pairs,spearman,pearson,slope,direction
"
# A targets file with only its header has no row to sort.
printf 'period,rep,metric,target\n' >"$T/tnone.csv"
t_run "pm-score -t: a header only: exit 0" 0 pm-score -t "$T/tnone.csv" \
    "$T/lagging.csv"

# A drivers slope: calls .0001, .0002, .0003 against revenue 0, 5e14,
# 5e14: sxy = 1e-4 * 3.33e14 + 1e-4 * 1.67e14 = 5e10, sxx = 2e-8, slope
# 2.5e18 per call: past the range, not clamped to it.
{
	echo $H
	echo '2026-01-31,A,calls,0.0001,,,,x'
	echo '2026-01-31,A,revenue,0,,,,x'
	echo '2026-01-31,B,calls,0.0002,,,,x'
	echo '2026-01-31,B,revenue,500000000000000,,,,x'
	echo '2026-01-31,C,calls,0.0003,,,,x'
	echo '2026-01-31,C,revenue,500000000000000,,,,x'
} >"$T/slope.csv"
t_run "pm-score --drivers: a slope past the range: exit 65" 65 \
    pm-score --drivers revenue "$T/slope.csv"
t_grep "pm-score --drivers: the metric named" \
    "^pm-score: drivers: the slope of calls \(lag 0\) is $WHY$" "$T/err"

# pm-report --pareto: a total no tool could have written.
printf 'group,keys,total,keys_at,pct_keys_at,top20_share,gini,hhi,excluded\n,5,1e20,2,40.0,50.0,0.48,3720.0,1\n' \
    >"$T/psum.csv"
t_run "pm-report --pareto: a total out of range: exit 65" 65 \
    pm-report --pareto "$T/psum.csv" "$T/smax.csv"
t_grep "pm-report --pareto: FILE:LINE and column" \
    "^pm-report: $T/psum.csv:2: total: '1e20' is $WHY$" "$T/err"

# pm-flag's stretch goal, 10% above the best (QA): a best of 9e14 makes a
# goal of 9.9e14, past the range; it was written wrapped, negative.
printf '%s,elapsed\n2026-05,Ann,t,revenue,900000000000000,900000000000000,,,,1,3,100.0,,2,,,100.0\n2026-05,Bob,t,revenue,2,2,,,,2,3,50.0,,2,,,100.0\n2026-05,Cy,t,revenue,1,1,,,,3,3,0.0,,2,,,100.0\n' $SH >"$T/stretch.csv"
t_run "pm-flag: a stretch goal past the range: exit 65" 65 pm-flag -q "$T/stretch.csv"
t_grep "pm-flag: the stretch goal's rep named" \
    "^pm-flag: period 2026-05, rep Ann, metric revenue: the stretch goal is $WHY$" "$T/err"
# 8e14: 8.8e14 fits.
sed 's/900000000000000/800000000000000/g' "$T/stretch.csv" >"$T/stretch2.csv"
t_run "pm-flag: a stretch goal that fits: exit 0" 0 pm-flag -q "$T/stretch2.csv"
t_grep "pm-flag: the goal, 10% above" "goal 880000000000000(\\.00)?: 10% above it" "$T/out"
