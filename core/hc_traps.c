/*
 * hc_traps.c - how a guest kernel takes its traps: its handlers
 * (set_trap_table), its stack for traps from ring 3 (stack_switch), its
 * callbacks (set_callbacks, callback_op), and the way back (iret).
 *
 * A guest may name only ring-1 or ring-3 selectors: a selector with RPL 0
 * is made RPL 1, as Xen does (guest kernels written for ring 0 use them),
 * and anything that still cannot be loaded makes the way back into the
 * guest fault, which crashes the domain.
 */
#include "arch/x86_32/x86.h"
#include "core/domain_table.h"
#include "core/hypercall.h"
#include "core/syscall_gate.h"
#include "core/vcpu.h"
#include "include/public/callback.h"
#include "include/public/errno.h"
#include "include/public/traps.h"
#include "shadow/guest_copy.h"


static uint16_t guest_selector(uint32_t sel)
{
	return (uint16_t)((sel & 3) == 0 ? sel | 1 : sel);
}

static void set_handler(struct vcpu *v, const struct trap_info *t)
{
	struct guest_trap_handler *h = &v->traps[t->vector];

	h->entry.cs = guest_selector(t->cs);
	h->entry.eip = t->address;
	h->dpl = (uint8_t)TI_GET_DPL(t);
	h->mask_events = TI_GET_IF(t) != 0;
}

/* A table of trap_info ends with an entry whose address is 0; a NULL table
 * clears every handler. */
long hc_set_trap_table(struct vcpu *v, const uint32_t *arg)
{
	struct trap_info t;

	syscall_gate_changed(v);
	if (arg[0] == 0) {
		for (unsigned i = 0; i < 256; i++)
			v->traps[i] = (struct guest_trap_handler){ { 0, 0 }, 0, false };
		return 0;
	}
	for (uint32_t i = 0; i < 256; i++) {
		if (!guest_copy_from(&v->shadow, &t, arg[0] + i * sizeof(t), sizeof(t)))
			return -XEN_EFAULT;
		if (t.address == 0)
			break;
		set_handler(v, &t);
	}
	return 0;
}

long hc_stack_switch(struct vcpu *v, const uint32_t *arg)
{
	uint16_t ss = guest_selector(arg[0]);

	if ((ss & 3) != 1)
		return -XEN_EPERM;
	v->kernel_ss = ss;
	v->kernel_sp = arg[1];
	syscall_gate_changed(v);
	return 0;
}

/* The failsafe callback (arg[2], arg[3]) is accepted and never called:
 * where Xen would call it, Warden crashes the domain. */
long hc_set_callbacks(struct vcpu *v, const uint32_t *arg)
{
	v->event_callback = (struct guest_entry){ guest_selector(arg[0]), arg[1] };
	return 0;
}

/* Registering must succeed for the callbacks Xen-ABI guests always set,
 * even those Warden never calls (failsafe: the domain is crashed instead;
 * syscall and sysenter stay #GP). */
static long register_callback(struct vcpu *v, const struct callback_register *r)
{
	struct guest_entry e = { guest_selector(r->address.cs), r->address.eip };

	switch (r->type) {
	case CALLBACKTYPE_event:
		v->event_callback = e;
		return 0;
	case CALLBACKTYPE_failsafe:
	case CALLBACKTYPE_syscall:
	case CALLBACKTYPE_sysenter:
	case CALLBACKTYPE_sysenter_deprecated:
	case CALLBACKTYPE_syscall32:
	case CALLBACKTYPE_nmi:
		return 0;
	default:
		return -XEN_EINVAL;
	}
}

long hc_callback_op(struct vcpu *v, const uint32_t *arg)
{
	struct callback_register r;

	if (arg[0] == CALLBACKOP_unregister)
		return 0;
	if (arg[0] != CALLBACKOP_register)
		return -XEN_ENOSYS;
	if (!guest_copy_from(&v->shadow, &r, arg[1], sizeof(r)))
		return -XEN_EFAULT;
	return register_callback(v, &r);
}

/*
 * The hypercall page's iret entry pushes EAX and calls with the guest's
 * stack holding: EAX, EIP, CS, EFLAGS, and, returning to ring 3, ESP, SS.
 * Restore them; the result of this hypercall is the restored EAX.  IF in
 * the saved EFLAGS becomes the event mask (the guest's own interrupt flag);
 * the real IF and IOPL are Warden's.
 */
long hc_iret(struct vcpu *v, const uint32_t *arg)
{
	uint32_t w[6];
	uint32_t sp = v->regs->esp;

	(void)arg;
	if (!guest_copy_from(&v->shadow, w, sp, 16)) {
		domain_crash(v->domain, "iret: no frame at 0x%x", sp);
		return 0;
	}
	if ((w[2] & 3) == 0) {
		domain_crash(v->domain, "iret to ring 0 (cs 0x%x)", w[2] & 0xffff);
		return 0;
	}
	if ((w[2] & 3) == 3 && !guest_copy_from(&v->shadow, &w[4], sp + 16, 8)) {
		domain_crash(v->domain, "iret: no ring-3 stack in the frame at 0x%x", sp);
		return 0;
	}
	v->regs->eip = w[1];
	v->regs->cs = w[2] & 0xffff;
	v->regs->eflags = (w[3] & ~EFLAGS_IOPL) | EFLAGS_IF;
	v->regs->esp = (w[2] & 3) == 3 ? w[4] : sp + 16;
	if ((w[2] & 3) == 3)
		v->regs->ss = w[5] & 0xffff;
	vcpu_set_upcall_mask(v, !(w[3] & EFLAGS_IF));
	return (long)w[0];
}
