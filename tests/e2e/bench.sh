# The benchmark harness (make bench): its generator is deterministic and
# shaped as issue 8 asks, its two baseline loops agree on what they read,
# and a tiny run of tests/bench.sh prints the table.  Timing itself is
# never tested here (SPEC section 9).
. "$(dirname "$0")/../lib.sh"

CCF="-O2 -std=c11 -Wall -Wextra -D_POSIX_C_SOURCE=200809L -DPM_VERSION=\"t\" -I$ROOT/common"
# shellcheck disable=SC2086
if ! cc $CCF -o "$T/gen" "$ROOT/tests/bench/gen.c" "$ROOT/common/date.c" 2>"$T/cc.err" ||
    ! cc $CCF -o "$T/rowloop" "$ROOT/tests/bench/rowloop.c" "$ROOT"/common/*.c -lcsv -lm 2>>"$T/cc.err" ||
    ! cc -O2 -o "$T/csvloop" "$ROOT/tests/bench/csvloop.c" -lcsv 2>>"$T/cc.err"; then
	not_ok "bench programs build" "$(head -5 "$T/cc.err")"
	exit 0
fi
ok "bench programs build"

"$T/gen" facts 5000 >"$T/f1.csv"
"$T/gen" facts 5000 >"$T/f2.csv"
t_same "gen facts is deterministic" "$T/f1.csv" "$T/f2.csv"
t_eq "gen facts header" "date,rep,metric,value,account,product,team,ref" \
    "$(head -n 1 "$T/f1.csv")"
t_eq "gen facts rows" 5001 "$(wc -l <"$T/f1.csv" | tr -d ' ')"
# Issue 8: 200 reps, 5 metrics, dates over 24 months of ISO dates.
t_eq "gen facts: 200 reps" 200 "$(cut -d, -f2 "$T/f1.csv" | sed 1d | sort -u | wc -l | tr -d ' ')"
t_eq "gen facts: 5 metrics" "calls deals_won meetings opps_created revenue" \
    "$(cut -d, -f3 "$T/f1.csv" | sed 1d | sort -u | tr '\n' ' ' | sed 's/ $//')"
t_eq "gen facts: dates 2024-01 .. 2025-12" "2024-01 2025-12" \
    "$(cut -c1-7 "$T/f1.csv" | sed 1d | sort -u | sed -n '1p;$p' | tr '\n' ' ' | sed 's/ $//')"
t_eq "gen facts: every date is YYYY-MM-DD" 0 \
    "$(sed 1d "$T/f1.csv" | cut -d, -f1 | grep -Evc '^20[0-9][0-9]-[01][0-9]-[0-3][0-9]$')"
# About a tenth of the accounts are quoted with a comma inside.
q=$(grep -c '"[^"]*, Inc\."' "$T/f1.csv")
if [ "$q" -ge 300 ] && [ "$q" -le 700 ]; then ok "gen facts: a tenth quoted ($q of 5000)"
else not_ok "gen facts: a tenth quoted" "$q of 5000"; fi

"$T/gen" sfdc 2000 >"$T/s.csv"
t_eq "gen sfdc header" '"Opportunity Owner","Account Name","Opportunity Name","Stage","Amount","Probability (%)","Close Date","Created Date","Lead Source","Type","Opportunity ID"' \
    "$(head -n 1 "$T/s.csv")"
t_grep "gen sfdc: USD amounts with thousands commas" '"USD [0-9]{1,3}(,[0-9]{3})*\.[0-9]{2}"' "$T/s.csv"
t_grep "gen sfdc: M/D/YYYY dates" '"1?[0-9]/[1-3]?[0-9]/20[0-9]{2}"' "$T/s.csv"
t_grep "gen sfdc: the report footer" '^"Confidential Information - Do Not Distribute"$' "$T/s.csv"
# 1 header + 2000 records + 1 blank + 5 footer lines.
t_eq "gen sfdc lines" 2007 "$(wc -l <"$T/s.csv" | tr -d ' ')"

# Both loops read the same records and fields; the counts are worked out
# from the generator's layout: 8 fields a facts row, 11 a Salesforce
# record, 1 a footer line (the blank line is no record).
t_run "csvloop on facts" 0 "$T/csvloop" "$T/f1.csv"
t_out "csvloop counts facts" "5001 records, 40008 fields
"
t_run "rowloop on facts" 0 "$T/rowloop" "$T/f1.csv"
t_out "rowloop counts facts" "5001 records, 40008 fields
"
t_run "rowloop on sfdc" 0 "$T/rowloop" "$T/s.csv"
t_out "rowloop counts sfdc" "2006 records, 22016 fields
"
t_run "csvloop reads stdin" 0 sh -c '"$1" <"$2"' sh "$T/csvloop" "$T/s.csv"
t_out "csvloop counts sfdc" "2006 records, 22016 fields
"

t_run "gen with a bad size is a usage error" 64 "$T/gen" facts 12x
t_run "bench.sh rejects a bad BENCH_ROWS" 64 env BENCH_ROWS=abc BENCH_OUT="$T/bo" sh "$ROOT/tests/bench.sh" "$PMBIN"

# A tiny end-to-end run: builds, generates, times, prints the table.
t_run "bench.sh runs on tiny data" 0 env BENCH_ROWS=1000 BENCH_RUNS=1 \
    BENCH_REPS=40 BENCH_METRICS=20 BENCH_OUT="$T/bo" sh "$ROOT/tests/bench.sh" "$PMBIN"
t_grep "bench table has a header" '^case +input +secs +cpu s +MB/s +rows/s +RSS MB +vs loop' "$T/out"
t_grep "bench table has the baseline" '^libcsv parse loop \(baseline\) +facts\.csv +[0-9.]+ ' "$T/out"
t_grep "bench prints the targets" '^Targets \(issue 8\):' "$T/out"
t_grep "bench rows name pm-score" '^pm-score -p month ' "$T/out"
t_grep "bench names the machine" '^Machine: .*cores' "$T/out"
t_grep "bench times the large organisation" '^org: pm-report --one-on-ones \(40 reps\) ' "$T/out"
t_grep "bench prints the scale targets" '^Targets \(issue 23' "$T/out"
t_grep "bench checks twice the reps" 'org_report: CPU twice the reps' "$T/out"
