# pm-flag on real shapes (SPEC section 13): the period judged early in a
# month, and tiers with ties.  Every expected value is worked out by hand
# from the rules; the tables are pm-score's, from facts written here.
. "$(dirname "$0")/../lib.sh"

# tiers REPFILE: "rep=tier ..." in --list order (by tier, then name).
tiers() {
	awk -F, '$4 ~ /^tier_/ { printf "%s%s=%s", s, $2, substr($4, 6); s = " " }' "$1"
}
# facts NAME=VALUE...: revenue facts in 2026-03, a roster of every name.
facts() {
	echo 'date,rep,metric,value,account,product,team,ref' >"$T/f.csv"
	echo 'rep,team' >"$T/r.csv"
	for kv in "$@"; do
		echo "${kv%%=*}," >>"$T/r.csv"
		[ "${kv#*=}" = 0 ] ||
		    echo "2026-03-10,${kv%%=*},revenue,${kv#*=},,,,${kv%%=*}" >>"$T/f.csv"
	done
	pm-score --as-of 2026-03-31 --metrics revenue -r "$T/r.csv" "$T/f.csv" >"$T/s.csv"
}

# 17 reps, two with revenue, 15 tied at 0 (rank 3).  Tiers of 17 at 20%:
# round(3.4) = 3 top, 3 bottom, 11 middle.  A (highest) is top, the 15
# tied for the lowest are bottom; B, position 2, falls in the top, but
# the middle would be empty: B is middle.  1, 1, 15 instead of 3, 11, 3.
set -- A=100 B=50
for i in 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15; do set -- "$@" "Z$i=0"; done
facts "$@"
t_run "17 reps, 15 at zero" 0 pm-flag --list "$T/s.csv"
cp "$T/out" "$T/l17"
t_eq "17 reps: A top, B middle, the 15 at zero bottom" \
    "A=top B=middle Z01=bottom Z02=bottom Z03=bottom Z04=bottom Z05=bottom Z06=bottom Z07=bottom Z08=bottom Z09=bottom Z10=bottom Z11=bottom Z12=bottom Z13=bottom Z14=bottom Z15=bottom" \
    "$(tiers "$T/l17")"
t_grep "17 reps: the note says the ties changed the sizes" \
    '^2026-03,Z07,,tier_bottom,revenue,3,"rank 3 of 17 by revenue in 2026-03, in the bottom 20% \(tied ranks: top, middle, bottom of 1, 1, 15 reps instead of 3, 11, 3\)"$' \
    "$T/l17"

# 8 reps, 6 tied at 0: 2 top, 2 bottom, 4 middle.  A top, the six bottom;
# B (position 2, in the top) fills the empty middle.
facts A=300 B=200 C=0 D=0 E=0 F=0 G=0 H=0
t_run "8 reps, 6 tied at the bottom" 0 pm-flag --list "$T/s.csv"
t_eq "8 reps, 6 tied at the bottom: A top, B middle" \
    "A=top B=middle C=bottom D=bottom E=bottom F=bottom G=bottom H=bottom" \
    "$(tiers "$T/out")"
# 8 reps, 6 tied at the top: they are top; G (position 7, in the bottom
# 2) fills the middle; H, the lowest, is bottom.
facts A=100 B=100 C=100 D=100 E=100 F=100 G=50 H=10
t_run "8 reps, 6 tied at the top" 0 pm-flag --list "$T/s.csv"
t_eq "8 reps, 6 tied at the top: G middle, H bottom" \
    "A=top B=top C=top D=top E=top F=top G=middle H=bottom" \
    "$(tiers "$T/out")"
t_grep "8 reps, 6 tied at the top: sizes 6, 1, 1" \
    '^2026-03,G,,tier_middle,.*\(tied ranks: top, middle, bottom of 6, 1, 1 reps instead of 2, 4, 2\)"$' "$T/out"

# A tie across the top boundary, most of it inside: 20 reps, 4 top, 4
# bottom.  C, D, E tied at rank 3 hold positions 3, 4 (top) and 5
# (middle): top, which makes it 5 reps.  R06..R20: 110 down to 40.
set -- A=200 B=190 C=150 D=150 E=150
for i in 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20; do set -- "$@" "R$i=$((140 - 10#$i * 5))"; done
facts "$@"
t_run "20 reps, a tie across the top boundary" 0 pm-flag --list "$T/s.csv"
t_eq "20 reps: C, D, E top with A and B" "A=top B=top C=top D=top E=top" \
    "$(tiers "$T/out" | tr ' ' '\n' | grep '=top' | tr '\n' ' ' | sed 's/ $//')"
t_eq "20 reps: R17..R20 bottom" "R17=bottom R18=bottom R19=bottom R20=bottom" \
    "$(tiers "$T/out" | tr ' ' '\n' | grep '=bottom' | tr '\n' ' ' | sed 's/ $//')"
t_grep "20 reps: sizes 5, 11, 4" \
    '^2026-03,C,,tier_top,revenue,3,.*\(tied ranks: top, middle, bottom of 5, 11, 4 reps instead of 4, 12, 4\)"$' "$T/out"
# Most of it outside: 10 reps, 2 top; B, C, D tied at rank 2 hold
# positions 2 (top), 3 and 4 (middle): middle, and the top is A alone.
facts A=100 B=80 C=80 D=80 E=70 F=60 G=50 H=40 I=30 J=20
t_run "10 reps, a tie mostly in the middle" 0 pm-flag --list "$T/s.csv"
t_eq "10 reps: B, C, D middle" \
    "A=top B=middle C=middle D=middle E=middle F=middle G=middle H=middle I=bottom J=bottom" \
    "$(tiers "$T/out")"
# No ties: the nominal sizes, no note about them.
facts A=50 B=40 C=30 D=20 E=10
t_run "5 reps, no ties" 0 pm-flag --list "$T/s.csv"
t_eq "5 reps: one top, three middle, one bottom" \
    "A=top B=middle C=middle D=middle E=bottom" "$(tiers "$T/out")"
t_nogrep "5 reps: no note about ties" 'tied ranks' "$T/out"

# The period judged (SPEC section 13).  An export that ends on 2025-05-02:
# Ann sold 1000 a month in January..April and 224 on May 2; May has 2 of
# its 31 days (6.5%), projected 224 x 31/2 = 3472, a 3.5x "personal best"
# that the numbers do not support.  Below --min-elapsed 25: April.
# (tests/fixtures/fair/early.csv; its open pipeline, due on May 20,
# does not move the as-of date.)
cp "$FIX/fair/early.csv" "$T/early.csv"
cp "$FIX/fair/targets.csv" "$T/t.csv"
pm-score --metrics revenue -t "$T/t.csv" "$T/early.csv" >"$T/early-s.csv"
cp "$T/early-s.csv" "$T/s.csv"
(cd "$T" && pm-flag --list s.csv >"$T/out" 2>"$T/err")
t_eq "2 days in: exit 0" 0 $?
t_eq "2 days in: judged on April" "2025-04" \
    "$(awk -F, 'NR > 1 { print $1 }' "$T/out" | sort -u)"
t_nogrep "2 days in: no personal best" 'personal_best' "$T/out"
t_eq "2 days in: stderr says so" \
    "pm-flag: s.csv: 2025-05 has just begun (2 of 31 days), less than --min-elapsed 25%: judging 2025-04, the latest finished period" \
    "$(cat "$T/err")"
t_run "2 days in, -q" 0 pm-flag -q --list "$T/s.csv"
t_eq "2 days in, -q: nothing on stderr" "" "$(cat "$T/err")"
# --min-elapsed 5: 6.5 is enough; then May is judged, on its projection.
t_run "--min-elapsed 5" 0 pm-flag --min-elapsed 5 --list "$T/s.csv"
t_eq "--min-elapsed 5: judged on May" "2025-05" \
    "$(awk -F, 'NR > 1 { print $1 }' "$T/out" | sort -u)"
t_grep "--min-elapsed 5: the projection is a personal best" \
    '^2025-05,Ann,,personal_best,revenue,3472,' "$T/out"
t_eq "--min-elapsed 5: no note on stderr" "" "$(cat "$T/err")"
# -P still chooses any period, silently.
t_run "-P 2025-05" 0 pm-flag -P 2025-05 --list "$T/s.csv"
t_eq "-P 2025-05: judged on May" "2025-05" \
    "$(awk -F, 'NR > 1 { print $1 }' "$T/out" | sort -u)"
t_eq "-P: no note on stderr" "" "$(cat "$T/err")"
# An older table, without elapsed: May, as before.
cut -d, -f1-16 "$T/s.csv" >"$T/old.csv"
t_run "older table" 0 pm-flag --list "$T/old.csv"
t_eq "older table: judged on May" "2025-05" \
    "$(awk -F, 'NR > 1 { print $1 }' "$T/out" | sort -u)"
# 10 of 31 days: 32.3%, May is judged.
pm-score --as-of 2025-05-10 --metrics revenue -t "$T/t.csv" "$T/early.csv" >"$T/s10.csv"
t_run "10 days in" 0 pm-flag --list "$T/s10.csv"
t_eq "10 days in: judged on May" "2025-05" \
    "$(awk -F, 'NR > 1 { print $1 }' "$T/out" | sort -u)"
t_eq "10 days in: no note" "" "$(cat "$T/err")"
# Nothing finished yet: the period in progress all the same, and said.
awk -F, 'NR == 1 || $1 == "2025-05"' "$T/s.csv" >"$T/only.csv"
t_run "only a period just begun" 0 pm-flag --list "$T/only.csv"
t_eq "only a period just begun: judged on it" "2025-05" \
    "$(awk -F, 'NR > 1 { print $1 }' "$T/out" | sort -u)"
t_grep "only a period just begun: said" \
    'no period before it is finished: judging it all the same$' "$T/err"
t_run "--min-elapsed 101: exit 64" 64 pm-flag --min-elapsed 101 "$T/s.csv"
