# Faults, all five tools (issue 9): a full disk is exit 74 with a
# message; a closed pipe ends quietly with status 0; -o never leaves a
# partial or temporary file and never clobbers the previous good one;
# a directory, a missing file or an unwritable -o is a clear error.
. "$(dirname "$0")/../lib.sh"

cd "$T" || exit 70

# Inputs big enough that the output fills a pipe (more than 64 KiB).
awk 'BEGIN { print "opportunity_id,sales_agent,deal_stage,close_value,engage_date,close_date"
    for (i = 0; i < 3000; i++)
        printf "o%d,Rep %d,Won,%d,2026-01-02,2026-03-%02d\n", i, i % 97, i + 1, i % 28 + 1 }' >ingest.csv
awk 'BEGIN { print "date,rep,metric,value,account,product,team,ref"
    for (i = 0; i < 6000; i++)
        printf "2026-%02d-10,Rep %d,revenue,%d,Acct %d,P,,r%d\n", i % 12 + 1, i % 300, i + 1, i, i }' >facts.csv
cp facts.csv score.csv
cp facts.csv pareto.csv
awk 'BEGIN { print "period,rep,team,metric,actual,projected,target,attainment,pace,rank,reps,percentile,zscore,median,prev,change"
    for (m = 1; m <= 6; m++) for (i = 0; i < 400; i++)
        printf "2026-%02d,Rep %d,T%d,revenue,%d,%d,1000,%d.0,%d.0,,,,,,,\n", m, i, i % 5, 500 + i, 500 + i, 50 + i / 4, 50 + i / 4 }' >flag.csv
cp flag.csv report.csv
bad='2026-05,"Bob,East,revenue'

for tool in ingest score pareto flag report; do
	p=pm-$tool
	# pm-report writes the one-on-one sheets too, to fill the pipe.
	extra=
	[ $tool = report ] && extra=--one-on-ones
	t_run "$p: the fault inputs are valid" 0 $p $extra $tool.csv
	size=$(wc -c <"$T/out")
	if [ -w /dev/full ]; then
		t_run "$p: a full disk is exit 74" 74 sh -c "$p $extra $tool.csv >/dev/full"
		t_grep "$p: a full disk: a message" "^$p: .*(No space left on device|write error)" "$T/err"
	else
		skip "$p: a full disk" "no /dev/full"
	fi
	if [ "$size" -gt 131072 ]; then
		t_run "$p: a closed pipe ends quietly, status 0" 0 bash -c \
		    "set -o pipefail; $p $extra $tool.csv | head -1"
		t_eq "$p: a closed pipe: no message" "" "$(cat "$T/err")"
	else
		not_ok "$p: output too small to fill a pipe" "$size bytes"
	fi

	# -o: success writes the file, failure keeps the old one.
	t_run "$p -o: writes the file" 0 $p $extra -o good.out $tool.csv
	t_run "$p -o: same bytes as standard output" 0 sh -c \
	    "$p $extra $tool.csv | cmp -s - good.out"
	printf 'previous good run\n' >prev.out
	printf '%s\n%s\n' "$(head -2 $tool.csv)" "$bad" >bad.csv
	t_run "$p -o: a failed run" 65 $p $extra -o prev.out bad.csv
	t_eq "$p -o: the previous file is untouched" "previous good run" "$(cat prev.out)"
	t_eq "$p -o: no temporary file left" "" "$(ls -A | grep pm-tmp)"
	rm -f new.out
	t_run "$p -o: a failed run, no file before" 65 $p $extra -o new.out bad.csv
	t_eq "$p -o: no file created" "no" "$([ -e new.out ] && echo yes || echo no)"
	t_run "$p -o: into a missing directory is exit 73" 73 \
	    $p $extra -o no/such/dir/x.csv $tool.csv
	t_grep "$p -o: missing directory named" "^$p: no/such/dir/x.csv: " "$T/err"
	# Opened before any input is read, as a shell redirection (out.h).
	t_run "$p -o: opened before any input" 73 \
	    $p $extra -o no/such/dir/x.csv no-such-file.csv

	# Inputs that cannot be read.
	t_run "$p: a missing file is exit 66" 66 $p no-such-file.csv
	t_grep "$p: a missing file named" "^$p: no-such-file.csv: No such file" "$T/err"
	mkdir -p adir
	t_run "$p: a directory is exit 66" 66 $p adir
	t_grep "$p: a directory named" "^$p: adir: .*[Ii]s a directory" "$T/err"
	t_run "$p: a missing second file is exit 66" 66 $p -o two.out $tool.csv no-such-file.csv
	t_eq "$p: a missing second file: no -o file" "no" "$([ -e two.out ] && echo yes || echo no)"
	if [ "$(id -u)" != 0 ]; then
		cp $tool.csv locked.csv
		chmod 000 locked.csv
		t_run "$p: an unreadable file is exit 66" 66 $p locked.csv
		t_grep "$p: an unreadable file named" "^$p: locked.csv: Permission denied" "$T/err"
		rm -f locked.csv
	else
		skip "$p: an unreadable file" "running as root"
	fi
	# A file that opens but cannot be read: an I/O error, exit 74.
	if [ -r /proc/self/mem ]; then
		t_run "$p: a read error is exit 74" 74 $p /proc/self/mem
		t_grep "$p: a read error named" "^$p: /proc/self/mem: .*Input/output error" "$T/err"
	else
		skip "$p: a read error" "no /proc/self/mem"
	fi
done

# pm-ingest keeps going after a rejected record; with --strict the run
# fails, and then -o keeps the previous file, while --rejects says why.
{ head -3 ingest.csv; echo 'x1,Ann,Won,12abc,2026-01-02,2026-03-04'; } >rej.csv
printf 'previous good run\n' >prev.out
t_run "pm-ingest --strict -o: a rejected record" 65 \
    pm-ingest --strict -o prev.out --rejects rejects.out rej.csv
t_eq "pm-ingest --strict -o: the previous file is untouched" "previous good run" "$(cat prev.out)"
t_eq "pm-ingest --strict: the rejects are written" \
    "rej.csv,4,close_value: cannot read '12abc' as an amount,\"x1,Ann,Won,12abc,2026-01-02,2026-03-04\"" \
    "$(sed -n 2p rejects.out)"
t_eq "pm-ingest --strict: no temporary file left" "" "$(ls -A | grep pm-tmp)"
t_run "pm-ingest -o: rejects without --strict still succeed" 0 pm-ingest -o prev.out rej.csv
t_eq "pm-ingest -o: the facts are written" "date,rep,metric,value,account,product,team,ref" "$(head -1 prev.out)"
