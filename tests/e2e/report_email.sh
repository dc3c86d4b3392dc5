# pm-report -f email: the message parsed by Python's email package
# (tests/email_check.py), header injection, RFC 2047, exit 64 cases,
# the size of a 50-rep message, and the HTML part in headless Chromium
# at 640 px (skipped where chromium is absent).
. "$(dirname "$0")/../lib.sh"

CHECK=$ROOT/tests/email_check.py
EX=$ROOT/examples
if ! command -v python3 >/dev/null 2>&1; then
	skip "email" "no python3"
	exit 0
fi

# check NAME MESSAGE TEXT [attachment]: every finding of email_check.py.
check() {
	_n=$1
	shift
	python3 "$CHECK" "$@" >"$T/check" 2>&1 || echo "bad parser: $(tail -3 "$T/check")" >>"$T/check"
	while IFS= read -r l; do
		case $l in
		"ok "*) ok "$_n: ${l#ok }" ;;
		"bad "*) not_ok "$_n: ${l#bad }" ;;
		esac
	done <"$T/check"
}
header() { sed -n "s/^header $1=//p" "$T/check"; }

# ---- the demo team ----
D=$T/demo
DEMO_OUT=$D sh "$EX/demo.sh" "$PMBIN" >/dev/null 2>"$T/err"
t_eq "demo writes report.eml" yes "$([ -s "$D/report.eml" ] && echo yes || echo no)"
title="Sales performance report: the demo team"
set --
[ -s "$D/drivers.csv" ] && set -- --drivers "$D/drivers.csv"
pm-report -T "$title" --pareto "$D/pareto.csv" "$@" "$D/flags.csv" >"$T/demo.txt"
check "demo eml" "$D/report.eml" "$T/demo.txt" attachment
t_eq "demo eml: subject is the title and the period" \
    "Sales performance report: the demo team (2026-11)" "$(header Subject)"
t_eq "demo eml: to" "Demo team <team@example.com>" "$(header To)"
grep -q 'filename="one-on-ones-2026-11.html"' "$D/report.eml" &&
    ok "demo eml: attachment one-on-ones-2026-11.html" ||
    not_ok "demo eml: attachment one-on-ones-2026-11.html"

pm-report -f email --to a@example.com -T "$title" "$D/flags.csv" >"$T/m.eml"
pm-report -T "$title" "$D/flags.csv" >"$T/m.txt"
check "alternative" "$T/m.eml" "$T/m.txt"
pm-report -f email --to a@example.com -T "$title" "$D/flags.csv" >"$T/m2.eml"
t_same "email: the same bytes twice" "$T/m.eml" "$T/m2.eml"

# ---- hostile title and rep names: no header injection, RFC 2047 ----
printf '%s\n' 'period,rep,team,metric,actual,target,attainment,rank' \
    '2026-11,"Zoë
Bcc: evil@example.org",East,revenue,100,100,100.0,1' \
    '2026-11,"Ünal Çelik",East,revenue,90,100,90.0,2' >"$T/h.csv"
ttl=$(printf 'Q4 Zoë Ünal report\r\nBcc: evil@example.org')
pm-report -f email -T "$ttl" --to 'Zoë Ünal <zoe@example.com>' \
    --cc '"Lee, Ann" <ann@example.com>' --from 'Reports <r@example.com>' \
    "$T/h.csv" >"$T/h.eml"
t_eq "hostile: exit 0" 0 $?
pm-report -T "$ttl" "$T/h.csv" >"$T/h.txt"
check "hostile" "$T/h.eml" "$T/h.txt"
python3 - "$T/h.eml" >"$T/hdr" <<'PY'
import email, email.header, sys
raw = open(sys.argv[1], 'rb').read()
head = raw.split(b'\n\n', 1)[0].decode('ascii')
names = [l.split(':', 1)[0] for l in head.split('\n') if l and l[0] != ' ']
print('names', ' '.join(names))
m = email.message_from_bytes(raw)
def dec(v):
    return ''.join(b.decode(c or 'ascii') if isinstance(b, bytes) else b
                   for b, c in email.header.decode_header(v))
print('subject', dec(m['Subject']))
print('to', dec(m['To']))
print('words', all(len(w) <= 75 for w in __import__('re').findall(r'=\?[^ ]*\?=', head)))
PY
t_eq "hostile: header fields" "From To Cc Subject MIME-Version Auto-Submitted Content-Type" \
    "$(sed -n 's/^names //p' "$T/hdr")"
t_eq "hostile: subject decodes (RFC 2047), CR/LF shown as ?" \
    "Q4 Zoë Ünal report??Bcc: evil@example.org (2026-11)" "$(sed -n 's/^subject //p' "$T/hdr")"
t_eq "hostile: display name decodes, addr-spec plain" \
    "Zoë Ünal <zoe@example.com>" "$(sed -n 's/^to //p' "$T/hdr")"
t_eq "hostile: encoded-words at most 75" True "$(sed -n 's/^words //p' "$T/hdr")"
grep -q '=?utf-8?B?[^ ]*?= <zoe@example.com>' "$T/h.eml" &&
    ok "hostile: To has an encoded display name" || not_ok "hostile: To has an encoded display name"
grep -q '^Bcc' "$T/h.eml" && not_ok "hostile: no Bcc line" || ok "hostile: no Bcc line"

# ---- exit 64 ----
nl='
'
t_run "--to with a newline: 64" 64 pm-report -f email --to "a@example.com${nl}Bcc: x@y.z" "$T/h.csv"
t_run "--cc with a CR: 64" 64 pm-report -f email --cc "$(printf 'a@example.com\r')" "$T/h.csv"
t_run "--subject with a tab: 64" 64 pm-report -f email --subject "$(printf 'a\tb')" "$T/h.csv"
t_run "--subject with a newline: 64" 64 pm-report -f email --subject "a${nl}Bcc: x@y.z" "$T/h.csv"
t_run "--subject not UTF-8: 64" 64 pm-report -f email --subject "$(printf 'caf\351')" "$T/h.csv"
t_run "--from with a control: 64" 64 pm-report -f email --from "$(printf 'a\033@example.com')" "$T/h.csv"
t_run "--to without @: 64" 64 pm-report -f email --to root "$T/h.csv"
t_run "--to non-ASCII domain: 64" 64 pm-report -f email --to 'a@exämple.com' "$T/h.csv"
t_run "--to unclosed <: 64" 64 pm-report -f email --to 'Ann <a@example.com' "$T/h.csv"
t_run "two --from: 64" 64 pm-report -f email --from a@example.com --from b@example.com "$T/h.csv"
t_run "--to without -f email: 64" 64 pm-report --to a@example.com "$T/h.csv"
t_run "--to list with commas" 0 pm-report -f email --to 'a@example.com, "B, C" <b@example.com>' "$T/h.csv"
t_grep "--to list: both" '^To: a@example.com, "B, C" <b@example.com>$' "$T/out"

# ---- 50 reps: under Gmail's 102 KB clipping, fits 640 px ----
G=$T/g50
mkdir -p "$G"
python3 "$ROOT/tests/gen_team.py" 50 3 "$G"
pm-score -p month --rollup -t "$G/targets.csv" -r "$G/roster.csv" "$G/facts.csv" |
    pm-flag >"$G/flags.csv"
pm-report -f email --to team@example.com "$G/flags.csv" >"$G/m.eml"
pm-report "$G/flags.csv" >"$G/m.txt"
check "50 reps" "$G/m.eml" "$G/m.txt"
size=$(wc -c <"$G/m.eml")
t_eq "50 reps: message under 102,400 bytes" yes "$([ "$size" -lt 102400 ] && echo yes || echo "$size")"

if command -v chromium >/dev/null 2>&1; then
	# A copy with a script that writes the page's width into its title.
	for h in "$D/report.eml.html" "$G/m.eml.html" "$T/h.eml.html"; do
		sed 's|</body>|<script>document.title="W"+document.documentElement.scrollWidth</script></body>|' \
		    "$h" >"$h.w.html"
		w=$(timeout 60 chromium --headless --no-sandbox --disable-gpu \
		    --disable-quic --no-first-run --disable-background-networking \
		    --disable-component-update --disable-sync \
		    --user-data-dir="$T/chr" --window-size=640,900 \
		    --dump-dom "file://$h.w.html" 2>/dev/null |
		    sed -n 's|.*<title>W\([0-9]*\)</title>.*|\1|p')
		t_eq "chromium: ${h#"$T"/} fits 640 px (scrollWidth)" yes \
		    "$([ -n "$w" ] && [ "$w" -le 640 ] && echo yes || echo "width '$w'")"
	done
else
	skip "chromium: the HTML part fits 640 px" "no chromium"
fi
