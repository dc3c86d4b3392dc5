# pm-report acceptance checks (qa-flag): the headline's team totals are
# the roll-up rows' numbers when the input has them, and are computed
# the same way (ratios from their parts) when it does not.  Expected
# values are worked out by hand in the comments.
. "$(dirname "$0")/../lib.sh"

H=period,rep,team,metric,actual,projected,target,attainment,pace,rank,reps,percentile,zscore,median,prev,change

# Two reps, no roll-up rows.  Ann: 1 won, 0 lost (100%), revenue 1000;
# Bob: 3 won, 7 lost (30%), revenue 9000.  The team's win rate is
# 4 / 11 = 36.36%, not the mean of the reps (65%): against the mean
# target of 50, 72.7%.  Average deal 10000 / 4 = 2500 (not 2000), 100.0%
# of 2500.
cat >"$T/parts.csv" <<CSV
$H
2026-06,Ann,,avg_deal,1000,1000,2500,40.0,40.0,2,2,0.0,-1.00,2000,,
2026-06,Bob,,avg_deal,3000,3000,2500,120.0,120.0,1,2,100.0,1.00,2000,,
2026-06,Ann,,deals_lost,0,0,,,,1,2,100.0,-1.00,3.5,,
2026-06,Bob,,deals_lost,7,7,,,,2,2,0.0,1.00,3.5,,
2026-06,Ann,,deals_won,1,1,,,,2,2,0.0,-1.00,2,,
2026-06,Bob,,deals_won,3,3,,,,1,2,100.0,1.00,2,,
2026-06,Ann,,revenue,1000,1000,,,,2,2,0.0,-1.00,5000,,
2026-06,Bob,,revenue,9000,9000,,,,1,2,100.0,1.00,5000,,
2026-06,Ann,,win_rate,100.0,100.0,50.0,200.0,200.0,1,2,100.0,1.00,65.0,,
2026-06,Bob,,win_rate,30.0,30.0,50.0,60.0,60.0,2,2,0.0,-1.00,65.0,,
CSV
t_run "ratios from their parts: exit 0" 0 pm-report "$T/parts.csv"
t_grep "team win rate = won / (won + lost)" \
    "^  Win rate +36\.4% +50\.0% +72\.7% *$" "$T/out"
t_grep "team average deal = revenue / deals won" \
    "^  Average deal +2,500 +2,500 +100\.0% *$" "$T/out"

# Roll-up rows as pm-score --rollup writes them: the win rate 52.87% is
# written 52.9, and its attainment of 60 (88.1%) and change on 49.3
# (+7.2%) were computed on the exact value.  The report shows the roll-up
# row's 88.1% and +7.2%, not 52.9 / 60 = 88.2% or 52.9 / 49.3 = +7.3%.
cat >"$T/rollup.csv" <<CSV
$H
2026-05,Ann,,win_rate,49.3,49.3,60.0,82.2,82.2,1,1,0.0,,49.3,,
2026-06,Ann,,win_rate,52.9,52.9,60.0,88.1,88.1,1,1,0.0,,52.9,49.3,7.2
2026-05,*,*,win_rate,49.3,49.3,60.0,82.2,82.2,,,,,,,
2026-06,*,*,win_rate,52.9,52.9,60.0,88.1,88.1,,,,,,49.3,7.2
CSV
t_run "roll-up numbers: exit 0" 0 pm-report "$T/rollup.csv"
t_grep "headline: the roll-up row's attainment and change" \
    "^  Win rate +52\.9% +60\.0% +88\.1% +\+7\.2%$" "$T/out"
t_run "one-on-one: exit 0" 0 pm-report --rep Ann "$T/rollup.csv"
t_grep "sheet: the rep's change column" "^  Win rate .* \+7\.2% " "$T/out"

# Text is for a terminal: a CJK character takes two columns, so a report
# on Japanese names must still fit in 80 columns as the terminal counts
# them (wc -L, wcwidth), not merely in 80 code points.
N=山田太郎山田太郎山田太郎山田太郎山田太郎
W=西日本営業部西日本営業部西日本営業部
cat >"$T/cjk.csv" <<CSV
$H,flags,notes
2026-05,$N,$W,revenue,900,900,1000,90.0,90.0,2,2,0.0,-1.00,950,,,,
2026-05,Ann,East,revenue,1000,1000,1000,100.0,100.0,1,2,100.0,1.00,950,,,,
2026-06,$N,$W,revenue,1200,1200,1000,120.0,120.0,1,2,100.0,1.00,1100,900,33.3,target_hit,target_hit: attainment 120.0% in 2026-06 $N $N $W
2026-06,Ann,East,revenue,1000,1000,1000,100.0,100.0,2,2,0.0,-1.00,1100,1000,0.0,target_hit,target_hit: attainment 100.0% in 2026-06
CSV
t_run "CJK names: exit 0" 0 pm-report --one-on-ones -T "$W$W$W" "$T/cjk.csv"
t_eq "CJK names: at most 80 terminal columns" 1 \
    "$(test "$(wc -L <"$T/out")" -le 80 && echo 1 || wc -L <"$T/out")"
t_grep "CJK names: the name is shown, cut at a column" "山田太郎" "$T/out"

# A pm-pareto summary of several groups (-g team) is a table: no group is
# singled out in a sentence of its own; one group gets the sentence.
cat >"$T/groups.csv" <<CSV
group,keys,total,keys_at,pct_keys_at,top20_share,gini,hhi,excluded
East,10,1000,4,40.0,55.0,0.412,1500.0,0
West,5,500,3,60.0,40.0,0.200,2200.0,1
CSV
t_run "--pareto, two groups: exit 0" 0 pm-report --pareto "$T/groups.csv" \
    "$T/parts.csv"
t_nogrep "two groups: no sentence for the first" "^East: " "$T/out"
t_grep "two groups: East's row" "^  East +10 +1,000 +4 \(40\.0%\) +55\.0% +0\.412$" "$T/out"
t_grep "two groups: West's excluded key" "^West: 1 key with a zero or negative total left out\.$" "$T/out"
head -2 "$T/groups.csv" | sed 's/^East//' >"$T/one.csv"
t_run "--pareto, one group: exit 0" 0 pm-report --pareto "$T/one.csv" "$T/parts.csv"
t_grep "one group: the sentence" "^4 of 10 keys \(40\.0%\) make 80% of the total 1,000; the top 20% of keys hold$" "$T/out"

# pm-flag --only keeps the score rows alone: the composite score is a
# mean of capped attainments, so the headline never sums it into a team
# "total" (120 + 80 = 200 would be nonsense).
cat >"$T/score.csv" <<CSV
$H
2026-06,Ann,East,score,120.0,120.0,100.0,120.0,120.0,1,2,100.0,1.00,100.0,,
2026-06,Bob,West,score,80.0,80.0,100.0,80.0,80.0,2,2,0.0,-1.00,100.0,,
CSV
t_run "score rows only: exit 0" 0 pm-report "$T/score.csv"
t_grep "score rows only: reps at target" "^1 of 2 reps reached target on the composite score\.$" "$T/out"
t_nogrep "score rows only: no summed score" "200\.0" "$T/out"
t_nogrep "score rows only: no score by team" "^  Score by team" "$T/out"

# A sheet's focus without coaching flags is a leading metric under three
# quarters of the team median; the composite score (not in the catalogue,
# so "leading" by default) is results, never such a focus.  Eve: score 30
# against West's median (150 + 30) / 2 = 90, calls 50 against 50.
cat >"$T/focus.csv" <<CSV
$H,flags,notes
2026-10,Dan,West,score,150.0,150.0,100.0,150.0,150.0,1,2,100.0,1.00,90.0,,,tier_top,tier_top: rank 1
2026-10,Eve,West,score,30.0,30.0,100.0,30.0,30.0,2,2,0.0,-1.00,90.0,,,tier_bottom,tier_bottom: rank 2
2026-10,Dan,West,calls,50,50,,,,1,2,100.0,0.00,50,,,,
2026-10,Eve,West,calls,50,50,,,,1,2,100.0,0.00,50,,,,
CSV
t_run "focus: exit 0" 0 pm-report --rep Eve "$T/focus.csv"
t_nogrep "focus: never the score" "Focus: Score" "$T/out"
t_grep "focus: the general one" "^  - Focus: agree on the one number to move next period" "$T/out"

# maven-crm, by quarter, targets on win_rate (60) and avg_deal (2500), no
# roll-up rows.  Counted with Python's csv on the raw export: 2017-Q4 has
# 1196 won and 789 lost deals closing, 2802496 of revenue: win rate
# 60.25% (100.4% of 60), average deal 2343.22 (93.7% of 2500); 2017-Q3's
# give changes of -1.88% and -1.23%.  With --rollup: the same table.
M=$DATASETS/maven-crm
if [ -f "$M/sales_pipeline.csv" ]; then
	pm-ingest -q "$M/sales_pipeline.csv" >"$T/mfacts.csv"
	printf 'period,rep,metric,target\n*,*,win_rate,60\n*,*,avg_deal,2500\n' \
	    >"$T/mtargets.csv"
	pm-score -p quarter -t "$T/mtargets.csv" "$T/mfacts.csv" >"$T/mscores.csv"
	t_run "maven: report exits 0" 0 pm-report -P 2017-Q4 "$T/mscores.csv"
	sed -n '/^  Metric  /,/^$/p' "$T/out" >"$T/norollup"
	t_grep "maven: team win rate from won and lost deals" \
	    "^  Win rate +60\.3% +60\.0% +100\.4% +-1\.9%$" "$T/norollup"
	t_grep "maven: team average deal from revenue and deals won" \
	    "^  Average deal +2,343 +2,500 +93\.7% +-1\.2%$" "$T/norollup"
	pm-score -p quarter --rollup -t "$T/mtargets.csv" "$T/mfacts.csv" |
	    pm-report -P 2017-Q4 | sed -n '/^  Metric  /,/^$/p' >"$T/rollup"
	t_same "maven: the same headline with roll-up rows" "$T/rollup" \
	    "$T/norollup"
else
	skip "maven: headline ratios" "no $M"
fi
