# Hostile input, all five tools (issue 9, SPEC section 1): malformed CSV,
# NUL bytes, bad UTF-8, impossible dates, non-numbers, empty input, a
# header alone, lone CR line ends, 50,000 columns, a 20 MB field and
# random bytes.  Each case ends with the documented exit status and a
# message "pm-TOOL: FILE:LINE: what" that names the line, and the value
# when there is one.  The big inputs are made here, never committed.
. "$(dirname "$0")/../lib.sh"

# One valid data row per tool, and the input each tool reads.
ING_H='opportunity_id,sales_agent,deal_stage,close_value,engage_date,close_date'
ING_R='g1,Ann,Won,100,2026-01-02,2026-03-04'
FACT_H='date,rep,metric,value,account,product,team,ref'
FACT_R='2026-01-05,Ann,revenue,1000,Acme,Pro,,d1'
SC_H='period,rep,team,metric,actual,projected,target,attainment,pace,rank,reps,percentile,zscore,median,prev,change'
SC_R='2026-05,Ann,East,revenue,7000,7000,10000,70.0,70.0,2,2,0,,,,'

# cases TOOL: writes $T/TOOL/*.csv, the bad row always on line 3.
cases() {
	d=$T/$1
	mkdir -p "$d"
	case $1 in
	ingest)
		h=$ING_H r=$ING_R
		r2='g2,Bob,Lost,0,2026-01-02,2026-02-03'
		bad_q='g2,"Bob,Lost,0,2026-01-02,2026-02-03'
		bad_w='g2,Bob,Lost,0,2026-01-02'
		bad_d='g2,Bob,Won,5,2026-01-02,2026-02-31'
		bad_n='g2,Bob,Won,12abc,2026-01-02,2026-02-03'
		;;
	score | pareto)
		h=$FACT_H r=$FACT_R
		r2='2026-01-06,Bob,revenue,500,Beta,Pro,,d2'
		bad_q='2026-01-06,"Bob,revenue,500,Beta,Pro,,d2'
		bad_w='2026-01-06,Bob,revenue,500,Beta'
		bad_d='2026-02-31,Bob,revenue,500,Beta,Pro,,d2'
		bad_n='2026-01-06,Bob,revenue,12abc,Beta,Pro,,d2'
		;;
	*)
		h=$SC_H r=$SC_R
		r2='2026-05,Bob,East,revenue,12000,12000,10000,120.0,120.0,1,2,100,,,,'
		bad_q='2026-05,"Bob,East,revenue,12000,12000,10000,120.0,120.0,1,2,100,,,,'
		bad_w='2026-05,Bob,East,revenue,12000'
		bad_d='2026-02-31,Bob,East,revenue,12000,12000,10000,120.0,120.0,1,2,100,,,,'
		bad_n='2026-05,Bob,East,revenue,12abc,12000,10000,120.0,120.0,1,2,100,,,,'
		;;
	esac
	printf '%s\n%s\n%s\n' "$h" "$r" "$r2" >"$d/ok.csv"
	printf '%s\n%s\n%s\n' "$h" "$r" "$bad_q" >"$d/unterminated.csv"
	printf '%s\n%s\n%s\n' "$h" "$r" "$bad_w" >"$d/width.csv"
	printf '%s\n%s\n%s\n' "$h" "$r" "$r2" | sed '3s/Bob/Bo\x00b/' >"$d/nul.csv"
	printf '%s\n%s\n%s\n' "$h" "$r" "$r2" | sed '3s/Bob/Bo\xffb/' >"$d/utf8.csv"
	printf '%s\n%s\n%s\n' "$h" "$r" "$bad_d" >"$d/date.csv"
	printf '%s\n%s\n%s\n' "$h" "$r" "$bad_n" >"$d/number.csv"
	: >"$d/empty.csv"
	printf '%s\n' "$h" >"$d/header.csv"
	printf '%s\r%s\r%s\r' "$h" "$r" "$r2" >"$d/cr.csv"
	{
		printf '%s\n%s\n%s' "$h" "$r" "$r2"
		awk 'BEGIN { for (i = 0; i < 50000; i++) printf ",x"; print "" }'
	} >"$d/widerow.csv"
	{
		printf '%s' "$h"
		awk 'BEGIN { for (i = 0; i < 50000; i++) printf ",c%d", i; print "" }'
		printf '%s\n%s\n' "$r" "$r2"
	} >"$d/wideheader.csv"
	# Bob's name is 20 MB of 'b' on line 3.
	{
		printf '%s\n%s\n%s,"' "$h" "$r" "${r2%%,*}"
		head -c 20000000 /dev/zero | tr '\0' b
		printf '",%s\n' "${r2#*,*,}"
	} >"$d/bigfield.csv"
	# Random bytes after a NUL on line 1 (bytes, whatever the awk).
	{
		printf 'ab\0'
		LC_ALL=C awk 'BEGIN { srand(9); for (i = 0; i < 65536; i++)
		    printf "%c", int(rand() * 256) }'
	} >"$d/random.csv"
}

# located NAME FILE LINE PATTERN: stderr is "pm-TOOL: FILE:LINE: ..." and
# matches PATTERN.
located() {
	t_grep "$1: message located at $2:$3" "^pm-[a-z]+: $2:$3: " "$T/err"
	t_grep "$1: message says what" "$4" "$T/err"
}

# longest K: the length of the longest field K of $T/out.
longest() {
	awk -F, -v k="$1" 'length($k) > m { m = length($k) } END { print m }' "$T/out"
}

have_time=0
[ -x /usr/bin/time ] && /usr/bin/time -f %M true 2>/dev/null && have_time=1
# peak NAME KB CMD...: runs CMD (exit status 0) and checks its peak RSS.
peak() {
	_n=$1 _max=$2
	shift 2
	if [ $have_time = 0 ]; then
		skip "$_n: peak memory" "no /usr/bin/time"
		return
	fi
	# Shadow memory and quarantines are not the tool's.
	if [ "${SANITIZE:-}" = 1 ] || [ "${VALGRIND:-}" = 1 ]; then
		t_run "$_n: exit status" 0 "$@"
		skip "$_n: peak memory" "under a sanitizer"
		return
	fi
	/usr/bin/time -f %M -o "$T/rss" "$@" >"$T/out" 2>"$T/err"
	_rc=$?
	t_eq "$_n: exit status" 0 "$_rc"
	_kb=$(tail -1 "$T/rss")
	if [ "$_kb" -le "$_max" ] 2>/dev/null; then ok "$_n: peak RSS ${_kb} KB <= $_max KB"
	else not_ok "$_n: peak RSS" "${_kb} KB, more than $_max KB"; fi
}

for tool in ingest score pareto flag report; do
	cases $tool
done
cd "$T" || exit 70

# ---- the four strict readers: any malformed input is exit 65 ----
for tool in score pareto flag report; do
	p=pm-$tool
	t_run "$p: the valid base case" 0 $p $tool/ok.csv
	t_run "$p: unterminated quote" 65 $p $tool/unterminated.csv
	located "$p: unterminated quote" $tool/unterminated.csv 3 "unterminated quoted field"
	t_run "$p: a short row" 65 $p $tool/width.csv
	located "$p: a short row" $tool/width.csv 3 "expected [0-9]+ fields, found 5"
	t_run "$p: a NUL byte" 65 $p $tool/nul.csv
	located "$p: a NUL byte" $tool/nul.csv 3 "field 2: NUL byte"
	t_run "$p: invalid UTF-8" 65 $p $tool/utf8.csv
	located "$p: invalid UTF-8" $tool/utf8.csv 3 "field 2: invalid UTF-8"
	t_run "$p: lone CR line ends" 0 $p $tool/cr.csv
	t_run "$p: lone CR, same output as LF" 0 sh -c \
	    "$p $tool/cr.csv >cr.out && $p $tool/ok.csv | cmp -s - cr.out"
	t_run "$p: a row of 50,000 columns" 65 $p $tool/widerow.csv
	located "$p: a row of 50,000 columns" $tool/widerow.csv 3 \
	    "expected [0-9]+ fields, found 500[0-9][0-9]"
	t_run "$p: a header of 50,000 columns" 65 $p $tool/wideheader.csv
	located "$p: a header of 50,000 columns" $tool/wideheader.csv 2 \
	    "expected 500[0-9][0-9] fields, found [0-9]+$"
	t_run "$p: random bytes" 65 $p $tool/random.csv
	located "$p: random bytes" $tool/random.csv 1 "field 1: (NUL byte|invalid UTF-8)"
	t_run "$p: header only" 0 $p $tool/header.csv
	t_run "$p: a bad second file" 65 $p $tool/ok.csv $tool/nul.csv
	located "$p: a bad second file" $tool/nul.csv 3 "field 2: NUL byte"
done

# A 20 MB rep name: memory stays a small multiple of the record.
peak "pm-score: a 20 MB field" 200000 pm-score score/bigfield.csv
t_eq "pm-score: the 20 MB name is kept whole" 20000000 "$(longest 2)"
peak "pm-pareto: a 20 MB field" 200000 pm-pareto -k rep pareto/bigfield.csv
t_eq "pm-pareto: the 20 MB key is kept whole" 20000000 "$(longest 2)"
peak "pm-flag: a 20 MB field" 200000 pm-flag flag/bigfield.csv
t_eq "pm-flag: the 20 MB name is kept whole" 20000000 "$(longest 2)"
peak "pm-report: a 20 MB field" 200000 pm-report report/bigfield.csv

# Numbers and dates: the value is named.
t_run "pm-score: 12abc" 65 pm-score score/number.csv
located "pm-score: 12abc" score/number.csv 3 "'12abc' is not a number"
t_run "pm-pareto: 12abc" 65 pm-pareto pareto/number.csv
located "pm-pareto: 12abc" pareto/number.csv 3 "'12abc' is not a number"
for p in pm-flag pm-report; do
	tool=${p#pm-}
	t_run "$p: 12abc" 65 $p $tool/number.csv
	located "$p: 12abc" $tool/number.csv 3 "actual: not a number: '12abc'"
	t_run "$p: period 2026-02-31" 65 $p $tool/date.csv
	located "$p: period 2026-02-31" $tool/date.csv 3 "'2026-02-31' is not a date"
done
t_run "pm-score: 2026-02-31" 65 pm-score score/date.csv
located "pm-score: 2026-02-31" score/date.csv 3 "'2026-02-31' is not a"
t_run "pm-pareto: 2026-02-31" 65 pm-pareto pareto/date.csv
located "pm-pareto: 2026-02-31" pareto/date.csv 3 "date '2026-02-31' is not a YYYY-MM-DD date"
t_run "pm-pareto -v: any CSV, dates not read" 0 pm-pareto -k rep -v value pareto/date.csv

# Empty input: the facts readers write an empty table; the scores
# readers say there is no table (an upstream step failed).
t_run "pm-score: empty input" 0 pm-score score/empty.csv
t_out "pm-score: empty input, the header alone" "$SC_H,elapsed
"
t_run "pm-pareto: empty input" 0 pm-pareto pareto/empty.csv
t_out "pm-pareto: empty input, the header alone" "rank,key,value,share,cum_share,class
"
for p in pm-flag pm-report; do
	t_run "$p: empty input" 65 $p ${p#pm-}/empty.csv
	t_grep "$p: empty input named" "^$p: ${p#pm-}/empty.csv: " "$T/err"
done
t_run "pm-score: empty standard input" 0 sh -c 'pm-score </dev/null'
t_run "pm-flag: empty standard input" 65 sh -c 'pm-flag </dev/null'

# ---- pm-ingest: a bad record is rejected and reported, not fatal ----
# (--strict makes any rejection exit 65); a malformed file is exit 65.
t_run "pm-ingest: the valid base case" 0 pm-ingest ingest/ok.csv
t_run "pm-ingest: unterminated quote" 65 pm-ingest ingest/unterminated.csv
located "pm-ingest: unterminated quote" ingest/unterminated.csv 3 "unterminated quoted field"
t_run "pm-ingest: a NUL byte" 65 pm-ingest ingest/nul.csv
located "pm-ingest: a NUL byte" ingest/nul.csv 3 "field 2: NUL byte"
t_grep "pm-ingest: a NUL byte: the record before it is kept" "^2026-03-04,Ann,revenue,100,,,,g1$" "$T/out"
t_grep "pm-ingest: a NUL byte: counted" "ingest/nul.csv: 1 records: 1 ok" "$T/err"
t_run "pm-ingest: a bad first file, a good second" 65 pm-ingest ingest/nul.csv ingest/ok.csv
located "pm-ingest: a bad first file" ingest/nul.csv 3 "field 2: NUL byte"
t_grep "pm-ingest: the good second file is still read" "ingest/ok.csv: 2 records: 2 ok" "$T/err"
t_run "pm-ingest: random bytes" 65 pm-ingest ingest/random.csv
t_grep "pm-ingest: random bytes: message located" "^pm-ingest: ingest/random.csv:1: " "$T/err"
t_run "pm-ingest: a short row is rejected" 0 pm-ingest ingest/width.csv
located "pm-ingest: a short row" ingest/width.csv 3 "expected 6 fields, found 5"
t_grep "pm-ingest: a short row counted" "width.csv: 2 records: 1 ok, 0 skipped, 1 rejected" "$T/err"
t_run "pm-ingest --strict: a short row" 65 pm-ingest --strict ingest/width.csv
t_run "pm-ingest: 2026-02-31 is rejected" 0 pm-ingest ingest/date.csv
located "pm-ingest: 2026-02-31" ingest/date.csv 3 "close_date: '2026-02-31' is not a date"
t_run "pm-ingest --strict: 2026-02-31" 65 pm-ingest --strict ingest/date.csv
t_run "pm-ingest: 12abc is rejected" 0 pm-ingest ingest/number.csv
located "pm-ingest: 12abc" ingest/number.csv 3 "12abc"
t_run "pm-ingest --strict: 12abc" 65 pm-ingest --strict ingest/number.csv
t_run "pm-ingest: invalid UTF-8 is read as Windows-1252" 0 pm-ingest ingest/utf8.csv
t_grep "pm-ingest: invalid UTF-8: a warning" "utf8.csv:[0-9]*: not valid UTF-8: 1 field read as Windows-1252" "$T/err"
t_grep "pm-ingest: invalid UTF-8: transcoded" "^2026-02-03,Boÿb,deals_lost,1," "$T/out"
t_run "pm-ingest: empty input" 0 pm-ingest ingest/empty.csv
t_out "pm-ingest: empty input, the header alone" "$FACT_H
"
t_run "pm-ingest: header only" 0 pm-ingest ingest/header.csv
t_grep "pm-ingest: header only counted" "header.csv: 0 records" "$T/err"
t_run "pm-ingest: lone CR line ends" 0 sh -c \
    'pm-ingest -q ingest/cr.csv | sed "s/cr.csv/ok.csv/" >cr.out && pm-ingest -q ingest/ok.csv | cmp -s - cr.out'
t_run "pm-ingest: a row of 50,000 columns" 0 pm-ingest ingest/widerow.csv
located "pm-ingest: a row of 50,000 columns" ingest/widerow.csv 3 "expected 6 fields, found 50006"
t_run "pm-ingest: a header of 50,000 columns (no record gave a fact)" 65 pm-ingest ingest/wideheader.csv
t_grep "pm-ingest: a header of 50,000 columns: rows rejected" \
    "wideheader.csv: 2 records: 0 ok, 0 skipped, 2 rejected" "$T/err"
# pm-ingest holds names of up to 1022 bytes: a longer one is rejected,
# never cut short.
t_run "pm-ingest: a 20 MB rep" 0 pm-ingest ingest/bigfield.csv
located "pm-ingest: a 20 MB rep" ingest/bigfield.csv 3 "sales_agent: longer than 1022 bytes"
t_grep "pm-ingest: a 20 MB rep: counted" "bigfield.csv: 2 records: 1 ok, 0 skipped, 1 rejected" "$T/err"
peak "pm-ingest: a 20 MB field" 200000 pm-ingest -q ingest/bigfield.csv

# Windows-1252 that grows when made UTF-8, over many read blocks: a
# converted character never straddles a read (it once ended the file
# with "read error: Argument list too long").
LC_ALL=C awk 'BEGIN { print "opportunity_id,sales_agent,deal_stage,close_value,close_date"
    for (i = 0; i < 3000; i++)
        printf "w%d,Jos\351 N\372\361ez \300\301\302,Won,10,2026-03-04\n", i }' >cp1252.csv
t_run "pm-ingest: 3000 Windows-1252 records" 0 pm-ingest cp1252.csv
t_grep "pm-ingest: 3000 Windows-1252 records, all ok" "cp1252.csv: 3000 records: 3000 ok" "$T/err"
t_eq "pm-ingest: Windows-1252 names transcoded" 3000 \
    "$(grep -c '^2026-03-04,José Núñez ÀÁÂ,revenue,10,' "$T/out")"

# A header no format knows, repeated on 50 title rows of 50,000
# columns: detection must not take quadratic time.
awk 'BEGIN { for (r = 0; r < 60; r++) { for (i = 0; i < 50000; i++)
    printf "%sh%d", i ? "," : "", i; print "" } }' >unknown.csv
t_run "pm-ingest: 60 unknown rows of 50,000 columns" 65 timeout 120 pm-ingest unknown.csv
t_grep "pm-ingest: unknown header explained" "format not recognised" "$T/err"
if [ "${SANITIZE:-}" != 1 ] && [ "${VALGRIND:-}" != 1 ]; then
	t_run "pm-ingest: 60 unknown rows of 50,000 columns, within 10 s" 65 \
	    timeout 10 pm-ingest unknown.csv
fi
