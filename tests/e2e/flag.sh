# pm-flag on scenario tables written by hand: every rep is built to
# trigger exactly the flags below (the stories are in the comments), and
# the expected rows were worked out by hand from the SPEC's rules.
. "$(dirname "$0")/../lib.sh"
F=$FIX/flag

# team.csv, months 2026-05..09, target 10000 a month, judged on revenue
# (no score rows) in 2026-09; East: Ann, Bob, Cid, Dee; West: Eve, Fay,
# Gus, Hal.  Ann: 62, 71, 58% in 07..09 (underperformer).  Bob: 110
# (exactly --over), 125, 130% (high_flyer), best month ever, the biggest
# deal.  Cid: exactly 80% three months running (not an underperformer).
# Dee: 10500 > 9800 > 9000 > 8500 (declining).  Eve: 50% -> 95% (most
# improved, a personal best).  Fay: new hire, two months at 50, 60%
# (too short for underperformer or personal_best).  Gus: steady 90%, but
# calls and meetings at 2/7 of the West median (activity_gap).  Hal:
# calls and meetings 10/7 of the median, win rate 20% against a median of
# 37.5% (conversion_gap).  Ranks 1, 2, 2, 4..8: top 20% of 8 = 2 reps,
# bottom 2, middle 4; Eve and Hal, tied at rank 2, hold positions 2 and
# 3, one in the top and one in the middle: an even split is middle (SPEC
# section 13), so the tiers are 1, 5, 2 reps and the notes say so.
# Mentors (SPEC section 15): only Bob is tier_top or target_hit, so
# nobody in West can mentor.  Gus stands lowest on calls and meetings
# alike (2/7 each: calls, first by name), Hal on win_rate (20/37.5):
# Gus is served first, both take Bob of East, who is ahead on both.
# Stretch: Bob is at or above East's top quarter (calls 90 100 110 120:
# 112.5; meetings 8 10 10 12: 10.5) with 120 and 12, so his own best of
# the 4 months before, 12500, + 10%: 13750.
# Bob's 10000 a month is below his worst month before it (11000 in 07):
# target_unrealistic, a sandbag (SPEC section 16).
t_run "list: exit 0" 0 pm-flag --list "$F/team.csv"
t_out "list: the right reps for the right reasons" \
'period,rep,team,flag,metric,value,notes
2026-09,Ann,East,underperformer,revenue,58.0,"attainment 62.0%, 71.0%, 58.0% in 2026-07..2026-09, below 80%"
2026-09,Bob,East,high_flyer,revenue,130.0,"attainment 110.0%, 125.0%, 130.0% in 2026-07..2026-09, at or above 110%"
2026-09,Dee,East,declining,revenue,8500,"revenue 10500, 9800, 9000, 8500 in 2026-06..2026-09, down in each of the last 3 periods"
2026-09,Bob,East,tier_top,revenue,1,"rank 1 of 8 by revenue in 2026-09, in the top 20% (tied ranks: top, middle, bottom of 1, 5, 2 reps instead of 2, 4, 2)"
2026-09,Cid,East,tier_middle,revenue,6,"rank 6 of 8 by revenue in 2026-09, in the middle 60% (tied ranks: top, middle, bottom of 1, 5, 2 reps instead of 2, 4, 2)"
2026-09,Dee,East,tier_middle,revenue,5,"rank 5 of 8 by revenue in 2026-09, in the middle 60% (tied ranks: top, middle, bottom of 1, 5, 2 reps instead of 2, 4, 2)"
2026-09,Eve,West,tier_middle,revenue,2,"rank 2 of 8 by revenue in 2026-09, in the middle 60% (tied ranks: top, middle, bottom of 1, 5, 2 reps instead of 2, 4, 2)"
2026-09,Gus,West,tier_middle,revenue,4,"rank 4 of 8 by revenue in 2026-09, in the middle 60% (tied ranks: top, middle, bottom of 1, 5, 2 reps instead of 2, 4, 2)"
2026-09,Hal,West,tier_middle,revenue,2,"rank 2 of 8 by revenue in 2026-09, in the middle 60% (tied ranks: top, middle, bottom of 1, 5, 2 reps instead of 2, 4, 2)"
2026-09,Ann,East,tier_bottom,revenue,8,"rank 8 of 8 by revenue in 2026-09, in the bottom 20% (tied ranks: top, middle, bottom of 1, 5, 2 reps instead of 2, 4, 2)"
2026-09,Fay,West,tier_bottom,revenue,7,"rank 7 of 8 by revenue in 2026-09, in the bottom 20% (tied ranks: top, middle, bottom of 1, 5, 2 reps instead of 2, 4, 2)"
2026-09,Bob,East,target_hit,revenue,130.0,"attainment 130.0% in 2026-09, at or above 100%"
2026-09,Bob,East,biggest_deal,largest_deal,5000,"largest deal 5000 in 2026-09, the biggest of the period"
2026-09,Bob,East,personal_best,revenue,13000,"revenue 13000 in 2026-09, the best of 5 periods (previous best 12500 in 2026-08)"
2026-09,Eve,West,personal_best,revenue,9500,"revenue 9500 in 2026-09, the best of 5 periods (previous best 7000 in 2026-06)"
2026-09,Eve,West,most_improved,revenue,45.0,"attainment 50.0% in 2026-08 to 95.0% in 2026-09, up 45.0 points, the most of any rep"
2026-09,Gus,West,activity_gap,activity,28.6,"activity 28.6% of the team median in 2026-09 (calls 20 vs 70, meetings 2 vs 7), more than 25% below, and attainment 90.0% of target"
2026-09,Hal,West,conversion_gap,win_rate,20,"activity 142.9% of the team median in 2026-09 (calls 100 vs 70, meetings 10 vs 7), but win_rate 20% vs team median 37.5%, more than 25% below"
2026-09,Gus,West,mentor_match,calls,120,Bob (East) could mentor on calls: 120 vs 20
2026-09,Hal,West,mentor_match,win_rate,50,Bob (East) could mentor on win_rate: 50% vs 20%
2026-09,Bob,East,mentor,calls,120,could mentor Gus (West) on calls
2026-09,Bob,East,mentor,win_rate,50,could mentor Hal (West) on win_rate
2026-09,Bob,East,stretch,revenue,13750,"revenue 13000 now, goal 13750: 10% above the best of the 4 periods before (12500 in 2026-08); at or above the team'\''s top quarter on every leading metric"
2026-09,Bob,East,target_unrealistic,revenue,10000,revenue target 10000 in 2026-09 is below the worst of the last 4 finished periods (11000 in 2026-07)
'
t_eq "list: nothing on stderr" "" "$(cat "$T/err")"

# Default output: the input byte for byte, plus flags and notes on each
# rep's row of the judged metric and period.
t_run "table: exit 0" 0 pm-flag "$F/team.csv"
cp "$T/out" "$T/table"
t_eq "table: header gains flags,notes" \
    "$(head -1 "$F/team.csv"),flags,notes" "$(head -1 "$T/table")"
t_eq "table: one row per input row" "$(wc -l <"$F/team.csv")" \
    "$(wc -l <"$T/table")"
t_eq "table: input fields unchanged" "$(cat "$F/team.csv" | sed 1d)" \
    "$(sed 1d "$T/table" | sed -E 's/,[^,"]*,("[^"]*"|)$//')"
t_eq "table: flags of Bob" \
    "high_flyer;tier_top;target_hit;biggest_deal;personal_best;mentor;stretch;target_unrealistic" \
    "$(grep '^2026-09,Bob,East,revenue' "$T/table" | cut -d, -f17)"
t_grep "table: notes carry the flag name and evidence" \
    '^2026-09,Gus,West,revenue,.*,tier_middle;activity_gap;mentor_match,"tier_middle: rank 4 of 8 by revenue in 2026-09, in the middle 60% \(tied ranks: top, middle, bottom of 1, 5, 2 reps instead of 2, 4, 2\); activity_gap: activity 28.6% of the team median' "$T/table"
t_eq "table: Cid at exactly 80% is only in the middle tier" "tier_middle" \
    "$(grep '^2026-09,Cid,East,revenue' "$T/table" | cut -d, -f17)"
t_eq "table: roll-up rows pass through unflagged" \
'2026-09,*,East,revenue,35300,35300,40000,88.3,88.3,,,,,,,,,
2026-09,*,West,revenue,34000,34000,40000,85.0,85.0,,,,,,,,,
2026-09,*,*,revenue,69300,69300,80000,86.6,86.6,,,,,,,,,' \
    "$(grep '^2026-09,\*' "$T/table")"
t_eq "table: other periods and metrics get empty flags" 0 \
    "$(grep -v '^2026-09,[A-Z][a-z]*,[A-Za-z]*,revenue' "$T/table" |
    sed 1d | grep -vc ',,$')"

t_run "only: exit 0" 0 pm-flag --only "$F/team.csv"
t_eq "only: header and the 8 flagged rows" 9 "$(wc -l <"$T/out")"
t_eq "only: same rows as in the table" \
    "$(grep -v ',,$' "$T/table")" "$(cat "$T/out")"

# A second run replaces flags and notes in place: same bytes.
pm-flag "$F/team.csv" | pm-flag >"$T/twice" 2>"$T/err"
t_same "rerun on its own output gives the same bytes" "$T/table" "$T/twice"

# -o writes the same bytes atomically; stdin works as "-".
t_run "-o FILE: exit 0" 0 pm-flag -o "$T/o.csv" - <"$F/team.csv"
t_same "-o FILE: same bytes as stdout" "$T/table" "$T/o.csv"
t_eq "-o FILE: nothing on stdout" "" "$(cat "$T/out")"

# Options: --persist 2 --under 90: Ann 71, 58; Cid 80, 80; Fay 50, 60 (two
# periods are now enough); Dee at exactly 90% in 08 is not below.
t_run "--persist 2 --under 90" 0 pm-flag --list --persist 2 --under 90 \
    "$F/team.csv"
t_eq "--persist 2 --under 90: underperformers" \
    "Ann:attainment 71.0%, 58.0% in 2026-08..2026-09, below 90%
Cid:attainment 80.0%, 80.0% in 2026-08..2026-09, below 90%
Fay:attainment 50.0%, 60.0% in 2026-08..2026-09, below 90%" \
    "$(grep ',underperformer,' "$T/out" | sed -E 's/^[^,]*,([^,]*),.*,"(.*)"$/\1:\2/')"
t_eq "--persist 2: declining needs two falling steps: Dee" "Dee" \
    "$(grep ',declining,' "$T/out" | cut -d, -f2)"
t_run "--over 125 --persist 2" 0 pm-flag --list --over 125 --persist 2 \
    "$F/team.csv"
t_eq "--over 125 --persist 2: Bob at 125, 130" \
    "2026-09,Bob,East,high_flyer,revenue,130.0,\"attainment 125.0%, 130.0% in 2026-08..2026-09, at or above 125%\"" \
    "$(grep ',high_flyer,' "$T/out")"
t_run "--gap 80: Gus (71.4% below) is no longer flagged" 0 pm-flag --list \
    --gap 80 "$F/team.csv"
t_nogrep "--gap 80: no activity_gap" ',activity_gap,' "$T/out"
t_nogrep "--gap 80: Hal's 20% is not 80% below 37.5%" ',conversion_gap,' "$T/out"
t_run "--activity calls" 0 pm-flag --list --activity calls "$F/team.csv"
t_grep "--activity calls: evidence names calls only" \
    ',activity_gap,activity,28.6,"activity 28.6% of the team median in 2026-09 \(calls 20 vs 70\), more' "$T/out"

# -P 2026-08: judged a month earlier (no ranks, activity or deals then).
# Bob, a high-flyer, stretches to his best of May..July, 12000, + 10%.
t_run "-P 2026-08" 0 pm-flag --list -P 2026-08 "$F/team.csv"
t_out "-P 2026-08: flags of that month" \
'period,rep,team,flag,metric,value,notes
2026-08,Ann,East,underperformer,revenue,71.0,"attainment 71.0%, 62.0%, 71.0% in 2026-06..2026-08, below 80%"
2026-08,Eve,West,underperformer,revenue,50.0,"attainment 70.0%, 65.0%, 50.0% in 2026-06..2026-08, below 80%"
2026-08,Bob,East,high_flyer,revenue,125.0,"attainment 115.0%, 110.0%, 125.0% in 2026-06..2026-08, at or above 110%"
2026-08,Dee,East,declining,revenue,9000,"revenue 11000, 10500, 9800, 9000 in 2026-05..2026-08, down in each of the last 3 periods"
2026-08,Bob,East,target_hit,revenue,125.0,"attainment 125.0% in 2026-08, at or above 100%"
2026-08,Bob,East,personal_best,revenue,12500,"revenue 12500 in 2026-08, the best of 4 periods (previous best 12000 in 2026-05)"
2026-08,Bob,East,most_improved,revenue,15.0,"attainment 110.0% in 2026-07 to 125.0% in 2026-08, up 15.0 points, the most of any rep"
2026-08,Bob,East,stretch,revenue,13200,"revenue 12500 now, goal 13200: 10% above the best of the 3 periods before (12000 in 2026-05); no leading metric to compare with the team"
2026-08,Bob,East,target_unrealistic,revenue,10000,revenue target 10000 in 2026-08 is below the worst of the last 3 finished periods (11000 in 2026-07)
'

# Missing activity metrics: the gap flags stay silent, nothing else moves.
grep -v -e ',calls,' -e ',meetings,' "$F/team.csv" >"$T/noact.csv"
t_run "no activity metrics: exit 0" 0 pm-flag --list "$T/noact.csv"
t_nogrep "no activity metrics: no gap flags" '_gap,' "$T/out"
t_eq "no activity metrics: the other 18 flags remain" 19 "$(wc -l <"$T/out")"
grep -v ',win_rate,' "$F/team.csv" >"$T/nowr.csv"
t_run "no win_rate: exit 0" 0 pm-flag --list "$T/nowr.csv"
t_nogrep "no win_rate: no conversion_gap" ',conversion_gap,' "$T/out"
t_grep "no win_rate: activity_gap still there" ',Gus,.*,activity_gap,' "$T/out"

# A hole in the months (2026-07 missing for everyone) breaks the runs:
# Ann's 62, 71, 58 are not three consecutive months any more.
grep -v '^2026-07,' "$F/team.csv" >"$T/hole.csv"
t_run "hole in the periods: exit 0" 0 pm-flag --list "$T/hole.csv"
t_nogrep "hole: no underperformer or declining across it" \
    ',(underperformer|high_flyer|declining),' "$T/out"
t_grep "hole: personal_best ignores gaps" ',Bob,.*,personal_best,.*best of 4 periods' "$T/out"

# tiers.csv: four reps, no teams, months 2026-08..09.  Revenue ranks 1..4:
# round(0.8) = 1 top, 1 bottom, 2 middle.  A and B both gain 20 points
# (most_improved tie), A and C share the biggest deal.  Two months are
# too short for the three-month rules.  C's stretch: calls 30 of the top
# quarter of 50 40 30 (position 1.5: 45), 0.67; opps_created 5 of that
# of 9 8 5 5 (position 2.25: 8.25), 0.61, the lowest; tasks all 2.
t_run "tiers: exit 0" 0 pm-flag --list "$F/tiers.csv"
t_out "tiers: four reps, ties for most improved and biggest deal" \
'period,rep,team,flag,metric,value,notes
2026-09,C,,tier_top,revenue,1,"rank 1 of 4 by revenue in 2026-09, in the top 20%"
2026-09,B,,tier_middle,revenue,3,"rank 3 of 4 by revenue in 2026-09, in the middle 60%"
2026-09,D,,tier_middle,revenue,2,"rank 2 of 4 by revenue in 2026-09, in the middle 60%"
2026-09,A,,tier_bottom,revenue,4,"rank 4 of 4 by revenue in 2026-09, in the bottom 20%"
2026-09,A,,biggest_deal,largest_deal,3000,"largest deal 3000 in 2026-09, the biggest of the period (tied with 1 other)"
2026-09,C,,biggest_deal,largest_deal,3000,"largest deal 3000 in 2026-09, the biggest of the period (tied with 1 other)"
2026-09,A,,most_improved,revenue,20.0,"attainment 50.0% in 2026-08 to 70.0% in 2026-09, up 20.0 points, the most of any rep (tied with 1 other)"
2026-09,B,,most_improved,revenue,20.0,"attainment 60.0% in 2026-08 to 80.0% in 2026-09, up 20.0 points, the most of any rep (tied with 1 other)"
2026-09,C,,stretch,opps_created,8.25,"opps_created 5, the team'\''s top quarter holds 8.25"
'
tiers_of() {
	pm-flag -q --list --metric "$1" "$F/tiers.csv" |
	    awk -F, '$4 ~ /^tier_/ { printf "%s%s=%s", s, $2, substr($4, 6); s = " " }'
}
t_eq "tiers: three ranked reps, one each" "A=top B=middle C=bottom" \
    "$(tiers_of calls)"
t_eq "tiers: two reps round to no top, no bottom" "A=middle B=middle" \
    "$(tiers_of meetings)"
t_eq "tiers: one rep" "A=middle" "$(tiers_of emails)"
t_eq "tiers: two tied at rank 1 share the top" \
    "A=top B=top C=middle D=bottom" "$(tiers_of deals_won)"
t_eq "tiers: two tied at the bottom share it" \
    "A=top B=middle C=bottom D=bottom" "$(tiers_of opps_created)"
t_eq "tiers: everyone tied: nobody stands out" \
    "A=middle B=middle C=middle D=middle" "$(tiers_of tasks)"
t_eq "tiers 50,50 of four: the middle keeps one" \
    "C=top D=top B=middle A=bottom" \
    "$(pm-flag --list --tiers 50,50 "$F/tiers.csv" |
    awk -F, '$4 ~ /^tier_/ { printf "%s%s=%s", s, $2, substr($4, 6); s = " " }')"
t_run "no target for the metric: a warning" 0 pm-flag --list --metric calls \
    "$F/tiers.csv"
t_grep "no target: the warning says what cannot be judged" \
    "^pm-flag: .*no attainment for calls in 2026-09" "$T/err"
t_run "-q: no warning" 0 pm-flag -q --list --metric calls "$F/tiers.csv"
t_eq "-q: stderr empty" "" "$(cat "$T/err")"

# progress.csv: 2026-11 is half over (projected = 2 x actual, pace = 2 x
# attainment).  X: 70, 70, then 40% so far but pace 80%: not flagged.
# Y: 70, 75, pace 70: underperformer.  W: pace 120 (target_hit, a
# personal best on projection).  X and W both gain 10 points of pace.
t_run "in progress: exit 0" 0 pm-flag --list "$F/progress.csv"
t_out "in progress: judged on pace and projection" \
'period,rep,team,flag,metric,value,notes
2026-11,Y,,underperformer,revenue,70.0,"pace 70.0%, 75.0%, 70.0% in 2026-09..2026-11, below 80%"
2026-11,W,,target_hit,revenue,120.0,"pace 120.0% in 2026-11, at or above 100%"
2026-11,W,,personal_best,revenue,12000,"projected revenue 12000 in 2026-11, the best of 3 periods (previous best 11000 in 2026-10)"
2026-11,X,,personal_best,revenue,8000,"projected revenue 8000 in 2026-11, the best of 3 periods (previous best 7000 in 2026-10)"
2026-11,W,,most_improved,revenue,10.0,"pace 110.0% in 2026-10 to 120.0% in 2026-11, up 10.0 points, the most of any rep (tied with 1 other)"
2026-11,X,,most_improved,revenue,10.0,"pace 70.0% in 2026-10 to 80.0% in 2026-11, up 10.0 points, the most of any rep (tied with 1 other)"
'
t_run "in progress, --persist 2" 0 pm-flag --list --persist 2 "$F/progress.csv"
t_grep "in progress: declining on projection" \
    '^2026-11,Z,,declining,revenue,6000,"projected revenue 9000, 8000, 6000 in 2026-09..2026-11, down in each of the last 2 periods"$' "$T/out"
t_grep "in progress: high_flyer on pace" \
    '^2026-11,W,,high_flyer,revenue,120.0,"pace 110.0%, 120.0% in 2026-10..2026-11, at or above 110%"$' "$T/out"

# byteam.csv: pm-score --by-team ranked within each team of three (the
# reps column says 3, not 6): tiers are made team by team, one each.
# The top of each team stretches 10% above its only month.
t_run "by team: exit 0" 0 pm-flag --list "$F/byteam.csv"
t_out "by team: tiers within each team" \
'period,rep,team,flag,metric,value,notes
2026-09,Ann,East,tier_top,revenue,1,"rank 1 of 3 in team East by revenue in 2026-09, in the top 20%"
2026-09,Dee,West,tier_top,revenue,1,"rank 1 of 3 in team West by revenue in 2026-09, in the top 20%"
2026-09,Bob,East,tier_middle,revenue,2,"rank 2 of 3 in team East by revenue in 2026-09, in the middle 60%"
2026-09,Eve,West,tier_middle,revenue,2,"rank 2 of 3 in team West by revenue in 2026-09, in the middle 60%"
2026-09,Cid,East,tier_bottom,revenue,3,"rank 3 of 3 in team East by revenue in 2026-09, in the bottom 20%"
2026-09,Fay,West,tier_bottom,revenue,3,"rank 3 of 3 in team West by revenue in 2026-09, in the bottom 20%"
2026-09,Ann,East,target_hit,revenue,120.0,"attainment 120.0% in 2026-09, at or above 100%"
2026-09,Ann,East,stretch,revenue,13200,"revenue 12000 now, goal 13200: 10% above it (no period before it); no leading metric to compare with the team"
2026-09,Dee,West,stretch,revenue,7700,"revenue 7000 now, goal 7700: 10% above it (no period before it); no leading metric to compare with the team"
'

# Real-world CSV: a quoted rep name with a comma, another delimiter, CRLF.
sed 's/,Ann,/,"Smith, Ann",/' "$F/team.csv" >"$T/quoted.csv"
t_run "quoted rep name: exit 0" 0 pm-flag --list "$T/quoted.csv"
t_grep "quoted rep name: re-quoted in the list" \
    '^2026-09,"Smith, Ann",East,underperformer,' "$T/out"
pm-flag "$T/quoted.csv" >"$T/quoted.out"
t_grep "quoted rep name: row kept and flagged" \
    '^2026-09,"Smith, Ann",East,revenue,5800,5800,10000,58.0,58.0,8,8,,,,,,underperformer;tier_bottom,' \
    "$T/quoted.out"
sed 's/,/;/g; s/$/\r/' "$F/team.csv" >"$T/semi.csv"
t_run "-d ';' and CRLF: exit 0" 0 pm-flag -d ';' "$T/semi.csv"
t_same "-d ';' and CRLF: comma CSV, same as the comma input" "$T/table" "$T/out"
head -40 "$F/team.csv" >"$T/part1.csv"
{ head -1 "$F/team.csv"; sed 1,40d "$F/team.csv"; } >"$T/part2.csv"
t_run "two files read as one: exit 0" 0 pm-flag "$T/part2.csv" "$T/part1.csv"
t_eq "two files read as one: the same flags" "$(grep -v ',,$' "$T/table" | sort)" \
    "$(grep -v ',,$' "$T/out" | sort)"
t_run "two files with one rep twice: exit 65" 65 pm-flag "$F/team.csv" \
    "$F/byteam.csv"
t_grep "two files with one rep twice: a duplicate" 'second row for rep' "$T/err"

# Errors.
H=period,rep,team,metric,actual,projected,target,attainment,pace,rank,reps,percentile,zscore,median,prev,change
printf 'date,rep,metric,value,account,product,team,ref\n2026-09-01,Ann,revenue,5,,,,x\n' >"$T/facts.csv"
t_run "facts instead of scores: exit 65" 65 pm-flag "$T/facts.csv"
t_grep "facts instead of scores: names the missing columns" \
    "^pm-flag: $T/facts.csv:1: not a scores table \(pm-score output\): missing columns period, actual, attainment$" "$T/err"
t_eq "facts instead of scores: no output" "" "$(cat "$T/out")"
printf '%s\n2026-09,Ann,,revenue,12x,,,,,,,,,,,\n' "$H" >"$T/bad.csv"
t_run "bad number: exit 65" 65 pm-flag "$T/bad.csv"
t_grep "bad number: file, line, column and value" \
    "^pm-flag: $T/bad.csv:2: actual: not a number: '12x'$" "$T/err"
printf '%s\n2026-09,Ann,,revenue,1,,,,,,,,,,,\n2026-09,Ann,,revenue,2,,,,,,,,,,,\n' \
    "$H" >"$T/dup.csv"
t_run "duplicate row: exit 65" 65 pm-flag "$T/dup.csv"
t_grep "duplicate row: both lines" \
    "dup.csv:3: second row for rep 'Ann', metric 'revenue', period '2026-09' \(first at .*dup.csv:2\)" "$T/err"
printf '%s\n2026-09,Ann,,revenue,1,,,,,,,\n' "$H" >"$T/short.csv"
t_run "short row: exit 65" 65 pm-flag "$T/short.csv"
t_grep "short row: line and counts" "short.csv:2: expected 16 fields, found 12" "$T/err"
printf '%s\n' "$H" >"$T/empty.csv"
t_run "header only: exit 0" 0 pm-flag "$T/empty.csv"
t_out "header only: header plus flags,notes" "$H,flags,notes
"
t_run "header only, --list: exit 0" 0 pm-flag --list "$T/empty.csv"
t_out "header only, --list: the list header" \
    "period,rep,team,flag,metric,value,notes
"
t_run "unknown -P: exit 65" 65 pm-flag -P 2026-13 "$F/team.csv"
t_grep "unknown -P: names it and the range" \
    "no period '2026-13' in the input \(2026-05..2026-09\)" "$T/err"
t_run "unknown --metric: exit 65" 65 pm-flag --metric nope "$F/team.csv"
t_grep "unknown --metric: names it" "no metric 'nope' in the input" "$T/err"
grep -v ',revenue,' "$F/team.csv" >"$T/norev.csv"
t_run "no score, no revenue: exit 65" 65 pm-flag "$T/norev.csv"
t_grep "no score, no revenue: says to use --metric" "\-\-metric" "$T/err"
t_run "missing file: exit 66" 66 pm-flag "$T/nope.csv"
t_run "--tiers 60,50: exit 64" 64 pm-flag --tiers 60,50 "$F/team.csv"
t_run "--tiers 20: exit 64" 64 pm-flag --tiers 20 "$F/team.csv"
t_run "--persist 0: exit 64" 64 pm-flag --persist 0 "$F/team.csv"
t_run "--gap 120: exit 64" 64 pm-flag --gap 120 "$F/team.csv"
t_run "--under abc: exit 64" 64 pm-flag --under abc "$F/team.csv"
t_run "-o in a missing directory: exit 73" 73 pm-flag -o "$T/no/x.csv" \
    "$F/team.csv"
printf 'old\n' >"$T/keep.csv"
t_run "-o FILE, bad input: exit 65" 65 pm-flag -o "$T/keep.csv" "$T/bad.csv"
t_eq "-o FILE, bad input: the old FILE is untouched" "old" "$(cat "$T/keep.csv")"

# gap.csv: the gap boundaries, no teams (everyone is the team).  Calls
# median 40 (E's empty calls left out): A at 30/40 = exactly 75% is not
# "more than 25% below"; B at the median with win_rate 30 = exactly 25%
# under the median 40 is not a conversion gap.  Meetings are all 0: a
# median of 0 says nothing and is left out.  E has no activity at all.
t_run "gap boundaries: exit 0" 0 pm-flag --list "$F/gap.csv"
t_out "gap boundaries: exactly 25% below is not a gap" \
'period,rep,team,flag,metric,value,notes
'
t_run "gap boundaries, --gap 20: exit 0" 0 pm-flag --list --gap 20 "$F/gap.csv"
t_out "gap boundaries, --gap 20: both gaps" \
'period,rep,team,flag,metric,value,notes
2026-09,A,,activity_gap,activity,75.0,"activity 75.0% of the team median in 2026-09 (calls 30 vs 40), more than 20% below, and attainment 90.0% of target"
2026-09,B,,conversion_gap,win_rate,30.0,"activity 100.0% of the team median in 2026-09 (calls 40 vs 40), but win_rate 30.0% vs team median 40.0%, more than 20% below"
'
t_run "--activity with an unknown metric: exit 0" 0 pm-flag --list \
    --activity calls,demos --gap 20 "$F/gap.csv"
t_grep "--activity with an unknown metric: a warning" \
    "^pm-flag: --activity: no metric 'demos' in the input$" "$T/err"
t_eq "--activity with an unknown metric: same flags" 3 "$(wc -l <"$T/out")"

# pm-score --to past the as-of date: 2026-12 is still to come (projected
# and pace empty); the latest period with numbers, 2026-11, is judged.
{ cat "$F/progress.csv"; for r in W X Y Z; do
	echo "2026-12,$r,,revenue,0,,10000,0.0,,,,,,,,"; done; } >"$T/future.csv"
t_run "future period: exit 0" 0 pm-flag --list "$T/future.csv"
t_same "future period: judged as without it" \
    <(pm-flag --list "$F/progress.csv") "$T/out"
t_run "future period, -P 2026-12: exit 0" 0 pm-flag --list -P 2026-12 \
    "$T/future.csv"
t_out "future period, -P 2026-12: nothing to judge" \
'period,rep,team,flag,metric,value,notes
'

# Real data: the Maven CRM deals (35 agents) through pm-ingest and
# pm-score by quarter, then pm-flag.  Expected values come from the raw
# export with awk, not from the tools.
M=$DATASETS/maven-crm
if [ ! -d "$M" ]; then
	skip "maven-crm: pm-flag on real scores" "no $M"
elif ! { pm-ingest -q "$M/sales_pipeline.csv" >"$T/mf.csv" &&
    { echo rep,team; sed 1d "$M/sales_teams.csv" |
    awk -F, '{ print $1 "," $3 }'; } >"$T/mr.csv" &&
    printf 'period,rep,metric,target\n*,*,revenue,200000\n' >"$T/mt.csv" &&
    pm-score -p quarter -t "$T/mt.csv" -r "$T/mr.csv" --rollup \
    "$T/mf.csv" >"$T/ms.csv"; } 2>/dev/null; then
	skip "maven-crm: pm-flag on real scores" "pm-ingest | pm-score failed"
else
	t_run "maven-crm: --list exit 0" 0 pm-flag --list "$T/ms.csv"
	cp "$T/out" "$T/ml.csv"
	want=$(awk -F, '$5 == "Won" && $7 >= "2017-10-01" &&
	    $7 <= "2017-12-31" && $8 + 0 > m { m = $8 + 0; w = $2 }
	    END { print w "," m }' "$M/sales_pipeline.csv")
	t_eq "maven-crm: biggest deal of 2017-Q4 from the raw export" "$want" \
	    "$(awk -F, '$4 == "biggest_deal" { print $2 "," $6 }' "$T/ml.csv")"
	t_eq "maven-crm: judged on score in the latest quarter" "2017-Q4 score" \
	    "$(awk -F, 'NR > 1 && $4 != "biggest_deal" && $4 != "activity_gap" &&
	    $4 != "mentor_match" && $4 != "mentor" && $4 != "stretch" &&
	    $4 != "target_unrealistic" {
	    print $1, $5 }' "$T/ml.csv" | sort -u)"
	t_eq "maven-crm: every flagged rep is an agent of the roster" "" \
	    "$(cut -d, -f2 "$T/ml.csv" | sed 1d | sort -u |
	    grep -vxF -f <(cut -d, -f1 "$M/sales_teams.csv"))"
	t_eq "maven-crm: every ranked agent is in one tier" 35 \
	    "$(grep -c ',tier_' "$T/ml.csv")"
	t_run "maven-crm: table exit 0" 0 pm-flag "$T/ms.csv"
	t_eq "maven-crm: one output row per input row" \
	    "$(wc -l <"$T/ms.csv")" "$(wc -l <"$T/out")"
	t_eq "maven-crm: roll-up rows never flagged" "" \
	    "$(grep '^[^,]*,\*,' "$T/out" | grep -v ',,$')"
fi

# A table made by hand with only the required columns (and team): pace
# and projection fall back to attainment and actual, ranks are made from
# the actuals (Eve and Hal tie at 2 as pm-score ranked them).
pm-flag --list "$F/team.csv" >"$T/full.list"
cut -d, -f1-5,8 "$F/team.csv" >"$T/min.csv"
t_run "required columns only: exit 0" 0 pm-flag --list "$T/min.csv"
# No target column: target_unrealistic cannot be judged.
grep -v ',target_unrealistic,' "$T/full.list" >"$T/full-t.list"
t_same "required columns only: the same flags" "$T/full-t.list" "$T/out"
awk -F, -v OFS=, 'NR > 1 { $6 = ""; $9 = "" } { print }' "$F/team.csv" \
    >"$T/noproj.csv"
t_run "projected and pace never filled: exit 0" 0 pm-flag --list "$T/noproj.csv"
t_same "projected and pace never filled: read actual and attainment" \
    "$T/full.list" "$T/out"
cut -d, -f1-4,6- "$F/team.csv" >"$T/noactual.csv"
t_run "no actual column: exit 65" 65 pm-flag "$T/noactual.csv"
t_grep "no actual column: named" "missing column actual$" "$T/err"
