# pm-score: scores table (SPEC section 4).  Every expected value below was
# worked out by hand from the fixtures in tests/fixtures/score; the
# arithmetic is noted next to each block.
. "$(dirname "$0")/../lib.sh"
F=$FIX/score

# Months of a quarter target: 3000 x 31/90 = 1033.33 (Jan), x 28/90 =
# 933.33 (Feb); Bob's '*' row (1200) beats the '*' rep row; Carol's Jan
# target is 0 (attainment empty); Dan has no facts; Eve starts 2026-02-15
# (no Jan row, Feb target 3000 x 14/90 = 466.67, no pace before she starts).
# As-of = latest fact 2026-02-14: Feb projected = actual x 28/14.
# Jan: mean 975, sd sqrt(376875) = 613.90: z 0.86, -0.12, -1.59;
# median (900+1500)/2.  Feb: mean 240, sd 320: z 1.75, 0.50, -0.75.
# Roll-up Feb East: 1200 / (933.33+1200) = 56.3, pace 2400/2133.33 = 112.5.
# elapsed: January 100.0 (finished), February 14 of 28 days = 50.0.
t_run "revenue by month with targets, roster and roll-up" 0 \
    pm-score -p month -t "$F/targets.csv" -r "$F/roster.csv" \
    --metrics revenue --rollup "$F/facts.csv"
t_out "revenue by month: values" \
"period,rep,team,metric,actual,projected,target,attainment,pace,rank,reps,percentile,zscore,median,prev,change,elapsed
2026-01,Alice,East,revenue,1500,1500,1033.33,145.2,145.2,1,4,66.7,0.86,1200,,,100.0
2026-01,Bob,East,revenue,1500,1500,1200,125.0,125.0,1,4,66.7,0.86,1200,,,100.0
2026-01,Carol,West,revenue,900,900,0,,,3,4,33.3,-0.12,1200,,,100.0
2026-01,Dan,West,revenue,0,0,1033.33,0.0,0.0,4,4,0.0,-1.59,1200,,,100.0
2026-01,*,East,revenue,3000,3000,2233.33,134.3,134.3,,,,,,,,100.0
2026-01,*,West,revenue,900,900,1033.33,87.1,87.1,,,,,,,,100.0
2026-01,*,*,revenue,3900,3900,3266.67,119.4,119.4,,,,,,,,100.0
2026-02,Bob,East,revenue,800,1600,1200,66.7,133.3,1,5,100.0,1.75,0,1500,-46.7,50.0
2026-02,Alice,East,revenue,400,800,933.33,42.9,85.7,2,5,75.0,0.50,0,1500,-73.3,50.0
2026-02,Carol,West,revenue,0,0,933.33,0.0,0.0,3,5,0.0,-0.75,0,900,-100.0,50.0
2026-02,Dan,West,revenue,0,0,933.33,0.0,0.0,3,5,0.0,-0.75,0,0,,50.0
2026-02,Eve,West,revenue,0,,466.67,0.0,,3,5,0.0,-0.75,0,,,50.0
2026-02,*,East,revenue,1200,2400,2133.33,56.3,112.5,,,,,,3000,-60.0,50.0
2026-02,*,West,revenue,0,0,2333.33,0.0,0.0,,,,,,900,-100.0,50.0
2026-02,*,*,revenue,1200,2400,4466.67,26.9,53.7,,,,,,3900,-69.2,50.0
"

# cycle_days is a mean and lower is better: Alice (10+21)/2 = 15.5,
# attainment 20/15.5 = 129.0; the target is a level, not prorated (Eve).
# Composite (revenue, calls, cycle_days have targets), Jan: Alice
# (145.16 + 0 + 129.03)/3 = 91.4; Bob (125 + 0)/2 = 62.5 (no cycle_days);
# Carol (calls 30 + cycle 66.67)/2 = 48.3; Dan 0.  Feb pace: Bob
# (133.33 + 0)/2 = 66.7.
t_run "mean, lower-is-better and composite score" 0 \
    pm-score -p month -t "$F/targets.csv" -r "$F/roster.csv" \
    --metrics cycle_days,score "$F/facts.csv"
t_out "mean, lower-is-better and composite score: values" \
"period,rep,team,metric,actual,projected,target,attainment,pace,rank,reps,percentile,zscore,median,prev,change,elapsed
2026-01,Alice,East,cycle_days,15.5,15.5,20,129.0,129.0,1,2,100.0,-1.00,22.75,,,100.0
2026-01,Carol,West,cycle_days,30,30,20,66.7,66.7,2,2,0.0,1.00,22.75,,,100.0
2026-01,Bob,East,cycle_days,,,20,,,,,,,,,,100.0
2026-01,Dan,West,cycle_days,,,20,,,,,,,,,,100.0
2026-01,Alice,East,score,91.4,91.4,100.0,91.4,91.4,1,4,100.0,1.24,55.4,,,100.0
2026-01,Bob,East,score,62.5,62.5,100.0,62.5,62.5,2,4,66.7,0.36,55.4,,,100.0
2026-01,Carol,West,score,48.3,48.3,100.0,48.3,48.3,3,4,33.3,-0.07,55.4,,,100.0
2026-01,Dan,West,score,0.0,0.0,100.0,0.0,0.0,4,4,0.0,-1.53,55.4,,,100.0
2026-02,Alice,East,cycle_days,,,20,,,,,,,,15.5,,50.0
2026-02,Bob,East,cycle_days,,,20,,,,,,,,,,50.0
2026-02,Carol,West,cycle_days,,,20,,,,,,,,30,,50.0
2026-02,Dan,West,cycle_days,,,20,,,,,,,,,,50.0
2026-02,Eve,West,cycle_days,,,20,,,,,,,,,,50.0
2026-02,Bob,East,score,33.3,66.7,100.0,33.3,66.7,1,5,100.0,1.28,21.4,62.5,-46.7,50.0
2026-02,Carol,West,score,25.0,50.0,100.0,25.0,50.0,2,5,75.0,0.67,21.4,48.3,-48.3,50.0
2026-02,Alice,East,score,21.4,42.9,100.0,21.4,42.9,3,5,50.0,0.40,21.4,91.4,-76.6,50.0
2026-02,Dan,West,score,0.0,0.0,100.0,0.0,0.0,4,5,0.0,-1.17,21.4,0.0,,50.0
2026-02,Eve,West,score,0.0,,100.0,0.0,,4,5,0.0,-1.17,21.4,,,50.0
"

# win_rate = won / (won + lost) x 100: Bob 1/3 = 33.3; ties share rank 1.
# mean 77.78, sd 31.43: z 0.71 and -1.41.
t_run "win_rate" 0 pm-score -p month -r "$F/roster.csv" --metrics win_rate \
    --to 2026-01-31 "$F/facts.csv"
t_out "win_rate: values" \
"period,rep,team,metric,actual,projected,target,attainment,pace,rank,reps,percentile,zscore,median,prev,change,elapsed
2026-01,Alice,East,win_rate,100.0,100.0,,,,1,3,50.0,0.71,100.0,,,100.0
2026-01,Carol,West,win_rate,100.0,100.0,,,,1,3,50.0,0.71,100.0,,,100.0
2026-01,Bob,East,win_rate,33.3,33.3,,,,3,3,0.0,-1.41,100.0,,,100.0
2026-01,Dan,West,win_rate,,,,,,,,,,,,,100.0
"

# avg_deal = revenue / deals_won, largest_deal = largest revenue fact.
# avg_deal 1500, 900, 750: mean 1050, sd sqrt(105000) = 324.04;
# largest 1500, 1000, 900: mean 1133.33, sd 262.47.
t_run "avg_deal and largest_deal" 0 pm-score -p month --metrics \
    avg_deal,largest_deal --to 2026-01-31 "$F/facts.csv"
t_out "avg_deal and largest_deal: values" \
"period,rep,team,metric,actual,projected,target,attainment,pace,rank,reps,percentile,zscore,median,prev,change,elapsed
2026-01,Bob,,avg_deal,1500,1500,,,,1,3,100.0,1.39,900,,,100.0
2026-01,Carol,,avg_deal,900,900,,,,2,3,50.0,-0.46,900,,,100.0
2026-01,Alice,,avg_deal,750,750,,,,3,3,0.0,-0.93,900,,,100.0
2026-01,Bob,,largest_deal,1500,1500,,,,1,3,100.0,1.40,1000,,,100.0
2026-01,Alice,,largest_deal,1000,1000,,,,2,3,50.0,-0.51,1000,,,100.0
2026-01,Carol,,largest_deal,900,900,,,,3,3,0.0,-0.89,1000,,,100.0
"

# --by-team ranks within the team.
t_run "--by-team" 0 pm-score -p month -r "$F/roster.csv" --metrics revenue \
    --by-team --to 2026-01-31 "$F/facts.csv"
t_out "--by-team: ranks per team" \
"period,rep,team,metric,actual,projected,target,attainment,pace,rank,reps,percentile,zscore,median,prev,change,elapsed
2026-01,Alice,East,revenue,1500,1500,,,,1,2,0.0,,1500,,,100.0
2026-01,Bob,East,revenue,1500,1500,,,,1,2,0.0,,1500,,,100.0
2026-01,Carol,West,revenue,900,900,,,,1,2,100.0,1.00,450,,,100.0
2026-01,Dan,West,revenue,0,0,,,,2,2,0.0,-1.00,450,,,100.0
"

# ISO weeks: 2026-12-31 (Thu) and 2027-01-01 are both in 2026-W53
# (2026-12-28..2027-01-03).  Q4 target 9200 over 92 days = 100 a day:
# W52 700, W53 only its 4 days of Q4 = 400, W01 none.  As-of 2027-01-04,
# the first day of 2027-W01: projected 400 x 7.  Equal actuals: zscore
# empty (no spread), both rank 1 and beat nobody.
# elapsed of 2027-W01: 1 of 7 days = 14.3.
t_run "ISO weeks across the year end" 0 pm-score -p week \
    -t "$F/weeks-targets.csv" --metrics revenue "$F/weeks.csv"
t_out "ISO weeks: values" \
"period,rep,team,metric,actual,projected,target,attainment,pace,rank,reps,percentile,zscore,median,prev,change,elapsed
2026-W52,Ann,,revenue,100,100,700,14.3,14.3,1,2,0.0,,100,,,100.0
2026-W52,Ben,,revenue,100,100,700,14.3,14.3,1,2,0.0,,100,,,100.0
2026-W53,Ann,,revenue,500,500,400,125.0,125.0,1,2,100.0,1.00,250,100,400.0,100.0
2026-W53,Ben,,revenue,0,0,400,0.0,0.0,2,2,0.0,-1.00,250,100,-100.0,100.0
2027-W01,Ann,,revenue,400,2800,,,,1,2,100.0,1.00,200,500,-20.0,14.3
2027-W01,Ben,,revenue,0,0,,,,2,2,0.0,-1.00,200,0,,14.3
"

# Fiscal year from April: 2026-03-31 is FY2026-Q4, 2026-04-01 FY2027-Q1.
# As-of 2026-05-15 is day 45 (30 + 15) of the 91-day quarter:
# projected 4500 x 91/45 = 9100, pace 100.0; attainment 4500/9100 = 49.5.
# elapsed of FY2027-Q1: 45 of 91 days = 49.5.
t_run "fiscal quarters, pace mid-quarter" 0 pm-score -p quarter \
    --fiscal-start 4 -t "$F/fiscal-targets.csv" --metrics revenue \
    "$F/fiscal.csv"
t_out "fiscal quarters: values" \
"period,rep,team,metric,actual,projected,target,attainment,pace,rank,reps,percentile,zscore,median,prev,change,elapsed
FY2026-Q4,Fay,,revenue,1000,1000,,,,1,1,,,1000,,,100.0
FY2027-Q1,Fay,,revenue,4500,9100,9100,49.5,100.0,1,1,,,4500,1000,350.0,49.5
"
t_run "fiscal years" 0 pm-score -p year --fiscal-start 4 --metrics revenue \
    "$F/fiscal.csv"
t_eq "fiscal years are named after the year they end" "FY2026 FY2027" \
    "$(csvcol "$T/out" period | tr '\n' ' ' | sed 's/ $//')"

# The fiscal quarter target (100 a day) prorated into months (Apr 30
# days, May 31) and into 2026-W14 (5 of its days are in the quarter).
# May is in progress on day 15 of 31: 2500 x 31/15 = 5166.67.
# elapsed of May: 15 of 31 days = 48.4.
t_run "fiscal quarter target prorated into months" 0 pm-score -p month \
    --fiscal-start 4 -t "$F/fiscal-targets.csv" --metrics revenue \
    "$F/fiscal.csv"
t_out "prorated into months: values" \
"period,rep,team,metric,actual,projected,target,attainment,pace,rank,reps,percentile,zscore,median,prev,change,elapsed
2026-03,Fay,,revenue,1000,1000,,,,1,1,,,1000,,,100.0
2026-04,Fay,,revenue,2000,2000,3000,66.7,66.7,1,1,,,2000,1000,100.0,100.0
2026-05,Fay,,revenue,2500,5166.67,3100,80.6,166.7,1,1,,,2500,2000,25.0,48.4
"
t_run "fiscal quarter target prorated into a week" 0 pm-score -p week \
    --fiscal-start 4 -t "$F/fiscal-targets.csv" --metrics revenue \
    --from 2026-03-30 --to 2026-04-05 "$F/fiscal.csv"
t_out "prorated into a week: values" \
"period,rep,team,metric,actual,projected,target,attainment,pace,rank,reps,percentile,zscore,median,prev,change,elapsed
2026-W14,Fay,,revenue,3000,3000,500,600.0,600.0,1,1,,,3000,,,100.0
"

# A rep who joined mid-year: a 2026 target of 36500 (100 a day) is
# 18400 for Gil, who starts 2026-07-01 (184 days); by quarter it is
# 9000, 9100, 9200, 9200 (90, 91, 92, 92 days) and Gil has no Q1/Q2 rows
# and no prev in his first quarter.  As-of 2026-12-31: all finished.
t_run "mid-year joiner by year" 0 pm-score -p year -t "$F/midyear-targets.csv" \
    -r "$F/midyear-roster.csv" --metrics revenue "$F/midyear.csv"
t_out "mid-year joiner by year: values" \
"period,rep,team,metric,actual,projected,target,attainment,pace,rank,reps,percentile,zscore,median,prev,change,elapsed
2026,Gil,North,revenue,5000,5000,18400,27.2,27.2,1,2,100.0,1.00,3050,,,100.0
2026,Hal,North,revenue,1100,1100,36500,3.0,3.0,2,2,0.0,-1.00,3050,,,100.0
"
t_run "mid-year joiner by quarter" 0 pm-score -p quarter \
    -t "$F/midyear-targets.csv" -r "$F/midyear-roster.csv" --metrics revenue \
    "$F/midyear.csv"
t_out "mid-year joiner by quarter: values" \
"period,rep,team,metric,actual,projected,target,attainment,pace,rank,reps,percentile,zscore,median,prev,change,elapsed
2026-Q1,Hal,North,revenue,1000,1000,9000,11.1,11.1,1,1,,,1000,,,100.0
2026-Q2,Hal,North,revenue,0,0,9100,0.0,0.0,1,1,,,0,1000,-100.0,100.0
2026-Q3,Gil,North,revenue,5000,5000,9200,54.3,54.3,1,2,100.0,1.00,2500,,,100.0
2026-Q3,Hal,North,revenue,0,0,9200,0.0,0.0,2,2,0.0,-1.00,2500,0,,100.0
2026-Q4,Hal,North,revenue,100,100,9200,1.1,1.1,1,2,100.0,1.00,50,0,,100.0
2026-Q4,Gil,North,revenue,0,0,9200,0.0,0.0,2,2,0.0,-1.00,50,5000,-100.0,100.0
"

# --as-of: a day in the middle of January makes January in progress and
# February not yet started (projected and pace empty).
t_run "--as-of mid-period" 0 pm-score -p month -t "$F/targets.csv" \
    --metrics revenue --as-of 2026-01-15 "$F/facts.csv"
t_grep "--as-of: Jan projected = 1500 x 31/15" \
    '^2026-01,Alice,,revenue,1500,3100,1033.33,145.2,300.0,' "$T/out"
t_grep "--as-of: Feb after the as-of date has no projection" \
    '^2026-02,Bob,,revenue,800,,1200,66.7,,' "$T/out"

# Default metric set: those of the facts, of the targets, and derived.
t_run "default metrics" 0 pm-score -t "$F/targets.csv" "$F/facts.csv"
t_eq "default metrics: the list" \
    "avg_deal calls cycle_days deals_lost deals_won largest_deal revenue score win_rate" \
    "$(csvcol "$T/out" metric | sort -u | tr '\n' ' ' | sed 's/ $//')"

# -w: explicit weights; --cap.  Jan Alice: revenue 145.16 capped at 120,
# calls 0: (3 x 120 + 1 x 0)/4 = 90.0.
t_run "-w and --cap" 0 pm-score -t "$F/targets.csv" -w revenue=3,calls=1 \
    --cap 120 --metrics score --to 2026-01-31 "$F/facts.csv"
t_grep "-w and --cap: Alice" '^2026-01,Alice,,score,90.0,90.0,100.0,90.0,' \
    "$T/out"

# --metric declares a new metric: max and lower-is-better.
printf 'date,rep,metric,value,account,product,team,ref\n2026-01-02,A,response_hours,5,,,,x\n2026-01-03,A,response_hours,9,,,,y\n2026-01-03,B,response_hours,7,,,,z\n' >"$T/decl.csv"
# elapsed: as of 2026-01-03, 3 of 31 days = 9.7.
t_run "--metric NAME=max:lower" 0 pm-score --metric response_hours=max:lower \
    "$T/decl.csv"
t_out "--metric: max, lower is better" \
"period,rep,team,metric,actual,projected,target,attainment,pace,rank,reps,percentile,zscore,median,prev,change,elapsed
2026-01,B,,response_hours,7,7,,,,1,2,100.0,-1.00,8,,,9.7
2026-01,A,,response_hours,9,9,,,,2,2,0.0,1.00,8,,,9.7
"

# Reordered and extra columns are found by name; team from the facts.
# March is in progress on the 2nd: projected 15 x 31/2 = 232.5.
printf 'ref,value,rep,extra,metric,date,team\nr1,10,Zed,x,calls,2026-03-02,North\nr2,5,Zed,x,calls,2026-03-01,South\n' >"$T/reordered.csv"
# elapsed: 2 of 31 days = 6.5.
t_run "columns found by name" 0 pm-score "$T/reordered.csv"
t_out "columns found by name: values, team of the latest fact" \
"period,rep,team,metric,actual,projected,target,attainment,pace,rank,reps,percentile,zscore,median,prev,change,elapsed
2026-03,Zed,North,calls,15,232.5,,,,1,1,,,15,,,6.5
"

# coverage = open_pipeline / (revenue target - revenue): A 1200/600,
# B 500/1000, C has met the target (empty); everyone 1800/(3000-1600).
t_run "coverage" 0 pm-score -t "$F/coverage-targets.csv" --metrics coverage \
    --rollup --as-of 2026-03-31 "$F/coverage.csv"
t_out "coverage: values" \
"period,rep,team,metric,actual,projected,target,attainment,pace,rank,reps,percentile,zscore,median,prev,change,elapsed
2026-03,A,,coverage,2.00,2.00,,,,1,2,100.0,1.00,1.25,,,100.0
2026-03,B,,coverage,0.50,0.50,,,,2,2,0.0,-1.00,1.25,,,100.0
2026-03,C,,coverage,,,,,,,,,,,,,100.0
2026-03,*,*,coverage,1.29,1.29,,,,,,,,,,,100.0
"

# A headerless file in the canonical column order is data.
tail -n +2 "$F/weeks.csv" >"$T/nohdr.csv"
t_run "headerless canonical facts" 0 pm-score -p week --metrics revenue "$T/nohdr.csv"
t_grep "headerless canonical facts: first row counted" '^2026-W52,Ann,,revenue,100,' "$T/out"
t_run "--as-of today" 0 pm-score --as-of today "$F/facts.csv"
t_grep "--as-of today: past periods are finished" '^2026-02,Bob,,revenue,800,800,' "$T/out"

# -d: semicolon facts; a comma targets file stays comma, a semicolon
# roster follows -d.
tr ',' ';' <"$F/facts.csv" >"$T/semi.csv"
tr ',' ';' <"$F/roster.csv" >"$T/semi-roster.csv"
t_run "-d ';'" 0 pm-score -d ';' -t "$F/targets.csv" -r "$T/semi-roster.csv" \
    --metrics revenue --to 2026-01-31 "$T/semi.csv"
t_grep "-d ';': values" '^2026-01,Alice,East,revenue,1500,1500,1033.33,145.2,' "$T/out"

# Errors.
printf 'date,rep,metric,value\n2026-01-05,A,revenue,12abc\n' >"$T/bad.csv"
t_run "bad value exits 65" 65 pm-score "$T/bad.csv"
t_grep "bad value message" "^pm-score: .*bad.csv:2: value '12abc' is not a number" "$T/err"
printf 'date,rep,metric,value\n2026-01-05,A,revenue,1\n2026-02-31,A,revenue,1\n' >"$T/bad.csv"
t_run "bad date exits 65" 65 pm-score "$T/bad.csv"
t_grep "bad date message" "^pm-score: .*bad.csv:3: date '2026-02-31' is not a YYYY-MM-DD date" "$T/err"
printf 'date,rep,metric,amount\n2026-01-05,A,revenue,1\n' >"$T/bad.csv"
t_run "missing value column exits 65" 65 pm-score "$T/bad.csv"
t_grep "missing column message names it" "'value'" "$T/err"
t_run "missing file exits 66" 66 pm-score "$T/no-such-file.csv"
t_run "unknown period exits 64" 64 pm-score -p fortnight "$F/facts.csv"
printf 'period,rep,metric,target\n2026-13,*,revenue,5\n' >"$T/badt.csv"
t_run "bad target period exits 65" 65 pm-score -t "$T/badt.csv" "$F/facts.csv"
t_grep "bad target period message" "badt.csv:2: period '2026-13'" "$T/err"
t_run "-o writes the file" 0 pm-score -o "$T/o.csv" "$F/facts.csv"
t_eq "-o: stdout is empty" "" "$(cat "$T/out")"
t_grep "-o: file has the header" '^period,rep,team,metric,actual' "$T/o.csv"
