/*
 * bounce.c - exceptions go back to the guest.
 *
 * Every exception in a guest traps into Warden first (the IDT is Warden's).
 * Most belong to the guest: its kernel registered a handler for each vector
 * with set_trap_table, and Warden makes the vCPU continue there with the
 * frame a real CPU would have pushed for a ring-1 handler, Xen's "bounce
 * frame":
 *
 *     from ring 1:  [error code] EIP  CS  EFLAGS            (same stack)
 *     from ring 3:  [error code] EIP  CS  EFLAGS  ESP  SS   (kernel stack)
 *
 * lowest address first.  The CS slot's upper half carries the event mask
 * the vCPU had, and EFLAGS.IF says the same, so the handler's iret can put
 * both back.  A handler registered "like an interrupt gate" runs with events
 * masked.  The new context has TF, NT, RF and VM cleared, as a CPU does.
 *
 * A guest that faults while Warden delivers a fault would loop forever; it
 * is crashed instead.  Either its kernel stack is not writable (the push
 * fails), or its handler faults at its first instruction (not mapped), or
 * the handler faults further in, again and again, each time pushing a new
 * frame below the last, until the push fails.
 */
#include "core/bounce.h"
#include "arch/x86_32/x86.h"
#include "core/vcpu.h"
#include "shadow/guest_copy.h"


static bool from_ring3(const struct vcpu *v)
{
	return (v->regs->cs & 3) == 3;
}

/* Push n words on the stack at *sp (ss), lowest word first; false on fault. */
static bool push_frame(struct vcpu *v, uint32_t *sp, const uint32_t *words,
		       unsigned n)
{
	*sp -= n * 4;
	return guest_copy_to(&v->shadow, *sp, words, n * 4);
}

static unsigned frame_words(const struct vcpu *v, uint32_t error_code,
			    uint32_t *w)
{
	uint8_t mask = vcpu_upcall_mask(v);
	unsigned n = 0;

	if (error_code != BOUNCE_NO_ERROR_CODE)
		w[n++] = error_code;
	w[n++] = v->regs->eip;
	w[n++] = (v->regs->cs & 0xffff) | ((uint32_t)mask << 16);
	w[n++] = (v->regs->eflags & ~EFLAGS_IF) | (mask ? 0 : EFLAGS_IF);
	if (from_ring3(v)) {
		w[n++] = v->regs->esp;
		w[n++] = v->regs->ss & 0xffff;
	}
	return n;
}

static bool deliver(struct vcpu *v, const struct guest_trap_handler *h,
		    uint32_t error_code)
{
	uint32_t words[6];
	unsigned n = frame_words(v, error_code, words);
	uint32_t sp = from_ring3(v) ? v->kernel_sp : v->regs->esp;
	uint32_t ss = from_ring3(v) ? v->kernel_ss : v->regs->ss;

	if (from_ring3(v) && !v->kernel_ss)
		return false;
	if (!push_frame(v, &sp, words, n))
		return false;
	v->regs->esp = sp;
	v->regs->ss = ss;
	v->regs->cs = h->entry.cs;
	v->regs->eip = h->entry.eip;
	v->regs->eflags &= ~(EFLAGS_TF | EFLAGS_NT | EFLAGS_RF | EFLAGS_VM);
	if (h->mask_events)
		vcpu_set_upcall_mask(v, 1);
	return true;
}

void bounce_to_guest(struct vcpu *v, unsigned vector, uint32_t error_code)
{
	const struct guest_trap_handler *h = &v->traps[vector];
	uint32_t eip = v->regs->eip;

	if (!h->entry.eip) {
		domain_crash(v->domain, "no handler for exception %u at eip 0x%x",
			     vector, eip);
	} else if (vector < 32 && eip == h->entry.eip) {
		domain_crash(v->domain, "faults inside its own fault handler (exception %u at eip 0x%x)",
			     vector, eip);
	} else if (!deliver(v, h, error_code)) {
		domain_crash(v->domain, "cannot push the frame for exception %u (eip 0x%x) on its kernel stack at 0x%x",
			     vector, eip, from_ring3(v) ? v->kernel_sp : v->regs->esp);
	}
}

void bounce_upcall(struct vcpu *v)
{
	const struct guest_trap_handler h = { v->event_callback, 0, true };

	if (!v->event_callback.eip)
		return;			/* no callback yet: events wait */
	if (!deliver(v, &h, BOUNCE_NO_ERROR_CODE))
		domain_crash(v->domain, "cannot push the event frame on its stack at 0x%x",
			     (v->regs->cs & 3) == 3 ? v->kernel_sp : v->regs->esp);
}

void bounce_page_fault(struct vcpu *v, uint32_t cr2, uint32_t error_code)
{
	vcpu_set_cr2(v, cr2);
	bounce_to_guest(v, 14, error_code);
}
