/*
 * upcall-ring3: an event that interrupts ring 3.
 *
 * Shows: with the timer bound and events on, code spinning in ring 3 is
 * interrupted by the upcall; the callback runs in ring 1 on the stack
 * named with stack_switch (our trap stack), with a frame that has the
 * ring-3 EIP, CS, ESP and SS and events on in the saved EFLAGS; the iret
 * hypercall takes the code back to ring 3, where it sees what the handler
 * wrote and returns normally.
 * Cannot show: an upcall with events masked in ring 3 (ring 3 has no way
 * to mask them).
 */
#include "guest/lib/events.h"
#include "guest/lib/evtchn.h"
#include "guest/lib/test.h"
#include "guest/lib/user.h"
#include "guest/lib/x86.h"

#define SPINS_MAX	2000000000u

static __user_data volatile uint32_t woken;
static struct cpu_regs frame;
static uintptr_t frame_at;

static void timer_event(evtchn_port_t port, struct cpu_regs *regs)
{
	(void)port;
	if (woken || !regs_from_ring3(regs))
		return;				/* the first from ring 3 only */
	frame = *regs;
	frame_at = (uintptr_t)regs;
	woken = 1;
}

static __user_text uint32_t spin_in_ring3(uint32_t max)
{
	for (uint32_t i = 0; i < max && !woken; i++)
		;
	return woken;
}

void test_main(void)
{
	long port;

	events_init();
	port = evtchn_bind_virq(VIRQ_TIMER);
	if (port <= 0)
		test_fatal("bind_virq VIRQ_TIMER: %ld", port);
	events_set_handler((evtchn_port_t)port, timer_event);
	events_on();
	if (!test_eq("ring 3 saw the handler's write", user_exec(spin_in_ring3, SPINS_MAX), 1))
		return;
	test_eq("frame's cs", frame.cs & 0xffff, FLAT_RING3_CS);
	test_eq("frame's ss", frame.ss & 0xffff, FLAT_RING3_SS);
	test_eq("saved eflags.IF", (frame.eflags & EFLAGS_IF) != 0, 1);
	if (frame.eip < (uint32_t)(uintptr_t)__user_start || frame.eip >= (uint32_t)(uintptr_t)__user_end)
		test_fail("frame's eip 0x%x is not in ring-3 code", frame.eip);
	if (frame_at < (uintptr_t)trap_stack || frame_at >= (uintptr_t)trap_stack + TRAP_STACK_SIZE)
		test_fail("the frame at 0x%x is not on the trap stack", (uint32_t)frame_at);
}
