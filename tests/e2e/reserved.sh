# '*' is the name of the roll-ups and of the targets' wildcard: no rep or
# team of facts or a roster may have it.  Two target rows for one key, and
# a rep listed twice in a roster with different fields, are exit 65
# naming both lines (SPEC section 18).
. "$(dirname "$0")/../lib.sh"
cd "$T" || exit 1
H=date,rep,metric,value,account,product,team,ref
SH=period,rep,team,metric,actual,projected,target,attainment,pace,rank,reps,percentile,zscore,median,prev,change

printf '%s\n2026-01-31,Alice,revenue,5,,,East,d1\n' $H >ok.csv
printf '%s\n2026-01-31,Alice,revenue,5,,,East,d1\n2026-01-31, * ,revenue,7,,,East,d2\n' $H >rep.csv
printf '%s\n2026-01-31,Alice,revenue,5,,,East,d1\n2026-01-30,Bob,revenue,7,,,*,d2\n' $H >team.csv
t_run "facts: a rep named '*': exit 65" 65 pm-score rep.csv
t_grep "facts: a rep named '*': FILE:LINE" \
    "^pm-score: rep.csv:3: rep: '\\*' is reserved for the roll-up of all reps$" "$T/err"
t_run "facts: a team named '*': exit 65" 65 pm-score --rollup team.csv
t_grep "facts: a team named '*': FILE:LINE" \
    "^pm-score: team.csv:3: team: '\\*' is reserved for the roll-up of all teams$" "$T/err"
# pm-pareto reads the same facts: the same file fails there too, whatever
# the metric of the row (QA: it ranked a rep '*' before).
printf '%s\n2026-01-31,Alice,revenue,5,,,East,d1\n2026-01-31, * ,calls,7,,,East,d2\n' $H >prep.csv
t_run "pm-pareto: facts with a rep named '*' (another metric): exit 65" 65 pm-pareto -k rep prep.csv
t_grep "pm-pareto: a rep named '*': FILE:LINE" \
    "^pm-pareto: prep.csv:3: rep: '\\*' is reserved for the roll-up of all reps$" "$T/err"
t_run "pm-pareto: facts with a team named '*': exit 65" 65 pm-pareto team.csv
t_grep "pm-pareto: a team named '*': FILE:LINE" \
    "^pm-pareto: team.csv:3: team: '\\*' is reserved for the roll-up of all teams$" "$T/err"
printf 'rep,amount\n*,5\n' >pany.csv
t_run "pm-pareto -v: any CSV may have a key '*'" 0 pm-pareto -k rep -v amount pany.csv
t_out "pm-pareto -v: '*' ranked" "rank,key,value,share,cum_share,class
1,*,5,100.0,100.0,A
"
# An older fact's team is not looked up for the rep's team, but is checked.
printf '%s\n2026-01-31,Bob,revenue,5,,,East,d1\n2026-01-02,Bob,revenue,7,,,*,d2\n' $H >old.csv
t_run "facts: an older fact's team '*': exit 65" 65 pm-score old.csv
printf '%s\n2026-01-31,Di*,revenue,5,,,**,d1\n' $H >names.csv
t_run "facts: 'Di*' and '**' are names: exit 0" 0 pm-score --rollup names.csv
t_eq "facts: 'Di*' in team '**'" "2026-01,Di*,**,revenue,5" \
    "$(grep ',revenue,' "$T/out" | head -1 | cut -d, -f1-5)"

printf 'rep,team\nAlice,East\n*,West\n' >rrep.csv
printf 'rep,team\nAlice,East\nBob, * \n' >rteam.csv
t_run "roster: a rep named '*': exit 65" 65 pm-score -r rrep.csv ok.csv
t_grep "roster: a rep named '*': FILE:LINE" \
    "^pm-score: rrep.csv:3: rep: '\\*' is reserved" "$T/err"
t_run "roster: a team named '*': exit 65" 65 pm-score -r rteam.csv ok.csv
t_grep "roster: a team named '*': FILE:LINE" \
    "^pm-score: rteam.csv:3: team: '\\*' is reserved for the roll-up of all teams$" "$T/err"

# A scores table whose rep row is in team '*' (the company's roll-up
# name): pm-flag and pm-report would take it for the roll-up.
{
	echo $SH
	echo '2026-01,Alice,*,revenue,5,5,,,,1,1,,,5,,'
	echo '2026-01,*,*,revenue,5,5,,,,,,,,,,'
} >scores.csv
for tool in pm-flag pm-report; do
	t_run "$tool: a rep in team '*': exit 65" 65 $tool scores.csv
	t_grep "$tool: a rep in team '*': FILE:LINE" \
	    "^$tool: scores.csv:2: team: '\\*' is reserved for the roll-up of all teams \\(rep 'Alice'\\)$" "$T/err"
done

# Duplicate targets, keyed as the reader keys them: names trimmed, '*'
# and an empty cell the same wildcard, periods by their days.
{
	echo period,rep,team,metric,target
	echo '2026-01,*,,revenue,100'
	echo '2026-01,Alice,,revenue,50'
	echo ' 2026-01 , Alice ,*,revenue,60'
	echo '2026-01,*,East,revenue,10'
} >tdup.csv
t_run "targets: the same rep twice: exit 65" 65 pm-score -t tdup.csv ok.csv
t_grep "targets: both lines named" \
    "^pm-score: tdup.csv:4: duplicate target for period 2026-01, rep Alice, team \\*, metric revenue; first at line 3$" "$T/err"
printf 'period,rep,metric,target\n*,*,revenue,100\n2026-Q1,Alice,revenue,5\n,,revenue,50\n' >tstar.csv
t_run "targets: '*' and empty are one wildcard: exit 65" 65 pm-score -t tstar.csv ok.csv
t_grep "targets: the wildcard rows named" \
    "^pm-score: tstar.csv:4: duplicate target for period \\*, rep \\*, team \\*, metric revenue; first at line 2$" "$T/err"
# Of three copies, the first repeat is named.
printf 'period,rep,metric,target\n2026-01,Bob,revenue,1\n2026-01,Bob,revenue,2\n2026-01,Bob,revenue,3\n' >tthree.csv
t_run "targets: three copies: exit 65" 65 pm-score -t tthree.csv ok.csv
t_grep "targets: the first repeat named" "^pm-score: tthree.csv:3: .*first at line 2$" "$T/err"
# Not duplicates: another period (a month and its quarter), another team,
# another metric.  Alice's January target is her own row: 50.
{
	echo period,rep,team,metric,target
	echo '2026-01,*,,revenue,100'
	echo '2026-Q1,*,,revenue,300'
	echo '2026-01,*,East,revenue,10'
	echo '2026-01,*,West,revenue,20'
	echo '2026-01,Alice,,revenue,50'
	echo '2026-01,Alice,,deals_won,2'
} >tok.csv
t_run "targets: no duplicate: exit 0" 0 pm-score -t tok.csv ok.csv
t_eq "targets: no duplicate: Alice's target" "50" \
    "$(grep '^2026-01,Alice,East,revenue,' "$T/out" | cut -d, -f7)"

# Roster: the same line twice is accepted (spaces aside), once in the
# output; the rep twice with another team is 65 naming both lines.
printf 'rep,team,manager,start_date\nAlice,East,Mia,\nBob,East,Mia,\n Alice ,East,Mia,\n' >rsame.csv
t_run "roster: a line repeated: exit 0" 0 pm-score -r rsame.csv ok.csv
t_eq "roster: a line repeated: Alice once" 1 \
    "$(grep -c '^2026-01,Alice,East,revenue,' "$T/out")"
printf 'rep,team,manager,start_date\nAlice,East,Mia,\nBob,East,Mia,\nAlice,West,Mia,\n' >rdiff.csv
t_run "roster: a rep twice, two teams: exit 65" 65 pm-score -r rdiff.csv ok.csv
t_grep "roster: both lines named" \
    "^pm-score: rdiff.csv:4: rep 'Alice' is listed twice with different fields; first at line 2$" "$T/err"
printf 'rep,team,manager,start_date\nAlice,East,Mia,\nAlice,East,Mia,2026-02-01\n' >rstart.csv
t_run "roster: a rep twice, two start dates: exit 65" 65 pm-score -r rstart.csv ok.csv

# A partial of pm-score --partial edited to name '*': exit 65 on merge.
pm-score --partial ok.csv >part.csv
sed 's/,Alice,/,*,/' part.csv >pstar.csv
t_run "partial: a rep named '*': exit 65" 65 pm-score --merge pstar.csv
t_grep "partial: FILE:LINE" "^pm-score: pstar.csv:2: rep: '\\*' is reserved" "$T/err"
