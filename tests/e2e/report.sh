# pm-report on small hand-made scores tables (tests/fixtures/report/).
# Expected values are worked out by hand from the fixtures: see the
# comments next to each assertion.
. "$(dirname "$0")/../lib.sh"

F=$FIX/report

# flags.csv: 4 reps, 2026-04..2026-06, revenue target 100000 each, score
# = revenue attainment.  June revenue: Ana 130000, Dev 105000, Cara 95000,
# Ben 60000 (total 390000 of 400000 = 97.5%); May total 360000, so the
# change is 30000 / 360000 = +8.3%.
t_run "text report exits 0" 0 pm-report "$F/flags.csv"
cp "$T/out" "$T/text"
t_grep "title" "^Sales performance report$" "$T/text"
t_grep "period line" "^Period 2026-06 \(2026-06-01 to 2026-06-30\)\. 4 reps\.$" "$T/text"
t_grep "headline: 2 reps at or above 100" "^2 of 4 reps reached target on the composite score\.$" "$T/text"
t_grep "headline: revenue total, target, attainment, change" \
    "^  Revenue  390,000  400,000    97\.5%   \+8\.3%$" "$T/text"
t_grep "headline sentence" "^Team revenue: 390,000 against a target of 400,000 \(97\.5%\)\.$" "$T/text"
t_grep "headline: who leads, who needs attention" \
    "^Leading: Ana Lima\. Needs attention: Ben Okafor\.$" "$T/text"
# By team: West = Ana + Cara = 225000 of 200000 (112.5%), May 210000, so
# +7.1%; East = Dev + Ben = 165000 (82.5%), May 150000, so +10.0%.
t_grep "headline by team: East" "^  East +165,000  200,000    82\.5%  \+10\.0%$" "$T/text"
t_grep "headline by team: West" "^  West +225,000  200,000   112\.5%   \+7\.1%$" "$T/text"
# Ranks 1..4 by score; May ranks Ana 1, Cara 2, Dev 3, Ben 4, so Dev
# gained a place and Cara lost one.  Trends, 0..max scaled to 8 bars
# (SPEC section 13: zero is the lowest bar), v / max x 7 rounded:
# Ana 115,120,130 -> 6.2, 6.5, 7; Dev 90,80,105 -> 6.0, 5.3, 7;
# Cara 85,90,95 -> 6.3, 6.6, 7; Ben 75,70,60 -> 7, 6.5, 5.6.
sed -n '/^Leaderboard/,/^Move:/p' "$T/text" | grep '^  [0-9#-]' >"$T/out"
t_out "leaderboard rows, rank change and sparklines" \
"  #  Rep         Team  Score  Revenue  Move  Trend
  -  ----------  ----  -----  -------  ----  -----
  1  Ana Lima    West  130.0  130,000     =  ▇▇█
  2  Dev Patel   East  105.0  105,000    ▲1  ▇▆█
  3  Cara Diaz   West   95.0   95,000    ▼1  ▇██
  4  Ben Okafor  East   60.0   60,000     =  ██▇
"
sed -n '/^Wins/,/^Coaching focus/p' "$T/text" >"$T/out"
t_grep "wins: target hit Ana" "^  - Ana Lima \(West\): attainment 130\.0%$" "$T/out"
t_grep "wins: target hit Dev" "^  - Dev Patel \(East\): attainment 105\.0%$" "$T/out"
t_grep "wins: high flyer heading" "^High flyer$" "$T/out"
t_grep "wins: most improved with its evidence" \
    "^  - Dev Patel \(East\): attainment up 25\.0 points from 2026-05$" "$T/out"
t_nogrep "wins: no underperformer" "Ben Okafor" "$T/out"
sed -n '/^Coaching focus/,/^Distribution/p' "$T/text" >"$T/out"
t_grep "coaching: Ben and his three flags" \
    "^  - Ben Okafor \(East\): Underperformer, Declining, Activity gap$" "$T/out"
t_grep "coaching: activity gap means prospecting volume" \
    "^    Focus: prospecting volume" "$T/out"
t_grep "coaching: declining means a pipeline review" \
    "^    Focus: review the pipeline together" "$T/out"
t_eq "coaching: two focus areas, not more" 2 "$(grep -c 'Focus:' "$T/out")"
t_grep "coaching: top performers need coaching too" \
    "^Top performers need coaching too: Ana Lima\." "$T/out"
t_nogrep "coaching: nobody else" "Cara Diaz|Dev Patel" "$T/out"
# Bands of June scores: 60 -> 50..80, 95 -> 80..100, 105 -> 100..120,
# 130 -> 120+; one rep each, four blocks a rep.
sed -n '/^Distribution/,$p' "$T/text" >"$T/out"
t_grep "distribution: tiers" "^  - Middle tier \(2\): Dev Patel, Cara Diaz$" "$T/out"
t_grep "distribution: the histogram's title" "^Reps by composite score$" "$T/out"
t_grep "distribution: empty band" "^  under 50%     0$" "$T/out"
t_grep "distribution: band 50..80" "^  50 to 80%     ████ 1$" "$T/out"
t_grep "distribution: band 120+" "^  120% or more  ████ 1$" "$T/out"
w=$(LC_ALL=C.UTF-8 wc -L <"$T/text")
t_eq "text fits 80 columns" yes "$([ "$w" -le 80 ] && echo yes || echo "$w")"
t_nogrep "text has no trailing blanks" ' $' "$T/text"

# -P picks an earlier period: May ranks Ana, Cara, Dev, Ben.
t_run "-P 2026-05" 0 pm-report -P 2026-05 "$F/flags.csv"
t_eq "-P 2026-05 leaderboard order" "Ana Lima Cara Diaz Dev Patel Ben Okafor" \
    "$(sed -n '/^Leaderboard/,/^Move/p' "$T/out" | awk '/^  [0-9]/ { printf "%s%s %s", s, $2, $3; s = " " }')"
t_run "-P a period not in the input is exit 65" 65 pm-report -P 2027-01 "$F/flags.csv"
t_grep "-P error names the period" "2027-01" "$T/err"

# pm-score output (no flags columns): the flag sections say so.
cut -d, -f1-16 "$F/flags.csv" | grep -v '"' >"$T/scores.csv"
t_run "pm-score output works" 0 pm-report "$T/scores.csv"
t_grep "no flags: wins say flags were not computed" \
    "^Flags were not computed: run pm-flag on the scores before pm-report to see wins\.$" "$T/out"
t_eq "no flags: said in wins and coaching" 2 "$(grep -c '^Flags were not computed' "$T/out")"
t_grep "no flags: leaderboard still there" "^  1  Ana Lima" "$T/out"
# Without flags, a sheet's focus is the leading metric furthest under the
# team median: Ben's 80 calls against East's (Dev 160, Ben 80) median of
# 120 (under 0.75 x 120 = 90), not everyone's 155.
t_run "no flags: --rep" 0 pm-report --rep "Ben Okafor" "$T/scores.csv"
t_grep "no flags: focus on the metric under the team median" \
    "^  - Focus: Calls: 80 against a team median of 120$" "$T/out"
t_grep "no flags: the sheet says so" "^Flags were not computed\.$" "$T/out"

# A single period: no move or trend columns, change from the prev column
# (May total 360000, as above).
grep -v '^2026-0[45]' "$F/flags.csv" >"$T/single.csv"
t_run "single period" 0 pm-report "$T/single.csv"
t_grep "single period: change from the prev column" \
    "^  Revenue  390,000  400,000    97\.5%   \+8\.3%$" "$T/out"
t_grep "single period: leaderboard without trend" \
    "^  1  Ana Lima    West  130\.0  130,000$" "$T/out"

# A table of one rep.
{ head -1 "$F/flags.csv"; grep "Ana Lima" "$F/flags.csv"; } >"$T/one.csv"
t_run "one rep" 0 pm-report --one-on-ones "$T/one.csv"
t_grep "one rep: the headline" "^1 of 1 rep reached target on the composite score\.$" "$T/out"
t_grep "one rep: the leaderboard" "^  1  Ana Lima  West  130\.0  130,000     =  ▇▇█$" "$T/out"
t_grep "one rep: the sheet" "^Ana Lima \(West\)$" "$T/out"

# One rep's sheet.
t_run "--rep" 0 pm-report --rep "Ben Okafor" "$F/flags.csv"
t_grep "--rep: the sheet's heading" "^Ben Okafor \(East\)$" "$T/out"
t_grep "--rep: rank" "^Rank 4 of 4 on Score\.$" "$T/out"
# Revenue 60000 of 100000, East's median (105000 + 60000) / 2 = 82500
# (the median column, 100000, is everyone's), change -14.3% (the input's).
# Trends from 0: revenue 75, 70, 60 (thousands) -> 7, 6.5, 5.6 of 7;
# calls 120, 100, 80 -> 7, 5.8, 4.7.
t_grep "--rep: revenue vs target and median" \
    "^  Revenue  60,000  100,000    60\.0%  82,500  -14\.3%  ██▇$" "$T/out"
t_grep "--rep: calls vs team median" "^  Calls        80  +120  -20\.0%  █▇▆$" "$T/out"
t_grep "--rep: flags with evidence" "^  - Underperformer: attainment 75\.0%" "$T/out"
t_grep "--rep: focus" "^  - Focus: prospecting volume" "$T/out"
t_nogrep "--rep: nobody else" "Ana Lima|Leaderboard" "$T/out"
t_run "--rep ignores case when one rep matches" 0 pm-report --rep "ben OKAFOR" "$F/flags.csv"
t_grep "--rep ignoring case: the sheet" "^Ben Okafor \(East\)$" "$T/out"
t_run "--rep unknown is exit 65" 65 pm-report --rep "Nobody" "$F/flags.csv"
t_grep "--rep error names the rep" "Nobody" "$T/err"

t_run "--one-on-ones" 0 pm-report --one-on-ones "$F/flags.csv"
t_eq "--one-on-ones: a sheet per rep, board order" \
    "Ana Lima (West)|Dev Patel (East)|Cara Diaz (West)|Ben Okafor (East)" \
    "$(sed -n '/^One-on-ones/,$p' "$T/out" | grep -B1 '^···' | grep -v '^[·-]' | paste -sd'|')"

# Empty tables: a short report, exit 0.
t_run "header only: exit 0" 0 pm-report "$F/empty.csv"
t_grep "header only: says there is no data" "^No data" "$T/out"
# No header at all is not a scores table (as for pm-flag): exit 65.
: >"$T/zero.csv"
t_run "empty file, no header: exit 65" 65 pm-report "$T/zero.csv"
t_grep "empty file: says why" "no header" "$T/err"
t_run "empty html: exit 0" 0 pm-report -f html "$F/empty.csv"
t_grep "empty html: no data" "No data" "$T/out"

# Bad input.
sed 's/^2026-06,Cara Diaz,West,revenue,95000/2026-06,Cara Diaz,West,revenue,95k/' \
    "$F/flags.csv" >"$T/bad.csv"
t_run "a bad number is exit 65" 65 pm-report "$T/bad.csv"
t_grep "bad number: file:line: column and value" \
    "^pm-report: .*bad\.csv:32: actual: not a number: '95k'$" "$T/err"
printf 'period,who,metric,actual\n2026-06,A,revenue,1\n' >"$T/nocol.csv"
t_run "a missing column is exit 65" 65 pm-report "$T/nocol.csv"
t_grep "missing column named" "missing column rep$" "$T/err"
t_run "a missing file is exit 66" 66 pm-report "$T/nope.csv"
t_run "a bad format is exit 64" 64 pm-report -f pdf "$F/flags.csv"

# -o: atomic, never clobbers the last good report, 73 without a directory.
t_run "-o writes the file" 0 pm-report -o "$T/r.txt" "$F/flags.csv"
t_same "-o file = standard output" "$T/text" "$T/r.txt"
t_run "-o with bad input fails" 65 pm-report -o "$T/r.txt" "$T/bad.csv"
t_same "-o: the previous report is intact" "$T/text" "$T/r.txt"
t_eq "-o: no temporary file left" "r.txt" "$(ls -A "$T" | grep -E '^r\.txt|pm-tmp' | paste -sd' ')"
t_run "-o in a missing directory is exit 73" 73 pm-report -o "$T/no/such/dir/r.html" "$F/flags.csv"

# Determinism: two runs, byte-identical, in every format.
for f in text markdown html; do
	pm-report -f "$f" --one-on-ones --pareto "$F/pareto-detail.csv" \
	    --drivers "$F/drivers.csv" "$F/flags.csv" >"$T/a.$f" 2>&1
	pm-report -f "$f" --one-on-ones --pareto "$F/pareto-detail.csv" \
	    --drivers "$F/drivers.csv" "$F/flags.csv" >"$T/b.$f" 2>&1
	t_same "$f: two runs are byte-identical" "$T/a.$f" "$T/b.$f"
done

# Concentration: the summary (2 of 5 keys make 80%) and the detail (the
# classes A, A, B, B, C: 2 of 5 keys in class A).
t_run "--pareto summary" 0 pm-report --pareto "$F/pareto-summary.csv" "$F/flags.csv"
t_grep "pareto summary sentence" \
    "^2 of 5 keys \(40\.0%\) make 80% of the total 1,000; the top 20% of keys hold 50\.0%\.$" "$T/out"
t_grep "pareto summary: excluded keys" "^1 key with a zero or negative total left out\.$" "$T/out"
t_run "--pareto detail" 0 pm-report --pareto "$F/pareto-detail.csv" "$F/flags.csv"
t_grep "pareto detail: class A count" "^2 of 5 keys \(40\.0%\) make class A" "$T/out"
t_grep "pareto detail: a ranked key" "^  3  Initech  *100  10\.0%  *90\.0%  B$" "$T/out"
t_run "--pareto html" 0 pm-report -f html --pareto "$F/pareto-detail.csv" "$F/flags.csv"
t_grep "pareto html: the curve" "Pareto curve" "$T/out"
printf 'a,b\n1,2\n' >"$T/notpareto.csv"
t_run "--pareto with another CSV is exit 65" 65 pm-report --pareto "$T/notpareto.csv" "$F/flags.csv"

# Drivers: the clear ones in words, the thin case said plainly.
t_run "--drivers" 0 pm-report --drivers "$F/drivers.csv" "$F/flags.csv"
# Monthly scores: the lag and the pairs are said in months.
t_grep "drivers: meetings, next month" \
    "^  - Meetings: reps with more meetings had more revenue the following month$" "$T/out"
t_grep "drivers: the numbers" "^    \(Spearman 0\.62 over 70 rep-months\)\.$" "$T/out"
t_grep "drivers: hurts in words" "more emails had less revenue" "$T/out"
t_nogrep "drivers: unclear is not a finding" "more tasks" "$T/out"
t_run "--drivers, thin evidence" 0 pm-report --drivers "$F/drivers-thin.csv" "$F/flags.csv"
t_grep "drivers: thin evidence said" "^The evidence is too thin" "$T/out"

# Notes to flags: by the "flag: " names pm-flag writes (a note may hold
# "; " itself), else by position when there is one each, else all of them.
t_run "notes: several flags" 0 pm-report "$FIX/report/notes.csv"
t_grep "notes: by name, the later flag" "^  - A: attainment 120%$" "$T/out"
t_grep "notes: by name, a note with '; ' in it" "^  - A: revenue 10; the best of 3$" "$T/out"
t_grep "notes: by position" "^    Declining: down 3 periods$" "$T/out"
t_grep "notes: by position, the second" "^    Underperformer: below 80%$" "$T/out"
t_grep "notes: odd notes go to every flag" "^    Declining: ; ; weird$" "$T/out"

# A metric strong at two lags is put in words once, at its strongest.
t_run "--drivers, one metric at two lags" 0 pm-report --drivers "$F/drivers-lags.csv" "$F/flags.csv"
t_eq "drivers: meetings said once" 1 "$(grep -c '^  - Meetings:' "$T/out")"
t_grep "drivers: then calls" "^  - Calls: reps with more calls had more revenue in the same month" "$T/out"

# A win without a note: the report gives the rep's own attainment.
printf 'period,rep,metric,actual,target,attainment,pace,rank,flags,notes\n2026-06,A,revenue,120,100,120,120,1,target_hit,\n2026-06,B,revenue,90,100,90,90,2,,\n' >"$T/nonote.csv"
t_run "a win without a note" 0 pm-report "$T/nonote.csv"
t_grep "a win without a note: the attainment as evidence" "^  - A: attainment 120\.0% on revenue$" "$T/out"
