# The default as-of date is the latest fact that records something that
# happened: open_pipeline facts are dated by the expected close date,
# which lies ahead in every real export, and must not move it.
. "$(dirname "$0")/../lib.sh"

cat >"$T/facts.csv" <<'CSV'
date,rep,metric,value,account,product,team,ref
2026-11-10,Ann,revenue,1000,,,,a:2
2026-11-20,Ann,calls,10,,,,a:3
2027-01-15,Ann,open_pipeline,5000,,,,a:4
CSV
# November is in progress on day 20 of 30: projected 1000 / (20/30) = 1500.
t_run "open pipeline ahead: scores" 0 pm-score -p month "$T/facts.csv"
t_eq "November revenue is projected from 2026-11-20" "2026-11,1000,1500" \
    "$(awk -F, '$1 == "2026-11" && $4 == "revenue" { print $1 "," $5 "," $6 }' "$T/out")"
t_eq "December, after the as-of date, has no projection" "2026-12,0," \
    "$(awk -F, '$1 == "2026-12" && $4 == "revenue" { print $1 "," $5 "," $6 }' "$T/out")"
t_eq "the future pipeline is still reported in its month" "2027-01,5000," \
    "$(awk -F, '$1 == "2027-01" && $4 == "open_pipeline" { print $1 "," $5 "," $6 }' "$T/out")"
cp "$T/out" "$T/whole.csv"

pm-score --partial -p month "$T/facts.csv" >"$T/part.csv"
t_run "partials keep the as-of evidence" 0 pm-score --merge "$T/part.csv"
t_same "merge gives the same bytes" "$T/whole.csv" "$T/out"

t_run "an explicit --as-of still wins" 0 pm-score -p month --as-of 2026-11-30 "$T/facts.csv"
t_eq "as of the month's last day, projected = actual" "1000,1000" \
    "$(awk -F, '$1 == "2026-11" && $4 == "revenue" { print $5 "," $6 }' "$T/out")"

# Nothing but open pipeline: the latest date is all there is.
printf 'date,rep,metric,value,account,product,team,ref\n2027-01-15,Ann,open_pipeline,5000,,,,x\n' >"$T/only.csv"
t_run "only open pipeline" 0 pm-score -p month "$T/only.csv"
# As of 2027-01-15, 15 of 31 days = 48.4 elapsed; open pipeline is a
# stock, not projected (SPEC section 13): projected = actual = 5000.
t_eq "then the as-of date is its date" "5000,5000,48.4" \
    "$(awk -F, '$1 == "2027-01" && $4 == "open_pipeline" { print $5 "," $6 "," $17 }' "$T/out")"
