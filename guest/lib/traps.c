/*
 * traps.c - our virtual IDT: which stub handles which vector, and the C
 * side of every exception.
 *
 * A PV kernel cannot load an IDT.  It hands Warden a trap_info table
 * instead (set_trap_table): for each vector a handler, and a DPL saying
 * which rings may reach it with `int n`.  Exceptions the CPU raises are
 * delivered whatever the DPL.  Traps from ring 3 need a kernel stack to
 * land on, which stack_switch names, as a TSS's ESP0 would; ring-1 traps
 * stay on the stack they interrupted.
 */
#include "guest/lib/traps.h"
#include "guest/lib/extable.h"
#include "guest/lib/hypercall.h"
#include "guest/lib/test.h"
#include "guest/lib/x86.h"

#define MASK_EVENTS	4	/* trap_info flags bit 2: like an interrupt gate */
#define NR_EXCEPTIONS	32

uint8_t trap_stack[TRAP_STACK_SIZE] __attribute__((aligned(16)));
static trap_hook_fn hooks[256];

static struct trap_info entry(unsigned vector, unsigned dpl)
{
	return (struct trap_info){ (uint8_t)vector, (uint8_t)(dpl | MASK_EVENTS),
				   FLAT_RING1_CS, trap_stubs[vector & 255] };
}

long trap_register(unsigned vector, unsigned dpl)
{
	struct trap_info t[2] = { entry(vector, dpl), { 0, 0, 0, 0 } };

	return hc_set_trap_table(t);
}

void trap_set_hook(unsigned vector, trap_hook_fn fn)
{
	hooks[vector & 255] = fn;
}

/* Every exception goes to its stub; int3 and into may come from ring 3. */
void trap_init(void)
{
	struct trap_info table[NR_EXCEPTIONS + 1] = { { 0, 0, 0, 0 } };

	if (hc_stack_switch(FLAT_RING1_SS, (uint32_t)(uintptr_t)(trap_stack + TRAP_STACK_SIZE)))
		test_fatal("stack_switch refused our trap stack");
	for (unsigned v = 0; v < NR_EXCEPTIONS; v++)
		table[v] = entry(v, v == X86_EXC_BP || v == X86_EXC_OF ? 3 : 0);
	if (hc_set_trap_table(table))
		test_fatal("set_trap_table refused our exception handlers");
}

void trap_dispatch(struct cpu_regs *regs)
{
	if (extable_fixup(regs))
		return;
	if (hooks[regs->vector & 255]) {
		hooks[regs->vector & 255](regs);
		return;
	}
	test_fatal("unexpected exception %u, error code 0x%x, at %04x:%08x, cr2 0x%x",
		   regs->vector, regs->error_code, regs->cs & 0xffff, regs->eip,
		   regs->vector == X86_EXC_PF ? read_cr2() : 0);
}
