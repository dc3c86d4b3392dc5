#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "pending.h"

/*
 * A signal handler cannot be given a context, so the list is the
 * process's own (pm-ingest has two files at most: -o and --rejects).
 * It only changes with the three signals blocked, so the handler never
 * sees a slot half written or a string being freed.
 */
#define PENDING_MAX 8
static char *pending[PENDING_MAX];
static int installed;

static const int fatal[] = { SIGINT, SIGTERM, SIGHUP };

static void
remove_all(void)
{
	int i;

	for (i = 0; i < PENDING_MAX; i++)
		if (pending[i] != NULL)
			(void)unlink(pending[i]);
}

/*
 * SA_RESETHAND | SA_NODEFER: the signal's own default action is back
 * and the signal not blocked, so raise() kills at once, with the
 * status the parent expects of that signal.  unlink and raise are
 * async-signal-safe.
 */
static void
on_fatal(int sig)
{
	remove_all();
	raise(sig);
}

static void
install(void)
{
	struct sigaction sa, old;
	size_t i;

	if (installed++)
		return;
	if (atexit(remove_all) != 0)
		pm_die(EX_OSERR, "cannot register the clean-up at exit");
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_fatal;
	sa.sa_flags = SA_RESETHAND | SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(fatal) / sizeof(fatal[0]); i++) {
		/* A signal ignored by the caller (nohup) stays ignored. */
		if (sigaction(fatal[i], NULL, &old) == 0 &&
		    old.sa_handler == SIG_IGN)
			continue;
		(void)sigaction(fatal[i], &sa, NULL);
	}
}

static void
block(sigset_t *old)
{
	sigset_t set;
	size_t i;

	sigemptyset(&set);
	for (i = 0; i < sizeof(fatal) / sizeof(fatal[0]); i++)
		sigaddset(&set, fatal[i]);
	sigprocmask(SIG_BLOCK, &set, old);
}

int
pending_mkstemp(char *tmpl)
{
	sigset_t old;
	char *copy;
	int fd, i, err;

	install();
	copy = xstrdup(tmpl);
	/* Blocked from before the file exists until it is on the list. */
	block(&old);
	for (i = 0; i < PENDING_MAX && pending[i] != NULL; i++)
		;
	if (i == PENDING_MAX) {
		sigprocmask(SIG_SETMASK, &old, NULL);
		pm_die(EX_SOFTWARE, "too many output files at once");
	}
	if ((fd = mkstemp(tmpl)) != -1) {
		strcpy(copy, tmpl);
		pending[i] = copy;
	}
	err = errno;
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (fd == -1)
		free(copy);
	errno = err;
	return fd;
}

void
pending_forget(const char *path)
{
	sigset_t old;
	char *gone = NULL;
	int i;

	block(&old);
	for (i = 0; i < PENDING_MAX; i++)
		if (pending[i] != NULL && strcmp(pending[i], path) == 0) {
			gone = pending[i];
			pending[i] = NULL;
			break;
		}
	sigprocmask(SIG_SETMASK, &old, NULL);
	free(gone);
}
