/*
 * syscall_gate.h - system calls from ring 3 straight into the guest kernel.
 */
#ifndef CORE_SYSCALL_GATE_H
#define CORE_SYSCALL_GATE_H

#include "core/domain.h"

#define SYSCALL_VECTOR 0x80

/* Make the IDT right for v: its int 0x80 handler, if it may have the fast
 * gate, else Warden's stub.  Cheap when nothing changed. */
void syscall_gate_load(struct vcpu *v);

/* v's trap table or kernel stack changed: load again on the way in. */
void syscall_gate_changed(struct vcpu *v);

/* v is going away: its gate must not outlive it. */
void syscall_gate_forget(const struct vcpu *v);

#endif
