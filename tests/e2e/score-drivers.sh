# pm-score --drivers (SPEC section 11).  drivers.csv is built so that
# revenue in month t+1 is 100 x calls in month t (a lagged relation by
# construction, across the 2026/2027 year end), emails = 100 - calls,
# meetings are constant, and calls and revenue of the same month are
# shuffled against each other.  The expected coefficients were computed
# with a separate Python implementation (average ranks for ties).
. "$(dirname "$0")/../lib.sh"
F=$FIX/score

t_run "drivers: default outcome and lags" 0 pm-score --drivers "$F/drivers.csv"
t_out "drivers: lag 1 found, lag 0 unclear, constant metric empty" \
"metric,lag,pairs,spearman,pearson,slope,direction
calls,1,20,1.000,1.000,100,helps
emails,1,20,-1.000,-1.000,-100,hurts
calls,0,30,-0.117,-0.172,-17.16,unclear
emails,0,30,0.117,0.172,17.16,unclear
meetings,0,30,,,,unclear
meetings,1,20,,,,unclear
"

t_run "drivers: --lag 2, outcome named after --drivers" 0 \
    pm-score --drivers revenue --lag 2 --metrics calls "$F/drivers.csv"
t_out "drivers: lag 2 pairs Nov with Jan; --metrics picks the metric" \
"metric,lag,pairs,spearman,pearson,slope,direction
calls,1,20,1.000,1.000,100,helps
calls,2,10,0.624,0.624,62.42,helps
calls,0,30,-0.117,-0.172,-17.16,unclear
"

# Periods after the as-of date are left out: only Nov and Dec.
t_run "drivers: --as-of" 0 pm-score --drivers --as-of 2026-12-31 "$F/drivers.csv"
t_grep "drivers: --as-of lag 0" '^calls,0,20,0.359,0.359,17.89,helps$' "$T/out"
t_grep "drivers: --as-of lag 1" '^calls,1,10,1.000,1.000,100,helps$' "$T/out"

# Ties take average ranks: calls 1,2,2,3,4 -> 1,2.5,2.5,4,5; revenue
# 10,20,30,30,50 -> 1,2,3.5,3.5,5; spearman 8.75/9.5 = 0.921; pearson
# 64/sqrt(5.2 x 880) = 0.946; slope 64/5.2 = 12.31.  Five pairs: unclear.
t_run "drivers: ties, too few pairs" 0 pm-score --drivers --lag 0 "$F/ties.csv"
t_out "drivers: ties, too few pairs: values" \
"metric,lag,pairs,spearman,pearson,slope,direction
calls,0,5,0.921,0.946,12.31,unclear
"

t_run "drivers: unknown outcome exits 65" 65 pm-score --drivers=bookings "$F/ties.csv"
t_grep "drivers: unknown outcome message" "bookings" "$T/err"
t_run "--lag without --drivers exits 64" 64 pm-score --lag 2 "$F/ties.csv"
