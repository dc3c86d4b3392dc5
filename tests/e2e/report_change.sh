# pm-report: "What changed" in the one-on-one sheet (SPEC section 15):
# the revenue change split into deals won and average deal by
# logarithms.  Ann: 42,000 to 29,400 (-30.0%), 5 to 3 deals, average
# 8,400 to 9,800 (+16.7%); shares -12,600 x ln(0.6) / ln(0.7) = -18,046
# and -12,600 x ln(7/6) / ln(0.7) = +5,446 (worked out with Python's
# math.log; they add up to -12,600).  Bob: no revenue in October.  Cy:
# 10,000 to 12,000 with 4 deals both months: all of it the average deal.
. "$(dirname "$0")/../lib.sh"

cat >"$T/s.csv" <<'CSV'
period,rep,team,metric,actual,projected,target,attainment,pace
2026-10,Ann,,revenue,42000,42000,,,
2026-10,Ann,,deals_won,5,5,,,
2026-11,Ann,,revenue,29400,29400,,,
2026-11,Ann,,deals_won,3,3,,,
2026-10,Bob,,revenue,0,0,,,
2026-10,Bob,,deals_won,0,0,,,
2026-11,Bob,,revenue,5000,5000,,,
2026-11,Bob,,deals_won,1,1,,,
2026-10,Cy,,revenue,10000,10000,,,
2026-10,Cy,,deals_won,4,4,,,
2026-11,Cy,,revenue,12000,12000,,,
2026-11,Cy,,deals_won,4,4,,,
CSV
t_run "Ann: exit 0" 0 pm-report --rep Ann "$T/s.csv"
t_eq "Ann: fewer deals, larger ones, each with its share" \
'  - What changed: Revenue -30.0% vs 2026-10 (42,000 to 29,400): 2 fewer deals
    won (5 to 3, -18,046), average deal +16.7% (8,400 to 9,800, +5,446)' \
    "$(grep -A1 'What changed' "$T/out")"
t_run "Bob: exit 0" 0 pm-report --rep Bob "$T/s.csv"
t_grep "Bob: nothing to split from zero" \
    '^  - What changed: Revenue 5,000 in 2026-11, none in 2026-10$' "$T/out"
t_run "Cy: exit 0" 0 pm-report --rep Cy "$T/s.csv"
t_eq "Cy: the same deals, all of it the average deal" \
'  - What changed: Revenue +20.0% vs 2026-10 (10,000 to 12,000): as many deals
    won (4, +0), average deal +20.0% (2,500 to 3,000, +2,000)' \
    "$(grep -A1 'What changed' "$T/out")"

# The leaderboard's 3 largest moves, each explained: ranks 1..4 in
# October, then A 4th, B, C, D 1st..3rd: A lost 3 places, the others
# gained 1 each; ties go in the board's order (B, C, then D left out).
cat >"$T/m.csv" <<'CSV'
period,rep,team,metric,actual,projected,target,attainment,pace,rank,reps
2026-10,A,,revenue,4000,4000,,,,1,4
2026-10,B,,revenue,3000,3000,,,,2,4
2026-10,C,,revenue,2000,2000,,,,3,4
2026-10,D,,revenue,1000,1000,,,,4,4
2026-11,A,,revenue,1000,1000,,,,4,4
2026-11,B,,revenue,3500,3500,,,,1,4
2026-11,C,,revenue,3000,3000,,,,2,4
2026-11,D,,revenue,2500,2500,,,,3,4
CSV
t_run "moves: exit 0" 0 pm-report "$T/m.csv"
t_eq "moves: the three largest, in words" \
'The largest moves, and why:

  - A: down 3 places. Revenue -75.0% vs 2026-10 (4,000 to 1,000)
  - B: up 1 place. Revenue +16.7% vs 2026-10 (3,000 to 3,500)
  - C: up 1 place. Revenue +50.0% vs 2026-10 (2,000 to 3,000)' \
    "$(grep -A4 '^The largest moves' "$T/out")"
