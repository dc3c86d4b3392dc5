# pm-flag target_unrealistic (SPEC section 16): a target above 1.5 x the
# rep's best of the up to 6 finished periods before the judged one, or
# below their worst; for a lower-is-better metric below the best / 1.5
# or above the worst.  Every number below is worked out by hand.
. "$(dirname "$0")/../lib.sh"

# May 2025 is judged (the last fact is 2025-05-31: finished).
#   Ann revenue 10,000 20,000 40,000 30,000 before May: best 40,000, so
#     1.5 x = 60,000; cycle_days 10 20 30 (none in April: no value),
#     best 10, so 10 / 1.5 = 6.67, worst 30.
#   Bob revenue 10,000 20,000 30,000 15,000: worst 10,000; cycle_days
#     the same as Ann's.
#   Dee starts 2025-04-01: one period before May, too few to judge.
cat >"$T/facts.csv" <<'CSV'
date,rep,metric,value,account,product,team,ref
2025-01-10,Ann,revenue,10000,,,,a1
2025-02-10,Ann,revenue,20000,,,,a2
2025-03-10,Ann,revenue,40000,,,,a3
2025-04-10,Ann,revenue,30000,,,,a4
2025-05-10,Ann,revenue,30000,,,,a5
2025-01-10,Ann,cycle_days,10,,,,a6
2025-02-10,Ann,cycle_days,20,,,,a7
2025-03-10,Ann,cycle_days,30,,,,a8
2025-01-10,Bob,revenue,10000,,,,b1
2025-02-10,Bob,revenue,20000,,,,b2
2025-03-10,Bob,revenue,30000,,,,b3
2025-04-10,Bob,revenue,15000,,,,b4
2025-05-31,Bob,revenue,30000,,,,b5
2025-01-10,Bob,cycle_days,10,,,,b6
2025-02-10,Bob,cycle_days,20,,,,b7
2025-03-10,Bob,cycle_days,30,,,,b8
2025-04-10,Dee,revenue,10000,,,,d1
2025-05-10,Dee,revenue,10000,,,,d2
CSV
printf 'rep,team,start_date\nAnn,,\nBob,,\nDee,,2025-04-01\n' >"$T/roster.csv"
cat >"$T/out.csv" <<'CSV'
period,rep,metric,target
2025-05,Ann,revenue,60001
2025-05,Bob,revenue,9999
2025-05,Ann,cycle_days,6
2025-05,Bob,cycle_days,31
2025-05,Dee,revenue,1000000
CSV
cat >"$T/in.csv" <<'CSV'
period,rep,metric,target
2025-05,Ann,revenue,60000
2025-05,Bob,revenue,10000
2025-05,Ann,cycle_days,7
2025-05,Bob,cycle_days,30
CSV
pm-score -t "$T/out.csv" -r "$T/roster.csv" "$T/facts.csv" >"$T/scores.csv"
t_run "flags" 0 pm-flag --list "$T/scores.csv"
t_eq "above 1.5 x the best, and below 2/3 of the best" \
    '2025-05,Ann,,target_unrealistic,cycle_days,6,cycle_days target 6 in 2025-05 is below 2/3 of the best of the last 3 finished periods (10 in 2025-01); revenue target 60001 in 2025-05 is more than 1.5 x the best of the last 4 finished periods (40000 in 2025-03)' \
    "$(grep target_unrealistic "$T/out" | grep '^2025-05,Ann,')"
t_eq "below the worst, and above the worst" \
    '2025-05,Bob,,target_unrealistic,cycle_days,31,cycle_days target 31 in 2025-05 is above the worst of the last 3 finished periods (30 in 2025-03); revenue target 9999 in 2025-05 is below the worst of the last 4 finished periods (10000 in 2025-01)' \
    "$(grep target_unrealistic "$T/out" | grep '^2025-05,Bob,')"
t_eq "fewer than 3 periods: not judged" "" \
    "$(grep target_unrealistic "$T/out" | grep '^2025-05,Dee,')"
t_eq "never the composite score" "" "$(grep 'score target' "$T/out")"
t_run "flags in the table" 0 pm-flag "$T/scores.csv"
t_grep "the flags column (on the judged metric's row)" '^2025-05,Bob,,score,.*target_unrealistic' "$T/out"

pm-score -t "$T/in.csv" -r "$T/roster.csv" "$T/facts.csv" >"$T/scores.csv"
t_run "at the edges" 0 pm-flag --list "$T/scores.csv"
t_eq "1.5 x, 2/3, the worst themselves: realistic" "" \
    "$(grep target_unrealistic "$T/out")"

# The window: 6 finished periods.  Eve's 100,000 of September 2024 is
# 8 periods before May 2025; her best of November..April is 10,000, so
# 20,000 is above 1.5 x it.  May is in progress (as-of 2025-05-20, 64.5%
# elapsed): its own actual does not count.
cat >"$T/facts.csv" <<'CSV'
date,rep,metric,value,account,product,team,ref
2024-09-10,Eve,revenue,100000,,,,e0
2024-10-10,Eve,revenue,10000,,,,e1
2024-11-10,Eve,revenue,10000,,,,e2
2024-12-10,Eve,revenue,10000,,,,e3
2025-01-10,Eve,revenue,10000,,,,e4
2025-02-10,Eve,revenue,10000,,,,e5
2025-03-10,Eve,revenue,10000,,,,e6
2025-04-10,Eve,revenue,10000,,,,e7
2025-05-20,Eve,revenue,90000,,,,e8
CSV
printf 'period,rep,metric,target\n2025-05,Eve,revenue,20000\n' >"$T/t.csv"
pm-score -t "$T/t.csv" "$T/facts.csv" >"$T/scores.csv"
t_run "a window of 6" 0 pm-flag --list "$T/scores.csv"
t_eq "the best of the last 6" \
    '2025-05,Eve,,target_unrealistic,revenue,20000,revenue target 20000 in 2025-05 is more than 1.5 x the best of the last 6 finished periods (10000 in 2025-04)' \
    "$(grep target_unrealistic "$T/out")"
# An older table without the elapsed column: the periods before the
# judged one count as finished.
cut -d, -f1-16 "$T/scores.csv" >"$T/old.csv"
t_run "an older table" 0 pm-flag --list "$T/old.csv"
t_eq "an older table: the same flag" \
    '2025-05,Eve,,target_unrealistic,revenue,20000,revenue target 20000 in 2025-05 is more than 1.5 x the best of the last 6 finished periods (10000 in 2025-04)' \
    "$(grep target_unrealistic "$T/out")"

# pm-report's one-on-one sheet shows it as a target to review.
printf 'period,rep,metric,target\n2025-05,Eve,revenue,20000\n' >"$T/t.csv"
pm-score -t "$T/t.csv" "$T/facts.csv" | pm-flag >"$T/flags.csv"
t_run "one-on-one sheet" 0 pm-report --rep Eve "$T/flags.csv"
t_grep "one-on-one: Target to review" \
    '^  - Target to review: revenue target 20000 in 2025-05 is more than 1.5 x' "$T/out"

# Beside a coaching plan: pm-report reads the plan's note up to the next
# flag's, target_unrealistic included.  Eve's baseline is the mean of
# February..April, 10,000; now May's projection 90,000 x 31/20 = 139,500;
# progress (139,500 - 10,000) / (15,000 - 10,000) = 2,590.0%.
printf 'rep,metric,goal,from,to,focus,coach\nEve,revenue,15000,2025-05,2025-07,more meetings,Pat\n' \
    >"$T/plans.csv"
pm-score -t "$T/t.csv" "$T/facts.csv" | pm-flag --plans "$T/plans.csv" \
    >"$T/flags.csv"
t_run "a plan and target_unrealistic" 0 pm-report "$T/flags.csv"
t_grep "the plan's row parsed" \
    '^  Eve  Revenue    10,000  139,500  15,000  ████████ 2,590.0%  Met, 1/3$' "$T/out"
t_nogrep "the plan's words stop at the next flag" 'Pat; target_unrealistic' "$T/out"
