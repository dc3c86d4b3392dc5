# Messages on stderr never drive the terminal (SPEC section 18): in all
# five tools, control characters (C0, DEL, C1), the bidirectional
# controls and bytes of invalid UTF-8 show as '?', one for each; an
# option argument that is not valid UTF-8 is exit 64.  The expected
# lines are written out by hand.
. "$(dirname "$0")/../lib.sh"

cd "$T" || exit 70
# ESC [2J (clear the screen), U+009B (CSI as a code point), DEL and
# U+202E (right-to-left override): each one '?'.
V='1\033[2J\302\2331m\177x\342\200\256y'
S='1?[2J?1m?x?y'

printf "date,rep,metric,value\n2026-03-01,Ann,revenue,$V\n" >f.csv
t_run "pm-score: a bad value" 65 pm-score f.csv
t_eq "pm-score: the value shown safe" \
    "pm-score: f.csv:2: value '$S' is not a number" "$(cat err)"
t_run "pm-pareto: a bad value" 65 pm-pareto -k rep f.csv
t_eq "pm-pareto: the value shown safe" \
    "pm-pareto: f.csv:2: value: '$S' is not a number" "$(cat err)"

printf "period,rep,team,metric,actual,target,attainment,rank,reps,percentile\n2026-06,Ann,T,revenue,$V,1,1,1,1,1\n" >s.csv
t_run "pm-flag: a bad value" 65 pm-flag s.csv
t_eq "pm-flag: the value shown safe" \
    "pm-flag: s.csv:2: actual: not a number: '$S'" "$(cat err)"
t_run "pm-report: a bad value" 65 pm-report s.csv
t_eq "pm-report: the value shown safe" \
    "pm-report: s.csv:2: actual: not a number: '$S'" "$(cat err)"

# Valid UTF-8, so pm-ingest reads it as UTF-8, not as Windows-1252.
printf "opportunity_id,sales_agent,deal_stage,close_value,close_date\ng1,Ann,Won,$V,03/15/2026\n" >i.csv
# Its only record rejected: no fact from the file, exit 65 (SPEC 12); the
# line that says so shows no value at all.
t_run "pm-ingest: a bad amount" 65 pm-ingest i.csv
t_eq "pm-ingest: the amount shown safe" \
    "pm-ingest: i.csv:2: close_value: cannot read '$S' as an amount
pm-ingest: i.csv: 1 records: 0 ok, 0 skipped, 1 rejected
pm-ingest: i.csv: no record gave a fact: 1 of 1 rejected: close_value: cannot read '...' as an amount (map the amount with -m amount=COLUMN, or give --decimal-comma)" "$(cat err)"

# A rep's name in a message.
printf 'period,rep,team,metric,actual,target,attainment,rank,reps,percentile\n2026-06,Ann,T,revenue,1,1,1,1,1,1\n' >ok.csv
t_run "pm-report: --rep with an escape" 65 pm-report --rep "$(printf 'Z\033]0;pwn\007')" ok.csv
t_eq "pm-report: the name shown safe" \
    "pm-report: --rep: no rep 'Z?]0;pwn?' in 2026-06" "$(cat err)"

# A file name with ESC and a raw 0x9b (the 8-bit CSI, invalid UTF-8).
for p in pm-ingest pm-score pm-pareto pm-flag pm-report; do
	t_run "$p: a file name with controls" 66 $p "$(printf 'no\033[2J\233.csv')"
	t_eq "$p: the file name shown safe" \
	    "$p: no?[2J?.csv: No such file or directory" "$(cat err)"
done

# getopt's own messages would echo the option as given.
for p in pm-ingest pm-score pm-pareto pm-flag pm-report; do
	t_run "$p: an unknown option with an escape" 64 $p "$(printf -- '--x\033[2J')"
	t_eq "$p: the option shown safe" \
	    "$p: unknown or ambiguous option '--x?[2J'
Try '$p --help' for more information." "$(cat err)"
	t_run "$p: an unknown short option" 64 $p "$(printf -- '-\033')"
	t_eq "$p: the short option shown safe" \
	    "$p: unknown option '-?'
Try '$p --help' for more information." "$(cat err)"
	t_run "$p: -o needs an argument" 64 $p -o
	t_eq "$p: says which option" "$p: option '-o' needs an argument
Try '$p --help' for more information." "$(cat err)"
	t_run "$p: --output needs an argument" 64 $p --output
	t_eq "$p: says which long option" "$p: option '--output' needs an argument
Try '$p --help' for more information." "$(cat err)"
	t_run "$p: --quiet takes no argument" 64 $p --quiet=1
	t_eq "$p: says it" "$p: option '--quiet' takes no argument
Try '$p --help' for more information." "$(cat err)"
done

# Option text that is not valid UTF-8: exit 64, before any work.
bad=$(printf 'Q\351') # Latin-1 e-acute
t_run "pm-report: -T not UTF-8" 64 pm-report -T "$bad" ok.csv
t_eq "pm-report: -T named" "pm-report: -T: the argument is not valid UTF-8
Try 'pm-report --help' for more information." "$(cat err)"
t_eq "pm-report: no report" "" "$(cat out)"
t_run "pm-report: --title= not UTF-8" 64 pm-report --title="$bad" ok.csv
t_grep "pm-report: --title named" "^pm-report: --title: the argument is not valid UTF-8$" err
t_run "pm-report: --title ARG not UTF-8" 64 pm-report --title "$bad" ok.csv
t_grep "pm-report: --title named, not -T" "^pm-report: --title: the argument is not valid UTF-8$" err
t_run "pm-report: --team not UTF-8" 64 pm-report --team "$bad" ok.csv
t_run "pm-report: --rep not UTF-8" 64 pm-report --rep "$bad" ok.csv
t_run "pm-report: --subject not UTF-8" 64 pm-report -f email --subject "$bad" ok.csv
t_run "pm-report: -P not UTF-8" 64 pm-report -P "$bad" ok.csv
t_run "pm-flag: -P not UTF-8" 64 pm-flag -P "$bad" ok.csv
t_run "pm-score: -p not UTF-8" 64 pm-score -p "$bad" f.csv
t_run "pm-pareto: -k not UTF-8" 64 pm-pareto -k "$bad" f.csv
t_run "pm-ingest: -m not UTF-8" 64 pm-ingest -m "$bad" i.csv
mkdir o
t_run "pm-ingest: -o not UTF-8" 64 pm-ingest -o "o/$bad" i.csv
t_eq "pm-ingest: no file made" "" "$(ls -A o)"
# A valid UTF-8 title is fine.
t_run "pm-report: -T in UTF-8" 0 pm-report -T "$(printf 'Q\303\251')" ok.csv
t_grep "pm-report: the title shown" "^Q$(printf '\303\251')$" out

# The program's own name (argv[0], a link of any name) is made safe too.
# (Not under VALGRIND=1: its wrapper runs the binary by its own name.)
if [ "${VALGRIND:-}" = 1 ]; then
	skip "argv[0] with an escape" "under valgrind"
else
	ln -s "$PMBIN/pm-score" "$(printf 'pm-\033[2Jx')"
	t_run "argv[0] with an escape" 64 "./$(printf 'pm-\033[2Jx')" --bogus
	t_eq "argv[0] shown safe" "pm-?[2Jx: unknown or ambiguous option '--bogus'
Try 'pm-?[2Jx --help' for more information." "$(cat err)"
fi
