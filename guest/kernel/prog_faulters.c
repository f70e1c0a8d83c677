/*
 * prog_faulters.c - two programs the kernel must kill: faulter writes a
 * page it mapped read-only, wild reads the kernel's memory (the system-call
 * table, which is there in both builds: a present supervisor page).  Both
 * are page faults from ring 3 that nothing can fix; the processes around
 * them go on.
 */
#include "guest/kernel/syscall.h"
#include "guest/kernel/ulib.h"

#define PAGE		0x10000000u

static __user_data char map_text[] = "map";

__user_fn int32_t faulter_main(uint32_t arg)
{
	volatile uint32_t *p = (volatile uint32_t *)PAGE;

	(void)arg;
	uexpect(map_text, sys_map(PAGE, 1, 0), 0);
	arg = *p;		/* reading is allowed */
	*p = arg + 1;		/* writing is not */
	return 0;
}

__user_fn int32_t wild_main(uint32_t arg)
{
	volatile syscall_fn *slot = &syscall_table[SYS_getpid];

	(void)arg;
	return (int32_t)(uintptr_t)*slot;
}
