# pm-report: "Learning from each other" (SPEC section 15) and the pairing
# in both one-on-one sheets, on flag.sh's team.csv, whose pairings and
# stretch are worked out by hand there: Gus (calls) and Hal (win_rate)
# could learn from Bob of East, the only top-tier rep, who also stretches
# to 13750 (10% above his best of May..August, 12500).
. "$(dirname "$0")/../lib.sh"
F=$FIX/flag

pm-flag -q "$F/team.csv" >"$T/flagged.csv"
t_run "text: exit 0" 0 pm-report --one-on-ones "$T/flagged.csv"
cp "$T/out" "$T/full"
sed -n '/^Learning from each other/,/^Distribution/p' "$T/full" |
    sed -n '3,8p' >"$T/sec"
t_eq "section: learners in the board's order, then the stretch" \
'  - Hal (West): Bob (East) could mentor on win_rate: 50% vs 20%
  - Gus (West): Bob (East) could mentor on calls: 120 vs 20
  - Bob (East): revenue 13000 now, goal 13750: 10% above the best of the 4
    periods before (12500 in 2026-08); at or above the team'"'"'s top quarter on
    every leading metric
' "$(cat "$T/sec")
"
pm-report --rep Bob "$T/flagged.csv" >"$T/bob"
t_grep "Bob's sheet: his first learner" \
    '^  - Mentor: could mentor Gus \(West\) on calls$' "$T/bob"
t_grep "Bob's sheet: his second learner, a line of its own" \
    '^  - Mentor: could mentor Hal \(West\) on win_rate$' "$T/bob"
t_grep "Bob's sheet: the stretch" \
    '^  - Stretch: revenue 13000 now, goal 13750' "$T/bob"
t_nogrep "Bob's sheet: the flags list does not repeat them" \
    '^  - Mentoring' "$T/bob"
pm-report --rep Hal "$T/flagged.csv" >"$T/hal"
t_grep "Hal's sheet: whom to learn from" \
    '^  - Learn from: Bob \(East\) could mentor on win_rate: 50% vs 20%$' \
    "$T/hal"
pm-report -f html --rep Gus "$T/flagged.csv" >"$T/gus.html"
t_grep "html: Gus's sheet names Bob" 'could mentor on calls: 120 vs 20' \
    "$T/gus.html"
