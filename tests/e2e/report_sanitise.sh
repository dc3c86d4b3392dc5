# pm-report in every format (SPEC section 18): control characters (ESC,
# C1 such as U+009B CSI, DEL), bidirectional controls (U+202E, U+2066)
# in names and notes show as '?'; HTML and Markdown isolate names in
# <bdi>; Markdown makes no link of a name.  Expected text by hand:
# each control is one '?'.
. "$(dirname "$0")/../lib.sh"

cd "$T" || exit 70
ESC=$(printf '\033') DEL=$(printf '\177')
CSI=$(printf '\302\233') RLO=$(printf '\342\200\256') LRI=$(printf '\342\201\246')
# Rep "Ann ESC[2J CSI x DEL y RLO z", team "T RLO m", a note with an OSC
# title sequence (ESC ]0;t BEL) and an LRI.
printf 'period,rep,team,metric,actual,target,attainment,rank,reps,percentile,flags,notes\n2026-06,"Ann\033[2J\302\233x\177y\342\200\256z","T\342\200\256m",revenue,100,100,100,1,2,100,target_hit,"note \033]0;t\007 \342\201\246end"\n2026-06,Bob,East,revenue,50,100,50,2,2,0,underperformer,\n' >n.csv
NAME='Ann?[2J?x?y?z'

# no_controls NAME FILE: none of the five sequences is in FILE.
no_controls() {
	for c in "$ESC" "$DEL" "$CSI" "$RLO" "$LRI" "$(printf '\007')"; do
		if grep -q "$c" "$2"; then
			not_ok "$1" "$(od -c "$2" | grep -m3 '033\|177\|302 233\|342 200 256\|342 201 246\|\\a')"
			return
		fi
	done
	ok "$1"
}

# --- text ---
t_run "text" 0 pm-report --one-on-ones n.csv
no_controls "text: no control or bidi character" out
t_grep "text: the leaderboard row" '^  1  Ann\?\[2J\?x\?y\?z  T\?m  ' out
t_grep "text: the paragraph" '^Leading: Ann\?\[2J\?x\?y\?z\. Needs attention: Bob\.$' out
t_grep "text: the one-on-one heading" '^Ann\?\[2J\?x\?y\?z \(T\?m\)$' out
t_grep "text: the note" '^  - Target hit: note \?\]0;t\? \?end$' out
t_grep "text: the heading's rule as wide as the name shown" '^(·){19}$' out

# --- Markdown ---
t_run "markdown" 0 pm-report -f markdown --one-on-ones n.csv
no_controls "markdown: no control or bidi character" out
t_grep "markdown: names in <bdi>, escaped" \
    '^\| 1 \| <bdi>Ann\?\\\[2J\?x\?y\?z</bdi> \| <bdi>T\?m</bdi> \| 100 \| 100\.0% \|$' out
t_grep "markdown: the item lead in <bdi>" \
    '^- \*\*<bdi>Ann\?\\\[2J\?x\?y\?z \(T\?m\)</bdi>\*\*: note \?\\\]0;t\? \?end$' out
t_grep "markdown: the one-on-one heading in <bdi>" \
    '^### <bdi>Ann\?\\\[2J\?x\?y\?z \(T\?m\)</bdi>$' out

# --- HTML ---
t_run "html" 0 pm-report -f html --one-on-ones n.csv
no_controls "html: no control or bidi character" out
t_grep "html: names in <bdi>" \
    '<td class="w"><bdi>Ann\?\[2J\?x\?y\?z</bdi></td><td class="w"><bdi>T\?m</bdi></td>' out
t_grep "html: the item lead in <bdi>" \
    '<li><strong><bdi>Ann\?\[2J\?x\?y\?z \(T\?m\)</bdi></strong>: note \?\]0;t\? \?end' out
t_grep "html: the one-on-one heading in <bdi>" \
    '^<h3><bdi>Ann\?\[2J\?x\?y\?z \(T\?m\)</bdi></h3>$' out
t_grep "html: the SVG label" '>Ann\?\[2J\?x\?y\?z</text>' out

# --- e-mail: its text part and its HTML part, decoded ---
if command -v python3 >/dev/null 2>&1; then
	t_run "email" 0 pm-report -f email --to a@example.com n.csv
	python3 - out >parts <<'PY'
import email, sys
m = email.message_from_binary_file(open(sys.argv[1], 'rb'))
for p in m.walk():
    if p.get_content_maintype() == 'text':
        sys.stdout.write('--- %s\n' % p.get_content_type())
        sys.stdout.write(p.get_payload(decode=True).decode('utf-8'))
PY
	sed -n '/^--- text\/plain/,/^--- text\/html/p' parts >plain
	sed -n '/^--- text\/html/,$p' parts >html
	no_controls "email: no control or bidi character in the text" plain
	no_controls "email: none in the HTML" html
	t_grep "email: the text leaderboard" '^  1  Ann\?\[2J\?x\?y\?z  T\?m  ' plain
	t_grep "email: the HTML name in <bdi>" '<bdi>Ann\?\[2J\?x\?y\?z</bdi>' html
else
	skip "email" "no python3"
fi

# --- a title with controls, and one that is not UTF-8 ---
t_run "text: -T with an escape" 0 pm-report -T "$(printf 'Q\033[2J\342\200\256')" n.csv
t_eq "text: the title shown safe" "Q?[2J?" "$(head -1 out)"
t_eq "text: its rule as wide" "======" "$(sed -n 2p out)"
t_run "html: -T with an escape" 0 pm-report -f html -T "$(printf 'Q\033[2J')" n.csv
t_grep "html: the title shown safe" '^<title>Q\?\[2J</title>$' out
t_run "markdown: -T with an escape" 0 pm-report -f markdown -T "$(printf 'Q\033[2J')" n.csv
t_eq "markdown: the title shown safe" '# Q?\[2J' "$(head -1 out)"
for f in text markdown html email; do
	t_run "$f: -T not UTF-8 is exit 64" 64 pm-report -f $f -T "$(printf 'Q\233')" n.csv
	t_eq "$f: nothing written" "" "$(cat out)"
done
# A raw 0x9b (8-bit CSI) in the data: not UTF-8, exit 65, named safely.
printf 'period,rep,metric,actual\n2026-06,"A\233[2J",revenue,1\n' >raw.csv
t_run "a raw 0x9b in a name" 65 pm-report raw.csv
t_eq "its message" "pm-report: raw.csv:2: field 2: invalid UTF-8" "$(cat err)"

# --- Markdown: no name becomes a link or markup ---
printf '%s\n' 'period,rep,team,metric,actual,target,attainment,rank,reps' \
    '2026-06,https://evil.example,www.evil.example,revenue,100,100,100,1,4' \
    '2026-06,HTTP://x.example/a,T,revenue,90,100,90,2,4' \
    '2026-06,<https://auto.example>,T,revenue,80,100,80,3,4' \
    '2026-06,[c](javascript:alert(1)),T,revenue,70,100,70,4,4' >links.csv
t_run "markdown: link-like names" 0 pm-report -f markdown links.csv
cp out links.md
t_grep "markdown: https:// escaped" '<bdi>https\\://evil\.example</bdi>' links.md
t_grep "markdown: www. escaped" '<bdi>www\\\.evil\.example</bdi>' links.md
t_grep "markdown: HTTP:// escaped" '<bdi>HTTP\\://x\.example/a</bdi>' links.md
t_grep "markdown: an autolink escaped" '<bdi>\\<https\\://auto\.example\\></bdi>' links.md
t_grep "markdown: a link escaped" '<bdi>\\\[c\\\]\(javascript\\:alert\(1\)\)</bdi>' links.md
t_nogrep "markdown: no raw scheme://" '[a-zA-Z]://' links.md
t_nogrep "markdown: no raw www." '(^|[^a-zA-Z])www\.' links.md
if command -v cmark-gfm >/dev/null 2>&1; then
	cmark-gfm --unsafe -e autolink -e table links.md >links.html
	t_nogrep "markdown: GFM renders no link" '<a ' links.html
	t_grep "markdown: GFM shows the name" '<bdi>https://evil\.example</bdi>' links.html
else
	skip "markdown: rendered by GFM" "no cmark-gfm"
fi
# A name that would start a list or a heading underline in a paragraph.
printf 'period,rep,metric,actual,target,attainment\n2026-06,- 1. Ann,revenue,1,1,100\n' >list.csv
t_run "markdown: a name like a list" 0 pm-report -f markdown -T T list.csv
t_grep "markdown: in the table, escaped inside" '<bdi>- 1. Ann</bdi>' out
