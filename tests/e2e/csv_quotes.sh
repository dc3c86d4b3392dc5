# Text after a closing quote (SPEC 18): `"Ann" ,` is `Ann `, `"Ann"x` is
# `Annx`, as Python's csv module reads them, in every tool, with a
# warning at the first (FILE:LINE) and a count; never a merge of the
# records that follow.  The expected values are worked out by hand from
# that reading; where python3 is there, it checks the reading itself.
. "$(dirname "$0")/../lib.sh"

cd "$T" || exit 70
H=date,rep,metric,value,account,product,team,ref

# CRLF, a quote and a space, a quote and two spaces on a text field, a
# bad date (rejected), a quote and spaces at the end of a record whose
# record is one field short (rejected), no line end at the end.
printf 'Deal ID,Owner,Stage,Amount,Close Date\r\ng1,"Ann" ,Won,100,2026-03-01\r\ng2,Bob,Won,200,2026-03-02\r\ng3,"Cy","Won"  ,300,2026-03-03\r\ng4,Dee,Won,400,2026-02-31\r\ng5,"Eve",Won,"500"  ' >deals.csv
if command -v python3 >/dev/null; then
	python3 -c 'import csv, sys; w = csv.writer(sys.stdout, lineterminator="\n"); w.writerows(csv.reader(open("deals.csv", newline="")))' >py.csv
	printf '%s\n' 'Deal ID,Owner,Stage,Amount,Close Date' 'g1,Ann ,Won,100,2026-03-01' \
	    g2,Bob,Won,200,2026-03-02 'g3,Cy,Won  ,300,2026-03-03' \
	    g4,Dee,Won,400,2026-02-31 'g5,Eve,Won,500  ' >py.want
	t_same "python3 reads the file as this test says" py.want py.csv
else
	skip "python3 reads the file as this test says" "no python3"
fi
t_run "pm-ingest: exit 0" 0 pm-ingest deals.csv
t_out "pm-ingest: no record merged, the names and stages as Python reads them" "$H
2026-03-01,Ann,revenue,100,,,,g1
2026-03-01,Ann,deals_won,1,,,,g1
2026-03-02,Bob,revenue,200,,,,g2
2026-03-02,Bob,deals_won,1,,,,g2
2026-03-03,Cy,revenue,300,,,,g3
2026-03-03,Cy,deals_won,1,,,,g3
"
t_grep "pm-ingest: records = ok + skipped + rejected" \
    '^pm-ingest: deals.csv: 5 records: 3 ok, 0 skipped, 2 rejected$' "$T/err"
t_grep "pm-ingest: the first one warned with FILE:LINE" \
    '^pm-ingest: deals.csv:2: field 2: text after the closing quote' "$T/err"
t_eq "pm-ingest: one warning for the first, one count" 2 \
    "$(grep -c 'closing quote' "$T/err")"
t_grep "pm-ingest: the count of them" \
    '^pm-ingest: deals.csv: 3 quoted fields in all with text after the closing quote \(the first at line 2\)$' "$T/err"
t_grep "pm-ingest: the short record is rejected on its own line" \
    '^pm-ingest: deals.csv:6: expected 5 fields, found 4$' "$T/err"
t_run "pm-ingest -q: no warning" 0 pm-ingest -q deals.csv
t_nogrep "pm-ingest -q: no warning" 'closing quote' "$T/err"

# Facts for pm-score and pm-pareto, the first rep's name with a space
# after its quote.  As of 2026-03-04, day 4 of 31: projected = actual *
# 31 / 4; mean 250, population deviation sqrt(50000 / 4) = 111.80.
printf '%s\n' "$H" '2026-03-01,"Ann" ,revenue,100,Acme,,East,g1' \
    2026-03-02,Bob,revenue,200,Beta,,East,g2 \
    '2026-03-03,"Cy",revenue,300,Acme,,West,g3' \
    2026-03-04,Dee,revenue,400,Delta,,West,g4 >facts.csv
# elapsed: 4 of 31 days = 12.9.
t_run "pm-score: exit 0" 0 pm-score -p month facts.csv
t_out "pm-score: four reps, none merged" \
"period,rep,team,metric,actual,projected,target,attainment,pace,rank,reps,percentile,zscore,median,prev,change,elapsed
2026-03,Dee,West,largest_deal,400,400,,,,1,4,100.0,1.34,250,,,12.9
2026-03,Cy,West,largest_deal,300,300,,,,2,4,66.7,0.45,250,,,12.9
2026-03,Bob,East,largest_deal,200,200,,,,3,4,33.3,-0.45,250,,,12.9
2026-03,Ann,East,largest_deal,100,100,,,,4,4,0.0,-1.34,250,,,12.9
2026-03,Dee,West,revenue,400,3100,,,,1,4,100.0,1.34,250,,,12.9
2026-03,Cy,West,revenue,300,2325,,,,2,4,66.7,0.45,250,,,12.9
2026-03,Bob,East,revenue,200,1550,,,,3,4,33.3,-0.45,250,,,12.9
2026-03,Ann,East,revenue,100,775,,,,4,4,0.0,-1.34,250,,,12.9
"
t_grep "pm-score: warned with FILE:LINE" \
    '^pm-score: facts.csv:2: field 2: text after the closing quote' "$T/err"

# Acme is 100 + 300: Ann's deal is not lost.
t_run "pm-pareto: exit 0" 0 pm-pareto -k account facts.csv
t_out "pm-pareto: every deal counted" "rank,key,value,share,cum_share,class
1,Acme,400,40.0,40.0,A
2,Delta,400,40.0,80.0,A
3,Beta,200,20.0,100.0,B
"
t_grep "pm-pareto: warned with FILE:LINE" \
    '^pm-pareto: facts.csv:2: field 2: text after the closing quote' "$T/err"

# Scores for pm-flag and pm-report: Cy's revenue `"300" ,` (a number
# with a space after it), Bob's team `"East"x` (the team "Eastx").
S=period,rep,team,metric,actual,projected,target,attainment,pace,rank,reps,percentile,zscore,median,prev,change
printf '%s\n' "$S" \
    2026-03,Dee,West,revenue,400,3100,,,,1,4,100.0,1.34,250,, \
    '2026-03,Cy,West,revenue,"300" ,2325,,,,2,4,66.7,0.45,250,,' \
    '2026-03,Bob,"East"x,revenue,200,1550,,,,3,4,33.3,-0.45,250,,' \
    2026-03,Ann,East,revenue,100,775,,,,4,4,0.0,-1.34,250,, >scores.csv
t_run "pm-flag: exit 0" 0 pm-flag scores.csv
cut -d, -f1-5,17 "$T/out" >flags.cut
printf '%s\n' period,rep,team,metric,actual,flags \
    '2026-03,Dee,West,revenue,400,tier_top;stretch' \
    '2026-03,Cy,West,revenue,300 ,tier_middle' \
    2026-03,Bob,Eastx,revenue,200,tier_middle \
    2026-03,Ann,East,revenue,100,tier_bottom >flags.want
t_same "pm-flag: four rows, the cells as Python reads them" flags.want flags.cut
t_grep "pm-flag: warned with FILE:LINE" \
    '^pm-flag: scores.csv:3: field 5: text after the closing quote' "$T/err"

t_run "pm-report: exit 0" 0 pm-report scores.csv
sed -n '/^  #  Rep/,/^$/p' "$T/out" >board
printf '%s\n' '  #  Rep  Team   Revenue' '  -  ---  -----  -------' \
    '  1  Dee  West       400' '  2  Cy   West       300' \
    '  3  Bob  Eastx      200' '  4  Ann  East       100' '' >board.want
t_same "pm-report: the leaderboard has the four reps" board.want board
t_grep "pm-report: warned with FILE:LINE" \
    '^pm-report: scores.csv:3: field 5: text after the closing quote' "$T/err"

# An unmatched quote and no later quote: the error names the line
# where the quote opened, not the end of the file or the record's start.
printf '%s\n' 'Deal ID,Owner,Stage,Amount,Close Date' \
    'g1,Ann,Won,100,2026-03-01' 'g2,"Bob,Won,200,2026-03-02' \
    'g3,Cy,Won,300,2026-03-03' 'g4,Dee,Won,400,2026-03-04' >open.csv
t_run "unmatched quote: exit 65" 65 pm-ingest open.csv
t_grep "unmatched quote: named on its line" \
    '^pm-ingest: open.csv:3: field 2: unterminated quoted field: the quote opened here is never closed$' "$T/err"
printf '%s\n' "$H" '2026-03-01,Ann,revenue,100,Acme,,East,g1' \
    '2026-03-02,"Bob,revenue,200,Beta,,East,g2' \
    '2026-03-03,Cy,revenue,300,Acme,,West,g3' >open2.csv
printf '%s\n' "$S" 2026-03,Dee,West,revenue,400,3100,,,,1,4,100.0,1.34,250,, \
    '2026-03,"Cy,West,revenue,300,2325,,,,2,4,66.7,0.45,250,,' \
    2026-03,Ann,East,revenue,100,775,,,,4,4,0.0,-1.34,250,, >open3.csv
for tool in pm-score pm-pareto pm-flag pm-report; do
	case $tool in
	pm-score) set -- -p month open2.csv ;;
	pm-pareto) set -- -k account open2.csv ;;
	*) set -- open3.csv ;;
	esac
	t_run "unmatched quote: $tool exit 65" 65 $tool "$@"
	t_grep "unmatched quote: $tool names line 3" \
	    "^$tool: open[23].csv:3: field 2: unterminated quoted field" "$T/err"
done

# -q: no warning about the quotes, in every tool; the output the same.
for tool in pm-score pm-pareto pm-flag pm-report; do
	case $tool in
	pm-score) set -- -p month facts.csv ;;
	pm-pareto) set -- -k account facts.csv ;;
	*) set -- scores.csv ;;
	esac
	$tool "$@" >loud.out 2>/dev/null
	t_run "$tool -q: exit 0" 0 $tool -q "$@"
	t_nogrep "$tool -q: no warning about the quote" 'closing quote' "$T/err"
	t_same "$tool -q: the same output" loud.out "$T/out"
done

# Warnings with standard error closed: /dev/null takes them, never the
# -o file (which the first free descriptor, 2, would otherwise be).
if [ "${VALGRIND:-}" != 1 ]; then
	for tool in pm-ingest pm-score pm-pareto pm-flag pm-report; do
		case $tool in
		pm-ingest) set -- deals.csv ;;
		pm-score) set -- -p month facts.csv ;;
		pm-pareto) set -- -k account facts.csv ;;
		*) set -- scores.csv ;;
		esac
		$tool "$@" >loud.out 2>/dev/null
		rm -f closed.out
		t_run "$tool 2>&-: exit 0" 0 sh -c 'exec "$0" -o closed.out "$@" 2>&-' $tool "$@"
		t_same "$tool 2>&-: no warning in the -o file" loud.out closed.out
	done
fi

# A quote left open that runs to a later quote followed by text: Python
# reads lines 3 to 5 as one field; the warning says so where it opened.
printf '%s\n' 'Deal ID,Owner,Stage,Amount,Close Date' \
    'g1,Ann,Won,100,2026-03-01' 'g2,"Bob,Won,200,2026-03-02' \
    'g3,Cy,Won,300,2026-03-03' 'g4,"Dee",Won,400,2026-03-04' \
    'g5,Eve,Won,500,2026-03-05' >runaway.csv
t_run "runaway quote: exit 0 (Python's reading)" 0 pm-ingest runaway.csv
t_grep "runaway quote: named where it opened" \
    "^pm-ingest: runaway.csv:3: field 2: the quote opened here closes on line 5 with text after it: lines 3 to 5 read as one field" "$T/err"
t_grep "runaway quote: records = ok + skipped + rejected" \
    '^pm-ingest: runaway.csv: 3 records: 3 ok, 0 skipped, 0 rejected$' "$T/err"
t_eq "runaway quote: the records after it are read" \
    "2026-03-05,Eve,revenue,500,,,,g5" "$(grep ',Eve,revenue,' "$T/out")"

# One that makes the record too wide: the width error says where to look.
printf '%s\n' "$H" 2026-03-01,Ann,revenue,100,Acme,,East,g1 \
    '2026-03-02,"Bob,revenue,200,Beta,,East,g2' \
    2026-03-03,Cy,revenue,300,Acme,,West,g3 \
    '2026-03-04,Dee,revenue,400,"Acme",x,,West,g4' >runaway2.csv
t_run "runaway quote, wrong width: exit 65" 65 pm-score -p month runaway2.csv
t_grep "runaway quote, wrong width: the field over several lines named" \
    '^pm-score: runaway2.csv:3: expected 8 fields, found 6 \(field 2, quoted, runs over 2 more lines: a closing quote missing\?\)$' "$T/err"
