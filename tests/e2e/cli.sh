# Every tool answers --help, --version and a bad option as SPEC section 1 says.
. "$(dirname "$0")/../lib.sh"

for t in pm-ingest pm-score pm-pareto pm-flag pm-report; do
	t_run "$t --help exits 0" 0 "$t" --help
	t_grep "$t --help prints the synopsis on stdout" "^Usage: $t " "$T/out"
	t_run "$t -h exits 0" 0 "$t" -h
	t_run "$t --version exits 0" 0 "$t" --version
	t_grep "$t --version names the tool" "^$t \(pm-tools\) [0-9]" "$T/out"
	t_run "$t with a bad option exits 64" 64 "$t" --no-such-option
	t_grep "$t bad option message is one line and a hint" \
	    "^$t: .*no-such-option" "$T/err"
	t_grep "$t bad option points to --help" "Try '$t --help'" "$T/err"
	t_run "$t -d with two characters is a usage error" 64 "$t" -d ab
done
