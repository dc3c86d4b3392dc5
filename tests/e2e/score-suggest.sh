# pm-score --suggest-targets and ramps (SPEC section 16).  Every number
# below is worked out by hand from tests/fixtures/suggest:
#   Ann (East): revenue 10,000 20,000 ... 60,000 in 2025-01..06, one deal
#     won a month, cycle_days 10 20 ... 60;
#   Bob (East): revenue 41,250 in January to April, 10 in May and June;
#     hours 99.5 and cycle_days 4.56 every month;
#   Cy (East) starts 2025-05-01: revenue 5,000 in May, 7,000 in June;
#   Dee (East) starts 2025-06-15 with ramp 50;75: 3,000 in June;
#   Eve (West) starts 2025-01-01 with ramp 25;50: revenue 5,000 10,000
#     20,000 30,000 20,000 40,000.
# The last fact is 2025-06-30: June is finished, the next period is July.
. "$(dirname "$0")/../lib.sh"

F=$FIX/suggest
S="pm-score --suggest-targets -r $F/roster.csv"
row() { # rep metric -> target,basis of the file in $T/out
	awk -F, -v r="$1" -v m="$2" '$2 == r && $3 == m {
	    sub(/^[^,]*,[^,]*,[^,]*,/, ""); print }' "$T/out"
}

t_run "suggest next period" 0 $S "$F/facts.csv"
t_eq "header" "period,rep,metric,target,basis" "$(head -1 "$T/out")"
t_eq "next period is 2025-07" "2025-07" \
    "$(sed 1d "$T/out" | cut -d, -f1 | sort -u)"
# Default metrics: revenue, deals_won and the leading metric hours (not
# cycle_days, a lagging one).
t_eq "default metrics" "deals_won hours revenue" \
    "$(sed 1d "$T/out" | cut -d, -f3 | sort -u | tr '\n' ' ' | sed 's/ $//')"
# --hit 60 of 6: k = ceil(3.6) = 4, the 4th largest: 30,000.
t_eq "6 periods, hit 60" "30000,reached in 4 of 6 periods (2025-01..2025-06)" \
    "$(row Ann revenue)"
# 41,250 (4th largest) rounds to 41,000; 99.5 hours to 100.
t_eq "41,250 -> 41,000" "41000,reached in 4 of 6 periods (2025-01..2025-06)" \
    "$(row Bob revenue)"
t_eq "99.5 -> 100" "100,reached in 6 of 6 periods (2025-01..2025-06)" \
    "$(row Bob hours)"
# Cy has May and June: the median of East's own (Ann 30,000, Bob 41,000):
# 35,500, rounded half up to 36,000; deals_won median(1, 0) = 0.5 -> 1.
t_eq "2 periods: team median" \
    "36000,team median of 2 reps (2 periods of history)" "$(row Cy revenue)"
t_eq "team median rounded half up" \
    "1,team median of 2 reps (2 periods of history)" "$(row Cy deals_won)"
# Dee: only June (partial): team median too.
t_eq "new hire: team median" \
    "36000,team median of 2 reps (1 period of history)" "$(row Dee revenue)"
# Eve's ramp: January at 25% and February at 50% count as full periods of
# 5,000 / 0.25 = 20,000 and 10,000 / 0.5 = 20,000; with 20,000 30,000
# 20,000 40,000 the 4th largest is 20,000, reached in all 6.
t_eq "ramp periods scaled to full" \
    "20000,reached in 6 of 6 periods (2025-01..2025-06)" "$(row Eve revenue)"

t_run "--hit 80" 0 $S --hit 80 --metrics revenue "$F/facts.csv"
# k = ceil(4.8) = 5: the 5th largest, 20,000.
t_eq "6 periods, hit 80" "20000,reached in 5 of 6 periods (2025-01..2025-06)" \
    "$(row Ann revenue)"
t_run "--history 4" 0 $S --history 4 --metrics revenue "$F/facts.csv"
# March..June: 30,000 40,000 50,000 60,000, k = ceil(2.4) = 3: 40,000.
t_eq "--history 4" "40000,reached in 3 of 4 periods (2025-03..2025-06)" \
    "$(row Ann revenue)"
t_run "--growth 10" 0 $S --growth 10 --metrics revenue,cycle_days "$F/facts.csv"
# 30,000 x 1.1 = 33,000; 41,250 x 1.1 = 45,375 -> 45,000.
t_eq "--growth 10" \
    '33000,"reached in 4 of 6 periods (2025-01..2025-06), +10% growth"' \
    "$(row Ann revenue)"
t_eq "--growth 10 rounded" \
    '45000,"reached in 4 of 6 periods (2025-01..2025-06), +10% growth"' \
    "$(row Bob revenue)"
# Lower is better: the level stayed at or below in 4 of 6 (the 4th
# smallest of 10..60 = 40), improved by 10%: 40 / 1.1 = 36.4 -> 36.
t_eq "lower is better, growth" \
    '36,"at or below in 4 of 6 periods (2025-01..2025-06), +10% improvement"' \
    "$(row Ann cycle_days)"
t_run "lower is better" 0 $S --metrics cycle_days "$F/facts.csv"
t_eq "lower is better" "40,at or below in 4 of 6 periods (2025-01..2025-06)" \
    "$(row Ann cycle_days)"
# A mean, to tenths: 4.56 -> 4.6.  Cy has no cycle_days: the median of
# 40 and 4.6 = 22.3 -> 22; Eve's team (West) has nobody: everyone's.
t_eq "a mean to 2 digits" "4.6,at or below in 6 of 6 periods (2025-01..2025-06)" \
    "$(row Bob cycle_days)"
t_eq "no history of a mean" "22,team median of 2 reps (0 periods of history)" \
    "$(row Cy cycle_days)"
t_eq "nobody in the team: everyone's" \
    "22,median of all 2 reps (0 periods of history)" "$(row Eve cycle_days)"

# --for all, read back with -t: each period from the ones before it.
t_run "--for all" 0 $S --for all --metrics revenue "$F/facts.csv"
cp "$T/out" "$T/all.csv"
# March: nobody has 3 periods yet: no row for January to March.
t_eq "no row without 3 periods anywhere" "2025-04 2025-05 2025-06" \
    "$(sed 1d "$T/all.csv" | cut -d, -f1 | sort -u | tr '\n' ' ' | sed 's/ $//')"
# April: Ann's 10k 20k 30k, k = ceil(1.8) = 2: 20,000.  June: Jan..May,
# k = 3: 30,000.  Cy in May: median(Ann 20,000, Bob 41,000) = 30,500 ->
# 31,000.
t_eq "Ann April" "2025-04,Ann,revenue,20000,reached in 2 of 3 periods (2025-01..2025-03)" \
    "$(grep '^2025-04,Ann' "$T/all.csv")"
t_eq "Cy May" "2025-05,Cy,revenue,31000,team median of 2 reps (0 periods of history)" \
    "$(grep '^2025-05,Cy' "$T/all.csv")"
t_run "read back with -t" 0 pm-score -t "$T/all.csv" -r "$F/roster.csv" \
    --metrics revenue "$F/facts.csv"
att() { # period rep -> target,attainment
	awk -F, -v p="$1" -v r="$2" '$1 == p && $2 == r && $4 == "revenue" {
	    print $7 "," $8 }' "$T/out"
}
# Ann: 40,000 / 20,000 = 200.0 in April, 60,000 / 30,000 in June.
t_eq "Ann April attainment" "20000,200.0" "$(att 2025-04 Ann)"
t_eq "Ann June attainment" "30000,200.0" "$(att 2025-06 Ann)"
# Bob: 41,250 / 41,000 = 100.6 in April.
t_eq "Bob April attainment" "41000,100.6" "$(att 2025-04 Bob)"
# Cy in May (starts on the 1st: the full month, the 1st of no ramp):
# 5,000 / 31,000 = 16.1.
t_eq "Cy May attainment" "31000,16.1" "$(att 2025-05 Cy)"
# Dee starts 2025-06-15: 36,000 x 16/30 = 19,200; 3,000 / 19,200 = 15.6.
t_eq "Dee June: prorated by days" "19200,15.6" "$(att 2025-06 Dee)"
t_eq "no target before 3 periods" "," "$(att 2025-03 Ann)"

# Suggestions are full targets: Dee's July target, read back, is ramped
# once: 36,000 x 50% = 18,000.  Eve is past her ramp: 20,000.
$S --metrics revenue "$F/facts.csv" >"$T/next.csv"
t_run "next period scored" 0 pm-score -t "$T/next.csv" -r "$F/roster.csv" \
    --metrics revenue --to 2025-07-31 "$F/facts.csv"
t_eq "ramped once when read back" "18000,0.0" "$(att 2025-07 Dee)"
t_eq "past the ramp: full" "20000,0.0" "$(att 2025-07 Eve)"

# Ramps in the scores.
cat >"$T/facts.csv" <<'CSV'
date,rep,metric,value,account,product,team,ref
2025-06-10,Ann,revenue,8000,,,,a1
2025-07-10,Ann,revenue,8000,,,,a2
2025-07-12,Dee,revenue,2500,,,,d1
2025-08-10,Ann,revenue,8000,,,,a3
2025-09-30,Ann,revenue,8000,,,,a4
CSV
printf 'period,rep,metric,target\n*,*,revenue,10000\n' >"$T/targets.csv"
printf 'rep,team,start_date,ramp\nAnn,,,\nDee,,2025-06-15,50;75\nZed,,2025-06-15,\n' \
    >"$T/roster.csv"
t_run "ramps" 0 pm-score -t "$T/targets.csv" -r "$T/roster.csv" --rollup \
    "$T/facts.csv"
# Dee: June 10,000 x 16/30 = 5,333.33 (days), July 50% = 5,000 (2,500 of
# it: 50.0), August 75% = 7,500, September the full 10,000.
t_eq "start period prorated" "5333.33,0.0" "$(att 2025-06 Dee)"
t_eq "1st full period: 50%" "5000,50.0" "$(att 2025-07 Dee)"
t_eq "2nd full period: 75%" "7500,0.0" "$(att 2025-08 Dee)"
t_eq "past the ramp" "10000,0.0" "$(att 2025-09 Dee)"
t_eq "no ramp, no --ramp: Zed full" "10000,0.0" "$(att 2025-07 Zed)"
t_run "--ramp" 0 pm-score -t "$T/targets.csv" -r "$T/roster.csv" --rollup \
    --ramp 25 "$T/facts.csv"
t_eq "--ramp for a rep without one" "2500,0.0" "$(att 2025-07 Zed)"
t_eq "--ramp past its list" "10000,0.0" "$(att 2025-08 Zed)"
t_eq "own ramp beats --ramp" "5000,50.0" "$(att 2025-07 Dee)"
t_eq "no start date: no ramp" "10000,80.0" "$(att 2025-07 Ann)"
# Everyone in July: 10,000 + 5,000 + 2,500 = 17,500; 10,500 / 17,500 = 60.0.
t_eq "roll-up sums ramped targets" "17500,60.0" "$(att 2025-07 '*')"

# Bad input.
printf 'rep,team,start_date,ramp\nDee,,2025-06-15,50;lots\n' >"$T/bad.csv"
t_run "bad ramp" 65 pm-score -t "$T/targets.csv" -r "$T/bad.csv" "$T/facts.csv"
t_eq "bad ramp message" "pm-score: $T/bad.csv:2: ramp '50;lots' is not a list of percents like 25;50;75" \
    "$(cat "$T/err")"
printf 'rep,team,start_date,ramp\nDee,,,50\n' >"$T/bad.csv"
t_run "ramp without start" 65 pm-score -r "$T/bad.csv" "$T/facts.csv"
t_run "--ramp 120" 64 pm-score --ramp 120 "$T/facts.csv"
t_run "--hit alone" 64 pm-score --hit 50 "$T/facts.csv"
t_run "--hit 0" 64 pm-score --suggest-targets --hit 0 "$T/facts.csv"
t_run "--history 2" 64 pm-score --suggest-targets --history 2 "$T/facts.csv"
t_run "--for a quarter by month" 64 pm-score --suggest-targets --for 2025-Q3 \
    "$T/facts.csv"
t_run "--for a month" 0 pm-score --suggest-targets --for 2025-10 "$T/facts.csv"
# Ann: June..September 8,000 each: 8,000 in 4 of 4.
t_eq "--for a month" "2025-10,Ann,revenue,8000,reached in 4 of 4 periods (2025-06..2025-09)" \
    "$(grep '^2025-10,Ann,revenue' "$T/out")"
t_run "--suggest-targets --partial" 64 pm-score --suggest-targets --partial \
    "$T/facts.csv"
# --ramp without any start date ramps nothing, and says so.
t_run "--ramp without start dates" 0 pm-score --ramp 50 "$T/facts.csv"
t_eq "--ramp without start dates: the warning" \
    "pm-score: --ramp: no rep has a start_date in the roster (-r): no target is ramped" \
    "$(cat "$T/err")"
t_run "--ramp -q" 0 pm-score -q --ramp 50 "$T/facts.csv"
t_eq "--ramp -q: quiet" "" "$(cat "$T/err")"
