# pm-ingest: activities as the CRMs export them (SPEC 12): Salesforce
# Task and Event objects (Data Loader), Dynamics 365 views without a
# type column, dialer and call-centre logs; only what happened counts.
# Every expected total was worked out by hand from the fixture's rows.
. "$(dirname "$0")/../lib.sh"
cd "$FIX/ingest" || exit 70

# rep,month,metric,count per rep and month: what a manager reads.
months() {
	awk -F, 'NR > 1 { k = $2 "," substr($1, 1, 7) "," $3; n[k] += $4 }
	    END { for (k in n) print k "," n[k] }' "$1" | sort
}

# Salesforce Task (TaskSubtype, CompletedDateTime, true/false): rows
# 1 call (subtype), 2 e-mail, 3 Not Started (due 2026-04-10), 4 task
# (Type Other), 5 call (CallType filled, subtype Task), 6 ListEmail,
# 7 Waiting on someone else, 8 Deferred (due 2026-05-01), 9 meeting
# (Type Meeting; no completion date: ActivityDate 2026-02-27), 10
# LinkedIn (a task).  The completion date comes first.
t_run "Task.csv: exit 0" 0 pm-ingest sf_task.csv
t_eq "Task.csv: per rep and month" "0055g00000AAAAAAA1,2026-02,meetings,1
0055g00000AAAAAAA1,2026-03,calls,1
0055g00000AAAAAAA1,2026-03,emails,1
0055g00000AAAAAAA1,2026-03,tasks,1
0055g00000AAAAAAB2,2026-03,calls,1
0055g00000AAAAAAB2,2026-03,emails,1
0055g00000AAAAAAB2,2026-03,tasks,1" "$(months "$T/out")"
t_eq "Task.csv: dates, the completion date first" \
    "2026-03-02 2026-03-04 2026-03-11 2026-03-20 2026-03-25 2026-02-27 2026-03-27" \
    "$(awk -F, 'NR > 1 { printf "%s%s", s, $1; s = " " }' "$T/out")"
t_grep "Task.csv: open tasks skipped with the reason" \
    "^pm-ingest: sf_task.csv: 3 skipped: not completed$" "$T/err"
t_grep "Task.csv: summary" \
    "^pm-ingest: sf_task.csv: 10 records: 7 ok, 3 skipped, 0 rejected$" "$T/err"
t_nogrep "Task.csv: no future due date of a skipped task in the facts" \
    "^2026-0[45]" "$T/out"
t_run "Task.csv -m rep=OwnerId: exit 0" 0 pm-ingest -m rep=OwnerId sf_task.csv
t_nogrep "Task.csv -m rep=OwnerId: activities, never deals" \
    "opps_created\|deals_" "$T/out"
t_eq "Task.csv -m rep=OwnerId: the same 7 facts" 8 "$(wc -l <"$T/out" | tr -d ' ')"

# An older dump: no TaskSubtype, 1/0, '2023-01-17 17:00:04', Windows-1252,
# CRLF.  Row 4 has no type and no due date: a task on its created date;
# row 5 a call by its CallType.
t_run "old Task dump: exit 0" 0 pm-ingest sf_task_legacy.csv
t_eq "old Task dump: per rep and month" "00530000001AbcdAAA,2023-01,calls,1
00530000001AbcdAAA,2023-01,emails,1
00530000001EfghAAA,2023-01,tasks,1
00530000001EfghAAA,2023-02,calls,1" "$(months "$T/out")"
t_grep "old Task dump: summary" \
    "^pm-ingest: sf_task_legacy.csv: 6 records: 4 ok, 2 skipped, 0 rejected$" "$T/err"

# Salesforce Event, no EventSubtype, no StartDateTime: every one a
# meeting (row 3 has Type Call); row 2 all day, its ActivityDate.
t_run "Event.csv: exit 0" 0 pm-ingest sf_event.csv
t_eq "Event.csv: per rep and month" "0055g00000AAAAAAA1,2026-03,meetings,2
0055g00000AAAAAAB2,2026-03,meetings,1
0055g00000AAAAAAB2,2026-04,meetings,1" "$(months "$T/out")"
t_eq "Event.csv: the all-day event on its day" "2026-03-10" \
    "$(awk -F, '$NF == "00U5g00000E1aabEAA" { print $1 }' "$T/out")"

# Dynamics 365 Appointments: Start Time and End Time, no type column.
t_run "Appointments: exit 0" 0 pm-ingest dynamics_appointments.csv
t_eq "Appointments: meetings, not deals" "Andrew Fuller,2026-03,meetings,1
Nancy Davolio,2026-03,meetings,2" "$(months "$T/out")"
t_grep "Appointments: Scheduled and Canceled skipped" \
    "^pm-ingest: dynamics_appointments.csv: 5 records: 3 ok, 2 skipped, 0 rejected$" "$T/err"

# Dynamics 365 Emails: HTML bodies over several lines; the date from
# Actual End, else (row 5) Created On; the kind from the file's name.
t_run "Emails: exit 0" 0 pm-ingest dynamics_emails.csv
t_eq "Emails: per rep and month" "Andrew Fuller,2026-02,emails,1
Andrew Fuller,2026-03,emails,1
Nancy Davolio,2026-03,emails,2" "$(months "$T/out")"
t_eq "Emails: refs at the physical lines the records start" \
    "dynamics_emails.csv:2 dynamics_emails.csv:6 dynamics_emails.csv:9 dynamics_emails.csv:10" \
    "$(awk -F, 'NR > 1 { printf "%s%s", s, $NF; s = " " }' "$T/out")"
cp dynamics_emails.csv "$T/view.csv"
t_run "Emails under another name: no fact, exit 65" 65 pm-ingest "$T/view.csv"
t_grep "Emails under another name: the record says why" \
    "view.csv:2: no activity type: no column says it$" "$T/err"
t_grep "Emails under another name: the file says --kind" \
    "view.csv: no record gave a fact: .*--kind" "$T/err"
t_run "Emails under another name, --kind email: exit 0" 0 pm-ingest --kind email "$T/view.csv"
t_eq "--kind email: the same facts" "$(months "$T/out")" \
    "$(pm-ingest dynamics_emails.csv 2>/dev/null >"$T/o2"; months "$T/o2")"

# Dynamics 365 Phone Calls: Made and Received count, Open and Canceled not.
t_run "Phone Calls: exit 0" 0 pm-ingest dynamics_phone_calls.csv
t_eq "Phone Calls: per rep and month" "Andrew Fuller,2026-03,calls,1
Nancy Davolio,2026-03,calls,1" "$(months "$T/out")"

# Call-centre log: Answered (Y/N) N is no call done; Topic is nothing.
t_run "call centre: exit 0" 0 pm-ingest call_centre.csv
t_eq "call centre: per agent and month" "Becky,2021-01,calls,2
Diane,2021-01,calls,1
Diane,2021-02,calls,1
Greg,2021-01,calls,1
Stewart,2021-01,calls,1" "$(months "$T/out")"
t_grep "call centre: unanswered skipped" \
    "^pm-ingest: call_centre.csv: 8 records: 6 ok, 2 skipped, 0 rejected$" "$T/err"

# Date,Agent,CallType: Billing and Support are categories of calls.
t_run "CallType categories: exit 0" 0 pm-ingest call_types.csv
t_eq "CallType categories: calls" "Ann Lee,2026-03,calls,3
Bo Chen,2026-03,calls,1" "$(months "$T/out")"
t_run "CallType mapped as the type: exit 0" 0 pm-ingest -f activities -m type=CallType call_types.csv
t_eq "CallType mapped as the type: still calls" "Ann Lee,2026-03,calls,3
Bo Chen,2026-03,calls,1" "$(months "$T/out")"

# --kind forces the kind, and reads a file that cannot say it is one.
printf 'Agent,Date,Notes\nAnn,2026-03-01,x\nBo,2026-03-02,y\n' >"$T/log.csv"
t_run "a bare log: not recognised, exit 65" 65 pm-ingest "$T/log.csv"
t_grep "a bare log: said" "format not recognised" "$T/err"
t_run "a bare log --kind meeting: exit 0" 0 pm-ingest --kind meeting "$T/log.csv"
t_eq "--kind meeting: meetings" "Ann,2026-03,meetings,1
Bo,2026-03,meetings,1" "$(months "$T/out")"
t_run "--kind call on Event.csv: exit 0" 0 pm-ingest --kind call sf_event.csv
t_eq "--kind call: every record a call" 4 "$(grep -c ',calls,1,' "$T/out")"
t_run "--kind demo: exit 64" 64 pm-ingest --kind demo sf_event.csv
t_grep "--kind demo: the kinds named" "expected call, email, meeting or task" "$T/err"

# A Status column alone does not make a deal export.
printf 'Owner,Status,Created On\nAnn,Open,2026-03-01\n' >"$T/tickets.csv"
t_run "Owner,Status,Created On: exit 65" 65 pm-ingest "$T/tickets.csv"
t_nogrep "Owner,Status,Created On: no opps_created" "opps_created" "$T/out"
t_grep "Owner,Status,Created On: not recognised" "format not recognised" "$T/err"

# Event Subtype (a report's spelling) is a type column.
printf 'Assigned,Subject,Event Subtype,Date\nAnn,Demo,Event,2026-03-05\n' >"$T/ev.csv"
t_run "Event Subtype: exit 0" 0 pm-ingest "$T/ev.csv"
t_eq "Event Subtype: a meeting" "Ann,2026-03,meetings,1" "$(months "$T/out")"

# Pipedrive activities: Activity - Done decides.
printf 'Activity - Type,Activity - Subject,Activity - Due date,Activity - Assigned to user,Activity - Done\ncall,Intro,2026-03-02,Ann,Done\nmeeting,Demo,2026-04-20,Ann,To do\nemail,Quote,2026-03-03,Bo,1\n' >"$T/pd.csv"
t_run "Pipedrive activities: exit 0" 0 pm-ingest "$T/pd.csv"
t_eq "Pipedrive activities: only the done ones" "Ann,2026-03,calls,1
Bo,2026-03,emails,1" "$(months "$T/out")"

# HubSpot call and meeting exports: the outcome is the status (No answer,
# Scheduled and No show did not happen); Meeting start time is the date.
printf 'Activity date,Activity assigned to,Call title,Call direction,Call outcome,Call duration (HH:mm:ss),Associated Company\n2026-03-02 10:00,Ann Lee,Intro,Outbound,Connected,00:12:00,Acme\n2026-03-02 11:00,Ann Lee,Retry,Outbound,No answer,00:00:00,Beta\n2026-03-03 09:30,Bo Chen,Inbound,Inbound,Left voicemail,00:01:00,Gamma\n' >"$T/hs_calls.csv"
t_run "HubSpot calls: exit 0" 0 pm-ingest "$T/hs_calls.csv"
t_eq "HubSpot calls: connected and voicemail" "Ann Lee,2026-03,calls,1
Bo Chen,2026-03,calls,1" "$(months "$T/out")"
printf 'Meeting name,Activity assigned to,Meeting start time,Meeting end time,Meeting outcome\nDemo,Ann Lee,2026-03-04 10:00,2026-03-04 11:00,Completed\nQBR,Ann Lee,2026-04-04 10:00,2026-04-04 11:00,Scheduled\nLunch,Bo Chen,2026-03-05 12:00,2026-03-05 13:00,No show\n' >"$T/hs_meet.csv"
t_run "HubSpot meetings: exit 0" 0 pm-ingest "$T/hs_meet.csv"
t_eq "HubSpot meetings: the completed one" "Ann Lee,2026-03,meetings,1" "$(months "$T/out")"

# A status of neither list counts, and is said once per file.
printf 'Subject,Owner,Due Date,Status,Regarding\nA,Ann,2026-03-01,Resolved,X\nB,Ann,2026-03-02,Completed,X\nC,Bo,2026-03-03,Escalated,Y\nD,Bo,2026-03-04,Escalated,Y\n' >"$T/Tasks.csv"
t_run "odd status: exit 0" 0 pm-ingest "$T/Tasks.csv"
t_eq "odd status: counted" "Ann,2026-03,tasks,2
Bo,2026-03,tasks,2" "$(months "$T/out")"
t_grep "odd status: said once, with a count" \
    "Tasks.csv: Status: 2 activities with a status that says neither done nor open \\(such as 'Escalated'\\): counted as done$" "$T/err"

# The completion date comes first, unless -m date=COLUMN says the date.
printf 'Assigned,Type,Completed Date,Logged On\nAnn,Call,2026-03-09,2026-03-02\n' >"$T/md.csv"
t_run "completion date: exit 0" 0 pm-ingest "$T/md.csv"
t_eq "completion date: first" "2026-03-09" "$(sed -n 2p "$T/out" | cut -d, -f1)"
t_run "-m date=: exit 0" 0 pm-ingest -m "date=Logged On" "$T/md.csv"
t_eq "-m date=: the mapped column is the date" "2026-03-02" "$(sed -n 2p "$T/out" | cut -d, -f1)"

# Task.csv and Event.csv name their owners by id; a User export among the
# inputs names them (SPEC 12): the same counts under the users' names.
printf 'Id,Name,Email\n0055g00000AAAAAAA1,Dana Reyes,d@example.com\n0055g00000AAAAAAB2,Sam Lee,s@example.com\n' >"$T/User.csv"
t_run "Task.csv Event.csv User.csv: exit 0" 0 pm-ingest sf_task.csv sf_event.csv "$T/User.csv"
t_eq "Task.csv Event.csv User.csv: per rep and month, by name" "Dana Reyes,2026-02,meetings,1
Dana Reyes,2026-03,calls,1
Dana Reyes,2026-03,emails,1
Dana Reyes,2026-03,meetings,2
Dana Reyes,2026-03,tasks,1
Sam Lee,2026-03,calls,1
Sam Lee,2026-03,emails,1
Sam Lee,2026-03,meetings,1
Sam Lee,2026-03,tasks,1
Sam Lee,2026-04,meetings,1" "$(months "$T/out")"
