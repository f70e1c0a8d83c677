/*
 * poke.c - a hole in the kernel, on purpose (the demo's; poke.h).
 *
 * poke(addr, value) writes a kernel word for any program, without
 * checking the address: the kind of bug (a debugging call left in, a
 * missing bounds check) through which a program in ring 3 makes the
 * kernel write wherever it likes -- its system-call table, say
 * (prog_exploit.c).  The kernel cannot tell the bad write from a good
 * one; Warden's watch can.  Afterwards the kernel looks at its table
 * (protect.h) and says what the write did.
 */
#include "guest/kernel/poke.h"
#include "guest/kernel/protect.h"

int32_t poke_handler(const uint32_t *arg)
{
	*(volatile uint32_t *)(uintptr_t)arg[0] = arg[1];	/* the hole */
	protect_check(arg[0]);
	return 0;
}
