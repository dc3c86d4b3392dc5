#!/bin/sh
# The benchmark harness (SPEC section 9): `make bench`, or
#   sh tests/bench.sh [BINDIR]
# Generates deterministic data in bench-out/ (reused while the generator
# and the sizes are unchanged), times each tool and the same work done by
# a bare libcsv loop, GNU datamash and Miller, and the GNU parallel
# recipe, and prints one table of medians with MB/s, rows/s, peak RSS and
# the ratios, then the issue 8 targets met or not.  A tool that fails
# shows "n/a (exit N)".  tests/bench/NOTES.md has figures and profiles.
#
# Environment: BENCH_ROWS (facts rows, default 2000000; the Salesforce
# export gets half as many records), BENCH_RUNS (default 3),
# BENCH_OUT (default bench-out), CC (default cc); BENCH_REPS (20000),
# BENCH_METRICS (10000) and BENCH_ORG_RUNS (1) for the large
# organisation (SPEC section 19).
set -u
export LC_ALL=C
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BINDIR=${1:-$ROOT/bin}
# A Makefile that prefixes $(CURDIR) to an absolute BIN gives dir//abs.
case $BINDIR in
*//*) [ -d "$BINDIR" ] || BINDIR=/${BINDIR#*//} ;;
esac
ROWS=${BENCH_ROWS:-2000000}
RUNS=${BENCH_RUNS:-3}
OUT=${BENCH_OUT:-$ROOT/bench-out}
CC=${CC:-cc}
case $ROWS in '' | *[!0-9]*) echo "bench: BENCH_ROWS must be a number" >&2; exit 64 ;; esac
case $RUNS in '' | *[!0-9]* | 0) echo "bench: BENCH_RUNS must be a positive number" >&2; exit 64 ;; esac
[ "$ROWS" -ge 1000 ] || { echo "bench: BENCH_ROWS must be at least 1000" >&2; exit 64; }
SFROWS=$((ROWS / 2))
HALF=$((ROWS / 2))
SFHALF=$((SFROWS / 2))

TOOLS=$OUT/tools
DATA=$OUT/data
RUN=$OUT/run
mkdir -p "$TOOLS" "$DATA" "$RUN" || exit 73
RES=$RUN/results.tsv
: >"$RES"
NOTES=$RUN/notes.txt
: >"$NOTES"
t_start=$(date +%s)
load0=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)

note() { printf '%s\n' "$*" >>"$NOTES"; }

# --- build the harness's own programs ---------------------------------
PMFLAGS="-std=c11 -Wall -Wextra -D_POSIX_C_SOURCE=200809L -DPM_VERSION=\"bench\" -I$ROOT/common"
echo "bench: building the generator and the baseline loops with $CC -O2"
# shellcheck disable=SC2086
$CC -O2 $PMFLAGS -o "$TOOLS/gen" "$ROOT/tests/bench/gen.c" \
    "$ROOT/common/date.c" || exit 70
$CC -O2 -Wall -Wextra -o "$TOOLS/csvloop" "$ROOT/tests/bench/csvloop.c" \
    -lcsv || exit 70
# The csvr_next loop is built from the current common/ sources with the
# Makefile's default optimisation (-O2 -g), so it measures this tree.
# shellcheck disable=SC2086
$CC -O2 -g $PMFLAGS -o "$TOOLS/rowloop" "$ROOT/tests/bench/rowloop.c" \
    "$ROOT"/common/*.c -lcsv -lm || exit 70

# --- data --------------------------------------------------------------
FACTS=$DATA/facts.csv
FHALF=$DATA/facts-half.csv
SFDC=$DATA/sfdc.csv
SFHALFF=$DATA/sfdc-half.csv
TEAM=$DATA/team-facts.csv
TARGETS=$DATA/targets.csv
ROSTER=$DATA/roster.csv
stamp="rows=$ROWS gen=$(cat "$ROOT/tests/bench/gen.c" "$ROOT/common/date.c" | cksum)"
if [ -f "$DATA/stamp" ] && [ "$(cat "$DATA/stamp")" = "$stamp" ] &&
    [ -s "$FACTS" ] && [ -s "$SFDC" ]; then
	echo "bench: reusing the data in $DATA"
else
	echo "bench: generating $ROWS facts rows and $SFROWS Salesforce records in $DATA"
	rm -f "$DATA/stamp"
	"$TOOLS/gen" facts "$ROWS" >"$FACTS" &&
	    head -n $((HALF + 1)) "$FACTS" >"$FHALF" &&
	    "$TOOLS/gen" sfdc "$SFROWS" >"$SFDC" &&
	    "$TOOLS/gen" sfdc "$SFHALF" >"$SFHALFF" &&
	    # A realistic team: 200 reps x 24 months x 8 metrics.
	    "$TOOLS/gen" facts 192000 200 20000 8 24 >"$TEAM" &&
	    "$TOOLS/gen" targets 8 >"$TARGETS" &&
	    "$TOOLS/gen" roster 200 >"$ROSTER" || exit 74
	echo "$stamp" >"$DATA/stamp"
fi

# --- timing ------------------------------------------------------------
HAVE_TIME=0
if [ -x /usr/bin/time ] && /usr/bin/time -f '%e %M' -o "$RUN/probe" true \
    2>/dev/null; then
	HAVE_TIME=1
else
	note "/usr/bin/time (GNU time) is absent: no peak RSS, wall time from date(1)."
fi

now_ns() { date +%s%N; }

# once CMD...: one run, stdout to /dev/null; sets secs, cpu, rss, rc.
# Wall time comes from date(1) for millisecond resolution; CPU time (user
# + system, children included) and peak RSS from GNU time.
once() {
	t0=$(now_ns)
	if [ $HAVE_TIME = 1 ]; then
		/usr/bin/time -f '%M %U %S' -o "$RUN/time" "$@" >/dev/null \
		    2>"$RUN/stderr"
		rc=$?
	else
		"$@" >/dev/null 2>"$RUN/stderr"
		rc=$?
	fi
	t1=$(now_ns)
	secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
	rss=- cpu=-
	# time(1) prefixes "Command exited with non-zero status N".
	if [ $HAVE_TIME = 1 ]; then
		set -- $(tail -n 1 "$RUN/time")
		rss=$1
		cpu=$(awk -v u="$2" -v s="$3" 'BEGIN { printf "%.2f", u + s }')
	fi
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# bench ID LABEL INPUT CMD...: RUNS runs, the medians go to results.tsv.
# A failing command is run once and recorded as n/a with its exit status.
bench() {
	id=$1 label=$2 input=$3
	shift 3
	bytes=$(wc -c <"$input")
	rows=$(($(wc -l <"$input") - 1))
	: >"$RUN/secs"
	: >"$RUN/rss"
	: >"$RUN/cpu"
	i=0
	while [ $i -lt "$RUNS" ]; do
		once "$@"
		if [ $rc -ne 0 ]; then
			printf '%s\t%s\t%s\t%s\t%s\t-\t-\tn/a (exit %s)\n' "$id" "$label" \
			    "${input##*/}" "$bytes" "$rows" "$rc" >>"$RES"
			why=$(head -n 1 "$RUN/stderr")
			[ "$rc" -gt 128 ] && why="killed by signal $((rc - 128)) $why"
			note "$label: exit $rc: $why"
			printf '  %-34s n/a (exit %s)\n' "$label" "$rc"
			return 1
		fi
		echo "$secs" >>"$RUN/secs"
		echo "$rss" >>"$RUN/rss"
		echo "$cpu" >>"$RUN/cpu"
		i=$((i + 1))
	done
	s=$(median <"$RUN/secs")
	m=$(median <"$RUN/rss")
	c=$(median <"$RUN/cpu")
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\tok\t%s\n' "$id" "$label" \
	    "${input##*/}" "$bytes" "$rows" "$s" "$m" "$c" >>"$RES"
	printf '  %-34s %7s s (runs: %s)\n' "$label" "$s" \
	    "$(tr '\n' ' ' <"$RUN/secs")"
	return 0
}

have() { command -v "$1" >/dev/null 2>&1; }
PM() { echo "$BINDIR/$1"; }

echo "bench: $RUNS runs each, medians; tools from $BINDIR"

# Facts: the aggregators and their peers on the same file.
bench libcsv "libcsv parse loop (baseline)" "$FACTS" "$TOOLS/csvloop" "$FACTS"
bench rowloop "csvr_next loop (common/csvin.c)" "$FACTS" "$TOOLS/rowloop" "$FACTS"
bench score "pm-score -p month" "$FACTS" "$(PM pm-score)" -p month "$FACTS"
bench score_half "pm-score -p month, half input" "$FHALF" "$(PM pm-score)" -p month "$FHALF"
bench pareto "pm-pareto" "$FACTS" "$(PM pm-pareto)" "$FACTS"
bench pareto_half "pm-pareto, half input" "$FHALF" "$(PM pm-pareto)" "$FHALF"
if have datamash; then
	# Columns 1-4 never hold a quoted comma, so datamash's plain comma
	# split reads them right even though column 5 has quoted commas.
	bench datamash "datamash -s groupby rep,metric" "$FACTS" \
	    sh -c 'datamash -t, -s -H groupby 2,3 sum 4 <"$1"' sh "$FACTS"
else
	note "GNU datamash not installed (Debian: apt-get install datamash): no datamash rows."
fi
if have mlr; then
	bench mlr "mlr monthly groupby rep,metric" "$FACTS" \
	    mlr --icsv --ocsv put '$month = substr($date, 0, 6)' \
	    then stats1 -a sum -f value -g month,rep,metric "$FACTS"
	bench mlr_pareto "mlr revenue by account, sorted" "$FACTS" \
	    mlr --icsv --ocsv filter '$metric == "revenue"' \
	    then stats1 -a sum -f value -g account then sort -nr value_sum "$FACTS"
else
	note "Miller not installed (Debian: apt-get install miller): no Miller rows."
fi

# The GNU parallel recipe of pm-tools(7), when --partial works.
if have parallel; then
	head -n 100 "$FACTS" >"$RUN/probe.csv"
	if "$(PM pm-score)" --partial -p month "$RUN/probe.csv" >/dev/null 2>&1; then
		bench parallel "parallel --pipe | pm-score --merge" "$FACTS" \
		    sh -c 'parallel --pipe --header : --block 64M "$1" --partial -p month <"$2" | "$1" --merge' \
		    sh "$(PM pm-score)" "$FACTS"
		# --pipepart reads the file itself instead of piping every
		# byte through parallel's Perl: the recipe for a file.
		bench pipepart "parallel --pipepart | --merge" "$FACTS" \
		    sh -c 'parallel --pipepart -a "$2" --header : --block 32M "$1" --partial -p month | "$1" --merge' \
		    sh "$(PM pm-score)" "$FACTS"
		"$(PM pm-score)" -p month "$FACTS" >"$RUN/score.csv" 2>/dev/null
		parallel --pipe --header : --block 64M "$(PM pm-score)" --partial \
		    -p month <"$FACTS" 2>/dev/null | "$(PM pm-score)" --merge \
		    >"$RUN/merged.csv" 2>/dev/null
		if cmp -s "$RUN/score.csv" "$RUN/merged.csv"; then
			note "parallel recipe: output byte-identical to one pm-score run."
		else
			note "parallel recipe: output DIFFERS from one pm-score run ($RUN/score.csv vs $RUN/merged.csv)."
		fi
	else
		printf 'parallel\tparallel --pipe | pm-score --merge\t%s\t-\t-\t-\t-\tn/a (--partial fails)\n' \
		    "${FACTS##*/}" >>"$RES"
		note "parallel recipe skipped: pm-score --partial -p month fails."
	fi
else
	note "GNU parallel not installed: no scale-out row."
fi

# The Salesforce-style export: pm-ingest against the same baselines.
bench libcsv_sf "libcsv parse loop (baseline)" "$SFDC" "$TOOLS/csvloop" "$SFDC"
bench rowloop_sf "csvr_next loop (common/csvin.c)" "$SFDC" "$TOOLS/rowloop" "$SFDC"
bench ingest "pm-ingest" "$SFDC" "$(PM pm-ingest)" -q "$SFDC"
bench ingest_half "pm-ingest, half input" "$SFHALFF" "$(PM pm-ingest)" -q "$SFHALFF"

# Realistic scores (200 reps x 24 months x 8 metrics) for pm-flag and
# pm-report, made by pm-score when it works.
SCORES=$RUN/scores.csv
FLAGS=$RUN/flags.csv
if { "$(PM pm-score)" -p month -t "$TARGETS" -r "$ROSTER" --rollup "$TEAM" ||
    "$(PM pm-score)" -p month -t "$TARGETS" -r "$ROSTER" "$TEAM"; } \
    >"$SCORES" 2>"$RUN/stderr" && [ -s "$SCORES" ]; then
	bench flag "pm-flag" "$SCORES" "$(PM pm-flag)" "$SCORES"
	if "$(PM pm-flag)" "$SCORES" >"$FLAGS" 2>/dev/null && [ -s "$FLAGS" ]; then
		REPIN=$FLAGS
	else
		REPIN=$SCORES
		note "pm-report timed on pm-score output (pm-flag fails)."
	fi
	bench report_text "pm-report -f text" "$REPIN" "$(PM pm-report)" -f text "$REPIN"
	bench report_html "pm-report -f html" "$REPIN" "$(PM pm-report)" -f html "$REPIN"
else
	note "pm-flag and pm-report skipped: pm-score cannot make the scores ($(head -n 1 "$RUN/stderr"))."
	for x in "flag pm-flag" "report_text pm-report -f text" "report_html pm-report -f html"; do
		printf '%s\t%s\tscores\t-\t-\t-\t-\tn/a (no scores)\n' \
		    "${x%% *}" "${x#* }" >>"$RES"
	done
fi

# --- the large organisation (SPEC section 19) ---------------------------
# BENCH_REPS reps (default 20,000; 180 facts a rep), 24 months, 8 metrics,
# targets and a roster, through pm-score --rollup | pm-flag | pm-report
# -f html --one-on-ones, each tool timed on the file the one before it
# wrote; and again at half the reps, for the linear-time check.  Then
# 4 reps over BENCH_METRICS metric names (default 10,000) and twice as
# many: the tools must not be quadratic in the metrics either.  One run
# each (BENCH_ORG_RUNS): the full case alone takes a minute.
REPS=${BENCH_REPS:-20000}
NMET=${BENCH_METRICS:-10000}
case $REPS in '' | *[!0-9]*) echo "bench: BENCH_REPS must be a number" >&2; exit 64 ;; esac
case $NMET in '' | *[!0-9]*) echo "bench: BENCH_METRICS must be a number" >&2; exit 64 ;; esac
[ "$REPS" -ge 20 ] || { echo "bench: BENCH_REPS must be at least 20" >&2; exit 64; }
ORGD=$DATA/org
mkdir -p "$ORGD" || exit 73
ostamp="reps=$REPS metrics=$NMET gen=$(cat "$ROOT/tests/bench/gen.c" "$ROOT/common/date.c" | cksum)"
if [ -f "$ORGD/stamp" ] && [ "$(cat "$ORGD/stamp")" = "$ostamp" ]; then
	echo "bench: reusing the large organisation in $ORGD"
else
	echo "bench: generating $REPS reps (and half) and $NMET metrics (and twice) in $ORGD"
	rm -f "$ORGD/stamp"
	for n in $REPS $((REPS / 2)); do
		"$TOOLS/gen" facts $((n * 180)) "$n" 20000 8 24 >"$ORGD/facts-$n.csv" &&
		    "$TOOLS/gen" roster "$n" >"$ORGD/roster-$n.csv" || exit 74
	done
	"$TOOLS/gen" targets 8 >"$ORGD/targets.csv" || exit 74
	for n in $NMET $((NMET * 2)); do
		awk -v n="$n" 'BEGIN { print "date,rep,metric,value"
		    for (m = 0; m < n; m++) for (r = 0; r < 4; r++)
			printf "2025-03-%02d,Rep %d,m%06d,%d\n", 1 + m % 28, r, m, (m * 7 + r * 13) % 100 }' \
		    >"$ORGD/mfacts-$n.csv" &&
		awk -v n="$n" 'BEGIN { print "period,rep,metric,target"
		    for (m = 0; m < n; m++) printf "*,*,m%06d,50\n", m }' \
		    >"$ORGD/mtargets-$n.csv" || exit 74
	done
	echo "$ostamp" >"$ORGD/stamp"
fi
runs_saved=$RUNS
RUNS=${BENCH_ORG_RUNS:-1}
for n in $REPS $((REPS / 2)); do
	sfx=; [ "$n" = "$REPS" ] || sfx=_half
	f=$ORGD/facts-$n.csv sc=$RUN/org-scores-$n.csv fl=$RUN/org-flags-$n.csv
	if "$(PM pm-score)" --rollup -t "$ORGD/targets.csv" -r "$ORGD/roster-$n.csv" \
	    "$f" >"$sc" 2>"$RUN/stderr" && "$(PM pm-flag)" "$sc" >"$fl" 2>>"$RUN/stderr"; then
		[ -z "$sfx" ] && echo "$(($(wc -l <"$sc") - 1))" >"$RUN/org-score-rows"
		bench org_score$sfx "org: pm-score --rollup ($n reps)" "$f" "$(PM pm-score)" \
		    --rollup -t "$ORGD/targets.csv" -r "$ORGD/roster-$n.csv" "$f"
		bench org_flag$sfx "org: pm-flag ($n reps)" "$sc" "$(PM pm-flag)" "$sc"
		bench org_report$sfx "org: pm-report --one-on-ones ($n reps)" "$fl" \
		    "$(PM pm-report)" -f html --one-on-ones "$fl"
	else
		note "large organisation ($n reps) skipped: $(head -n 1 "$RUN/stderr")"
	fi
done
for n in $NMET $((NMET * 2)); do
	sfx=; [ "$n" = "$NMET" ] || sfx=_twice
	f=$ORGD/mfacts-$n.csv sc=$RUN/m-scores-$n.csv fl=$RUN/m-flags-$n.csv
	bench met_score$sfx "metrics: pm-score ($n names)" "$f" "$(PM pm-score)" \
	    --rollup -t "$ORGD/mtargets-$n.csv" "$f"
	if "$(PM pm-score)" --rollup -t "$ORGD/mtargets-$n.csv" "$f" >"$sc" 2>"$RUN/stderr" &&
	    "$(PM pm-flag)" --metric m000000 "$sc" >"$fl" 2>>"$RUN/stderr"; then
		bench met_flag$sfx "metrics: pm-flag ($n names)" "$sc" "$(PM pm-flag)" --metric m000000 "$sc"
		bench met_report$sfx "metrics: pm-report --one-on-ones ($n names)" "$fl" \
		    "$(PM pm-report)" --one-on-ones "$fl"
	else
		note "metrics case ($n names) skipped: $(head -n 1 "$RUN/stderr")"
	fi
done
RUNS=$runs_saved
rm -f "$RUN"/org-scores-$((REPS / 2)).csv "$RUN"/org-flags-$((REPS / 2)).csv

# --- report ------------------------------------------------------------
t_end=$(date +%s)
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null)
mem=$(awk '/^MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo 2>/dev/null)
ncpu=$(nproc 2>/dev/null || echo '?')
libcsv=$(dpkg-query -W -f '${Version}' libcsv3 2>/dev/null || echo '?')
{
echo
echo "Machine: ${cpu:-unknown CPU}, $ncpu cores, ${mem:-? RAM}, $(uname -sr)"
echo "Load average: ${load0:-?} at the start, $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null) at the end"
case $ncpu in
*[!0-9]* | '') ;;
*)	if awk -v l="${load0%% *}" -v n="$ncpu" 'BEGIN { exit !(l > n) }'; then
		echo "WARNING: the machine was busy (load above $ncpu cores): wall times are inflated"
		echo "and noisy; the CPU-time ratios in parentheses are the better guide."
	fi ;;
esac
echo "Compiler: $($CC --version 2>/dev/null | head -n 1); libcsv $libcsv"
echo "Peers: $(have datamash && datamash --version | head -n 1); $(have mlr && mlr --version); $(have parallel && parallel --version | head -n 1)"
echo "Medians of $RUNS runs; ratios and verdicts on wall time; \"vs loop\" = bare libcsv loop time / this time on the same file"
echo "Data: facts $ROWS rows ($(($(wc -c <"$FACTS") / 1000000)) MB), Salesforce export $SFROWS records ($(($(wc -c <"$SFDC") / 1000000)) MB)"
echo
awk -F'\t' '
function fmt_rate(x) {
	if (x >= 1e6) return sprintf("%.2fM", x / 1e6)
	if (x >= 1e3) return sprintf("%.0fk", x / 1e3)
	return sprintf("%.0f", x)
}
{ id[NR] = $1; label[NR] = $2; input[NR] = $3; bytes[NR] = $4
  rows[NR] = $5; secs[NR] = $6; rss[NR] = $7; st[NR] = $8; cpu[NR] = $9
  if (st[NR] == "ok") t[$1] = $6 }
END {
	printf "%-34s %-14s %7s %6s %7s %7s %7s %7s %s\n", "case", "input", "secs",
	    "cpu s", "MB/s", "rows/s", "RSS MB", "vs loop", "vs peers"
	for (i = 1; i <= NR; i++) {
		if (st[i] != "ok") {
			printf "%-34s %-14s %s\n", label[i], input[i], st[i]
			continue
		}
		s = secs[i] > 0 ? secs[i] : 0.005
		base = input[i] ~ /^sfdc/ ? t["libcsv_sf"] : t["libcsv"]
		vs = "-"
		if (base != "" && input[i] !~ /half|team|scores|flags|facts-/)
			vs = sprintf("%.2fx", base / s)
		peers = ""
		if (id[i] == "score") {
			if (t["datamash"] != "")
				peers = peers sprintf("%.1fx datamash ", t["datamash"] / s)
			if (t["mlr"] != "")
				peers = peers sprintf("%.1fx mlr", t["mlr"] / s)
		}
		if ((id[i] == "parallel" || id[i] == "pipepart") && t["score"] != "")
			peers = sprintf("%.2fx one pm-score", t["score"] / s)
		if (id[i] == "pareto" && t["mlr_pareto"] != "")
			peers = sprintf("%.1fx mlr", t["mlr_pareto"] / s)
		if (id[i] == "score_half" && t["score"] != "")
			peers = sprintf("full/half time %.2f", t["score"] / s)
		if (id[i] == "pareto_half" && t["pareto"] != "")
			peers = sprintf("full/half time %.2f", t["pareto"] / s)
		if (id[i] == "ingest_half" && t["ingest"] != "")
			peers = sprintf("full/half time %.2f", t["ingest"] / s)
		rssmb = rss[i] == "-" ? "-" : sprintf("%.1f", rss[i] / 1024)
		printf "%-34s %-14s %7.3f %6s %7.1f %7s %7s %7s %s\n", label[i],
		    input[i], secs[i], cpu[i], bytes[i] / 1e6 / s,
		    fmt_rate(rows[i] / s), rssmb, vs, peers
	}
}' "$RES"
echo
echo "Targets (issue 8):"
[ "$ROWS" -lt 2000000 ] &&
    echo "  (they are set for the default 2,000,000 rows: on less, start-up and output dominate)"
awk -F'\t' '
{ if ($8 == "ok") { t[$1] = $6; r[$1] = $7; b[$1] = $4; c[$1] = $9 } }
function verdict(ok) { return ok ? "met" : "NOT MET" }
function ratio(name, base, want,   s) {
	if (t[name] == "" || t[base] == "") {
		printf "  %-52s n/a\n", name " vs " base
		return
	}
	s = t[name] > 0 ? t[name] : 0.005
	cr = (c[name] > 0 && c[base] > 0) ? sprintf("  (CPU time: %.2fx)", c[base] / c[name]) : ""
	printf "  %-52s %5.2fx  %-7s%s\n", name " speed vs " base " (want >= " want "x)",
	    t[base] / s, verdict(t[base] / s >= want), cr
}
function rss(name, mb) {
	if (t[name] == "" || r[name] == "-") { printf "  %-52s n/a\n", name " peak RSS"; return }
	printf "  %-52s %5.1f MB %s\n", name " peak RSS (want < " mb " MB)",
	    r[name] / 1024, verdict(r[name] / 1024 < mb)
}
# Twice the rows in at most twice the time.  Three runs on a shared
# machine scatter by some 10%, so 2.0 to 2.2 is reported as such rather
# than as a failure; the CPU-time ratio is printed beside it.
function linear(full, half,   s, x, v) {
	if (t[full] == "" || t[half] == "") { printf "  %-52s n/a\n", full " linear"; return }
	s = t[half] > 0 ? t[half] : 0.005
	x = t[full] / s
	v = x <= 2.0 ? "met" : x <= 2.2 ? "within noise" : "NOT MET"
	cr = (c[half] > 0 && c[full] > 0) ? sprintf("  (CPU time: %.2f)", c[full] / c[half]) : ""
	printf "  %-52s %5.2f   %-7s%s\n", full " time full / half input (want <= 2)", x, v, cr
}
END {
	ratio("rowloop", "libcsv", 0.7)
	ratio("score", "libcsv", 0.7)
	ratio("score", "datamash", 3)
	ratio("score", "mlr", 10)
	rss("score", 16)
	linear("score", "score_half")
	ratio("pareto", "libcsv", 0.7)
	rss("pareto", 16)
	linear("pareto", "pareto_half")
	if (t["ingest"] != "") {
		mbs = b["ingest"] / 1e6 / (t["ingest"] > 0 ? t["ingest"] : 0.005)
		cr = c["ingest"] > 0 ? sprintf("  (on CPU time: %.1f)", b["ingest"] / 1e6 / c["ingest"]) : ""
		printf "  %-52s %5.1f   %-7s%s\n", "ingest MB/s on the Salesforce export (want >= 100)",
		    mbs, verdict(mbs >= 100), cr
	} else
		printf "  %-52s n/a\n", "ingest MB/s"
	if (t["ingest"] != "" && t["ingest_half"] != "" && r["ingest"] != "-")
		printf "  %-52s %5.1f / %.1f MB %s\n", "ingest peak RSS full / half input (want flat)",
		    r["ingest"] / 1024, r["ingest_half"] / 1024,
		    verdict(r["ingest"] <= r["ingest_half"] * 1.25 + 1024)
	else
		printf "  %-52s n/a\n", "ingest memory flat"
	linear("ingest", "ingest_half")
	# Issue 10 asks for the speed-up, not a target: with few cores the
	# split and the pipes can cost more than they save.
	for (k = 1; k <= 2; k++) {
		name = k == 1 ? "parallel" : "pipepart"
		if (t[name] != "" && t["score"] != "")
			printf "  %-52s %5.2fx  (no target)\n", "scale-out: " name " speed-up over one pm-score",
			    t["score"] / (t[name] > 0 ? t[name] : 0.005)
	}
}' "$RES"
echo
echo "Targets (issue 23, SPEC section 19; CPU time, user + system):"
awk -F'\t' -v srows="$(cat "$RUN/org-score-rows" 2>/dev/null)" '
{ if ($8 == "ok") { t[$1] = $6; r[$1] = $7; b[$1] = $4; c[$1] = $9 } }
function verdict(ok) { return ok ? "met" : "NOT MET" }
function grow(full, half, what,   x) {
	if (c[full] == "" || c[half] == "") { printf "  %-52s n/a\n", full " " what; return }
	x = c[full] / (c[half] > 0 ? c[half] : 0.005)
	printf "  %-52s %5.2f   %s\n", full ": CPU " what " (want <= 2.5)", x, verdict(x <= 2.5)
}
function mem(name,   x) {
	if (t[name] == "" || r[name] == "-") { printf "  %-52s n/a\n", name " peak RSS"; return }
	x = r[name] * 1024 / b[name]
	printf "  %-52s %5.2fx  %s  (%.0f MB for %.0f MB)\n", name ": peak RSS / input (want <= 2)",
	    x, verdict(x <= 2), r[name] / 1024, b[name] / 1e6
}
END {
	if (c["org_score"] > 0 && srows != "") {
		x = srows / c["org_score"]
		printf "  %-52s %5.2fM  %s  (%d rows)\n", "org_score: scores rows per CPU second (want >= 1M)",
		    x / 1e6, verdict(x >= 1e6), srows
	} else
		printf "  %-52s n/a\n", "org_score rows per CPU second"
	mem("org_flag")
	mem("org_report")
	grow("org_score", "org_score_half", "twice the reps")
	grow("org_flag", "org_flag_half", "twice the reps")
	grow("org_report", "org_report_half", "twice the reps")
	grow("met_score_twice", "met_score", "twice the metrics")
	grow("met_flag_twice", "met_flag", "twice the metrics")
	grow("met_report_twice", "met_report", "twice the metrics")
}' "$RES"
if [ -s "$NOTES" ]; then
	echo
	echo "Notes:"
	sed 's/^/  /' "$NOTES"
fi
echo
echo "Total $(($(date +%s) - t_start)) s (timing $((t_end - t_start)) s); raw figures in $RES"
} | tee "$RUN/report.txt"
