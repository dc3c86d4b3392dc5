# pm-report on a real CRM export (the Maven Analytics sample: 8,800 deals,
# 35 agents), through the whole pipeline.  Skipped when the data set or
# a tool of the pipeline is not there.
. "$(dirname "$0")/../lib.sh"

M=$DATASETS/maven-crm
if ! [ -r "$M/sales_pipeline.csv" ]; then
	skip "maven-crm report" "no $M"
	exit 0
fi
if ! pm-ingest -q "$M/sales_pipeline.csv" >"$T/facts.csv" 2>"$T/err" ||
    ! pm-score -p quarter --rollup "$T/facts.csv" >"$T/scores.csv" 2>>"$T/err" ||
    ! pm-flag -q "$T/scores.csv" >"$T/flags.csv" 2>>"$T/err"; then
	skip "maven-crm report" "the pipeline failed: $(head -1 "$T/err")"
	exit 0
fi
# The last quarter with deals is 2017-Q4; 30 agents closed or lost deals
# in it (awk below counts them from the facts).
n=$(awk -F, '$1 >= "2017-10-01" && $1 <= "2017-12-31" { print $2 }' "$T/facts.csv" | sort -u | wc -l)
t_run "maven: text report" 0 pm-report --one-on-ones "$T/flags.csv"
cp "$T/out" "$T/text"
t_grep "maven: the latest quarter" "^Period 2017-Q4 \(2017-10-01 to 2017-12-31\)\. $n reps\.$" "$T/text"
t_grep "maven: no targets said plainly" "no targets were given" "$T/text"
t_eq "maven: a leaderboard row per rep" "$n" \
    "$(sed -n '/^Leaderboard/,/^Move/p' "$T/text" | grep -c '^ *[0-9][0-9]*  ')"
w=$(LC_ALL=C.UTF-8 wc -L <"$T/text")
t_eq "maven: 80 columns" yes "$([ "$w" -le 80 ] && echo yes || echo "$w")"
# Revenue of 2017-Q4 summed exactly from the facts.
rev=$(awk -F, '$3 == "revenue" && $1 >= "2017-10-01" && $1 <= "2017-12-31" { s += $4 }
    END { printf "%d", s }' "$T/facts.csv" | sed -e :a -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/; ta')
t_grep "maven: team revenue of the quarter" "^  Revenue +$rev " "$T/text"
for f in markdown html; do
	t_run "maven: $f report" 0 pm-report -f "$f" --one-on-ones "$T/flags.csv"
done
t_nogrep "maven: html without script" "<script" "$T/out"
