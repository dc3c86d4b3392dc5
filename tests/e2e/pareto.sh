# pm-pareto (SPEC section 5): hand-worked examples.  Every expected value
# below was worked out on paper from the fixture (shares, the crossing
# key, Gini from G = 2 sum(i x_i) / (n sum x) - (n + 1) / n over the
# values sorted ascending, HHI = sum of squared percent shares).
. "$(dirname "$0")/../lib.sh"
F=$FIX/pareto

# Ten accounts, total 1000: revenue facts only (deals_won, calls and
# pipeline_created rows are ignored), Kite in two rows, Zinc 100 - 20, and
# one row without an account.  Cumulative 30 50 65 75 83 89 94 97 99 100:
# Zinc crosses 80 (A), Echo crosses 95 (B).
t_run "ten keys: detail exits 0" 0 pm-pareto "$F/ten.csv"
t_out "ten keys: detail" "rank,key,value,share,cum_share,class
1,Kite,300,30.0,30.0,A
2,Birch,200,20.0,50.0,A
3,Orca,150,15.0,65.0,A
4,Delta,100,10.0,75.0,A
5,Zinc,80,8.0,83.0,A
6,Acme,60,6.0,89.0,B
7,Maple,50,5.0,94.0,B
8,Echo,30,3.0,97.0,B
9,Fern,20,2.0,99.0,C
10,Lynx,10,1.0,100.0,C
"
t_grep "ten keys: the row without an account is reported" \
    "^pm-pareto: 1 row with an empty account left out \(their sum: 5\)$" "$T/err"
# Gini: ascending 10 20 30 50 60 80 100 150 200 300, sum(i x_i) = 7820,
# 2 * 7820 / 10000 - 11/10 = 0.464.  HHI: 900+400+225+100+64+36+25+9+4+1.
# top 20% = 2 keys = 50%.
t_run "ten keys: summary exits 0" 0 pm-pareto -s "$F/ten.csv"
t_out "ten keys: summary" "group,keys,total,keys_at,pct_keys_at,top20_share,gini,hhi,excluded
,10,1000,5,50.0,50.0,0.464,1764.0,0
"
t_run "ten keys: --at 90" 0 pm-pareto --summary --at 90 "$F/ten.csv"
t_out "ten keys: --at 90 needs 7 keys" "group,keys,total,keys_at,pct_keys_at,top20_share,gini,hhi,excluded
,10,1000,7,70.0,50.0,0.464,1764.0,0
"
t_run "ten keys: -c 50,90 -n 8" 0 pm-pareto -c 50,90 -n 8 "$F/ten.csv"
t_out "ten keys: -c 50,90: Birch reaches 50 exactly, Maple crosses 90" \
"rank,key,value,share,cum_share,class
1,Kite,300,30.0,30.0,A
2,Birch,200,20.0,50.0,A
3,Orca,150,15.0,65.0,B
4,Delta,100,10.0,75.0,B
5,Zinc,80,8.0,83.0,B
6,Acme,60,6.0,89.0,B
7,Maple,50,5.0,94.0,B
8,Echo,30,3.0,97.0,C
"
t_run "ten keys: -m deals_won -k rep" 0 pm-pareto -q -m deals_won -k rep "$F/ten.csv"
t_out "ten keys: another metric and key" "rank,key,value,share,cum_share,class
1,Ann Lee,1,100.0,100.0,A
"
t_run "ten keys: -q silences the note" 0 pm-pareto -q "$F/ten.csv"
t_eq "ten keys: nothing on stderr with -q" "" "$(cat "$T/err")"
t_run "ten keys: a metric absent from the input" 0 pm-pareto -m nosuch "$F/ten.csv"
t_out "ten keys: absent metric gives the header only" "rank,key,value,share,cum_share,class
"
t_grep "ten keys: absent metric is noted" "no facts of metric 'nosuch'" "$T/err"
t_run "ten keys: stdin and -o" 0 pm-pareto -q -s -o "$T/sum.csv" - <"$F/ten.csv"
t_eq "ten keys: -o writes the file" ",10,1000,5,50.0,50.0,0.464,1764.0,0" \
    "$(tail -1 "$T/sum.csv")"
t_eq "ten keys: -o leaves stdout empty" "" "$(cat "$T/out")"

# Ties are ranked by key; b's cumulative share is exactly 80 and b is the
# crossing key (A), d comes after it (B).  Gini: ascending 50 50 50 100,
# 2 * 700 / 1000 - 5/4 = 0.15.  HHI 1600 + 3 * 400.
t_run "ties: detail" 0 pm-pareto -k key -v amount "$F/ties.csv"
t_out "ties: ordered by key, crossing key included in A" "rank,key,value,share,cum_share,class
1,c,100,40.0,40.0,A
2,a,50,20.0,60.0,A
3,b,50,20.0,80.0,A
4,d,50,20.0,100.0,B
"
t_run "ties: summary" 0 pm-pareto -s -k key -v amount "$F/ties.csv"
t_out "ties: summary values" "group,keys,total,keys_at,pct_keys_at,top20_share,gini,hhi,excluded
,4,250,3,75.0,40.0,0.150,2800.0,0
"

# 0.7 + 0.1 is 0.7999999999999999 in binary floating point: exact sums
# put q on 80% (A, and keys_at 2), r after it.
t_run "exact: detail" 0 pm-pareto -k key -v amount "$F/exact.csv"
t_out "exact: 0.7 + 0.1 reaches 80%" "rank,key,value,share,cum_share,class
1,p,0.7,70.0,70.0,A
2,q,0.1,10.0,80.0,A
3,r,0.1,10.0,90.0,B
4,s,0.1,10.0,100.0,B
"
t_run "exact: summary" 0 pm-pareto -s -k key -v amount "$F/exact.csv"
t_out "exact: summary values" "group,keys,total,keys_at,pct_keys_at,top20_share,gini,hhi,excluded
,4,1,2,50.0,70.0,0.450,5200.0,0
"

t_run "single key" 0 pm-pareto -k key -v amount "$F/single.csv"
t_out "single key: detail" "rank,key,value,share,cum_share,class
1,Solo,85,100.0,100.0,A
"
t_run "single key: summary" 0 pm-pareto -s -k key -v amount "$F/single.csv"
t_out "single key: Gini 0, HHI 10000" "group,keys,total,keys_at,pct_keys_at,top20_share,gini,hhi,excluded
,1,85,1,100.0,100.0,0.000,10000.0,0
"

t_run "all equal" 0 pm-pareto -k key -v amount "$F/equal.csv"
t_out "all equal: detail in key order" "rank,key,value,share,cum_share,class
1,e1,20,20.0,20.0,A
2,e2,20,20.0,40.0,A
3,e3,20,20.0,60.0,A
4,e4,20,20.0,80.0,A
5,e5,20,20.0,100.0,B
"
t_run "all equal: summary" 0 pm-pareto -s -k key -v amount "$F/equal.csv"
t_out "all equal: Gini 0" "group,keys,total,keys_at,pct_keys_at,top20_share,gini,hhi,excluded
,5,100,4,80.0,20.0,0.000,2000.0,0
"

# 99.75 and 0.25 round half away from zero; Gini (2 * 799 / 800 - 3/2 =
# 0.4975) too; HHI 9950.0625 + 0.0625 = 9950.125.
t_run "rounding: detail" 0 pm-pareto -k key -v amount "$F/round.csv"
t_out "rounding: halves go up" "rank,key,value,share,cum_share,class
1,big,399,99.8,99.8,A
2,small,1,0.3,100.0,C
"
t_run "rounding: summary" 0 pm-pareto -s -k key -v amount "$F/round.csv"
t_out "rounding: summary halves" "group,keys,total,keys_at,pct_keys_at,top20_share,gini,hhi,excluded
,2,400,1,50.0,99.8,0.498,9950.1,0
"

# Y nets -20 and Z 10 - 10 = 0: both left out and counted.  X 100, V 60:
# 62.5 / 37.5; Gini 2 * 260 / 320 - 3/2 = 0.125; HHI 3906.25 + 1406.25.
t_run "negative keys: detail" 0 pm-pareto "$F/neg.csv"
t_out "negative keys: left out of the ranking" "rank,key,value,share,cum_share,class
1,X,100,62.5,62.5,A
2,V,60,37.5,100.0,A
"
t_run "negative keys: summary" 0 pm-pareto -s "$F/neg.csv"
t_out "negative keys: counted as excluded" "group,keys,total,keys_at,pct_keys_at,top20_share,gini,hhi,excluded
,2,160,2,100.0,62.5,0.125,5312.5,2
"

# Groups, sorted by name; a group with only a negative key has no ranked
# key and an empty measure.  Bo: 300 / 100, Gini 2 * 700 / 800 - 3/2.
t_run "groups: detail" 0 pm-pareto -g rep "$F/groups.csv"
t_out "groups: detail" 'group,rank,key,value,share,cum_share,class
Ann,1,a1,100,50.0,50.0,A
Ann,2,a2,100,50.0,100.0,A
"Bo, Jr",1,b1,300,75.0,75.0,A
"Bo, Jr",2,b2,100,25.0,100.0,A
'
t_run "groups: summary" 0 pm-pareto -s -g rep "$F/groups.csv"
t_out "groups: summary" 'group,keys,total,keys_at,pct_keys_at,top20_share,gini,hhi,excluded
Ann,2,200,2,100.0,50.0,0.000,5000.0,0
"Bo, Jr",2,400,2,100.0,75.0,0.250,6250.0,0
Cy,0,0,,,,,,1
'
t_run "groups: -c 70,90 -n 2 --group" 0 pm-pareto -c 70,90 --top 2 --group rep "$F/groups.csv"
t_out "groups: classes per group" 'group,rank,key,value,share,cum_share,class
Ann,1,a1,100,50.0,50.0,A
Ann,2,a2,100,50.0,100.0,A
"Bo, Jr",1,b1,300,75.0,75.0,A
"Bo, Jr",2,b2,100,25.0,100.0,B
'
t_run "groups: -n 1" 0 pm-pareto -n 1 -g rep "$F/groups.csv"
t_out "groups: -n limits each group" 'group,rank,key,value,share,cum_share,class
Ann,1,a1,100,50.0,50.0,A
"Bo, Jr",1,b1,300,75.0,75.0,A
'
t_run "groups: two files are one stream" 0 pm-pareto -s -g rep "$F/groups.csv" "$F/groups.csv"
t_eq "groups: two files sum" 'Ann,2,400,2,100.0,50.0,0.000,5000.0,0' "$(sed -n 2p "$T/out")"
t_run "groups: a repeated header inside the data is skipped" 0 \
    sh -c 'cat "$1" "$1" | pm-pareto -s -g rep' sh "$F/groups.csv"
t_eq "groups: cat of two files sums" 'Ann,2,400,2,100.0,50.0,0.000,5000.0,0' "$(sed -n 2p "$T/out")"

# A raw export (BOM, CRLF, quotes, a value with spaces, empty values):
# -k and -v match headers ignoring case.  Land of Toys 2871 + 3884.34,
# total 9533.585; Nobody Inc has no known value: excluded.
t_run "raw CSV: -v" 0 pm-pareto -k customername -v sales "$F/raw.csv"
t_out "raw CSV: detail" 'rank,key,value,share,cum_share,class
1,Land of Toys Inc.,6755.34,70.9,70.9,A
2,Reims Collectables,2765.9,29.0,99.9,A
3,"Mini Gifts, Ltd.",12.35,0.1,100.0,C
'
t_run "raw CSV: summary" 0 pm-pareto -s -k CUSTOMERNAME -v SALES "$F/raw.csv"
t_out "raw CSV: summary" 'group,keys,total,keys_at,pct_keys_at,top20_share,gini,hhi,excluded
,3,9533.59,2,66.7,70.9,0.472,5862.6,1
'
t_run "raw CSV: -g STATUS" 0 pm-pareto -s -k CUSTOMERNAME -v SALES -g STATUS "$F/raw.csv"
t_out "raw CSV: a group of unknown values only" 'group,keys,total,keys_at,pct_keys_at,top20_share,gini,hhi,excluded
Cancelled,0,0,,,,,,2
Shipped,3,9533.59,2,66.7,70.9,0.472,5862.6,0
'
printf 'key;amount\nx;1,5\n' >"$T/semi.csv"
printf 'key;amount\nx;1.5\ny;0.5\n' >"$T/semi2.csv"
t_run "-d ; reads another separator" 0 pm-pareto -d ';' -k key -v amount "$T/semi2.csv"
t_out "-d ;: detail" "rank,key,value,share,cum_share,class
1,x,1.5,75.0,75.0,A
2,y,0.5,25.0,100.0,A
"

# Errors.
t_run "bad value: exit 65" 65 pm-pareto "$F/bad.csv"
t_eq "bad value: file, physical line, column and value" \
    "pm-pareto: $F/bad.csv:5: value: '12O' is not a number" "$(cat "$T/err")"
# SPEC 12: amounts as pm-ingest reads them.  Dollars with grouping,
# (1,200) = -1200, - unknown: Beta -1200 + 2400 = 1200, Acme 1234.5,
# Gamma 3000; total 5434.5: 3000/5434.5 = 55.2%, 4234.5/5434.5 = 77.9%.
printf 'Account,Amount,Owner\nAcme,"$1,234.50",Ann\nBeta,"(1,200)",Bo\nAcme,-,Ann\nGamma,"$3,000.00",Cy\nBeta,"$2,400.00",Bo\n' >"$T/dollars.csv"
t_run "dollar amounts: exit 0" 0 pm-pareto -k Account -v Amount "$T/dollars.csv"
t_out "dollar amounts: detail" "rank,key,value,share,cum_share,class
1,Gamma,3000,55.2,55.2,A
2,Acme,1234.5,22.7,77.9,A
3,Beta,1200,22.1,100.0,A
"
# A European export: ';' found without -d, decimal commas: Müller
# 13884 (its - unknown), Schmidt 1234.5, Weber -1200 left out; total
# 15118.5: 13884/15118.5 = 91.8%, 1234.5/15118.5 = 8.2%.
printf 'Kunde;Umsatz\nM\303\274ller GmbH;13884,00\nSchmidt AG;1.234,50\nM\303\274ller GmbH;-\nWeber KG;(1.200,00)\n' >"$T/euro.csv"
t_run "semicolons sniffed, decimal commas: exit 0" 0 pm-pareto -k Kunde -v Umsatz "$T/euro.csv"
t_out "semicolons sniffed, decimal commas: detail" "rank,key,value,share,cum_share,class
1,Müller GmbH,13884,91.8,91.8,A
2,Schmidt AG,1234.5,8.2,100.0,B
"
# SPEC 12: -v reads amounts as pm-ingest does, the decimal mark found
# over the column; 1,5 can only be a decimal comma.
t_run "a decimal comma: exit 0" 0 pm-pareto -d ';' -k key -v amount "$T/semi.csv"
t_out "a decimal comma: 1,5 is 1.5" "rank,key,value,share,cum_share,class
1,x,1.5,100.0,100.0,A
"
printf 'key,amount\nx,1.5\ny,2.5\nz,"1,5"\n' >"$T/mixedmark.csv"
t_run "a comma in a decimal-point column: exit 65" 65 pm-pareto -k key -v amount "$T/mixedmark.csv"
t_grep "a comma in a decimal-point column: named" "mixedmark.csv:4: amount: '1,5' is not a number" "$T/err"
t_run "missing key column: exit 65" 65 pm-pareto -k region "$F/ten.csv"
t_grep "missing key column: named" "no column 'region' in the header \\(-k\\)" "$T/err"
t_run "missing -v column: exit 65" 65 pm-pareto -v SALES "$F/ten.csv"
t_grep "missing -v column: named" "no column 'SALES' in the header \\(-v\\)" "$T/err"
t_run "not facts without -v: exit 65" 65 pm-pareto -k key "$F/ties.csv"
t_grep "not facts: names the metric column" "no column 'metric'" "$T/err"
t_run "ragged row: exit 65" 65 pm-pareto -k key -v amount "$F/wide.csv"
t_grep "ragged row: line and counts" "wide.csv:3: expected 2 fields, found 3" "$T/err"
t_run "missing file: exit 66" 66 pm-pareto "$T/nonexistent.csv"
t_run "-m with -v: exit 64" 64 pm-pareto -m revenue -v amount "$F/ties.csv"
t_run "-c B below A: exit 64" 64 pm-pareto -c 95,80 "$F/ten.csv"
t_run "-c one number: exit 64" 64 pm-pareto -c 80 "$F/ten.csv"
t_run "--at 0: exit 64" 64 pm-pareto --at 0 "$F/ten.csv"
t_run "--at 101: exit 64" 64 pm-pareto --at 101 "$F/ten.csv"
t_run "-n 0: exit 64" 64 pm-pareto -n 0 "$F/ten.csv"
pm-pareto -q -o "$T/keep.csv" "$F/ten.csv"
cp "$T/keep.csv" "$T/keep-before.csv"
t_run "-o with bad input: exit 65" 65 pm-pareto -o "$T/keep.csv" "$F/bad.csv"
t_same "-o with bad input: the previous file is untouched" "$T/keep-before.csv" "$T/keep.csv"
t_eq "-o with bad input: no temporary file left" "keep-before.csv keep.csv" \
    "$(cd "$T" && ls keep* .pm-tmp* 2>/dev/null | tr '\n' ' ' | sed 's/ $//')"
t_run "-o into a missing directory: exit 73" 73 pm-pareto -o "$T/no/such/x.csv" "$F/ten.csv"
t_run "empty input" 0 pm-pareto -s </dev/null
t_out "empty input: one empty summary row" "group,keys,total,keys_at,pct_keys_at,top20_share,gini,hhi,excluded
,0,0,,,,,,0
"

# Limits: a sum or a total past the fixed-point range (about 9.2e14) is a
# data error, never a wrapped number.
printf 'key,amount\nx,900000000000000\nx,900000000000000\n' >"$T/big1.csv"
t_run "a key's sum too large: exit 65" 65 pm-pareto -k key -v amount "$T/big1.csv"
t_grep "a key's sum too large: named" "big1.csv:3: the sum for 'x' is too large" "$T/err"
printf 'key,amount\nx,900000000000000\ny,900000000000000\n' >"$T/big2.csv"
t_run "the total too large: exit 65" 65 pm-pareto -k key -v amount "$T/big2.csv"
t_grep "the total too large: said" "the total is too large" "$T/err"
printf 'key,amount\nx,99999999999999999999\n' >"$T/big3.csv"
t_run "a value too large: exit 65" 65 pm-pareto -k key -v amount "$T/big3.csv"
t_grep "a value too large: named" "big3.csv:2: amount: '99999999999999999999' is out of range" "$T/err"

# Output errors.
if [ -w /dev/full ]; then
	t_run "a full disk: exit 74" 74 sh -c 'pm-pareto "$1" >/dev/full' sh "$F/ten.csv"
else
	skip "a full disk" "no /dev/full"
fi
awk 'BEGIN { print "key,amount"; for (i = 0; i < 50000; i++) print "k" i "," i + 1 }' >"$T/many.csv"
t_run "a closed pipe ends quietly" 0 sh -c 'pm-pareto -k key -v amount "$1" | head -1' sh "$T/many.csv"
t_eq "a closed pipe: no message" "" "$(cat "$T/err")"
t_run "50000 keys" 0 pm-pareto -s -k key -v amount "$T/many.csv"
# 1..50000: total T = 1250025000; keys_at = least r with 50000 r -
# r (r - 1) / 2 >= 0.8 T, the root of r^2 - 100001 r + 2000040000: 27640;
# Gini (n - 1) / (3n) = 0.333; the top 10000 keys are 40001..50000:
# 449995000 / T = 36.0%; HHI 10000 n (n + 1) (2n + 1) / 6 / T^2 = 0.267.
t_out "50000 keys: summary" "group,keys,total,keys_at,pct_keys_at,top20_share,gini,hhi,excluded
,50000,1250025000,27640,55.3,36.0,0.333,0.3,0
"

# An export saved by Excel as Windows-1252 (-v only): é, ö, curly quotes
# (0x93, 0x94) converted to UTF-8; the UTF-8 spelling of the same name in
# row 4 is the same key (10 + 2); 18 in all.
t_run "Windows-1252: exit 0" 0 pm-pareto -k CUSTOMERNAME -v SALES "$F/cp1252.csv"
t_out "Windows-1252: converted" 'rank,key,value,share,cum_share,class
1,Café Nordström,12,66.7,66.7,A
2,Björn “Q” AB,5,27.8,94.4,A
3,Endé,1,5.6,100.0,B
'
t_grep "Windows-1252: noted" "^pm-pareto: .*cp1252.csv:2: not valid UTF-8: 3 fields read as Windows-1252$" "$T/err"
# 2-, 3- and 4-byte UTF-8 across the reader's 256 KiB blocks: no
# conversion, one key each.
awk 'BEGIN { print "k,v"; for (i = 0; i < 40000; i++)
    print (i % 3 == 0 ? "Café" : i % 3 == 1 ? "€uro" : "😀x") "," 1 }' >"$T/utf8.csv"
t_run "UTF-8 across blocks" 0 pm-pareto -k k -v v "$T/utf8.csv"
t_out "UTF-8 across blocks: three keys" 'rank,key,value,share,cum_share,class
1,Café,13334,33.3,33.3,A
2,€uro,13333,33.3,66.7,A
3,😀x,13333,33.3,100.0,A
'
t_eq "UTF-8 across blocks: nothing converted" "" "$(cat "$T/err")"
printf 'k,v\nA\303,1\n' >"$T/cut.csv"
t_run "a sequence cut by the end of the file" 0 pm-pareto -q -k k -v v "$T/cut.csv"
t_eq "a sequence cut by the end: read as Windows-1252" "1,AÃ,1,100.0,100.0,A" "$(tail -1 "$T/out")"
