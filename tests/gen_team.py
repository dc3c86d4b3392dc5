#!/usr/bin/env python3
"""Writes facts, targets and a roster for N made-up reps in T teams over
three closed months (2026-08 to 2026-10), for the size and leaderboard
tests of pm-report: gen_team.py N T DIR.  Deterministic: no clock, no
random module; values vary by a fixed formula.  Rep names are of
realistic length, a few with non-ASCII letters."""
import os
import sys

n, nteams, d = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
first = ['Ana', 'Bjørn', 'Chloé', 'Dmitri', 'Esther', 'Farid', 'Grace',
         'Hiroshi', 'Ingrid', 'José', 'Kwame', 'Lena']
last = ['Fischer', 'Núñez', 'Okafor', 'Schultz', 'Watanabe', 'Reyes',
        'Alvarez', 'Kowalczyk', 'Lindqvist', 'Haddad']
teams = ['Team %s' % c for c in 'ABCDEFGHIJ'[:nteams]]
with open(os.path.join(d, 'facts.csv'), 'w') as f, \
        open(os.path.join(d, 'roster.csv'), 'w') as r:
    f.write('date,rep,metric,value,account,product,team,ref\n')
    r.write('rep,team\n')
    for i in range(n):
        rep = '%s %s %d' % (first[i % 12], last[i % 10], i + 1)
        r.write('%s,%s\n' % (rep, teams[i % nteams]))
        for m, month in enumerate(('2026-08', '2026-09', '2026-10')):
            rev = 20000 + (i * 7919 + m * 104729) % 70000
            f.write('%s-15,%s,revenue,%d,Acct %d,P,,r%d-%d\n' %
                    (month, rep, rev, i % 40, i, m))
            f.write('%s-15,%s,deals_won,%d,Acct %d,P,,r%d-%d\n' %
                    (month, rep, 1 + rev // 15000, i % 40, i, m))
            f.write('%s-16,%s,calls,%d,,,,\n' %
                    (month, rep, 30 + (i * 31 + m * 17) % 60))
with open(os.path.join(d, 'targets.csv'), 'w') as t:
    t.write('period,rep,metric,target\n*,*,revenue,50000\n*,*,calls,60\n')
