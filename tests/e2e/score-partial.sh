# pm-score --partial / --merge (SPEC section 10): partials of any split of
# the input, merged in any order, give the bytes of one run on the whole.
. "$(dirname "$0")/../lib.sh"
F=$FIX/score

# A deterministic facts file of 600 rows: 7 reps, 6 metrics, 5 months,
# amounts with cents, teams that change over time.
awk 'BEGIN {
	split("revenue deals_won deals_lost calls cycle_days meetings", m, " ")
	print "date,rep,metric,value,account,product,team,ref"
	for (i = 1; i <= 600; i++)
		printf "2026-%02d-%02d,Rep %d,%s,%d.%02d,Acct %d,,%s,r%d\n",
		    1 + i % 5, 1 + (i * 7) % 28, i % 7, m[1 + i % 6],
		    (i * 37) % 1000, (i * 13) % 100, i % 11,
		    i % 4 ? "T" (i % 3) : "", i
}' >"$T/facts.csv"
OPTS="-t $F/targets.csv -r $F/roster.csv --rollup --as-of 2026-04-10"

pm-score -p month $OPTS "$T/facts.csv" >"$T/whole.csv"
t_grep "whole run has rows" '^2026-05,' "$T/whole.csv"

# 1. By rows, header on the first piece only (as parallel --pipe cuts).
sed -n '1,101p' "$T/facts.csv" >"$T/p1"
sed -n '102,350p' "$T/facts.csv" >"$T/p2"
sed -n '351,$p' "$T/facts.csv" >"$T/p3"
for p in p1 p2 p3; do pm-score --partial -p month "$T/$p" >"$T/$p.part"; done
cat "$T/p1.part" "$T/p2.part" "$T/p3.part" | pm-score --merge $OPTS >"$T/out"
t_same "split by rows, headerless pieces" "$T/whole.csv" "$T/out"

# 2. Random order, each piece with its header, partials in reverse order,
#    given as files.
{ head -1 "$T/facts.csv"; tail -n +2 "$T/facts.csv" | awk 'BEGIN { srand(7) }
    { print rand() "\t" $0 }' | sort | cut -f2-; } >"$T/shuf.csv"
head -1 "$T/facts.csv" >"$T/q1"
head -1 "$T/facts.csv" >"$T/q2"
tail -n +2 "$T/shuf.csv" | awk -v a="$T/q1" -v b="$T/q2" \
    '{ print >> (NR % 3 ? a : b) }'
pm-score --partial -p month "$T/q1" >"$T/q1.part"
pm-score --partial -p month "$T/q2" >"$T/q2.part"
pm-score --merge $OPTS "$T/q2.part" "$T/q1.part" >"$T/out"
t_same "random order, partials as files in any order" "$T/whole.csv" "$T/out"

# 3. Empty pieces: header only, and nothing at all.
head -1 "$T/facts.csv" | pm-score --partial -p month >"$T/e1.part"
: | pm-score --partial -p month >"$T/e2.part"
t_eq "empty piece: a header only partial" 1 "$(wc -l <"$T/e1.part" | tr -d ' ')"
cat "$T/e1.part" "$T/p1.part" "$T/e2.part" "$T/p2.part" "$T/p3.part" |
    pm-score --merge $OPTS >"$T/out"
t_same "empty pieces change nothing" "$T/whole.csv" "$T/out"

# 4. Combiner: merge partials into a partial, then merge; and the
#    reducer takes its input in any order (lines shuffled, headers too).
cat "$T/p1.part" "$T/p2.part" | pm-score --merge --partial >"$T/c12.part"
cat "$T/c12.part" "$T/p3.part" | pm-score --merge $OPTS >"$T/out"
t_same "combiner: --merge --partial" "$T/whole.csv" "$T/out"
pm-score --partial -p month "$T/facts.csv" >"$T/all.part"
cat "$T/p1.part" "$T/p2.part" "$T/p3.part" | pm-score --merge --partial >"$T/out"
t_same "combined partial equals the partial of the whole" "$T/all.part" "$T/out"
cat "$T/p1.part" "$T/p2.part" "$T/p3.part" | awk 'BEGIN { srand(3) }
    { print rand() "\t" $0 }' | sort | cut -f2- | pm-score --merge $OPTS >"$T/out"
t_same "reducer input in any order" "$T/whole.csv" "$T/out"

# Hadoop Streaming hands the reducer "key<TAB>value" lines: a line with
# no tab comes back with one at the end.
sed 's/$/	/' "$T/all.part" | pm-score --merge $OPTS >"$T/out"
t_same "reducer lines with a trailing tab" "$T/whole.csv" "$T/out"

# 5. The same with weeks, --by-team and the default as-of.
pm-score -p week --by-team -r "$F/roster.csv" "$T/facts.csv" >"$T/wk.csv"
for p in p1 p2 p3; do pm-score --partial -p week "$T/$p" >"$T/$p.wpart"; done
cat "$T/p3.wpart" "$T/p1.wpart" "$T/p2.wpart" |
    pm-score --merge --by-team -r "$F/roster.csv" >"$T/out"
t_same "weeks, --by-team, default as-of" "$T/wk.csv" "$T/out"

# --drivers works on merged partials too.
pm-score --drivers "$F/drivers.csv" >"$T/drv.csv"
pm-score --partial "$F/drivers.csv" | pm-score --merge --drivers >"$T/out"
t_same "--merge --drivers" "$T/drv.csv" "$T/out"

# 6. Partials of different periods do not merge.
cat "$T/p1.part" "$T/p2.wpart" >"$T/mixed"
t_run "partials of different periods: exit 65" 65 pm-score --merge "$T/mixed"
t_grep "partials of different periods: message" "different periods" "$T/err"
t_run "--merge -p week on month partials: exit 65" 65 \
    pm-score --merge -p week "$T/p1.part"
t_run "facts given to --merge: exit 65" 65 pm-score --merge "$T/facts.csv"

# 7. The SPEC's recipe, for real, with small blocks.
if command -v parallel >/dev/null 2>&1; then
	parallel --pipe --block 2k pm-score --partial -p month <"$T/facts.csv" \
	    >"$T/par.part" 2>"$T/err"
	n=$(grep -c '^key,' "$T/par.part")
	if [ "$n" -gt 2 ]; then ok "parallel --block 2k makes several partials"
	else not_ok "parallel --block 2k makes several partials" "$n"; fi
	pm-score --merge $OPTS <"$T/par.part" >"$T/out"
	t_same "parallel --pipe recipe" "$T/whole.csv" "$T/out"
else
	skip "parallel --pipe recipe" "GNU parallel not installed"
fi
