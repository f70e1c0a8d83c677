/*
 * syscall_gate.c - Xen's "fast trap" for int 0x80.
 *
 * Every IDT gate leads into Warden, so a ring-3 program's system call
 * (`int $0x80`) would go ring 3 -> Warden -> bounce into the guest kernel,
 * two address-space switches for what on real hardware is one gate.  Xen's
 * 32-bit PV answer: when the guest kernel registers its int 0x80 handler
 * for ring 3, with the flat ring-1 code selector and without masking
 * events, the IDT gate for 0x80 points straight at the handler while that
 * guest runs, and the TSS's ring-1 stack is the guest kernel's stack.  The
 * CPU then pushes exactly the frame a bounce would (SS, ESP, EFLAGS, CS,
 * EIP) on that stack and enters ring 1 without Warden.
 *
 * Nothing is given away: the handler runs in ring 1 with the guest's own
 * rights, the IDT stays read-only to guests, and the gate is put back to
 * Warden's stub whenever another vCPU runs.
 */
#include "core/syscall_gate.h"
#include "arch/x86_32/cpu_tables.h"
#include "arch/x86_32/segments.h"

const struct vcpu *syscall_gate_loaded_for;
unsigned syscall_gate_loaded_version;

static bool may_have_fast_gate(const struct vcpu *v)
{
	const struct guest_trap_handler *h = &v->traps[SYSCALL_VECTOR];

	return h->entry.eip && h->dpl == 3 && h->entry.cs == FLAT_RING1_CS &&
	       !h->mask_events && v->kernel_ss;
}

void syscall_gate_reload(struct vcpu *v)
{
	if (may_have_fast_gate(v)) {
		cpu_tables_set_guest_gate(SYSCALL_VECTOR, FLAT_RING1_CS,
					  v->traps[SYSCALL_VECTOR].entry.eip);
		cpu_tables_set_ring1_stack(v->kernel_ss, v->kernel_sp);
	} else {
		cpu_tables_reset_gate(SYSCALL_VECTOR);
		cpu_tables_set_ring1_stack(0, 0);
	}
	syscall_gate_loaded_for = v;
	syscall_gate_loaded_version = v->gate_version;
}

void syscall_gate_forget(const struct vcpu *v)
{
	if (syscall_gate_loaded_for != v)
		return;
	cpu_tables_reset_gate(SYSCALL_VECTOR);
	cpu_tables_set_ring1_stack(0, 0);
	syscall_gate_loaded_for = 0;
}

void syscall_gate_changed(struct vcpu *v)
{
	v->gate_version++;
}
