/*
 * prog_sleepers.c - sleeper sleeps arg ticks and says so; sleepers starts
 * a long one and then a short one, so the short one must wake, and print,
 * first.
 */
#include "guest/kernel/ulib.h"

static __user_data char slept_text[] = "slept ";
static __user_data char sleep_text[] = "sleep";
static __user_data char spawn_text[] = "spawn";

__user_fn int32_t sleeper_main(uint32_t ticks)
{
	uexpect(sleep_text, sys_sleep(ticks), 0);
	uputn(slept_text, (int32_t)ticks);
	return 0;
}

__user_fn int32_t sleepers_main(uint32_t arg)
{
	(void)arg;
	if (sys_spawn(PROG_SLEEPER, 20) <= 0 || sys_spawn(PROG_SLEEPER, 2) <= 0)
		uexpect(spawn_text, 0, 1);
	return 0;
}
