# pm-report escapes every piece of data for its format, and its HTML is
# one well-formed, self-contained file.  hostile.csv holds reps and a team
# named with HTML, Markdown syntax, quotes, a pipe and a 84-character name.
. "$(dirname "$0")/../lib.sh"

F=$FIX/report
H=$F/hostile.csv

# --- text ---
t_run "text: hostile names" 0 pm-report --one-on-ones "$H"
w=$(LC_ALL=C.UTF-8 wc -L <"$T/out")
t_eq "text: still 80 columns" yes "$([ "$w" -le 80 ] && echo yes || echo "$w")"
t_grep "text: a long name is cut with an ellipsis in the table" \
    "^  5  Maximilian Alexander Konstantin von H…  Team" "$T/out"
t_grep "text: names shown as they are" "<script>alert\(1\)</script>" "$T/out"
printf 'period,rep,metric,actual\n2026-06,"Esc\033[31mRed",revenue,1\n2026-06,"Tab\there",revenue,2\n' >"$T/ctl.csv"
t_run "text: control characters" 0 pm-report "$T/ctl.csv"
t_nogrep "text: no escape character reaches the terminal" "$(printf '\033')" "$T/out"
t_grep "text: escape made visible" 'Esc\?\[31mRed' "$T/out"
t_grep "text: a tab is a control character too" 'Tab\?here' "$T/out"

t_run "text: a title longer than a line" 0 pm-report -T "$(printf 'Weekly%.0s ' $(seq 20))" "$H"
w=$(LC_ALL=C.UTF-8 wc -L <"$T/out")
t_eq "text: a long title wraps within 80 columns" yes "$([ "$w" -le 80 ] && echo yes || echo "$w")"
t_eq "text: nothing of the title is lost" 20 "$(grep -o Weekly "$T/out" | wc -l)"

# 300 reps with long names: the lists of names stop at a bound.
awk 'BEGIN { print "period,rep,metric,actual,rank,flags"
	for (i = 0; i < 300; i++)
		printf "2026-06,Representative number %03d with a long name,revenue,%d,%d,tier_middle;underperformer\n", i, i, 300 - i }' >"$T/many.csv"
t_run "text: 300 reps" 0 pm-report "$T/many.csv"
t_grep "text: a long list of names ends with ..." "^    .*, \.\.\.$" "$T/out"
t_grep "text: at most five names to attend to" "and 295 more\.$" "$T/out"

# --- Markdown ---
t_run "markdown: hostile names" 0 pm-report -f markdown --one-on-ones "$H"
cp "$T/out" "$T/md"
t_grep "markdown: <script> escaped" '\\<script\\>alert\(1\)\\</script\\>' "$T/md"
t_nogrep "markdown: no raw <script>" '(^|[^\\])<script' "$T/md"
t_grep "markdown: the pipe in a name is escaped" 'Pipe \\\| Name' "$T/md"
t_grep "markdown: emphasis and links escaped" \
    '\\\*star\\\* \\_under\\_ \\\[link\\\]\(http\\://x\) \\`tick\\` \\\\back' "$T/md"
# Every row of a table has as many unescaped pipes as its header.
bad=$(awk '/^\|/ { line = $0; gsub(/\\\\/, "", line); gsub(/\\\|/, "", line)
	n = gsub(/\|/, "", line)
	if (!inside) { want = n; inside = 1 } else if (n != want) print NR ": " $0
	next } { inside = 0 }' "$T/md")
t_eq "markdown: no table row broken by a |" "" "$bad"

# --- HTML ---
t_run "html: hostile names" 0 pm-report -f html --one-on-ones "$H"
cp "$T/out" "$T/h.html"
t_nogrep "html: no <script> anywhere" "<script" "$T/h.html"
t_grep "html: the name is text" '&lt;script&gt;alert\(1\)&lt;/script&gt;' "$T/h.html"
t_grep "html: quotes and ampersand escaped" "O&#39;Brien &quot;Bob&quot; &amp; Co" "$T/h.html"
t_grep "html: notes escaped too" "attainment 120\.0% &lt;b&gt;bold&lt;/b&gt; \| pipe" "$T/h.html"
t_nogrep "html: no <b> or <i> from the data" "<b>|<i>" "$T/h.html"
t_grep "html: names in SVG labels escaped" '<text [^>]*>&lt;script&gt;' "$T/h.html"

# A chart label one character over its room: cut, with the ellipsis.
printf 'period,rep,metric,actual,target,attainment\n2026-06,ABCDEFGHIJKLMNOPQRSTUVW,revenue,1,1,100\n' >"$T/lab.csv"
t_run "html: a label just too long" 0 pm-report -f html "$T/lab.csv"
t_grep "html: the label is cut" '>ABCDEFGHIJKLMNOPQRSTUV…</text>' "$T/out"

t_run "html: the flags fixture" 0 pm-report -f html --one-on-ones \
    --pareto "$F/pareto-detail.csv" "$F/flags.csv"
cp "$T/out" "$T/f.html"
for h in "$T/h.html" "$T/f.html"; do
	n=${h##*/}
	t_grep "$n: doctype first" "^<!DOCTYPE html>$" "$h"
	t_eq "$n: doctype on line 1" "<!DOCTYPE html>" "$(head -1 "$h")"
	t_grep "$n: charset" '<meta charset="utf-8">' "$h"
	t_grep "$n: viewport" '<meta name="viewport" content="width=device-width' "$h"
	t_grep "$n: inline style" "<style>" "$h"
	t_grep "$n: print stylesheet" "@media print" "$h"
	t_grep "$n: inline SVG" "<svg " "$h"
	t_nogrep "$n: no external assets" '(src|href)=|url\(|@import' "$h"
	t_nogrep "$n: no script, no event handlers" '<script| on[a-z]+=' "$h"
	t_eq "$n: ends with </html>" "</html>" "$(tail -1 "$h")"
done
t_grep "f.html: the attainment bars" "Composite score by rep" "$T/f.html"
t_grep "f.html: the attainment bands" "Reps by composite score" "$T/f.html"
t_grep "f.html: the tier histogram" "Reps per tier" "$T/f.html"
t_grep "f.html: the Pareto curve" "<polyline" "$T/f.html"

# Well-formed: every element opened is closed, in order (void elements
# excepted), checked with Python's HTML parser when it is installed.
if command -v python3 >/dev/null; then
	for h in "$T/h.html" "$T/f.html"; do
		r=$(python3 - "$h" <<'PY'
import sys
from html.parser import HTMLParser
VOID = {"meta", "br", "hr", "img", "link", "input"}
class P(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.err = [], []
    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append(tag)
    def handle_startendtag(self, tag, attrs):
        pass
    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.err.append("unexpected </%s> at %s, open: %s" %
                (tag, self.getpos(), self.stack[-3:]))
        else:
            self.stack.pop()
p = P()
p.feed(open(sys.argv[1], encoding="utf-8").read())
p.close()
if p.stack:
    p.err.append("never closed: %s" % p.stack)
print("\n".join(p.err[:5]) or "ok")
PY
)
		t_eq "${h##*/}: well-formed" ok "$r"
	done
else
	skip "html well-formed" "python3 is not installed"
fi

# Rendered by a real browser: a PNG that is not blank.
if command -v chromium >/dev/null; then
	prof=$(mktemp -d)
	timeout 90 chromium --headless --no-sandbox --disable-gpu \
	    --disable-background-networking --disable-component-update \
	    --disable-sync --no-first-run --user-data-dir="$prof" \
	    --screenshot="$T/f.png" --window-size=1000,1600 \
	    "file://$T/f.html" >/dev/null 2>&1
	rm -rf "$prof"
	if [ -s "$T/f.png" ]; then
		# A blank page compresses to a few kilobytes.
		sz=$(wc -c <"$T/f.png")
		t_eq "chromium renders a page that is not blank" yes \
		    "$([ "$sz" -gt 20000 ] && echo yes || echo "$sz bytes")"
	else
		not_ok "chromium renders the report to a PNG"
	fi
else
	skip "chromium renders the report" "chromium is not installed"
fi
