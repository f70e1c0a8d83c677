/*
 * prog_init.c - init: the first process when the command line names
 * none.  It starts one of every other program and exits; they run on
 * after it, since nothing here waits for a child.
 */
#include "guest/kernel/ulib.h"

static __user_data char spawned_text[] = "spawn";

static __user_fn void start(uint32_t prog)
{
	int32_t pid = sys_spawn(prog, 0);

	if (pid <= 0)
		uexpect(spawned_text, pid, 1);
}

__user_fn int32_t init_main(uint32_t arg)
{
	(void)arg;
	start(PROG_SPAWNER);
	start(PROG_PING);
	start(PROG_PONG);
	start(PROG_SLEEPERS);
	start(PROG_FAULTER);
	start(PROG_WILD);
	start(PROG_BADCALLS);
	start(PROG_PTHEAVY);
	start(PROG_CPU);
	start(PROG_SYSCALLS);
	return 0;
}
