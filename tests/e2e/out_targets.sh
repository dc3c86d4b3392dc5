# -o and --rejects (SPEC 18): a target that is not a regular file is
# written directly, as `>` would; a link to a regular file is followed
# (the link stays); an existing file keeps its mode; a new one is 0666
# less the umask; -o and --rejects naming one file is exit 64; a signal
# leaves no temporary file; a closed fd 0, 1 or 2 is /dev/null, so no
# message lands in an output file; pm-ingest's spool of standard input
# goes to $TMPDIR.  Everything in the test's own directory, never the
# real /dev/null.
. "$(dirname "$0")/../lib.sh"

cd "$T" || exit 70
H=date,rep,metric,value,account,product,team,ref
printf '%s\n' 'Deal ID,Owner,Stage,Amount,Close Date' \
    g1,Ann,Won,100,2026-03-01 g2,Bob,Won,200,2026-02-31 >in.csv
printf '%s\n' "$H" 2026-03-01,Ann,revenue,100,,,,g1 \
    2026-03-01,Ann,deals_won,1,,,,g1 >facts.want
printf '%s\n' file,line,reason,record \
    "in.csv,3,Close Date: '2026-02-31' is not a date,\"g2,Bob,Won,200,2026-02-31\"" \
    >rej.want
no_tmp() {
	_what=$1
	set -- .pm-tmp.*
	if [ -e "$1" ]; then not_ok "$_what: no temporary file left" "$(ls -A)"
	else ok "$_what: no temporary file left"; fi
}

# A character device: written, still a device.  (mknod needs root.)
if mknod nul c 1 3 2>/dev/null; then
	t_run "-o onto a character device: exit 0" 0 pm-ingest -q -o nul in.csv
	t_eq "-o onto a character device: still one" yes "$([ -c nul ] && echo yes)"
	t_run "--rejects onto a character device: exit 0" 0 \
	    pm-ingest -q -o out.csv --rejects nul in.csv
	t_eq "--rejects onto a character device: still one" yes \
	    "$([ -c nul ] && echo yes)"
	t_same "--rejects onto a character device: -o written" facts.want out.csv
	for tool in pm-score pm-pareto; do
		case $tool in pm-score) set -- -p month ;; *) set -- -k rep ;; esac
		t_run "$tool -o onto a character device: exit 0" 0 \
		    $tool "$@" -o nul facts.want
		t_eq "$tool -o onto a character device: still one" yes \
		    "$([ -c nul ] && echo yes)"
	done
	ln -s nul nul.lnk
	t_run "-o onto a link to a device: exit 0" 0 pm-ingest -q -o nul.lnk in.csv
	t_eq "-o onto a link to a device: both stay" yes \
	    "$([ -L nul.lnk ] && [ -c nul ] && echo yes)"
	rm -f out.csv
else
	skip "-o onto a character device" "mknod needs root"
fi

# A FIFO with a reader: the reader gets the facts, the FIFO stays.
mkfifo fifo
cat fifo >fifo.got &
t_run "-o onto a FIFO: exit 0" 0 pm-ingest -q -o fifo in.csv
# A FIFO replaced by a file never gets a writer: its reader would wait.
[ -p fifo ] || kill $! 2>/dev/null
wait
t_same "-o onto a FIFO: the reader got the facts" facts.want fifo.got
t_eq "-o onto a FIFO: still a FIFO" yes "$([ -p fifo ] && echo yes)"
rm -f fifo
mkfifo fifo
cat fifo >fifo.got &
t_run "--rejects onto a FIFO: exit 0" 0 pm-ingest -q -o out.csv --rejects fifo in.csv
[ -p fifo ] || kill $! 2>/dev/null
wait
t_same "--rejects onto a FIFO: the reader got the rejects" rej.want fifo.got
t_eq "--rejects onto a FIFO: still a FIFO" yes "$([ -p fifo ] && echo yes)"

# A socket cannot be opened for writing, by `>` either: exit 73, and the
# socket is not replaced by a file.
if command -v python3 >/dev/null &&
    python3 -c 'import socket; socket.socket(socket.AF_UNIX).bind("sock")' 2>/dev/null; then
	t_run "-o onto a socket: exit 73" 73 pm-ingest -q -o sock in.csv
	t_eq "-o onto a socket: still a socket" yes "$([ -S sock ] && echo yes)"
	no_tmp "-o onto a socket"
else
	skip "-o onto a socket" "no python3 to make one"
fi

# A link to a regular file, relative, in another directory: the link
# stays, its target is replaced, the temporary file was beside it.
mkdir sub
echo old >sub/real
ln -s sub/real lnk
t_run "-o onto a link: exit 0" 0 pm-ingest -q -o lnk in.csv
t_eq "-o onto a link: still a link to sub/real" sub/real "$(readlink lnk)"
t_same "-o onto a link: its target replaced" facts.want sub/real
no_tmp "-o onto a link"
(cd sub && no_tmp "-o onto a link, beside the target")
ln -s lnk lnk2
t_run "-o onto a link to a link: exit 0" 0 pm-ingest -q --rejects lnk2 -o out.csv in.csv
t_eq "-o onto a link to a link: the links stay" lnk:sub/real \
    "$(readlink lnk2):$(readlink lnk)"
t_same "-o onto a link to a link: the target replaced" rej.want sub/real
ln -s sub/new dangling
t_run "-o onto a dangling link: exit 0" 0 pm-ingest -q -o dangling in.csv
t_eq "-o onto a dangling link: the link stays" sub/new "$(readlink dangling)"
t_same "-o onto a dangling link: its target made" facts.want sub/new

# /dev/stdout, /dev/fd/N: the descriptor itself, as in the shell, even
# when it is a file (opened to append: `>> log` adds to the log).
echo "first line" >log.csv
pm-ingest -q -o /dev/stdout in.csv >>log.csv 2>/dev/null
{ echo "first line"; cat facts.want; } >log.want
t_same "-o /dev/stdout >>log: appended, as > would" log.want log.csv
ln -s /dev/stdout to-stdout
pm-ingest -q -o to-stdout in.csv >>log.csv 2>/dev/null
cat facts.want >>log.want
t_same "-o LINK-TO-/dev/stdout >>log: appended" log.want log.csv
pm-ingest -q -o /dev/fd/7 in.csv 7>>log.csv 2>/dev/null
cat facts.want >>log.want
t_same "-o /dev/fd/7 7>>log: appended" log.want log.csv
t_eq "-o /dev/stdout into a pipe" "$(cat facts.want)" \
    "$(pm-ingest -q -o /dev/stdout in.csv 2>/dev/null | cat)"
t_run "-o /dev/fd/9, not open: exit 73" 73 pm-ingest -q -o /dev/fd/9 in.csv
t_run "-o /dev/stdout --rejects -: exit 64" 64 pm-ingest -o /dev/stdout --rejects - in.csv

# Mode kept over an existing file; 0666 less the umask for a new one.
echo old >priv
chmod 600 priv
t_run "-o over a 0600 file: exit 0" 0 pm-ingest -q -o priv in.csv
t_eq "-o over a 0600 file: still 0600" "-rw-------" "$(ls -l priv | cut -c1-10)"
t_same "-o over a 0600 file: replaced" facts.want priv
# A write-protected file is not replaced, as `>` leaves it (QA: it was
# renamed over).  Root may write anything: run as nobody then.
mkdir ro
echo old >ro/prot
cp in.csv ro/in.csv
chmod 444 ro/prot
as_user=
if [ "$(id -u)" = 0 ]; then
	if command -v su >/dev/null && id nobody >/dev/null 2>&1 &&
	    chown -R nobody ro 2>/dev/null && chmod 755 "$T" &&
	    su -s /bin/sh nobody -c 'true' 2>/dev/null; then
		as_user=nobody
	fi
fi
if [ "$(id -u)" != 0 ] || [ -n "$as_user" ]; then
	if [ -n "$as_user" ]; then
		su -s /bin/sh nobody -c "cd '$T/ro' && PATH='$PATH' pm-ingest -q -o prot in.csv" 2>"$T/err"
	else
		(cd ro && pm-ingest -q -o prot in.csv) 2>"$T/err"
	fi
	t_eq "-o over a 0444 file: exit 73" 73 $?
	t_grep "-o over a 0444 file: said so" "^pm-ingest: prot: cannot write: Permission denied$" "$T/err"
	t_eq "-o over a 0444 file: kept" old "$(cat ro/prot)"
	t_eq "-o over a 0444 file: no temporary file" "in.csv prot" "$(ls ro | tr '\n' ' ' | sed 's/ $//')"
else
	skip "-o over a 0444 file" "root, and no user nobody to run as"
fi
chmod 640 sub/real
t_run "--rejects over a 0640 file through a link: exit 0" 0 \
    pm-ingest -q -o out.csv --rejects lnk in.csv
t_eq "--rejects over a 0640 file through a link: still 0640" "-rw-r-----" \
    "$(ls -l sub/real | cut -c1-10)"
chmod 4755 priv
t_run "pm-score -o over a 4755 file: exit 0" 0 pm-score -p month -o priv facts.want
t_eq "pm-score -o over a 4755 file: still 4755" "-rwsr-xr-x" "$(ls -l priv | cut -c1-10)"
rm -f new027 new022
(umask 027 && pm-ingest -q -o new027 in.csv 2>/dev/null)
t_eq "a new file with umask 027: 0640" "-rw-r-----" "$(ls -l new027 | cut -c1-10)"
(umask 022 && pm-pareto -k rep -o new022 facts.want)
t_eq "a new file with umask 022: 0644" "-rw-r--r--" "$(ls -l new022 | cut -c1-10)"
if [ "$(id -u)" = 0 ] && chown 1234:5678 priv 2>/dev/null; then
	t_run "-o over a file of another owner (root): exit 0" 0 pm-ingest -q -o priv in.csv
	t_eq "-o over a file of another owner (root): owner and group kept" \
	    1234:5678 "$(ls -ln priv | awk '{ print $3 ":" $4 }')"
fi

# -o and --rejects naming one file: exit 64, before any work.
echo keep >same
for pair in "same same" "same ./same" "lnk sub/real" "fresh ./fresh" \
    "dangling sub/new"; do
	set -- $pair
	t_run "-o $1 --rejects $2: exit 64" 64 pm-ingest -o "$1" --rejects "$2" in.csv
	t_grep "-o $1 --rejects $2: said so" "name the same file" "$T/err"
done
ln same hard
t_run "-o and --rejects, hard links of one file: exit 64" 64 \
    pm-ingest -o hard --rejects same in.csv
t_eq "-o and --rejects, one file: left as it was" keep "$(cat same)"
t_eq "-o and --rejects, one file: nothing made" no "$([ -e fresh ] && echo yes || echo no)"
t_run "--rejects - and standard output: exit 64" 64 pm-ingest --rejects - in.csv
pm-ingest --rejects same in.csv >same 2>err
t_eq "--rejects FILE and standard output on FILE: exit 64" 64 "$?"
t_run "-o and --rejects, two files: exit 0" 0 pm-ingest -q -o a.csv --rejects b.csv in.csv

# SIGTERM in the middle of writing over an existing file: the file is as
# it was, no temporary file is left, the shell sees death by SIGTERM.
awk 'BEGIN { print "Deal ID,Owner,Stage,Amount,Close Date"
	for (i = 0; i < 1500000; i++)
		printf "d%d,Rep %d,Won,%d,2026-03-%02d\n", i, i % 50, i % 1000, i % 28 + 1 }' >big.csv
# A background job of a script starts with SIGINT ignored (and a tool
# leaves an ignored signal ignored, as nohup wants): restore it.
if env --default-signal=INT true 2>/dev/null; then
	dflt="env --default-signal=INT"
elif command -v python3 >/dev/null; then
	dflt="python3 -c 'import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])'"
else
	dflt=
fi
for sig in TERM INT HUP; do
	if [ $sig = INT ] && [ -z "$dflt" ]; then
		skip "SIGINT while writing" "no way to undo the ignored SIGINT"
		continue
	fi
	echo previous >prev.csv
	# exec: $! is the tool itself, not a shell waiting for it.
	if [ $sig = INT ]; then pre=$dflt; else pre=; fi
	eval "exec $pre pm-ingest -q -o prev.csv --rejects prevrej.csv big.csv" 2>/dev/null &
	pid=$!
	i=0
	while [ $i -lt 200000 ]; do
		set -- .pm-tmp.*
		[ -e "$1" ] && break
		i=$((i + 1))
	done
	kill -$sig $pid
	wait $pid
	rc=$?
	case $sig in TERM) want=143 ;; INT) want=130 ;; HUP) want=129 ;; esac
	t_eq "SIG$sig while writing: died of it" $want $rc
	t_eq "SIG$sig while writing: the previous file intact" previous "$(cat prev.csv)"
	t_eq "SIG$sig while writing: no rejects file made" no \
	    "$([ -e prevrej.csv ] && echo yes || echo no)"
	no_tmp "SIG$sig while writing"
done

# Closed standard error, output and input: no message in the -o file.
# (Not under valgrind, which needs its own fd 2 and $TMPDIR.)
if [ "${VALGRIND:-}" != 1 ]; then
	t_run "closed stderr: exit 0" 0 sh -c 'exec pm-ingest -o out.csv in.csv 2>&-'
	t_same "closed stderr: the -o file has the facts only" facts.want out.csv
	t_run "closed stderr, --rejects: exit 0" 0 \
	    sh -c 'exec pm-ingest -o out.csv --rejects rej.csv in.csv 2>&-'
	t_same "closed stderr, --rejects: the facts only" facts.want out.csv
	t_same "closed stderr, --rejects: the rejects only" rej.want rej.csv
	t_run "closed stderr, pm-score: exit 0" 0 \
	    sh -c 'exec pm-score -p month -o sc.csv facts.want 2>&-'
	rm -f sc.csv
	t_run "closed stderr, pm-score, a bad file: exit 66" 66 \
	    sh -c 'exec pm-score -p month -o sc.csv nosuchfile 2>&-'
	t_eq "closed stderr, pm-score, a bad file: no -o file" no \
	    "$([ -e sc.csv ] && echo yes || echo no)"
	t_run "closed stdout: exit 0" 0 sh -c 'exec pm-ingest -o out.csv in.csv >&-'
	t_same "closed stdout: the -o file has the facts" facts.want out.csv
	t_run "closed stdout, output to it: exit 0 (it is /dev/null)" 0 \
	    sh -c 'exec pm-ingest -q in.csv >&-'
	t_run "closed stdin and stdout, spool: exit 0" 0 \
	    sh -c 'exec pm-ingest -q -o out2.csv <&- >&-'
	t_eq "closed stdin: read as empty" "$H" "$(cat out2.csv)"
fi

# pm-ingest's spool of standard input goes to $TMPDIR.
mkdir tmpd
if [ "${VALGRIND:-}" != 1 ]; then
	t_run "TMPDIR missing: exit 73" 73 sh -c 'cat in.csv | TMPDIR=$PWD/nonesuch pm-ingest -q'
	t_grep "TMPDIR missing: named" "temporary file in .*/nonesuch" "$T/err"
fi
t_run "TMPDIR a directory of its own: exit 0" 0 sh -c 'cat in.csv | TMPDIR=$PWD/tmpd pm-ingest -q'
t_same "TMPDIR a directory of its own: the facts" facts.want "$T/out"
if [ -d /proc/self/fd ]; then
	mkfifo slow
	(TMPDIR=$T/tmpd pm-ingest -q -o spooled.csv <slow 2>/dev/null) &
	exec 3>slow
	cat in.csv >&3
	pid=
	i=0
	while [ $i -lt 100 ] && [ -z "$pid" ]; do
		pid=$(pgrep -n -f 'pm-ingest -q -o spooled.csv' 2>/dev/null)
		i=$((i + 1))
	done
	spool=
	i=0
	while [ -n "$pid" ] && [ $i -lt 20000 ] && [ -z "$spool" ]; do
		spool=$(ls -l /proc/"$pid"/fd 2>/dev/null | grep -o "$T/tmpd/pm-ingest\.[^ ]*")
		i=$((i + 1))
	done
	exec 3>&-
	wait
	t_eq "TMPDIR: the spool is there (and already unlinked)" yes \
	    "$(case $spool in "$T"/tmpd/pm-ingest.*) echo yes ;; esac)"
	t_eq "TMPDIR: nothing left in it" "" "$(ls -A tmpd)"
	t_same "TMPDIR: spooled input read" facts.want spooled.csv
else
	skip "TMPDIR: the spool is there" "no /proc"
fi

# SIGTERM while the spool is being filled: nothing left in $TMPDIR.
rm -f slow
mkfifo slow
(exec env TMPDIR="$T/tmpd" pm-ingest -q <slow 2>/dev/null) &
pid=$!
exec 3>slow
cat big.csv >&3 &
cpid=$!
i=0
while [ $i -lt 20000 ] && ! ls -l /proc/$pid/fd 2>/dev/null | grep -q "$T/tmpd/"; do
	i=$((i + 1))
done
kill -TERM $pid
wait $pid
rc=$?
exec 3>&-
kill $cpid 2>/dev/null
wait $cpid 2>/dev/null
t_eq "SIGTERM while spooling standard input: died of it" 143 $rc
t_eq "SIGTERM while spooling standard input: nothing left in TMPDIR" "" "$(ls -A tmpd)"

t_run "-o '': exit 73 at once" 73 pm-score -p month -o '' facts.want
t_grep "-o '': said so" "cannot create" "$T/err"
t_run "--rejects '': exit 73" 73 pm-ingest -q -o out.csv --rejects '' in.csv
no_tmp "-o ''"
t_run "--encoding '': exit 64" 64 pm-ingest --encoding '' in.csv
t_grep "--encoding '': said so" "encoding" "$T/err"
# glibc's iconv takes ' ' and '//IGNORE' for the locale's charset too
# (ASCII in the C locale: every accented name became U+FFFD) (QA).
for e in ' ' '//' ' //IGNORE'; do
	t_run "--encoding '$e': exit 64" 64 pm-ingest --encoding "$e" in.csv
	t_grep "--encoding '$e': said so" "^pm-ingest: --encoding: empty charset name$" "$T/err"
done
t_run "--encoding 'UTF-8//IGNORE': a name with a suffix is fine" 0 \
    pm-ingest -q --encoding 'UTF-8//IGNORE' in.csv
