/*
 * prog_hello.c - hello says hello with its pid; spawner starts three of
 * them, so a test sees processes made by a process, each with its own pid,
 * and each ending.
 */
#include "guest/kernel/ulib.h"

static __user_data char hello_text[] = "hello from pid ";
static __user_data char spawn_text[] = "spawn hello";

__user_fn int32_t hello_main(uint32_t arg)
{
	(void)arg;
	uputn(hello_text, sys_getpid());
	return 0;
}

__user_fn int32_t spawner_main(uint32_t arg)
{
	(void)arg;
	for (uint32_t i = 0; i < 3; i++) {
		int32_t pid = sys_spawn(PROG_HELLO, i);

		if (pid <= 0)
			uexpect(spawn_text, pid, 1);
	}
	return 0;
}
