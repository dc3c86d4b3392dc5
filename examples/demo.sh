#!/bin/sh
# make demo: the whole pipeline on the sample exports in examples/.
#   pm-ingest | pm-score | pm-flag | pm-report
# prints the text report and writes the HTML, Markdown and e-mail reports, the
# facts, the scores and the pm-pareto summary to demo-out/ (or $DEMO_OUT).
# Usage: sh examples/demo.sh [BINDIR]
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
bin=${1:-$root/bin}
out=${DEMO_OUT:-$root/demo-out}
ex=$here

# The sample data ends on 2026-11-20: November is in progress (pm-score
# takes that date as the as-of date by default: open deals' close dates,
# which lie ahead, do not count).  --to ends the tables with November
# rather than with the months the open pipeline reaches into.
last=2026-11-30
title="Sales performance report: the demo team"

die() {
	echo "demo: $*" >&2
	exit 1
}

for t in pm-ingest pm-score pm-flag pm-report pm-pareto; do
	[ -x "$bin/$t" ] || die "$bin/$t is missing: run make first"
done
for f in salesforce_opportunities.csv activities.csv targets.csv roster.csv \
    plans.csv; do
	[ -r "$ex/$f" ] || die "$ex/$f is missing"
done
mkdir -p "$out" || die "cannot create $out"

# Each step on its own, so that a failure names the step that failed.
step() {
	name=$1
	shift
	"$@" || die "step '$name' failed (exit $?): $*"
}
step pm-ingest "$bin/pm-ingest" -q -o "$out/facts.csv" \
    "$ex/salesforce_opportunities.csv" "$ex/activities.csv"
step pm-score "$bin/pm-score" -p month --to "$last" \
    --rollup -t "$ex/targets.csv" -r "$ex/roster.csv" \
    -o "$out/scores.csv" "$out/facts.csv"
# The coaching plans agreed in October's one-on-ones, followed up.
step pm-flag "$bin/pm-flag" --plans "$ex/plans.csv" -o "$out/flags.csv" \
    "$out/scores.csv"
step pm-pareto "$bin/pm-pareto" -k account -s -o "$out/pareto.csv" \
    "$out/facts.csv"
step pm-pareto "$bin/pm-pareto" -k account -o "$out/pareto-detail.csv" \
    "$out/facts.csv"
step "pm-pareto -s -g rep" "$bin/pm-pareto" -k account -g rep -s \
    -o "$out/pareto-by-rep.csv" "$out/facts.csv"
# What drives results (pm-score --drivers), when pm-score has it.
set --
if "$bin/pm-score" --drivers -p month --to "$last" \
    -r "$ex/roster.csv" -o "$out/drivers.csv" "$out/facts.csv" \
    2>/dev/null && grep -q spearman "$out/drivers.csv" 2>/dev/null; then
	set -- --drivers "$out/drivers.csv"
else
	rm -f "$out/drivers.csv"
fi
step "pm-report (html)" "$bin/pm-report" -f html -T "$title" \
    --pareto "$out/pareto-detail.csv" --one-on-ones "$@" \
    -o "$out/report.html" "$out/flags.csv"
step "pm-report (markdown)" "$bin/pm-report" -f markdown -T "$title" \
    --pareto "$out/pareto.csv" --one-on-ones "$@" -o "$out/report.md" \
    "$out/flags.csv"
step "pm-report (text)" "$bin/pm-report" -T "$title" \
    --pareto "$out/pareto.csv" "$@" -o "$out/report.txt" "$out/flags.csv"
step "pm-report (email)" "$bin/pm-report" -f email -T "$title" \
    --to "Demo team <team@example.com>" --pareto "$out/pareto.csv" \
    --one-on-ones "$@" -o "$out/report.eml" "$out/flags.csv"

# pareto.txt: the summary, readable.
column -s, -t <"$out/pareto.csv" >"$out/pareto.txt" 2>/dev/null ||
    cp "$out/pareto.csv" "$out/pareto.txt"

cat "$out/report.txt"
rel=${out#"$PWD"/}
cat <<MSG

--------------------------------------------------------------------------------
The pipeline (examples/demo.sh has the options of each step):
  pm-ingest examples/salesforce_opportunities.csv examples/activities.csv |
    pm-score -p month --to $last --rollup \\
      -t examples/targets.csv -r examples/roster.csv |
    pm-flag --plans examples/plans.csv | pm-report
Written to $rel/:
  report.html   the same report with charts and one-on-one sheets: open it in
                a browser
  report.md     the report as Markdown, with the one-on-one sheets
  report.txt    the report above
  report.eml    the report as an e-mail (text and HTML, the one-on-ones
                attached): open it in a mail client, or pipe it to sendmail -t
  facts.csv     pm-ingest output      scores.csv  pm-score output
  flags.csv     pm-flag output        pareto.csv  pm-pareto -s (accounts)
  pareto.txt    the same, as columns  pareto-by-rep.csv  per rep's book
MSG
