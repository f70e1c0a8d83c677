/*
 * prog_syscalls.c - syscalls: a system-call loop -- getpid, and every so
 * often a yield -- whose results make its checksum.  On Warden each call
 * is a trap Warden bounces to the kernel; natively it goes straight there.
 */
#include "guest/kernel/memlayout.h"
#include "guest/kernel/ulib.h"

#define CALLS		4000u
#define YIELD_EVERY	400u

__user_fn int32_t syscalls_main(uint32_t arg)
{
	uint32_t h = fnv_word(FNV_START, arg);

	for (uint32_t i = 0; i < CALLS; i++) {
		h = fnv_word(h, (uint32_t)sys_getpid());
		if (i % YIELD_EVERY == 0)
			h = fnv_word(h, (uint32_t)sys_yield());
	}
	return (int32_t)fnv_word(h, (uint32_t)sys_pteflags(USER_STACK_TOP - UPAGE, 0));
}
