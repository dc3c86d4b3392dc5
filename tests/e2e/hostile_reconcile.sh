# Reconciliation: nothing pm-ingest reads is lost.  For every fixture
# export (and a few hostile ones made here), the records in the file,
# counted independently by Python's csv module, equal the records that
# produced facts (runs of one ref in the output, which keeps input
# order) + the skipped + the rejected (rows of --rejects), and the
# summary line says the same numbers.
. "$(dirname "$0")/../lib.sh"

if ! command -v python3 >/dev/null 2>&1; then
	skip "reconciliation" "no python3 to count records independently"
	exit 0
fi

# count.py FILE: CSV records after the header (blank lines are none),
# in the file's own encoding and delimiter, as pm-ingest reads it.
cat >"$T/count.py" <<'EOF'
import csv, io, sys

raw = open(sys.argv[1], 'rb').read()
if raw[:2] in (b'\xff\xfe', b'\xfe\xff'):
    text = raw.decode('utf-16')
else:
    try:
        text = raw.decode('utf-8-sig')
    except UnicodeDecodeError:
        text = raw.decode('cp1252', errors='replace')
lines = text.splitlines(keepends=True)
delim = sys.argv[2] if len(sys.argv) > 2 else ','
if lines and lines[0].lower().startswith('sep='):
    delim = lines[0][4]
    text = ''.join(lines[1:])
rows = [r for r in csv.reader(io.StringIO(text, newline=''), delimiter=delim) if r]
print(max(len(rows) - 1, 0))
EOF

cd "$T" || exit 70
mkdir -p x
cp "$FIX"/ingest/* x/ 2>/dev/null
rm -f x/rates.csv x/targets.csv
H='opportunity_id,sales_agent,deal_stage,close_value,engage_date,close_date'
{
	echo "$H"
	echo 'g1,Ann,Won,100,2026-01-02,2026-03-04'
	echo 'g2,Bob,Won,12abc,2026-01-02,2026-02-03'
	echo 'g3,Cy,Lost,5,2026-01-02,2026-02-31'
	echo 'g4,Di,Prospecting,,,'
	echo 'g5,Ed,Engaging,40,2026-01-05,'
	echo 'g6,,Won,1,2026-01-02,2026-02-03'
	echo 'g7,Fay,Won,1,2026-01-02'
	echo ''
	echo 'Total,,,146,,'
	echo 'g1,Ann,Won,100,2026-01-02,2026-03-04'
	echo '"g8","Gus ""G"" Hill",Won,"1,000",2026-01-02,2026-02-03'
	printf 'g9,Hal,Won,"9\n9",2026-01-02,2026-02-03\n'
} >x/hostile_mixed.csv
printf 'Sales report\r\n\r\n%s\r\ng1,Ann,Won,100,2026-01-02,2026-03-04\r\n' "$H" >x/hostile_crlf_title.csv
[ -f "$DATASETS/maven-crm/sales_pipeline.csv" ] &&
    cp "$DATASETS/maven-crm/sales_pipeline.csv" x/maven.csv

for f in x/*; do
	name=${f#x/}
	delim=,
	case $name in *semicolon* | *.ssv) delim=';' ;; esac
	pm-ingest --dedupe --rejects rej.csv "$f" >facts.csv 2>err.txt
	rc=$?
	if [ $rc -ne 0 ] && [ $rc -ne 65 ]; then
		not_ok "$name: exit $rc" "$(head -3 err.txt)"
		continue
	fi
	in=$(python3 "$T/count.py" "$f" "$delim")
	rejected=$(python3 "$T/count.py" rej.csv)
	# Facts of one record are consecutive and share its ref.
	produced=$(python3 -c '
import csv, sys
prev, n = None, 0
for r in csv.DictReader(open(sys.argv[1], newline="")):
    if r["ref"] != prev:
        n, prev = n + 1, r["ref"]
print(n)' facts.csv)
	sum=$(sed -n "s/^pm-ingest: .*: \([0-9]*\) records: \([0-9]*\) ok, \([0-9]*\) skipped, \([0-9]*\) rejected$/\1 \2 \3 \4/p" err.txt)
	set -- $sum
	if [ $# -ne 4 ]; then
		not_ok "$name: a summary line" "$(cat err.txt | head -5)"
		continue
	fi
	t_eq "$name: records in = facts-producing + skipped + rejected" \
	    "$in" "$((produced + $3 + rejected))"
	t_eq "$name: the summary counts what was read, output and rejected" \
	    "$in $produced $rejected" "$1 $2 $4"
done
