/*
 * guest_trap.c - every trap from a guest, sorted by vector.
 *
 * The switcher (trap_entry.S) arrives here on Warden's fresh stack, in
 * Warden's address space, with the guest's frame in the vCPU's trap-stack
 * page: that frame *is* the vCPU's saved registers (vcpu->regs points at
 * it through the direct map), so nothing is copied.  The trap is handled,
 * and schedule() decides who runs next (the same vCPU, unless it ended or
 * its time is up).  Nothing here returns: Warden never waits on its stack.
 */
#include "arch/x86_32/trap_frame.h"
#include "arch/x86_32/x86.h"
#include "core/bounce.h"
#include "core/fpu.h"
#include "core/guest_fault.h"
#include "core/hypercall.h"
#include "core/irq.h"
#include "core/privileged.h"
#include "core/schedule.h"
#include "core/watch_step.h"

_Noreturn void guest_trap(struct trap_frame *frame);
_Noreturn void guest_exit_fault(struct trap_frame *frame);

static void dispatch(struct vcpu *v, uint32_t vector, uint32_t error_code)
{
	if (v->stepping && watch_step_trap(v, vector))
		return;
	if (vector == TRAP_HYPERCALL) {	/* the most common: first */
		hypercall(v);
		return;
	}
	if (irq_handle(vector))
		return;
	switch (vector) {
	case TRAP_PF:
		guest_page_fault(v, rcr2(), error_code);
		break;
	case TRAP_GP:
		guest_general_protection(v, error_code);
		break;
	case TRAP_UD:
		guest_invalid_opcode(v);
		break;
	case TRAP_NM:
		fpu_device_not_available(v);
		break;
	default:
		bounce_to_guest(v, vector, TRAP_HAS_ERROR_CODE(vector) ?
			       error_code : BOUNCE_NO_ERROR_CODE);
	}
}

_Noreturn void guest_trap(struct trap_frame *frame)
{
	struct vcpu *v = current;

	v->run_tsc += rdtsc() - v->run_start_tsc;
	dispatch(v, frame->vector, frame->error_code);
	schedule();
}

/*
 * The guest's registers could not be loaded on the way in (a bad segment
 * selector, say): the fault came from switcher_enter_guest() in ring 0.
 */
_Noreturn void guest_exit_fault(struct trap_frame *frame)
{
	current->run_tsc += rdtsc() - current->run_start_tsc;
	domain_crash(current->domain,
		     "its registers cannot be loaded (exception %u, error code 0x%x): cs 0x%x ds 0x%x ss 0x%x",
		     frame->vector, frame->error_code, current->regs->cs & 0xffff,
		     current->regs->ds & 0xffff, current->regs->ss & 0xffff);
	schedule();
}
