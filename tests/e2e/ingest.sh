# pm-ingest: one fixture export per CRM format, with the facts worked out
# by hand from each row (SPEC sections 2 and 3): dates counted on a
# calendar, amounts read as a person reads them.
. "$(dirname "$0")/../lib.sh"

cd "$FIX/ingest" || exit 70
H=date,rep,metric,value,account,product,team,ref

# Salesforce report export: every field quoted, "USD 485,000.00", a name
# with runs of spaces, a quoted newline, a bad date, Grand Totals and
# the footer block.  Created 2026-01-05 -> closed 2026-03-15 is 26 + 28
# + 15 = 69 days.
t_run "salesforce: exit 0" 0 pm-ingest salesforce.csv
t_out "salesforce: facts" "$H
2026-03-15,Dana Reyes,revenue,485000,Acme Corp,,,0061a00001
2026-03-15,Dana Reyes,deals_won,1,Acme Corp,,,0061a00001
2026-03-15,Dana Reyes,cycle_days,69,Acme Corp,,,0061a00001
2026-01-05,Dana Reyes,opps_created,1,Acme Corp,,,0061a00001
2026-01-05,Dana Reyes,pipeline_created,485000,Acme Corp,,,0061a00001
2026-03-02,Dana Reyes,deals_lost,1,Globex,,,0061a00002
2026-02-20,Dana Reyes,opps_created,1,Globex,,,0061a00002
2026-02-20,Dana Reyes,pipeline_created,12500.5,Globex,,,0061a00002
2026-03-01,Sam Lee,opps_created,1,Initech,,,0061a00003
2026-03-01,Sam Lee,pipeline_created,40000,Initech,,,0061a00003
2026-04-30,Sam Lee,open_pipeline,40000,Initech,,,0061a00003
"
t_grep "salesforce: the bad date is rejected with its line" \
    "^pm-ingest: salesforce.csv:6: Close Date: '2/31/2026' is not a date$" "$T/err"
t_grep "salesforce: summary counts totals and footer as skipped" \
    "^pm-ingest: salesforce.csv: 10 records: 3 ok, 6 skipped, 1 rejected$" "$T/err"

t_run "salesforce: --rejects" 0 pm-ingest -q --rejects "$T/rej.csv" salesforce.csv
t_nogrep "salesforce: -q and --rejects keep stderr quiet" . "$T/err"
printf '%s\n' 'file,line,reason,record' \
    "salesforce.csv,6,Close Date: '2/31/2026' is not a date,\"Sam Lee,Umbrella,Umbrella deal,Closed Won,\"\"USD 1,234.56\"\",2/31/2026,1/10/2026,0061a00004\"" \
    >"$T/rej.want"
t_same "salesforce: rejects file has file,line,reason,record" "$T/rej.want" "$T/rej.csv"
t_run "salesforce: --strict exits 65" 65 pm-ingest --strict salesforce.csv
t_eq "salesforce: --strict still writes the good facts" 12 "$(wc -l <"$T/out" | tr -d ' ')"

# Title lines before the header, a Subtotal row, ($50.00) = -50, no id.
t_run "titled report: exit 0" 0 pm-ingest salesforce_titled.csv
t_out "titled report: facts" "$H
2026-03-31,Dana Reyes,revenue,1000,,,,salesforce_titled.csv:5
2026-03-31,Dana Reyes,deals_won,1,,,,salesforce_titled.csv:5
2026-04-15,Sam Lee,open_pipeline,-50,,,,salesforce_titled.csv:6
"
t_grep "titled report: titles and subtotal skipped" \
    "salesforce_titled.csv: 5 records: 2 ok, 3 skipped, 0 rejected" "$T/err"

# HubSpot: BOM, CRLF, date-times, an empty amount, an empty owner.
t_run "hubspot: exit 0" 0 pm-ingest hubspot.csv
t_out "hubspot: facts" "$H
2026-03-10,Ana Silva,revenue,2500.5,Hooli,,,9001
2026-03-10,Ana Silva,deals_won,1,Hooli,,,9001
2026-03-10,Ana Silva,cycle_days,37,Hooli,,,9001
2026-02-01,Ana Silva,opps_created,1,Hooli,,,9001
2026-02-01,Ana Silva,pipeline_created,2500.5,Hooli,,,9001
2026-03-12,Ana Silva,deals_lost,1,Pied Piper,,,9002
2026-02-15,Ana Silva,opps_created,1,Pied Piper,,,9002
2026-03-05,Ben Okafor,opps_created,1,Hooli,,,9003
2026-03-05,Ben Okafor,pipeline_created,800,Hooli,,,9003
2026-04-01,Ben Okafor,open_pipeline,800,Hooli,,,9003
"
t_grep "hubspot: empty owner rejected" "^pm-ingest: hubspot.csv:5: Deal owner: empty rep$" "$T/err"

# Pipedrive: won/lost/add times, a EUR deal among USD ones, a deleted deal.
t_run "pipedrive: exit 0" 0 pm-ingest pipedrive.csv
t_out "pipedrive: facts" "$H
2026-03-04,Chris Park,revenue,1000,Alpha Ltd,,,11
2026-03-04,Chris Park,deals_won,1,Alpha Ltd,,,11
2026-03-04,Chris Park,cycle_days,30,Alpha Ltd,,,11
2026-02-02,Chris Park,opps_created,1,Alpha Ltd,,,11
2026-02-02,Chris Park,pipeline_created,1000,Alpha Ltd,,,11
2026-03-06,Dee Ray,deals_lost,1,Gamma Inc,,,13
2026-02-04,Dee Ray,opps_created,1,Gamma Inc,,,13
2026-02-04,Dee Ray,pipeline_created,300,Gamma Inc,,,13
2026-03-07,Dee Ray,opps_created,1,Delta SA,,,14
2026-03-07,Dee Ray,pipeline_created,450.75,Delta SA,,,14
2026-05-15,Dee Ray,open_pipeline,450.75,Delta SA,,,14
"
t_grep "pipedrive: minority currency rejected with the reason" \
    "^pm-ingest: pipedrive.csv:3: amount in EUR, not in USD" "$T/err"
t_grep "pipedrive: deleted deal skipped" \
    "pipedrive.csv: 5 records: 3 ok, 1 skipped, 1 rejected" "$T/err"
# EUR 2000 x 1.1 = 2200; 2026-02-03 -> 2026-03-05 is 30 days.
t_run "pipedrive --rates: exit 0" 0 pm-ingest --rates rates.csv pipedrive.csv
grep ',12$' "$T/out" >"$T/eur"
printf '%s\n' "2026-03-05,Chris Park,revenue,2200,Beta GmbH,,,12" \
    "2026-03-05,Chris Park,deals_won,1,Beta GmbH,,,12" \
    "2026-03-05,Chris Park,cycle_days,30,Beta GmbH,,,12" \
    "2026-02-03,Chris Park,opps_created,1,Beta GmbH,,,12" \
    "2026-02-03,Chris Park,pipeline_created,2200,Beta GmbH,,,12" >"$T/eur.want"
t_same "pipedrive --rates: EUR converted" "$T/eur.want" "$T/eur"

# Dynamics: (Do Not Modify) columns, M/D/YYYY h:mm AM, Est./Actual.
t_run "dynamics: exit 0" 0 pm-ingest dynamics.csv
G=a1b2c3d4-0000-0000-0000-00000000000
t_out "dynamics: facts" "$H
2026-03-14,Eve Adams,revenue,24500,Contoso,,,${G}1
2026-03-14,Eve Adams,deals_won,1,Contoso,,,${G}1
2026-03-14,Eve Adams,cycle_days,58,Contoso,,,${G}1
2026-01-15,Eve Adams,opps_created,1,Contoso,,,${G}1
2026-01-15,Eve Adams,pipeline_created,24500,Contoso,,,${G}1
2026-03-18,Eve Adams,deals_lost,1,Fabrikam,,,${G}2
2026-02-01,Eve Adams,opps_created,1,Fabrikam,,,${G}2
2026-02-01,Eve Adams,pipeline_created,8000,Fabrikam,,,${G}2
2026-03-02,Frank Li,opps_created,1,Northwind,,,${G}3
2026-03-02,Frank Li,pipeline_created,12345.67,Northwind,,,${G}3
2026-06-30,Frank Li,open_pipeline,12345.67,Northwind,,,${G}3
"

# Zoho, European: semicolons, 1.234,56 €, D.M.YYYY, Windows-1252 bytes.
ZOHO="$H
2026-03-15,José Núñez,revenue,1234.56,Müller GmbH,,,zc_1
2026-03-15,José Núñez,deals_won,1,Müller GmbH,,,zc_1
2026-03-15,José Núñez,cycle_days,42,Müller GmbH,,,zc_1
2026-02-01,José Núñez,opps_created,1,Müller GmbH,,,zc_1
2026-02-01,José Núñez,pipeline_created,1234.56,Müller GmbH,,,zc_1
2026-04-03,José Núñez,deals_lost,1,Société Générale,,,zc_2
2026-03-10,José Núñez,opps_created,1,Société Générale,,,zc_2
2026-03-10,José Núñez,pipeline_created,500,Société Générale,,,zc_2
2026-03-05,Jürgen Weiß,opps_created,1,Bäckerei Schmidt,,,zc_3
2026-03-05,Jürgen Weiß,pipeline_created,10000,Bäckerei Schmidt,,,zc_3
2026-06-30,Jürgen Weiß,open_pipeline,10000,Bäckerei Schmidt,,,zc_3
"
t_run "zoho cp1252: exit 0" 0 pm-ingest zoho_cp1252.csv
t_out "zoho cp1252: facts in UTF-8" "$ZOHO"
t_grep "zoho cp1252: warns about the encoding, once, with the first line and a count" "^pm-ingest: zoho_cp1252.csv:2: not valid UTF-8: [0-9]* fields read as Windows-1252" "$T/err"
t_grep "zoho cp1252: impossible date rejected" "zoho_cp1252.csv:5: Closing Date: '31.02.2026' is not a date" "$T/err"
t_run "zoho utf8: exit 0" 0 pm-ingest zoho_utf8.csv
t_out "zoho utf8: same facts as cp1252" "$ZOHO"
t_run "zoho utf16 (Excel Unicode text, tabs): exit 0" 0 pm-ingest zoho_utf16.txt
t_out "zoho utf16: same facts" "$ZOHO"
t_run "zoho --encoding cp1252: exit 0" 0 pm-ingest --encoding CP1252 zoho_cp1252.csv
t_out "zoho --encoding: same facts" "$ZOHO"
t_nogrep "zoho --encoding: no fallback warning" "not valid UTF-8" "$T/err"

# Salesforce Data Loader: IsWon/IsClosed decide, ISO date-times with
# offsets, a repeated Id.
SFAPI="$H
2026-03-15,Gail Ho,revenue,5000,Wayne Ent,,,0065e000001
2026-03-15,Gail Ho,deals_won,1,Wayne Ent,,,0065e000001
2026-03-15,Gail Ho,cycle_days,14,Wayne Ent,,,0065e000001
2026-03-01,Gail Ho,opps_created,1,Wayne Ent,,,0065e000001
2026-03-01,Gail Ho,pipeline_created,5000,Wayne Ent,,,0065e000001
2026-03-20,Gail Ho,deals_lost,1,Stark Ind,,,0065e000002
2026-03-02,Gail Ho,opps_created,1,Stark Ind,,,0065e000002
2026-03-02,Gail Ho,pipeline_created,7000,Stark Ind,,,0065e000002
2026-03-03,Hal Jordan,opps_created,1,Oscorp,,,0065e000003
"
t_run "salesforce-api --dedupe: exit 0" 0 pm-ingest --dedupe sfapi.csv
t_out "salesforce-api --dedupe: facts" "$SFAPI"
t_grep "salesforce-api: duplicate reported" "sfapi.csv:5: duplicate id '0065e000001'" "$T/err"
t_grep "salesforce-api --dedupe: duplicate skipped" "sfapi.csv: 4 records: 3 ok, 1 skipped, 0 rejected" "$T/err"
t_run "salesforce-api without --dedupe: exit 0" 0 pm-ingest sfapi.csv
t_eq "salesforce-api without --dedupe keeps both" 15 "$(wc -l <"$T/out" | tr -d ' ')"
t_grep "salesforce-api without --dedupe: reported" "sfapi.csv:5: duplicate id" "$T/err"

# Activities: types to calls/emails/meetings/slug, a missing date.
t_run "activities: exit 0" 0 pm-ingest activities.csv
t_out "activities: facts" "$H
2026-03-02,Dana Reyes,calls,1,Acme,,,a1
2026-03-02,Dana Reyes,emails,1,Acme,,,a2
2026-03-03,Sam Lee,meetings,1,Initech,,,a3
2026-03-25,Sam Lee,linkedin_message,1,Initech,,,a4
"
t_grep "activities: missing date rejected" "activities.csv:6: Date: no activity date" "$T/err"

# Day-month order: no evidence -> default with a warning; --date-format.
t_run "ambiguous dates: exit 0" 0 pm-ingest generic_ambiguous.csv
t_grep "ambiguous dates: warned" "close_date: day and month cannot be told apart" "$T/err"
t_eq "ambiguous dates: generic default is M/D" "2026-03-04 2026-06-03" \
    "$(grep -E 'deals_(won|lost)' "$T/out" | cut -d, -f1 | tr '\n' ' ' | sed 's/ $//')"
t_run "--date-format dmy: exit 0" 0 pm-ingest --date-format dmy generic_ambiguous.csv
t_out "--date-format dmy: facts" "$H
2026-04-03,Ann Lee,revenue,100,,,,g1
2026-04-03,Ann Lee,deals_won,1,,,,g1
2026-04-03,Ann Lee,cycle_days,61,,,,g1
2026-02-01,Ann Lee,opps_created,1,,,,g1
2026-02-01,Ann Lee,pipeline_created,100,,,,g1
2026-03-06,Ann Lee,deals_lost,1,,,,g2
2026-02-05,Ann Lee,opps_created,1,,,,g2
2026-02-05,Ann Lee,pipeline_created,0,,,,g2
"
t_nogrep "--date-format: no warning" "cannot be told apart" "$T/err"
t_run "contradicting date: exit 0" 0 pm-ingest generic_contra.csv
t_grep "contradicting date rejected" \
    "generic_contra.csv:4: close_date: '25/03/2026' contradicts the M/D/YYYY order" "$T/err"
t_grep "bad amount rejected" "generic_contra.csv:5: close_value: cannot read 'abc' as an amount" "$T/err"
t_eq "contradicting date: the others are read" "300" \
    "$(awk -F, '$3 == "revenue" { s += $4 } END { print s }' "$T/out")"

# facts: validated and passed through.
t_run "facts: exit 0" 0 pm-ingest facts.csv
t_out "facts: passed through" "$H
2026-03-01,Dana Reyes,calls,3,,,,facts.csv:2
2026-03-02,Dana Reyes,revenue,1500.5,Acme,Widget,East,X1
"
t_grep "facts: bad date rejected" "facts.csv:4: date: '2026-02-30'" "$T/err"
t_grep "facts: bad metric rejected" "facts.csv:5: metric: 'Calls'" "$T/err"

# -m maps by hand; -f forces; unknown formats; options.
t_run "-m: exit 0" 0 pm-ingest -m rep=Seller -m stage=Result \
    -m amount="Deal Size" -m close_date=Closed custom.csv
t_out "-m: facts" "$H
2026-03-02,Kim Wu,revenue,1000,,,,custom.csv:2
2026-03-02,Kim Wu,deals_won,1,,,,custom.csv:2
2026-04-30,Kim Wu,open_pipeline,500,,,,custom.csv:3
"
t_run "unrecognised file: exit 65" 65 pm-ingest targets.csv
t_grep "unrecognised file: says why and shows the header" \
    "^pm-ingest: targets.csv: format not recognised.*\"period\", \"rep\"" "$T/err"
t_grep "unrecognised file: its records are counted as rejected" \
    "targets.csv: 1 records: 0 ok, 0 skipped, 1 rejected" "$T/err"
t_run "-f salesforce on a HubSpot file: exit 65" 65 pm-ingest -f salesforce hubspot.csv
t_grep "-f mismatch names the needed columns" "not a salesforce export: no header row with rep \(Opportunity Owner" "$T/err"
t_run "-f hubspot: exit 0" 0 pm-ingest -f hubspot hubspot.csv
t_run "missing file: exit 66" 66 pm-ingest no-such-file.csv
t_run "unknown -f: exit 64" 64 pm-ingest -f oracle hubspot.csv
t_run "bad -m: exit 64" 64 pm-ingest -m nosuchfield=X hubspot.csv
t_run "bad --date-format: exit 64" 64 pm-ingest --date-format ydm hubspot.csv
t_run "bad --encoding: exit 64" 64 pm-ingest --encoding NO-SUCH-CHARSET hubspot.csv
t_run "--list-formats: exit 0" 0 pm-ingest --list-formats
for f in salesforce salesforce-api hubspot pipedrive zoho dynamics activities generic facts; do
	t_grep "--list-formats lists $f" "^$f " "$T/out"
done
t_run "-v: exit 0" 0 pm-ingest -v hubspot.csv
t_grep "-v shows the format" "hubspot.csv: format hubspot \(detected\)" "$T/err"
t_grep "-v shows the mapping" "rep +<- \"Deal owner\"" "$T/err"

# Standard input, -o, several formats in one call.
t_run "stdin: exit 0" 0 sh -c 'pm-ingest < hubspot.csv'
t_grep "stdin: ref and summary name -" "^pm-ingest: -: 4 records: 3 ok" "$T/err"
t_run "-o: exit 0" 0 pm-ingest -q -o "$T/o.csv" dynamics.csv
t_eq "-o: written" 12 "$(wc -l <"$T/o.csv" | tr -d ' ')"
t_run "mix of formats: exit 0" 0 pm-ingest salesforce.csv hubspot.csv dynamics.csv activities.csv sfapi.csv
cp "$T/out" "$T/mix"
: >"$T/sep"
for f in salesforce.csv hubspot.csv dynamics.csv activities.csv sfapi.csv; do
	pm-ingest -q "$f" 2>/dev/null | tail -n +2 >>"$T/sep"
done
tail -n +2 "$T/mix" >"$T/mixbody"
t_same "mix of formats: one stream, file by file" "$T/sep" "$T/mixbody"
t_eq "mix: one header" 1 "$(grep -c '^date,rep,metric' "$T/mix")"

# The Maven CRM sample: no options, won revenue = sum of close_value.
M=$DATASETS/maven-crm/sales_pipeline.csv
if [ -f "$M" ]; then
	t_run "maven: exit 0" 0 pm-ingest "$M"
	t_eq "maven: won revenue equals sum of close_value over won deals" \
	    "$(awk -F, '$5 == "Won" { s += $8 } END { print s }' "$M")" \
	    "$(awk -F, '$3 == "revenue" { s += $4 } END { print s }' "$T/out")"
	t_eq "maven: deals_won" "$(awk -F, '$5 == "Won"' "$M" | wc -l | tr -d ' ')" \
	    "$(grep -c ',deals_won,' "$T/out")"
	t_grep "maven: every record accounted for" \
	    ": 8800 records: 8300 ok, 500 skipped, 0 rejected" "$T/err"
else
	skip "maven CRM sample" "$M absent"
fi

# Edge cases: an empty file, "Won't" is not won, an id shared by two
# CRMs is not a duplicate, a repeated header row is noise.
: >"$T/empty.csv"
t_run "empty file: exit 0" 0 pm-ingest "$T/empty.csv"
t_out "empty file: header only" "$H
"
t_grep "empty file: said so" "empty.csv: 0 records: 0 ok, 0 skipped, 0 rejected" "$T/err"
printf '%s\n' owner,stage,amount,close_date "A,Won't pursue,5,2026-01-02" \
    "A,closedwon,7,2026-01-03" owner,stage,amount,close_date \
    "A,Closed Lost,1,2026-01-04" >"$T/words.csv"
t_run "stage words: exit 0" 0 pm-ingest "$T/words.csv"
t_eq "stage words: Won't is open, closedwon won, Closed Lost lost" \
    "open_pipeline revenue deals_won deals_lost" \
    "$(tail -n +2 "$T/out" | cut -d, -f3 | tr '\n' ' ' | sed 's/ $//')"
t_grep "stage words: repeated header skipped" "4 records: 3 ok, 1 skipped" "$T/err"
printf '%s\n' "Record ID,Deal Stage,Deal owner,Amount,Close Date" \
    "11,Closed Won,Ana Silva,5,2026-01-02" >"$T/hs.csv"
t_run "same id in two CRMs: exit 0" 0 pm-ingest pipedrive.csv "$T/hs.csv"
t_nogrep "same id in two CRMs: not a duplicate" "duplicate" "$T/err"
t_run "--won/--lost lists" 0 pm-ingest --won "Signed, Paid" --lost Dead "$T/words.csv"
t_eq "--won/--lost replace the words" "open_pipeline open_pipeline open_pipeline" \
    "$(tail -n +2 "$T/out" | cut -d, -f3 | tr '\n' ' ' | sed 's/ $//')"

# Currencies are a matter of each file: a EUR file next to USD ones is
# not rejected, but named, since its sums would mix.
t_run "files in different currencies: exit 0" 0 pm-ingest zoho_utf8.csv salesforce.csv dynamics.csv
t_grep "files in different currencies: warned" \
    "zoho_utf8.csv: amounts in EUR, most inputs in USD: not converted" "$T/err"
t_grep "files in different currencies: EUR file still read" \
    "zoho_utf8.csv: 4 records: 3 ok, 0 skipped, 1 rejected" "$T/err"

# -o: a failed run (--strict) keeps the previous file; rejects still written.
echo previous >"$T/keep.csv"
t_run "--strict -o: exit 65" 65 pm-ingest --strict -o "$T/keep.csv" --rejects "$T/r2.csv" hubspot.csv
t_eq "--strict -o: previous file kept" previous "$(cat "$T/keep.csv")"
t_eq "--strict -o: rejects written" 2 "$(wc -l <"$T/r2.csv" | tr -d ' ')"

# --date-format is for columns that cannot tell: evidence wins, and says so.
t_run "--date-format against the evidence: exit 0" 0 pm-ingest --date-format dmy salesforce.csv
t_grep "--date-format against the evidence: warned" \
    "Close Date: its dates show M/D/YYYY; --date-format is for columns that cannot tell" "$T/err"
t_grep "--date-format against the evidence: dates read by the evidence" \
    "^2026-03-15,Dana Reyes,revenue,485000," "$T/out"
