/*
 * syscall_gate.h - system calls from ring 3 straight into the guest kernel.
 */
#ifndef CORE_SYSCALL_GATE_H
#define CORE_SYSCALL_GATE_H

#include "core/domain.h"

#define SYSCALL_VECTOR 0x80

void syscall_gate_reload(struct vcpu *v);

/* Make the IDT right for v: its int 0x80 handler, if it may have the fast
 * gate, else Warden's stub.  On every way into a guest, so the check that
 * nothing changed is inline. */
static inline void syscall_gate_load(struct vcpu *v)
{
	extern const struct vcpu *syscall_gate_loaded_for;
	extern unsigned syscall_gate_loaded_version;

	if (syscall_gate_loaded_for != v || syscall_gate_loaded_version != v->gate_version)
		syscall_gate_reload(v);
}

/* v's trap table or kernel stack changed: load again on the way in. */
void syscall_gate_changed(struct vcpu *v);

/* v is going away: its gate must not outlive it. */
void syscall_gate_forget(const struct vcpu *v);

#endif
