# pm-report on real shapes (SPEC section 13): early in a month, reps with
# nothing, all-zero trends.  Every expected value is worked out by hand.
. "$(dirname "$0")/../lib.sh"

# The HubSpot case: an export that ends on 2025-05-02.  Ann sold 1000 a
# month in January..April and 224 on May 2, Bob 800 a month; target 1000
# each.  May has 2 of 31 days (6.5%): below --min-elapsed 25 the report
# judges April, and says so first; Ann's 224 x 31/2 = 3472 projection is
# nobody's personal best.
cp "$FIX/fair/early.csv" "$T/early.csv"
cp "$FIX/fair/targets.csv" "$T/t.csv"
pm-score -t "$T/t.csv" --rollup "$T/early.csv" >"$T/s.csv"
pm-flag -q "$T/s.csv" >"$T/f.csv"
t_run "2 days in" 0 pm-report "$T/f.csv"
cp "$T/out" "$T/early.txt"
t_grep "2 days in: the period is April" \
    '^Period 2025-04 \(2025-04-01 to 2025-04-30\)\. 2 reps\.$' "$T/early.txt"
t_eq "2 days in: the headline says why, first" \
    "2025-05 has just begun (2 of 31 days); this report judges 2025-04." \
    "$(sed -n '/^Headline/,$p' "$T/early.txt" | sed -n 3p)"
# April: Ann 1000 + Bob 800 = 1800 of 2000, 90.0%.
t_grep "2 days in: April's totals" \
    '^Team revenue: 1,800 against a target of 2,000 \(90\.0%\)\.$' "$T/early.txt"
t_nogrep "2 days in: no personal best" 'Personal best|3,472' "$T/early.txt"
t_nogrep "2 days in: nothing in progress" 'in progress|on pace' "$T/early.txt"
# Markdown and HTML say it too.
t_run "2 days in, Markdown" 0 pm-report -f markdown "$T/f.csv"
t_grep "2 days in, Markdown: the sentence" \
    '^2025-05 has just begun \(2 of 31 days\); this report judges 2025-04\.$' "$T/out"
t_run "2 days in, HTML" 0 pm-report -f html "$T/f.csv"
t_grep "2 days in, HTML: the sentence" \
    '<p>2025-05 has just begun \(2 of 31 days\); this report judges 2025-04\.</p>' "$T/out"
# pm-flag and pm-report judge the same period of the same table: the
# flags pm-report shows are April's.
t_eq "2 days in: pm-flag flagged April's rows" "2025-04" \
    "$(awk -F, 'NR > 1 && $NF != "" && $(NF-1) != "" { print $1 }' "$T/f.csv" | sort -u)"
# --min-elapsed 5 and -P: May, in progress; the projection is reported.
t_run "--min-elapsed 5" 0 pm-report --min-elapsed 5 "$T/s.csv"
t_grep "--min-elapsed 5: May, in progress" \
    '^Period 2025-05 \(2025-05-01 to 2025-05-31\), in progress\. 2 reps\.$' "$T/out"
t_nogrep "--min-elapsed 5: no sentence" 'has just begun' "$T/out"
t_grep "--min-elapsed 5: on pace for 3472 (173.6% of 2000)" \
    'on pace for 3,472 \(173\.6%' "$T/out"
t_run "-P 2025-05" 0 pm-report -P 2025-05 "$T/s.csv"
t_grep "-P 2025-05: May" '^Period 2025-05 .*, in progress\.' "$T/out"
t_nogrep "-P: no sentence" 'has just begun' "$T/out"
t_run "--min-elapsed 101: exit 64" 64 pm-report --min-elapsed 101 "$T/s.csv"
# 10 of 31 days: 32.3%, May is judged.
pm-score -t "$T/t.csv" --as-of 2025-05-10 "$T/early.csv" >"$T/s10.csv"
t_run "10 days in" 0 pm-report "$T/s10.csv"
t_grep "10 days in: May" '^Period 2025-05 .*, in progress\.' "$T/out"
t_nogrep "10 days in: no sentence" 'has just begun' "$T/out"
# Open pipeline is not projected: 5000 in May, not 5000 x 31/2.
t_eq "open_pipeline: projected = actual" "5000,5000" \
    "$(awk -F, '$1 == "2025-05" && $2 == "*" && $4 == "open_pipeline" { print $5 "," $6 }' "$T/s.csv")"

# Zero is the lowest bar.  January..March: Ann 100, 200, 300 (0..300:
# 2.3, 4.7, 7 of 7 -> ▃▆█), Bob nothing at all (▁▁▁, not ▄▄▄), Cy 500
# three times (flat above zero: mid height, ▄▄▄).
{
	echo 'date,rep,metric,value,account,product,team,ref'
	for m in 1 2 3; do
		echo "2026-0$m-10,Ann,revenue,$((m * 100)),,,,a$m"
		echo "2026-0$m-10,Cy,revenue,500,,,,c$m"
	done
} >"$T/z.csv"
printf 'rep,team\nAnn,\nBob,\nCy,\n' >"$T/r.csv"
pm-score -r "$T/r.csv" --as-of 2026-03-31 "$T/z.csv" >"$T/zs.csv"
t_run "zero trend, text" 0 pm-report "$T/zs.csv"
t_grep "text: Bob all zero is the bottom bar" '^  3  Bob +0 +=  ▁▁▁$' "$T/out"
t_grep "text: Ann from zero" '^  2  Ann +300 +=  ▃▆█$' "$T/out"
t_grep "text: Cy flat above zero at mid height" '^  1  Cy +500 +=  ▄▄▄$' "$T/out"
t_run "zero trend, Markdown" 0 pm-report -f markdown "$T/zs.csv"
t_grep "Markdown: Bob's row ends in ▁▁▁" '^\| 3 \| (<bdi>)?Bob(<\/bdi>)? \|.*▁▁▁ *\|$' "$T/out"
# HTML: 90 x 22 pixels, points at x = 3 + i x 84 / 2 (3, 45, 87) and
# y = 22 - 3 - level x 16: zero is 19 (the bottom), 500 flat is 11 (the
# middle), Ann 100 of 300 is 19 - 16/3 = 13.7, 200 is 8.3, 300 is 3.
t_run "zero trend, HTML" 0 pm-report -f html "$T/zs.csv"
t_grep "HTML: Bob's points on the bottom" \
    'points="3\.0,19\.0 45\.0,19\.0 87\.0,19\.0"/><circle r="2\.5" fill="#2680c2" cx="87\.0" cy="19\.0"/>' "$T/out"
t_grep "HTML: Ann from zero" 'points="3\.0,13\.7 45\.0,8\.3 87\.0,3\.0"' "$T/out"
t_grep "HTML: Cy at mid height" 'points="3\.0,11\.0 45\.0,11\.0 87\.0,11\.0"' "$T/out"
t_grep "HTML: Cy leads" 'Leading: Cy\.' "$T/out"

# A period in which nobody sold anything (April): nobody leads, and the
# top performers' line says nobody has revenue yet.
pm-score -r "$T/r.csv" --as-of 2026-04-30 --to 2026-04-30 "$T/z.csv" | pm-flag -q >"$T/zf.csv"
t_run "all zero" 0 pm-report "$T/zf.csv"
t_grep "all zero: the period is April" '^Period 2026-04 ' "$T/out"
t_grep "all zero: nobody leads" \
    '^Leading: nobody yet \(no rep has revenue above zero in 2026-04\)\.' "$T/out"
t_grep "all zero: nor tops" \
    '^Top performers need coaching too, but nobody has revenue above zero in 2026-04$' "$T/out"
t_nogrep "all zero: no rep named as leading" 'Leading: (Ann|Bob|Cy)' "$T/out"
# Everyone tied at zero: all middle (pm-flag), nobody top.
t_grep "all zero: everyone in the middle tier" '^  - Middle tier \(3\): ' "$T/out"
