#!/usr/bin/env python3
"""Checks an e-mail that pm-report -f email wrote, with Python's email
package (a real MIME parser), and prints one line per finding:
"ok NAME" or "bad NAME: why".  Used by tests/e2e/report_email.sh.

Usage: email_check.py MESSAGE TEXT_REPORT [attachment|noattachment]
TEXT_REPORT is what pm-report -f text wrote for the same input: the
text/plain part must decode to exactly it.
"""
import email
import email.policy
import re
import sys


def main():
    raw = open(sys.argv[1], 'rb').read()
    text = open(sys.argv[2], encoding='utf-8').read()
    want_att = len(sys.argv) > 3 and sys.argv[3] == 'attachment'
    out = []

    def check(name, cond, why=''):
        out.append('ok ' + name if cond else 'bad %s: %s' % (name, why))

    check('7-bit', all(b < 128 for b in raw), 'a byte over 127')
    check('no CR', b'\r' not in raw, 'a CR')
    longest = max(len(l) for l in raw.split(b'\n'))
    check('lines <= 76', longest <= 76, 'a line of %d' % longest)
    head = raw.split(b'\n\n', 1)[0].decode('ascii')
    names = [l.split(':', 1)[0] for l in head.split('\n')
             if l and l[0] not in ' \t']
    check('no Date, no Message-ID', 'Date' not in names and
          'Message-ID' not in names, names)
    check('MIME-Version', 'MIME-Version: 1.0' in head.split('\n'), head)
    m = email.message_from_bytes(raw, policy=email.policy.default)
    defects = [d for p in m.walk() for d in p.defects]
    check('no defects', not defects, defects)
    top = 'multipart/mixed' if want_att else 'multipart/alternative'
    check('type ' + top, m.get_content_type() == top, m.get_content_type())
    alt = m.get_payload()[0] if want_att else m
    parts = alt.get_payload() if alt.is_multipart() else []
    types = [p.get_content_type() for p in parts]
    check('text then html', types == ['text/plain', 'text/html'], types)
    for p in parts:
        ct = p.get_content_type()
        check(ct + ' utf-8', p.get_content_charset() == 'utf-8',
              p.get_content_charset())
        check(ct + ' encoded', p['Content-Transfer-Encoding'] in
              ('quoted-printable', 'base64'), p['Content-Transfer-Encoding'])
    if len(parts) == 2:
        got = parts[0].get_content()
        check('text part = -f text', got == text,
              'differs at %d' % next((i for i, (a, b) in
                                       enumerate(zip(got, text)) if a != b),
                                      min(len(got), len(text))))
        html = parts[1].get_content()
        check('html: no <svg', '<svg' not in html.lower(), '')
        check('html: no <img', '<img' not in html.lower(), '')
        check('html: no data: or external url',
              not re.search(r'(src|href)\s*=', html, re.I), '')
        check('html: no <style', '<style' not in html.lower(), '')
        check('html: no <script', '<script' not in html.lower(), '')
        check('html: frame of 640', 'max-width:640px' in html, '')
        open(sys.argv[1] + '.html', 'w', encoding='utf-8').write(html)
    if want_att:
        att = m.get_payload()[1] if m.is_multipart() and \
            len(m.get_payload()) > 1 else None
        check('attachment', att is not None and
              att.get_content_type() == 'text/html' and
              att.get_content_disposition() == 'attachment' and
              re.fullmatch(r'one-on-ones-[A-Za-z0-9._-]+\.html',
                           att.get_filename() or ''), att and att.items())
        if att is not None:
            check('attachment utf-8', att.get_content_charset() == 'utf-8',
                  '')
            check('attachment has the sheets',
                  'One-on-ones' in att.get_content(), '')
    print('\n'.join(out))
    for k in ('Subject', 'To', 'Cc', 'From'):
        if m[k] is not None:
            print('header %s=%s' % (k, m[k]))
    print('size %d' % len(raw))


main()
