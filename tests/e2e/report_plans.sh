# pm-report: the "Coaching plans" section, the plan in the one-on-one
# sheet, the plan's focus as the rep's focus area, and recovering under
# Wins ("Back on track"), in text, Markdown, HTML and e-mail.  The plans
# and their numbers are those of flag_plans.sh (worked out there by
# hand); here the report must show each in its place.
. "$(dirname "$0")/../lib.sh"
F=$FIX/flag

# section FORMAT START END: the lines from START to END of the report.
section() {
	pm-report -f "$1" "$T/flagged.csv" >"$T/full" 2>"$T/err"
	sed -n "/$2/,/$3/p" "$T/full" >"$T/out"
}

pm-flag -q --metric meetings --plans "$F/plans.csv" "$F/plans_team.csv" \
    >"$T/flagged.csv"
# The worst verdicts first (worse, missed, behind, on track, met), then
# the board's order; bars of 8 cells, progress / 12.5 rounded: Ana's
# 46.5% is 4 cells, Hal's 33.3% 3, Dee's -50% none, Gus's 125% all.
# The section ends where "Learning from each other" (report_learn.sh)
# begins: every rep with a running plan may be paired with a mentor.
section text '^Coaching plans' '^Learning from each other'
t_out "text: the Coaching plans section" \
'Coaching plans
--------------
  Rep  Metric       Baseline     Now    Goal  Progress         Verdict
  ---  -----------  --------  ------  ------  ---------------  -------------
  Dee  Meetings            8       7      10  ░░░░░░░░ -50.0%  Worse, 2/3
  Hal  Meetings            9      10      12  ███░░░░░ 33.3%   Missed, over
  Ana  Meetings         7.33     9.5      12  ████░░░░ 46.5%   Behind, 2/3
  Eve  Meetings          new       6      10  no baseline      Behind, 2/3
  Jon  Sales cycle    45.0 d  36.0 d  30.0 d  █████░░░ 60.0%   Behind, 2/2
  Ben  Meetings            6       9      10  ██████░░ 75.0%   On track, 2/3
  Ivy  Meetings        85.0%  100.0%  110.0%  █████░░░ 60.0%   On track, 2/4
  Kim  Meetings           10    11.5      12  ██████░░ 75.0%   On track, 2/3
  Cid  Meetings            8      10      10  ████████ 100.0%  Met, 2/3
  Gus  Meetings            6      11      10  ████████ 125.0%  Met, over

  - Dee (East): Meetings 8 before 2026-09, 7 in 2026-10, goal 10 by 2026-11;
    -50.0% of the way (Worse, 2 of 3 periods gone)
    Focus: follow-ups, fewer no-shows
    Drift: the team median moved 0.0% over the same span
  - Hal (East): Meetings 9 before 2026-08, 10 in 2026-09, goal 12 by 2026-09;
    33.3% of the way (Missed, the plan is over)
    Drift: the team median moved 0.0% over the same span
  - Ana (East): Meetings 7.33 before 2026-09, 9.5 in 2026-10, goal 12 by
    2026-11; 46.5% of the way (Behind, 2 of 3 periods gone)
    Focus: discovery calls
    Drift: the team median moved 0.0% over the same span
    Coach: Maria
  - Eve (East): Meetings, no baseline before 2026-09, 6 in 2026-10, goal 10 by
    2026-11 (Behind, 2 of 3 periods gone)
    Focus: ramp-up
  - Jon (East): Sales cycle 45.0 d before 2026-09, 36.0 d in 2026-10, goal 30.0
    d by 2026-10; 60.0% of the way (Behind, 2 of 2 periods gone)
    Focus: faster close
    Drift: the team median moved 0.0% over the same span
  - Ben (East): Meetings 6 before 2026-09, 9 in 2026-10, goal 10 by 2026-11;
    75.0% of the way (On track, 2 of 3 periods gone)
    Drift: the team median moved 0.0% over the same span
  - Ivy (East): Meetings attainment 85.0% before 2026-09, 100.0% in 2026-10,
    goal 110.0% by 2026-12; 60.0% of the way (On track, 2 of 4 periods gone)
    Drift: the team median moved 0.0% over the same span
  - Kim (West): Meetings 10 before 2026-09, 11.5 in 2026-10, goal 12 by 2026-11;
    75.0% of the way (On track, 2 of 3 periods gone)
    Drift: the team median moved +15.0% over the same span, as much as the rep:
      the whole team moved, so this is not the plan'"'"'s doing alone
  - Cid (East): Meetings 8 before 2026-09, 10 in 2026-10, goal 10 by 2026-11;
    100.0% of the way (Met, 2 of 3 periods gone)
    Drift: the team median moved 0.0% over the same span
  - Gus (East): Meetings 6 before 2026-07, 11 in 2026-09, goal 10 by 2026-09;
    125.0% of the way (Met, the plan is over)
    Drift: the team median moved 0.0% over the same span

Progress runs from the rep'"'"'s own baseline (the mean of up to 3 periods before
the plan) to the goal; a plan is on track when its progress is at least the
share of its periods gone (2/3: two of three).

Learning from each other
'
t_grep "text: Coaching plans after Coaching focus" '^Coaching focus' "$T/full"
t_eq "text: sections in order" "Coaching focus
Coaching plans
Distribution" "$(grep -E '^(Coaching focus|Coaching plans|Distribution)$' "$T/full")"

section markdown '^## Coaching plans' '^## Distribution'
t_grep "markdown: Ana's row" \
    '^\| <bdi>Ana</bdi> \| <bdi>Meetings</bdi> \| 7\.33 \| 9\.5 \| 12 \| ████░░░░ 46\.5% \| Behind, 2/3 \|$' "$T/out"
t_grep "markdown: Eve, a new hire" \
    '^\| <bdi>Eve</bdi> \| <bdi>Meetings</bdi> \| new \| 6 \| 10 \| no baseline \| Behind, 2/3 \|$' "$T/out"
t_grep "markdown: the tide" '^  - \*Drift\*: the team median moved \+15\.0% over the same span, as much as the rep' "$T/out"

section html '<h2>Coaching plans' '<h2>Distribution'
t_grep "html: Ana's row" '<tr><td class="w"><bdi>Ana</bdi></td><td class="w"><bdi>Meetings</bdi></td><td class="r">7\.33</td><td class="r">9\.5</td><td class="r">12</td><td class="">████░░░░ 46\.5%</td><td class=" ">Behind, 2/3</td></tr>' "$T/out"
t_grep "html: Cid met, in good tone" '<td class=" good">Met, 2/3</td>' "$T/out"
t_grep "html: a bar chart of progress" 'aria-label="Progress from baseline to goal' "$T/out"
# Ana's bar: 46.5% of the way; the marker at 2 of 3 periods (66.7%).
t_grep "html: Ana's bar and marker" '>Ana: discovery calls</text>' "$T/out"

pm-report -f email --to m@example.com "$T/flagged.csv" >"$T/mail" 2>"$T/err"
if command -v python3 >/dev/null; then
	python3 - "$T/mail" >"$T/out" <<'PY'
import email, sys
m = email.message_from_binary_file(open(sys.argv[1], 'rb'))
for p in m.walk():
    if p.get_content_type() in ('text/plain', 'text/html'):
        t = p.get_payload(decode=True).decode()
        print(p.get_content_type(), 'Coaching plans' in t,
              '46.5%' in t and 'discovery calls' in t)
PY
	t_eq "email: the section in the text and the HTML part" \
"text/plain True True
text/html True True" "$(cat "$T/out")"
else
	skip "email: the section" "no python3"
fi

# One-on-one: the plan in words, its bar, the drift, the coach, and the
# plan's focus as the focus area; the plan_* flag not listed twice.
pm-report --rep Ana "$T/flagged.csv" >"$T/out"
t_grep "sheet: the plan in words" \
    '^  - Coaching plan: Meetings 7\.33 before 2026-09, 9\.5 in 2026-10, goal 12 by$' "$T/out"
t_grep "sheet: the plan's focus" '^    Focus: discovery calls$' "$T/out"
t_grep "sheet: the plan's progress bar" '^    Progress: ████░░░░ 46\.5%$' "$T/out"
t_grep "sheet: the coach" '^    Coach: Maria$' "$T/out"
t_grep "sheet: the plan's focus is the focus area" '^  - Focus: discovery calls$' "$T/out"
t_nogrep "sheet: no plan flag line" 'Plan behind' "$T/out"
# Gus's plan is over: its focus ("") is not his focus area any more.
pm-report --rep Dee "$T/flagged.csv" >"$T/out"
t_grep "sheet: Dee's focus from the plan" '^  - Focus: follow-ups, fewer no-shows$' "$T/out"

# A table written by hand (or by another version) in the grammar, with
# markup in the names and the focus: escaped in HTML; a note that does
# not follow the grammar is shown as it is.
cat >"$T/hand.csv" <<'CSV'
period,rep,team,metric,actual,target,attainment,flags,notes
2026-09,<b>Zoe</b>,,calls,20,40,50.0,,
2026-10,<b>Zoe</b>,,calls,30,40,75.0,underperformer;plan_behind,"underperformer: attainment 50.0%, 75.0% in 2026-09..2026-10, below 80%; plan_behind: calls 20 before 2026-09, 30 now (+50.0%), goal 40: 50.0% of the way, 2 of 3 periods gone (2026-09..2026-11); team median +10.0%; focus: <script>x</script>; coach: Al"
2026-09,Yan,,calls,40,40,100.0,,
2026-10,Yan,,calls,40,40,100.0,plan_met,plan_met: she got there
CSV
pm-report -f html "$T/hand.csv" >"$T/out"
t_grep "hand: parsed, escaped" '<td class="w"><bdi>&lt;b&gt;Zoe&lt;/b&gt;</bdi></td><td class="w"><bdi>Calls</bdi></td><td class="r">20</td><td class="r">30</td><td class="r">40</td><td class="">████░░░░ 50\.0%</td>' "$T/out"
t_grep "hand: the focus escaped" 'Calls 20 before 2026-09, 30 in 2026-10, goal 40 by 2026-11; 50\.0% of the way \(Behind, 2 of 3 periods gone\)<div class="d"><em>Focus:</em> &lt;script&gt;x&lt;/script&gt;</div>' "$T/out"
t_nogrep "hand: no markup passes" '<script>' "$T/out"
t_grep "hand: a free-form note shown as it is" '<td class="w"><bdi>she got there</bdi></td>' "$T/out"
# Coaching focus: while a plan runs, its focus is the rep's focus area
# (instead of the underperformer's 30-day plan).
pm-report "$T/hand.csv" | sed -n '/^Coaching focus/,/^Coaching plans/p' >"$T/out"
t_grep "hand: the plan's focus in Coaching focus" '^    Focus: <script>x</script>$' "$T/out"
t_nogrep "hand: not the generic focus" '30-day plan' "$T/out"

# recovering under Wins, as "Back on track".
pm-flag "$F/recovering.csv" | pm-report >"$T/out"
sed -n '/^Back on track/,/^$/p' "$T/out" >"$T/sec"
t_eq "wins: Back on track" \
'Back on track
·············
  - Rae: attainment 62.0%, 71.0%, 84.0% in 2026-09..2026-11, rising after
    2026-06..2026-08 below 80%
  - Sam: attainment 65.0%, 70.0%, 75.0% in 2026-09..2026-11, rising after
    2026-06..2026-08 below 80%
  - Vic: attainment 85.0%, 95.0%, 105.0% in 2026-09..2026-11, rising after
    revenue 11000, 10000, 9000, 8500 in 2026-06..2026-09, down in each step
  - Wes: attainment 60.0%, 70.0%, 85.0% in 2026-09..2026-11, rising after
    2026-09..2026-10 below 80%' \
    "$(sed '/^$/d' "$T/sec")"
t_grep "wins: Back on track is under Wins" '^Wins$' "$T/out"

# The demo's plans (examples/plans.csv; the numbers in STORIES.md were
# worked out by gen-demo.py from the rows it wrote): Lena Fischer's ramp
# plan is met, Marcus Hill's pipeline plan is worse than his baseline.
ex=$ROOT/examples
pm-ingest -q "$ex/salesforce_opportunities.csv" "$ex/activities.csv" |
    pm-score -p month --to 2026-11-30 -t "$ex/targets.csv" \
    -r "$ex/roster.csv" | pm-flag --plans "$ex/plans.csv" --list >"$T/out"
t_eq "demo: one plan working, one not" \
"Lena Fischer,plan_met,131.3
Marcus Hill,plan_worse,-133.8" "$(grep ',plan_' "$T/out" | cut -d, -f2,4,6)"

# A bar cannot go below 0: Dee's -50.0% is said in the chart's label.
pm-report -f html "$T/flagged.csv" >"$T/out"
t_grep "html: a negative progress in the chart's label" '>Dee \(-50\.0%\): follow' "$T/out"
