# pm-score: the elapsed column, and stocks that are not projected (SPEC
# section 13).  Every number below is worked out by hand.
. "$(dirname "$0")/../lib.sh"

# A HubSpot-like export that ends on 2025-05-02: open deals are dated by
# their expected close dates later in May, which do not move the as-of
# date.  May has 2 of its 31 days: elapsed 2/31 = 6.45 -> 6.5.
cat >"$T/facts.csv" <<'CSV'
date,rep,metric,value,account,product,team,ref
2025-04-10,Ann,revenue,1000,,,,a1
2025-04-20,Bob,revenue,3000,,,,b1
2025-05-02,Ann,revenue,200,,,,a2
2025-05-20,Ann,open_pipeline,5000,,,,a3
2025-05-25,Bob,open_pipeline,1000,,,,b3
CSV
printf 'period,rep,metric,target\n2025-05,*,revenue,4000\n' >"$T/targets.csv"
t_run "2 days into May" 0 pm-score -t "$T/targets.csv" --rollup \
    --metrics revenue,open_pipeline,coverage "$T/facts.csv"
col() { # period rep metric -> actual,projected,elapsed
	awk -F, -v p="$1" -v r="$2" -v m="$3" \
	    '$1 == p && $2 == r && $4 == m { print $5 "," $6 "," $17 }' "$T/out"
}
t_eq "elapsed is the last column" "elapsed" "$(head -1 "$T/out" | awk -F, '{ print $NF }')"
t_eq "April is finished: 100.0" "1000,1000,100.0" "$(col 2025-04 Ann revenue)"
# Revenue is a flow: 200 x 31/2 = 3100.
t_eq "May revenue projected over 2 of 31 days" "200,3100,6.5" \
    "$(col 2025-05 Ann revenue)"
# Open pipeline is a stock: projected = actual, never 5000 x 31/2.
t_eq "open_pipeline projected = actual (Ann)" "5000,5000,6.5" \
    "$(col 2025-05 Ann open_pipeline)"
t_eq "open_pipeline projected = actual (Bob)" "1000,1000,6.5" \
    "$(col 2025-05 Bob open_pipeline)"
t_eq "open_pipeline projected = actual (everyone)" "6000,6000,6.5" \
    "$(col 2025-05 '*' open_pipeline)"
# coverage = open / (target - revenue): Ann 5000/3800 = 1.32, Bob
# 1000/4000 = 0.25, everyone 6000/7800 = 0.77; projected the same.
t_eq "coverage projected = actual (Ann)" "1.32,1.32,6.5" \
    "$(col 2025-05 Ann coverage)"
t_eq "coverage projected = actual (Bob)" "0.25,0.25,6.5" \
    "$(col 2025-05 Bob coverage)"
t_eq "coverage projected = actual (everyone)" "0.77,0.77,6.5" \
    "$(col 2025-05 '*' coverage)"

# 10 of 31 days: 32.26 -> 32.3; June, after the as-of date, is empty.
t_run "10 days into May, --to June" 0 pm-score --as-of 2025-05-10 \
    --to 2025-06-30 --metrics revenue "$T/facts.csv"
t_eq "10 of 31 days: 32.3" "200,620,32.3" "$(col 2025-05 Ann revenue)"
t_eq "after the as-of date: elapsed empty" "0,," "$(col 2025-06 Ann revenue)"
# The last day of a period: finished.
t_run "as of the last day" 0 pm-score --as-of 2025-05-31 --metrics revenue \
    "$T/facts.csv"
t_eq "as of the last day: 100.0" "200,200,100.0" "$(col 2025-05 Ann revenue)"
# Weeks and quarters: 2025-05-02 is a Friday, day 5 of 2025-W18 (71.4);
# day 32 of 2025-Q2's 91 days (35.2).
t_run "by week" 0 pm-score -p week --metrics revenue "$T/facts.csv"
t_eq "by week: 5 of 7 days" "200,280,71.4" "$(col 2025-W18 Ann revenue)"
t_run "by quarter" 0 pm-score -p quarter --metrics revenue "$T/facts.csv"
t_eq "by quarter: 32 of 91 days" "1200,3412.5,35.2" "$(col 2025-Q2 Ann revenue)"

# --merge writes it too: the partials carry the dates the as-of date is
# taken from, so the merged table is the whole run's, elapsed included.
pm-score -t "$T/targets.csv" --rollup "$T/facts.csv" >"$T/whole.csv"
head -3 "$T/facts.csv" | pm-score --partial >"$T/p1"
{ head -1 "$T/facts.csv"; tail -n +4 "$T/facts.csv"; } | pm-score --partial >"$T/p2"
t_run "merge" 0 pm-score --merge -t "$T/targets.csv" --rollup "$T/p2" "$T/p1"
t_same "merge: the whole run's table, elapsed included" "$T/whole.csv" "$T/out"
t_eq "merge: May 6.5" "200,3100,6.5" "$(col 2025-05 Ann revenue)"
