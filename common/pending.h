/*
 * Temporary files that must not outlive the run: an -o FILE being
 * written (out.c).  They are removed at a failed exit and on SIGINT,
 * SIGTERM or SIGHUP, after which the program dies of that signal, so
 * that its shell sees it (exit status 128 + signal).
 */
#ifndef PM_PENDING_H
#define PM_PENDING_H

/*
 * mkstemp(3) whose file is removed if the run ends before
 * pending_forget(): no signal comes between its creation and its
 * being listed.  -1 with errno as mkstemp's.
 */
int pending_mkstemp(char *tmpl);
/* path is renamed into place or removed: no longer ours to remove. */
void pending_forget(const char *path);

#endif
