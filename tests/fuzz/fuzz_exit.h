/*
 * For fuzz targets that drive code which may end the program: linked
 * with -Wl,--wrap=exit, a call to exit() during FUZZ_RUN returns to
 * the target instead (a data error is a normal outcome, not a crash).
 * Outside a run, exit() is the real one: libFuzzer ends through it.
 */
#ifndef FUZZ_EXIT_H
#define FUZZ_EXIT_H

#include <setjmp.h>
#include <stdlib.h>

static jmp_buf fuzz_jb;
static volatile int fuzz_in_run;
static volatile int fuzz_status;

void __real_exit(int);
_Noreturn void __wrap_exit(int);

_Noreturn void
__wrap_exit(int code)
{
	if (fuzz_in_run) {
		fuzz_status = code;
		longjmp(fuzz_jb, 1);
	}
	__real_exit(code);
	abort();
}

/* Runs stmt; fuzz_status is what it exited with, or -1. */
#define FUZZ_RUN(stmt) do {						\
	fuzz_status = -1;						\
	if (setjmp(fuzz_jb) == 0) {					\
		fuzz_in_run = 1;					\
		stmt;							\
	}								\
	fuzz_in_run = 0;						\
} while (0)

#endif
