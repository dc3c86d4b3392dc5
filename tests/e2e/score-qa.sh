# pm-score: acceptance review regressions (qa-score).  Expected values
# worked out by hand from tests/fixtures/score-qa; arithmetic noted.
. "$(dirname "$0")/../lib.sh"
F=$FIX/score-qa

# A level target (win_rate) whose only row of the team covers none of a
# new hire's days is no target at that level: Cy starts 2026-11-02, the
# East row is for October only, so the '*' row (40) applies, not 0.
# Ann: 3/(3+2) = 60.0 vs 60 -> 100.0; Cy: 1/2 = 50.0 vs 40 -> 125.0.
# Mean 55, population sd 5: z +1.00, -1.00; median 55.0.
# elapsed: as of 2026-11-10, 31 + 10 of the quarter's 92 days = 44.6.
t_run "level target of a new hire falls back to the next level" 0 \
    pm-score -p quarter -t "$F/targets.csv" -r "$F/roster.csv" \
    --metrics win_rate "$F/facts.csv"
t_out "level target of a new hire: values" \
"period,rep,team,metric,actual,projected,target,attainment,pace,rank,reps,percentile,zscore,median,prev,change,elapsed
2026-Q4,Ann,East,win_rate,60.0,60.0,60.0,100.0,100.0,1,2,100.0,1.00,55.0,,,44.6
2026-Q4,Cy,East,win_rate,50.0,50.0,40.0,125.0,125.0,2,2,0.0,-1.00,55.0,,,44.6
"

# A target of 0 leaves attainment empty for a lower-is-better metric too
# (man page): Ann lost 2 in October against 0, attainment and pace empty.
# November is in progress (as-of 2026-11-10): Cy starts 2026-11-02, so
# projected = 1 x 29/9 = 3.22 and prev is empty; Ann 0, no target.
# Lower is better: Ann rank 1; mean 0.5, sd 0.5: z -1.00, +1.00.
# elapsed of November: 10 of 30 days = 33.3.
t_run "target 0 of a lower-is-better metric" 0 \
    pm-score -t "$F/targets0.csv" -r "$F/roster.csv" \
    --metrics deals_lost "$F/facts.csv"
t_out "target 0 of a lower-is-better metric: values" \
"period,rep,team,metric,actual,projected,target,attainment,pace,rank,reps,percentile,zscore,median,prev,change,elapsed
2026-10,Ann,East,deals_lost,2,2,0,,,1,1,,,2,,,100.0
2026-11,Ann,East,deals_lost,0,0,,,,1,2,100.0,-1.00,0.5,2,-100.0,33.3
2026-11,Cy,East,deals_lost,1,3.22,,,,2,2,0.0,1.00,0.5,,,33.3
"

# The score's actual is its attainment and its projected its pace (SPEC):
# written from one number, rounded once.  As-of 2026-11-12: revenue 10 vs
# 1 is capped at 150 (pace too); calls target 1000 x 30/92 = 326.087,
# attainment 3/326.087 = 0.92, pace 7.5/326.087 = 2.2999997 (projected
# 3 x 30/12 = 7.5).  Score (150 + 0.92)/2 = 75.5; pace (150 + 2.2999997)/2
# = 76.1499998 -> 76.1 in both columns (was 76.2 in projected).
# elapsed: 12 of 30 days = 40.0.
t_run "score: actual = attainment, projected = pace" 0 \
    pm-score --as-of 2026-11-12 -t "$F/score-targets.csv" --metrics score \
    "$F/score-facts.csv"
t_out "score: actual = attainment, projected = pace: values" \
"period,rep,team,metric,actual,projected,target,attainment,pace,rank,reps,percentile,zscore,median,prev,change,elapsed
2026-11,Ann,,score,75.5,76.1,100.0,75.5,76.1,1,1,,,75.5,,,40.0
"
