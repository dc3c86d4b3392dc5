# SPEC section 16's done-when on the Maven CRM sample: suggested targets
# for every period, read back, flagged and reported.  Skips without the
# dataset.
. "$(dirname "$0")/../lib.sh"

D=$DATASETS/maven-crm
if [ ! -f "$D/sales_pipeline.csv" ]; then
	skip "maven: suggested targets" "no $D"
	exit 0
fi
pm-ingest -q "$D/sales_pipeline.csv" >"$T/facts.csv"
t_run "maven: suggest next period" 0 pm-score --suggest-targets "$T/facts.csv"
cp "$T/out" "$T/next.csv"
# The last fact is 2017-12-31: targets for 2018-01, 30 agents x revenue,
# deals_won, opps_created, pipeline_created.
t_eq "maven: next period's rows" "120 2018-01" \
    "$(sed 1d "$T/next.csv" | cut -d, -f1 | sort | uniq -c | awk '{ print $1, $2 }')"
# Darcel Schlecht's revenue in 2017-07..12, summed here from the facts;
# the 4th largest of 6 (--hit 60), rounded to 2 significant digits.
want=$(awk -F, '$2 == "Darcel Schlecht" && $3 == "revenue" &&
    $1 >= "2017-07" { s[substr($1, 1, 7)] += $4 }
    END { for (k in s) print s[k] }' "$T/facts.csv" | sort -rn | sed -n 4p |
    awk '{ e = int(log($1) / log(10)) - 1; p = 10 ^ e
        printf "%d\n", int($1 / p + 0.5) * p }')
t_eq "maven: Darcel Schlecht's revenue target" \
    "2018-01,Darcel Schlecht,revenue,$want,reached in 4 of 6 periods (2017-07..2017-12)" \
    "$(grep '^2018-01,Darcel Schlecht,revenue,' "$T/next.csv")"

pm-score --suggest-targets --for all "$T/facts.csv" >"$T/targets.csv"
t_eq "maven: --for all exit" 0 $?
pm-score -t "$T/targets.csv" "$T/facts.csv" >"$T/scores.csv"
t_eq "maven: scored against them" 0 $?
pm-flag "$T/scores.csv" >"$T/flags.csv" 2>"$T/flag.err"
t_eq "maven: pm-flag judges every flag" "" "$(cat "$T/flag.err")"
t_run "maven: report" 0 pm-report "$T/flags.csv"
t_grep "maven: report has a target" "against a target of" "$T/out"
t_grep "maven: report has a leaderboard by score" "composite score" "$T/out"
