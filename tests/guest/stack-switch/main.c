/*
 * stack-switch: the kernel stack that traps from ring 3 land on.
 *
 * Shows: a trap from ring 3 (int3 here) is delivered on the stack last
 * named by stack_switch, with the five-word ring-3 frame (EIP CS EFLAGS ESP
 * SS) exactly at its top and the user's ESP and SS in it; a new
 * stack_switch moves the next trap; an SS with RPL 0 is taken as RPL 1,
 * and a ring-3 SS is refused (-EPERM).
 * Cannot show: traps from ring 1, which stay on the interrupted stack
 * whatever stack_switch says (every other test relies on that).
 */
#include "guest/lib/hypercall.h"
#include "guest/lib/test.h"
#include "guest/lib/traps.h"
#include "guest/lib/user.h"
#include "guest/lib/x86.h"
#include "include/public/errno.h"

static uint8_t stacks[2][2048] __attribute__((aligned(16)));
static struct cpu_regs seen;
static uint32_t seen_at;

static void breakpoint(struct cpu_regs *regs)
{
	seen = *regs;
	seen_at = (uint32_t)(uintptr_t)&regs->eip;
}

static __user_text uint32_t user_int3(uint32_t x)
{
	__asm__ volatile("int3" : : : "memory");
	return x;
}

static void trap_on(uint8_t *stack, uint32_t ss)
{
	uint32_t top = (uint32_t)(uintptr_t)(stack + sizeof(stacks[0]));

	test_eq("stack_switch", hc_stack_switch(ss, top), 0);
	test_eq("user_exec", user_exec(user_int3, 7), 7);
	test_eq("frame at the top of the stack", seen_at, top - 5 * 4);
	test_eq("CS in the frame", seen.cs & 0xffff, FLAT_RING3_CS);
	test_eq("SS in the frame", seen.ss & 0xffff, FLAT_RING3_SS);
	if (seen.esp < (uint32_t)(uintptr_t)__user_start ||
	    seen.esp >= (uint32_t)(uintptr_t)__user_end)
		test_fail("ESP in the frame 0x%x is not on the user stack", seen.esp);
}

void test_main(void)
{
	trap_set_hook(X86_EXC_BP, breakpoint);
	trap_on(stacks[0], FLAT_RING1_SS);
	trap_on(stacks[1], FLAT_RING1_SS & ~3);
	test_eq("ring-3 SS", hc_stack_switch(FLAT_RING3_SS, 0x1000), -XEN_EPERM);
	trap_on(stacks[0], FLAT_RING1_SS);	/* the refusal changed nothing */
	hc_stack_switch(FLAT_RING1_SS, (uint32_t)(uintptr_t)(trap_stack + TRAP_STACK_SIZE));
}
