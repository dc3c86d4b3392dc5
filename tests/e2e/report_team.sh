# pm-report --team (one team's report, several teams' with their sum),
# and the leaderboard cut above 50 reps (teams, top 20, bottom 10, a
# line "N more reps not shown"; --all shows every rep), in every format.
. "$(dirname "$0")/../lib.sh"

EX=$ROOT/examples
D=$T/demo
DEMO_OUT=$D sh "$EX/demo.sh" "$PMBIN" >/dev/null 2>&1
F=$D/flags.csv
# The roll-up rows pm-score wrote: the numbers the headline must show.
rollup() { awk -F, -v t="$1" '$1=="2026-11" && $2=="*" && $3==t && $4=="revenue" {print $5, $7}' "$F"; }
fmt() { printf '%s\n' "$1" | sed -e :a -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/;ta'; }
read -r ea et <<EOF2
$(rollup East)
EOF2
read -r aa at <<EOF2
$(rollup '*')
EOF2

pm-report --team East "$F" >"$T/east.txt"
t_eq "--team East: exit 0" 0 $?
t_grep "--team East: the default title names the team" "^Sales performance report: East$" "$T/east.txt"
t_grep "--team East: its 6 reps" "^Period 2026-11 .*\. 6 reps\.$" "$T/east.txt"
t_grep "--team East: headline from East's roll-up" \
    "^  Revenue +$(fmt "$ea") +$(fmt "$et") " "$T/east.txt"
sed -n '/^Leaderboard/,/^Wins/p' "$T/east.txt" >"$T/board"
west=$(awk -F, 'NR > 1 && $2 == "West" {print $1}' "$EX/roster.csv")
n=0
for r in $west; do grep -q -- "$r" "$T/board" && n=$((n + 1)); done
t_eq "--team East: no West rep on the leaderboard" 0 "$n"
t_nogrep "--team East: no West in the text" "West" "$T/east.txt"

pm-report --team East --team west "$F" >"$T/two.txt"
t_eq "--team twice: exit 0" 0 $?
t_grep "--team twice: each team and their sum" \
    "^  Total +$(fmt "$aa") +$(fmt "$at") " "$T/two.txt"
t_grep "--team twice: East's row" "^  East +$(fmt "$ea") +$(fmt "$et") " "$T/two.txt"
t_grep "--team twice: title" "^Sales performance report: East and West$" "$T/two.txt"

t_run "--team Nope: exit 65" 65 pm-report --team Nope "$F"
t_grep "--team Nope: names it" "no team 'Nope'" "$T/err"
for f in markdown html email; do
	t_run "--team East -f $f" 0 pm-report -f "$f" --team East "$F"
	t_nogrep "--team East -f $f: no West" "West" "$T/out"
done
t_run "--team East --one-on-ones: only East's sheets" 0 pm-report --team East --one-on-ones "$F"
t_nogrep "--team East --one-on-ones: no West" "West" "$T/out"

# ---- 120 reps: the cut leaderboard ----
G=$T/g120
mkdir -p "$G"
if ! command -v python3 >/dev/null 2>&1; then
	skip "120 reps" "no python3"
	exit 0
fi
python3 "$ROOT/tests/gen_team.py" 120 4 "$G"
pm-score -p month --to 2026-10-31 --rollup -t "$G/targets.csv" -r "$G/roster.csv" \
    "$G/facts.csv" | pm-flag >"$G/flags.csv"
pm-report --all "$G/flags.csv" >"$G/all.txt"
sed -n '/^Leaderboard/,/^Wins/p' "$G/all.txt" | grep -E '^ +[0-9]+  ' >"$G/rows"
t_eq "--all: 120 rep rows" 120 "$(wc -l <"$G/rows")"
# Places 20, 21, 110 and 111 of the full board, by name.
p20=$(sed -n 20p "$G/rows" | awk '{print $2, $3, $4}')
p21=$(sed -n 21p "$G/rows" | awk '{print $2, $3, $4}')
p110=$(sed -n 110p "$G/rows" | awk '{print $2, $3, $4}')
p111=$(sed -n 111p "$G/rows" | awk '{print $2, $3, $4}')
t_nogrep "--all: no cut line" "more reps not shown" "$G/all.txt"
decode() {	# the HTML part of an e-mail, decoded
	python3 -c 'import email,sys,email.policy
m=email.message_from_binary_file(open(sys.argv[1],"rb"),policy=email.policy.default)
print(m.get_body(("html",)).get_content())' "$1"
}
# The leaderboard's lines: from its title to the largest moves or Wins.
board() {
	awk '/Leaderboard/ { on = 1 } /The largest moves|Wins/ { on = 0 } on' "$1"
}
for f in text markdown html email; do
	pm-report -q -f "$f" "$G/flags.csv" >"$G/cut.$f"
	pm-report -q -f "$f" --all "$G/flags.csv" >"$G/all.$f"
	if [ "$f" = email ]; then
		decode "$G/cut.$f" >"$G/cut.d" && mv "$G/cut.d" "$G/cut.$f"
		decode "$G/all.$f" >"$G/all.d" && mv "$G/all.d" "$G/all.$f"
	fi
	t_grep "-f $f: 90 more reps not shown" "90 more reps not shown" "$G/cut.$f"
	t_grep "-f $f: place 20 shown" "$p20" "$G/cut.$f"
	t_grep "-f $f: place 111 shown" "$p111" "$G/cut.$f"
	# Named again in the wins or coaching sections, or among the largest
	# moves below the board (SPEC 15): count on the board itself.
	board "$G/cut.$f" >"$G/board.$f"
	t_grep "-f $f: place 20 on the board itself" "$p20" "$G/board.$f"
	t_eq "-f $f: place 21 left out of the board" 0 \
	    "$(board "$G/cut.$f" | grep -c "$p21")"
	t_eq "-f $f: place 110 left out of the board" 0 \
	    "$(board "$G/cut.$f" | grep -c "$p110")"
	t_grep "-f $f: teams first" "Team A \(team\)" "$G/cut.$f"
	t_grep "-f $f --all: place 21 shown" "$p21" "$G/all.$f"
	t_nogrep "-f $f --all: no cut line" "more reps not shown" "$G/all.$f"
done
t_eq "text: 4 team rows, then 30 reps" "4 30" "$(sed -n '/^Leaderboard/,/^Wins/p' "$G/cut.text" |
    awk '/\(team\)/ {t++} /^ +[0-9]+  / {r++} END {print t, r}')"
