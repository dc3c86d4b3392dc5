# pm-flag --plans (SPEC section 14): coaching plans followed up, and the
# recovering flag.  The expected verdicts and numbers were worked out by
# hand from the SPEC's formulas; the stories are in the comments.
. "$(dirname "$0")/../lib.sh"
F=$FIX/flag

# plans_team.csv: meetings by month 2026-05..10, target 10 (attainment =
# meetings x 10), judged in 2026-10.  East has 11 fillers at 8 meetings
# (80%) and 40 cycle days, more than half the team, so East's median is
# 8 (80%, 40 days) in every month: no drift.  West (Kim 10 -> 11.5, Lou
# 8 -> 11, Max 12 -> 14) has a median of 10 before and 11.5 now.
# plans.csv is typed as in Excel: BOM, CRLF, spaces, 12.0, 110%, a date
# for a month, "ben" for Ben, a blank row.
#  Ana: 7, 7, 8 in 06..08 = 7.33; 9.5 now; (9.5-7.33)/(12-7.33) = 46.5%
#       of the way, 2 of 3 periods gone (66.7): behind.  +29.6% on 7.33.
#  Ben: 6 -> 9, goal 10: 75.0% >= 66.7: on track.
#  Cid: 8 -> 10, goal 10: met.            Dee: 8 -> 7: worse (-50.0%).
#  Eve: a new hire from 2026-09: no baseline, 6 < 10: behind.
#  Fay: the plan starts in 2026-11: nothing yet.
#  Gus: plan 07..09, judged the month after: 09's 11 >= 10, met, the
#       baseline 05, 06 = 5, 7 = 6 (there is no 04): 125.0% of the way.
#  Hal: plan 08..09, 09's 10 < 12, missed (his 13 in 10 comes too late):
#       (10-9)/(12-9) = 33.3%.
#  Ivy: 110% goal: attainment 80, 90, 85 = 85.0%, now 100%: 60.0% of the
#       way, 2 of 4 gone (50.0): on track.
#  Jon: cycle_days (lower is better) 45, 40, 50 = 45 -> 36, goal 30:
#       (36-45)/(30-45) = 60.0%, 2 of 2 gone (100.0): behind.
#  Kim: 10 -> 11.5 (+15.0%), goal 12, 75.0%: on track, but West's
#       median rose +15.0% too: the note says the whole team moved.
#  Zed (no such rep) and Ana's demos (no such metric): warnings.
t_run "plans: exit 0" 0 pm-flag --metric meetings --plans "$F/plans.csv" \
    --list "$F/plans_team.csv"
grep -E '^[^,]*,[^,]*,[^,]*,plan_' "$T/out" >"$T/plans"
mv "$T/plans" "$T/out"
t_out "plans: every verdict, by hand" \
'2026-10,Cid,East,plan_met,meetings,100.0,"meetings 8 before 2026-09, 10 now (+25.0%), goal 10: 100.0% of the way, 2 of 3 periods gone (2026-09..2026-11); team median 0.0%"
2026-10,Gus,East,plan_met,meetings,125.0,"meetings 6 before 2026-07, 11 in 2026-09 (+83.3%), goal 10: 125.0% of the way, 3 of 3 periods gone (2026-07..2026-09), the plan is over; team median 0.0%"
2026-10,Ben,East,plan_on_track,meetings,75.0,"meetings 6 before 2026-09, 9 now (+50.0%), goal 10: 75.0% of the way, 2 of 3 periods gone (2026-09..2026-11); team median 0.0%"
2026-10,Ivy,East,plan_on_track,meetings,60.0,"meetings attainment 85.0% before 2026-09, 100.0% now (+17.6%), goal 110%: 60.0% of the way, 2 of 4 periods gone (2026-09..2026-12); team median 0.0%"
2026-10,Kim,West,plan_on_track,meetings,75.0,"meetings 10 before 2026-09, 11.5 now (+15.0%), goal 12: 75.0% of the way, 2 of 3 periods gone (2026-09..2026-11); team median +15.0%, as much as the rep'"'"'s +15.0%: the whole team moved, not only the rep"
2026-10,Ana,East,plan_behind,meetings,46.5,"meetings 7.33 before 2026-09, 9.5 now (+29.6%), goal 12: 46.5% of the way, 2 of 3 periods gone (2026-09..2026-11); team median 0.0%; focus: discovery calls; coach: Maria"
2026-10,Eve,East,plan_behind,meetings,,"meetings no baseline before 2026-09, 6 now, goal 10, 2 of 3 periods gone (2026-09..2026-11); focus: ramp-up"
2026-10,Jon,East,plan_behind,cycle_days,60.0,"cycle_days 45 before 2026-09, 36 now (-20.0%), goal 30: 60.0% of the way, 2 of 2 periods gone (2026-09..2026-10); team median 0.0%; focus: faster close"
2026-10,Dee,East,plan_worse,meetings,-50.0,"meetings 8 before 2026-09, 7 now (-12.5%), goal 10: -50.0% of the way, 2 of 3 periods gone (2026-09..2026-11); team median 0.0%; focus: follow-ups, fewer no-shows"
2026-10,Hal,East,plan_missed,meetings,33.3,"meetings 9 before 2026-08, 10 in 2026-09 (+11.1%), goal 12: 33.3% of the way, 2 of 2 periods gone (2026-08..2026-09), the plan is over; team median 0.0%"
'
t_eq "plans: a warning for an unknown rep and an unknown metric" \
"pm-flag: $F/plans.csv:14: no rep 'Zed' in the scores table: the plan for Zed is not followed
pm-flag: $F/plans.csv:15: no metric 'demos' in the scores table: the plan for Ana is not followed" \
    "$(cat "$T/err")"
t_run "plans: -q silences the warnings" 0 pm-flag -q --metric meetings \
    --plans "$F/plans.csv" "$F/plans_team.csv"
t_eq "plans: -q" "" "$(cat "$T/err")"
# In the table the verdict sits on the rep's row of the judged period,
# with the rules' flags (Ana: 9.5 meetings is not a personal best).
t_eq "plans: table: Fay's plan has not begun, Ana's is behind" \
"Ana plan_behind
Fay" \
    "$(grep -E '^2026-10,(Ana|Fay),East,meetings,' "$T/out" | cut -d, -f2,8 |
    sed 's/,.*plan_\([a-z_]*\).*/ plan_\1/; s/,.*//')"

# A week later (-P 2026-09), Gus's plan runs in its last month (3 of 3
# gone, 11 >= 10: met) and Hal's too (2 of 2, 33.3% < 100: behind).
t_run "plans: -P 2026-09" 0 pm-flag --metric meetings -P 2026-09 -q \
    --plans "$F/plans.csv" --list "$F/plans_team.csv"
t_eq "plans: last period of a plan" \
"2026-09,Gus,East,plan_met,meetings,125.0
2026-09,Hal,East,plan_behind,meetings,33.3" \
    "$(grep -E ',(Gus|Hal),' "$T/out" | grep ',plan_' | cut -d, -f1-6)"

# Bad plans: exit 65 with the file, the line and the field.
bad() {
	printf 'rep,metric,goal,from,to\n%s\n' "$2" >"$T/bad.csv"
	t_run "bad plan: $1: exit 65" 65 pm-flag --plans "$T/bad.csv" \
	    --metric meetings "$F/plans_team.csv"
	t_grep "bad plan: $1: message" "^pm-flag: $T/bad.csv:2: $3" "$T/err"
}
bad "goal" "Ana,meetings,lots,2026-09,2026-11" "goal: 'lots' is not a number"
bad "from" "Ana,meetings,12,Sep-26,2026-11" "from: 'Sep-26' is not a period"
bad "to before from" "Ana,meetings,12,2026-11,2026-09" "to: '2026-09' is before from"
bad "empty rep" ",meetings,12,2026-09,2026-11" "rep: empty"
printf 'rep,metric,goal,from,to\nAna,meetings,12,2026-07,2026-09-10\nAna,meetings,15,2026-09-20,2026-12\n' >"$T/overlap.csv"
t_run "overlapping plans: exit 65" 65 pm-flag --plans "$T/overlap.csv" \
    --metric meetings "$F/plans_team.csv"
t_grep "overlapping plans: both lines named" \
    "^pm-flag: $T/overlap.csv:3: from: Ana's meetings plan .* overlaps the plan on line 2" "$T/err"
# A European Excel saves with ';'.
printf 'rep;metric;goal;from;to\r\nBen;meetings;10;2026-09;2026-11\r\n' >"$T/semi.csv"
t_run "plans: ';' separated" 0 pm-flag --plans "$T/semi.csv" \
    --metric meetings --list "$F/plans_team.csv"
t_grep "plans: ';' separated: Ben on track" '^2026-10,Ben,East,plan_on_track,meetings,75.0,' "$T/out"

# recovering.csv: revenue attainment 2026-05..11, judged 2026-11.
#  Rae: 90, 70, 65, 60, 62, 71, 84: below 80 in 06..09, then up twice:
#       recovering, not an underperformer (84 is not below 80).
#  Sam: 90, 72, 70, 60, 65, 70, 75: climbing but still below 80 three
#       months running: recovering beside underperformer.
#  Tom: 90, 95, 92, 85, 88, 95, 100: up twice, never below 80 and only
#       two falling steps: not recovering.
#  Uma: 90, 90, 75, 90, 85, 88, 92: one month below: not recovering.
#  Vic: 120, 110, 100, 90, 85, 95, 105: revenue fell 06..09 in each of
#       3 steps, then rose: recovering after declining.
#  Wes: 90, 90, 90, 90, 60, 70, 85: below 80 in 09 and 10 only, the
#       climb's own first steps: 2 periods below among the 6 before,
#       then up twice: recovering (the run is quoted as it is).
t_run "recovering: exit 0" 0 pm-flag --list "$F/recovering.csv"
t_eq "recovering: with and without underperformer, and who does not qualify" \
'2026-11,Sam,,underperformer,revenue,75.0,"attainment 65.0%, 70.0%, 75.0% in 2026-09..2026-11, below 80%"
2026-11,Rae,,recovering,revenue,84.0,"attainment 62.0%, 71.0%, 84.0% in 2026-09..2026-11, rising after 2026-06..2026-08 below 80%"
2026-11,Sam,,recovering,revenue,75.0,"attainment 65.0%, 70.0%, 75.0% in 2026-09..2026-11, rising after 2026-06..2026-08 below 80%"
2026-11,Vic,,recovering,revenue,105.0,"attainment 85.0%, 95.0%, 105.0% in 2026-09..2026-11, rising after revenue 11000, 10000, 9000, 8500 in 2026-06..2026-09, down in each step"
2026-11,Wes,,recovering,revenue,85.0,"attainment 60.0%, 70.0%, 85.0% in 2026-09..2026-11, rising after 2026-09..2026-10 below 80%"' \
    "$(grep -E ',(underperformer|recovering),' "$T/out")"

# Fiscal quarters: the plan in FY keys (any case).  Ana's calls 10, 10 in
# FY2026-Q3, Q4 (no Q2): baseline 10; 18 in FY2027-Q2, goal 20: 80.0% of
# the way, 2 of 3 quarters gone (66.7): on track.  Ana is her own team:
# the median is hers, so no "whole team moved".
printf 'period,rep,team,metric,actual,target,attainment\nFY2026-Q3,Ana,,calls,10,20,50.0\nFY2026-Q4,Ana,,calls,10,20,50.0\nFY2027-Q1,Ana,,calls,15,20,75.0\nFY2027-Q2,Ana,,calls,18,20,90.0\n' >"$T/fy.csv"
printf 'rep,metric,goal,from,to\nAna,calls,20,fy2027-q1,FY2027-Q3\n' >"$T/fyp.csv"
t_run "fiscal plan: exit 0" 0 pm-flag --metric calls --plans "$T/fyp.csv" \
    --list "$T/fy.csv"
t_grep "fiscal plan: on track, no tide for a team of one" \
    '^FY2027-Q2,Ana,,plan_on_track,calls,80\.0,"calls 10 before FY2027-Q1, 18 now \(\+80\.0%\), goal 20: 80\.0% of the way, 2 of 3 periods gone \(FY2027-Q1\.\.FY2027-Q3\); team median \+80\.0%"$' "$T/out"
printf 'rep,metric,goal,from,to\nAna,calls,20,2026-09,2026-12\n' >"$T/fyp.csv"
t_run "fiscal table, calendar plan: exit 65" 65 pm-flag --metric calls \
    --plans "$T/fyp.csv" "$T/fy.csv"
t_grep "fiscal table, calendar plan: said" "fyp.csv:2: from: '2026-09': the scores table's periods are fiscal" "$T/err"

# What a spreadsheet makes of a date is refused with a hint.
bad "spreadsheet date" "Ana,meetings,12,9/1/2026,2026-11" \
    "from: '9/1/2026' is not a period .*format the column as text"
# Standard input cannot be the plans and the table at once.
t_run "--plans - without a table file: exit 64" 64 pm-flag --plans - </dev/null
printf 'rep,metric,goal,from,to\nBen,meetings,10,2026-09,2026-11\n' >"$T/p.csv"
t_run "--plans - with a table file: exit 0" 0 pm-flag --plans - \
    --metric meetings --list "$F/plans_team.csv" <"$T/p.csv"
t_grep "--plans -: read" '^2026-10,Ben,East,plan_on_track,' "$T/out"

# The period in progress: "now" is the projection (20 calls to date, on
# pace for 30); the baseline is September's actual, 20.  (30-20)/(40-20)
# = 50.0% of the way, 1 of 2 periods gone (50.0): on track.
printf 'period,rep,team,metric,actual,projected,target,attainment,pace\n2026-09,Ana,,calls,20,20,40,50.0,50.0\n2026-10,Ana,,calls,20,30,40,50.0,75.0\n' >"$T/prog.csv"
printf 'rep,metric,goal,from,to\nAna,calls,40,2026-10,2026-11\n' >"$T/progp.csv"
t_run "in progress: exit 0" 0 pm-flag --metric calls --plans "$T/progp.csv" \
    --list "$T/prog.csv"
t_grep "in progress: now is the projection" \
    '^2026-10,Ana,,plan_on_track,calls,50\.0,"calls 20 before 2026-10, 30 now \(\+50\.0%\), goal 40: 50\.0% of the way, 1 of 2 periods gone \(2026-10\.\.2026-11\)' "$T/out"

# Values near the fixed-point limit (QA): a baseline of -8e14 and 8e14 now
# differ by 1.6e15, past INT64_MAX in 1/10000 units (it wrapped, and UBSan
# called it undefined).  (8e14 - -8e14) / (0 - -8e14) = 200.0% of the way;
# the change (8e14 - -8e14) / 8e14 = +200.0%; the team median 100 before
# and now: 0.0%.  (8e14: Ann's stretch goal, 8.8e14, fits.)
N=800000000000000
{
	echo period,rep,team,metric,actual,projected,target,attainment,pace
	for m in 02 03 04; do
		echo "2026-$m,Ann,t,revenue,-$N,-$N,,,"
		echo "2026-$m,Bob,t,revenue,100,100,,,"
		echo "2026-$m,Cy,t,revenue,100,100,,,"
	done
	echo "2026-05,Ann,t,revenue,$N,$N,,,"
	echo "2026-05,Bob,t,revenue,100,100,,,"
	echo "2026-05,Cy,t,revenue,100,100,,,"
} >"$T/edge.csv"
printf 'rep,metric,goal,from,to\nAnn,revenue,0,2026-05,2026-05\n' >"$T/edgep.csv"
t_run "edge: exit 0" 0 pm-flag -q --metric revenue --plans "$T/edgep.csv" "$T/edge.csv"
t_grep "edge: the way and the change, unwrapped" \
    "revenue -$N before 2026-05, $N now \\(\\+200\\.0%\\), goal 0: 200\\.0% of the way, 1 of 1 period gone \\(2026-05\\); team median 0\\.0%" "$T/out"
# 8e14 now on a baseline of 0.0001 (shown 0): 8e20 % of the way does not
# fit; it was shown as 0.0%.  The team median is 100 before and now.
{
	echo period,rep,team,metric,actual,projected,target,attainment,pace
	for m in 04 05; do
		echo "2026-$m,Bob,t,revenue,100,100,,,"
		echo "2026-$m,Cy,t,revenue,100,100,,,"
	done
	echo "2026-04,Ann,t,revenue,0.0001,0.0001,,,"
	echo "2026-05,Ann,t,revenue,$N,$N,,,"
} >"$T/edge2.csv"
printf 'rep,metric,goal,from,to\nAnn,revenue,1,2026-05,2026-05\n' >"$T/edge2p.csv"
t_run "edge: progress past the range: exit 65" 65 pm-flag -q --metric revenue \
    --plans "$T/edge2p.csv" "$T/edge2.csv"
t_grep "edge: the plan named" \
    "^pm-flag: $T/edge2p.csv:2: the plan of Ann for revenue: the progress is out of range \\(the limit is \\+-922337203685477\\.5807\\)$" "$T/err"
