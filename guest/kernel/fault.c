/*
 * fault.c - exceptions.  One from ring 3 is the program's: a write to a
 * copy-on-write page is resolved (mem.c) and the write retried; anything
 * else kills the process, as xv6 does.  One from the kernel is a kernel
 * bug and ends the test -- except the expected faults of the exception
 * table, which trap_dispatch() handles before it gets here.
 */
#include "guest/kernel/fault.h"
#include "guest/kernel/mem.h"
#include "guest/kernel/proc.h"
#include "guest/lib/extable.h"
#include "guest/lib/test.h"
#include "guest/lib/x86.h"

#define NR_EXCEPTIONS	32

static void exception(struct cpu_regs *regs)
{
	uint32_t cr2 = regs->vector == X86_EXC_PF ? rcr2() : 0;
	char name[24];

	exinfo_name(name, sizeof(name), EXINFO(regs->vector, regs->error_code));
	if (!regs_from_ring3(regs))
		test_fatal("kernel: %s at 0x%x, cr2 0x%x", name, regs->eip, cr2);
	if (regs->vector == X86_EXC_PF &&
	    mem_cow_fault(&proc_current()->vm, cr2, regs->error_code))
		return;
	proc_kill("%s at eip 0x%x, cr2 0x%x", name, regs->eip, cr2);
}

void fault_init(void)
{
	for (unsigned v = 0; v < NR_EXCEPTIONS; v++)
		trap_set_hook(v, exception);
}
