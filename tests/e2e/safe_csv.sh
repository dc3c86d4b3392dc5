# --safe-csv (SPEC section 18): a text cell that begins with =, +, -, @,
# a tab or a carriage return gets a leading ' in every tool that writes
# CSV; number columns are never touched (-50 stays -50), whatever they
# look like; --rejects is always safe; off by default.  Expected rows
# are worked out by hand.
. "$(dirname "$0")/../lib.sh"

cd "$T" || exit 70

# --- pm-ingest: facts and rejects ---
printf '%s\n' 'opportunity_id,sales_agent,deal_stage,close_value,close_date,account' \
    'g1,-Ann,Won,-50,03/15/2026,"=HYPERLINK(""http://x"",""y"")"' \
    'g2,@Bob,Won,100,03/16/2026,+a' \
    '-g3,Cy,Won,zz,03/16/2026,ok' >deals.csv
t_run "pm-ingest --safe-csv" 0 pm-ingest --safe-csv --rejects rej.csv deals.csv
t_eq "pm-ingest: text cells guarded, numbers not" \
'date,rep,metric,value,account,product,team,ref
2026-03-15,'"'"'-Ann,revenue,-50,"'"'"'=HYPERLINK(""http://x"",""y"")",,,g1
2026-03-15,'"'"'-Ann,deals_won,1,"'"'"'=HYPERLINK(""http://x"",""y"")",,,g1
2026-03-16,'"'"'@Bob,revenue,100,'"'"'+a,,,g2
2026-03-16,'"'"'@Bob,deals_won,1,'"'"'+a,,,g2' "$(cat out)"
t_eq "pm-ingest: the rejects file guarded, the line number not" \
"file,line,reason,record
deals.csv,4,close_value: cannot read 'zz' as an amount,\"'-g3,Cy,Won,zz,03/16/2026,ok\"" \
    "$(cat rej.csv)"

t_run "pm-ingest: default" 0 pm-ingest --rejects rej.csv deals.csv
t_eq "pm-ingest: facts as they are by default" \
'date,rep,metric,value,account,product,team,ref
2026-03-15,-Ann,revenue,-50,"=HYPERLINK(""http://x"",""y"")",,,g1
2026-03-15,-Ann,deals_won,1,"=HYPERLINK(""http://x"",""y"")",,,g1
2026-03-16,@Bob,revenue,100,+a,,,g2
2026-03-16,@Bob,deals_won,1,+a,,,g2' "$(cat out)"
t_eq "pm-ingest: the rejects file is always safe" \
"file,line,reason,record
deals.csv,4,close_value: cannot read 'zz' as an amount,\"'-g3,Cy,Won,zz,03/16/2026,ok\"" \
    "$(cat rej.csv)"
# A record that needs quotes: the ' goes inside them.
printf '%s\n' 'opportunity_id,sales_agent,deal_stage,close_value,close_date' \
    '=1+2,"Ann, Lee",Won,x,03/15/2026' >q.csv
# (its only record rejected: no fact from the file, exit 65, SPEC 12)
t_run "pm-ingest: a quoted record rejected" 65 pm-ingest --rejects rej.csv q.csv
t_eq "pm-ingest: the guard inside the quotes" \
"file,line,reason,record
q.csv,2,close_value: cannot read 'x' as an amount,\"'=1+2,\"\"Ann, Lee\"\",Won,x,03/15/2026\"" \
    "$(cat rej.csv)"
# Facts read back unchanged by default: the pipeline round-trips.
pm-ingest deals.csv >f1.csv 2>/dev/null
t_run "pm-ingest: its own facts" 0 pm-ingest f1.csv
t_same "pm-ingest: facts round-trip without --safe-csv" f1.csv out

# --- pm-score ---
printf '%s\n' 'date,rep,metric,value,account,product,team,ref' \
    '2026-03-10,-Ann,revenue,-50,=acct,+prod,@team,-r1' \
    '2026-03-20,Bob,revenue,150,acct,prod,East,r2' >f.csv
# 150 and -50: mean 50, population sd 100, z +-1.00, median 50; March
# is finished on 2026-04-15: elapsed 100.0.
t_run "pm-score --safe-csv" 0 pm-score --safe-csv --metrics revenue --as-of 2026-04-15 f.csv
t_eq "pm-score: rep and team guarded, -50 and -1.00 not" \
"period,rep,team,metric,actual,projected,target,attainment,pace,rank,reps,percentile,zscore,median,prev,change,elapsed
2026-03,Bob,East,revenue,150,150,,,,1,2,100.0,1.00,50,,,100.0
2026-03,'-Ann,'@team,revenue,-50,-50,,,,2,2,0.0,-1.00,50,,,100.0" "$(cat out)"
t_run "pm-score: default" 0 pm-score --metrics revenue --as-of 2026-04-15 f.csv
cp out scores.csv
t_grep "pm-score: names as they are by default" '^2026-03,-Ann,@team,revenue,-50,' scores.csv

# --- pm-flag ---
t_run "pm-flag --safe-csv" 0 pm-flag -q --safe-csv scores.csv
t_eq "pm-flag: text guarded, number columns not" \
"period,rep,team,metric,actual,projected,target,attainment,pace,rank,reps,percentile,zscore,median,prev,change,elapsed,flags,notes
2026-03,Bob,East,revenue,150,150,,,,1,2,100.0,1.00,50,,,100.0,tier_middle,\"tier_middle: rank 1 of 2 by revenue in 2026-03, in the middle 60%\"
2026-03,'-Ann,'@team,revenue,-50,-50,,,,2,2,0.0,-1.00,50,,,100.0,tier_middle,\"tier_middle: rank 2 of 2 by revenue in 2026-03, in the middle 60%\"" \
    "$(cat out)"
t_run "pm-flag --safe-csv --list" 0 pm-flag -q --safe-csv --list scores.csv
t_eq "pm-flag --list: guarded" \
"period,rep,team,flag,metric,value,notes
2026-03,'-Ann,'@team,tier_middle,revenue,2,\"rank 2 of 2 by revenue in 2026-03, in the middle 60%\"
2026-03,Bob,East,tier_middle,revenue,1,\"rank 1 of 2 by revenue in 2026-03, in the middle 60%\"" \
    "$(cat out)"
# An extra column is text: it is guarded even when it looks like a number.
printf 'period,rep,metric,actual,attainment,region\n2026-03,-Ann,revenue,-5,-10,-3\n' >x.csv
t_run "pm-flag: an extra column" 0 pm-flag -q --safe-csv x.csv
t_eq "pm-flag: declared kind, not the look" \
"period,rep,metric,actual,attainment,region
2026-03,'-Ann,revenue,-5,-10,'-3" "$(cut -d, -f1-6 out)"
t_run "pm-flag: default" 0 pm-flag -q x.csv
t_eq "pm-flag: unchanged by default" \
"period,rep,metric,actual,attainment,region
2026-03,-Ann,revenue,-5,-10,-3" "$(cut -d, -f1-6 out)"

# --- pm-pareto ---
printf '%s\n' 'date,rep,metric,value,account,product,team,ref' \
    '2026-03-10,-Ann,revenue,300,=acct,+prod,=t,-r1' \
    '2026-03-20,Bob,revenue,100,acct,prod,=t,r2' >p.csv
t_run "pm-pareto --safe-csv" 0 pm-pareto --safe-csv -k rep -g team p.csv
t_eq "pm-pareto: group and key guarded" \
"group,rank,key,value,share,cum_share,class
'=t,1,'-Ann,300,75.0,75.0,A
'=t,2,Bob,100,25.0,100.0,A" "$(cat out)"
# 300 and 100: keys to 80% 2, top 20% (1 key) 75.0, gini
# 2(100 + 600)/800 - 3/2 = 0.250, hhi 10000 (90000 + 10000)/160000.
t_run "pm-pareto --safe-csv -s" 0 pm-pareto --safe-csv -s -k rep -g team p.csv
t_eq "pm-pareto: summary guarded" \
"group,keys,total,keys_at,pct_keys_at,top20_share,gini,hhi,excluded
'=t,2,400,2,100.0,75.0,0.250,6250.0,0" "$(cat out)"
t_run "pm-pareto: default" 0 pm-pareto -k rep -g team p.csv
t_grep "pm-pareto: as they are by default" '^=t,1,-Ann,300,75\.0,75\.0,A$' out

# --- usage and man pages say it ---
for p in pm-ingest pm-score pm-pareto pm-flag; do
	t_run "$p --help" 0 $p --help
	t_grep "$p: usage names --safe-csv" '\[--safe-csv\]' out
	t_grep "$p(1) documents --safe-csv" '^\.B \\-\\-safe\\-csv' "$ROOT/man/$p.1"
done
t_grep "pm-tools(7) says when to use it" 'safe\\-csv' "$ROOT/man/pm-tools.7"
