/*
 * traps.c - our virtual IDT: which stub handles which vector, and the C
 * side of every exception.
 *
 * A PV kernel cannot load an IDT.  It hands Warden a trap_info table
 * instead (set_trap_table): for each vector a handler, and a DPL saying
 * which rings may reach it with `int n`.  Exceptions the CPU raises are
 * delivered whatever the DPL.  Traps from ring 3 need a kernel stack to
 * land on, which stack_switch names, as a TSS's ESP0 would; ring-1 traps
 * stay on the stack they interrupted.  (On a bare CPU the same two steps
 * are an IDT gate and the TSS; the backend makes them, backend.h.)
 */
#include "guest/lib/traps.h"
#include "guest/lib/backend.h"
#include "guest/lib/extable.h"
#include "guest/lib/test.h"
#include "guest/lib/x86.h"

#define NR_EXCEPTIONS	32

uint8_t trap_stack[TRAP_STACK_SIZE] __attribute__((aligned(16)));
static trap_hook_fn hooks[256];

long trap_register(unsigned vector, unsigned dpl)
{
	return backend_trap_gate(vector & 255, trap_stubs[vector & 255], dpl);
}

void trap_set_hook(unsigned vector, trap_hook_fn fn)
{
	hooks[vector & 255] = fn;
}

/* Every exception goes to its stub; int3 and into may come from ring 3. */
void trap_init(void)
{
	if (backend_kernel_stack((uint32_t)(uintptr_t)(trap_stack + TRAP_STACK_SIZE)))
		test_fatal("stack_switch refused our trap stack");
	for (unsigned v = 0; v < NR_EXCEPTIONS; v++)
		if (trap_register(v, v == X86_EXC_BP || v == X86_EXC_OF ? 3 : 0))
			test_fatal("set_trap_table refused our handler for exception %u", v);
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
		   regs->vector == X86_EXC_PF ? rcr2() : 0);
}
