/*
 * Temporary files that must not outlive the run: an -o FILE being
 * written (out.c).  They are removed at a failed exit and on SIGINT,
 * SIGTERM or SIGHUP, after which the program dies of that signal, so
 * that its shell sees it (exit status 128 + signal).
 */
#ifndef PM_PENDING_H
#define PM_PENDING_H

/* path (copied) is removed if the run ends before pending_forget(). */
void pending_add(const char *path);
/* path is renamed into place or removed: no longer ours to remove. */
void pending_forget(const char *path);

#endif
