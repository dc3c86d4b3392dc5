# pm-ingest: encodings per field (SPEC 12) and what -v says of dates.
. "$(dirname "$0")/../lib.sh"
cd "$FIX/ingest" || exit 70

H=date,rep,metric,value,account,product,team,ref

# Saved in UTF-8, with one record pasted from a Windows-1252 file
# (Mar\xeda L\xf3pez, Caf\xe9 "Le Monde"): the UTF-8 names stay as they
# are, the two invalid fields alone are read as Windows-1252.  Reps and
# facts worked out by hand from the file's three records.
F=sf_mixed_encoding.csv
t_run "mixed UTF-8 and Windows-1252: exit 0" 0 pm-ingest $F
t_out "mixed: valid UTF-8 kept, only the bad fields converted" "$H
2026-01-05,José Café,revenue,100,Müller GmbH,,,$F:2
2026-01-05,José Café,deals_won,1,Müller GmbH,,,$F:2
2026-01-05,José Café,cycle_days,3,Müller GmbH,,,$F:2
2026-01-02,José Café,opps_created,1,Müller GmbH,,,$F:2
2026-01-02,José Café,pipeline_created,100,Müller GmbH,,,$F:2
2026-02-06,María López,revenue,50,\"Café \"\"Le Monde\"\"\",,,$F:3
2026-02-06,María López,deals_won,1,\"Café \"\"Le Monde\"\"\",,,$F:3
2026-02-06,María López,cycle_days,5,\"Café \"\"Le Monde\"\"\",,,$F:3
2026-02-01,María López,opps_created,1,\"Café \"\"Le Monde\"\"\",,,$F:3
2026-02-01,María López,pipeline_created,50,\"Café \"\"Le Monde\"\"\",,,$F:3
2026-03-07,José Café,deals_lost,1,Café Noir,,,$F:4
2026-03-01,José Café,opps_created,1,Café Noir,,,$F:4
"
t_grep "mixed: one warning, the first such line and the count" \
    "^pm-ingest: $F:3: not valid UTF-8: 2 fields read as Windows-1252 \\(use --encoding to say otherwise\\)$" "$T/err"
t_eq "mixed: warned once" 1 "$(grep -c 'not valid UTF-8' "$T/err")"
t_nogrep "mixed: José is never re-decoded" "JosÃ" "$T/out"

# -v names a day-month order only for a column that has one.
t_run "-v on ISO dates: exit 0" 0 pm-ingest -v $F
t_grep "-v: ISO column named without an order" '  close_date     <- "Close Date"$' "$T/err"
t_nogrep "-v: no day-month order beside ISO columns" "M/D\\|D/M\\|mdy\\|dmy" "$T/err"
t_run "-v on M/D dates: exit 0" 0 pm-ingest -v salesforce.csv
t_grep "-v: an M/D column says its order" '  close_date     <- "Close Date" \(M/D/YYYY\)$' "$T/err"
