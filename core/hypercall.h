/*
 * hypercall.h - a guest's requests to Warden.
 */
#ifndef CORE_HYPERCALL_H
#define CORE_HYPERCALL_H

#include <stdint.h>
#include "core/domain.h"

/* Handle the hypercall in v's registers (int $0x82: number in EAX,
 * arguments in EBX ECX EDX ESI EDI, result in EAX). */
void hypercall(struct vcpu *v);

/* One hypercall: the vCPU and its five arguments; returns the result, a
 * negative errno on failure. */
typedef long (*hypercall_fn)(struct vcpu *v, const uint32_t *arg);

/* The handlers, one file per group. */
long hc_console_io(struct vcpu *v, const uint32_t *arg);
long hc_sched_op(struct vcpu *v, const uint32_t *arg);
long hc_sched_op_compat(struct vcpu *v, const uint32_t *arg);
long hc_set_trap_table(struct vcpu *v, const uint32_t *arg);
long hc_stack_switch(struct vcpu *v, const uint32_t *arg);
long hc_set_callbacks(struct vcpu *v, const uint32_t *arg);
long hc_callback_op(struct vcpu *v, const uint32_t *arg);
long hc_iret(struct vcpu *v, const uint32_t *arg);
long hc_mmu_update(struct vcpu *v, const uint32_t *arg);
long hc_update_va_mapping(struct vcpu *v, const uint32_t *arg);
long hc_mmuext_op(struct vcpu *v, const uint32_t *arg);
long hc_set_gdt(struct vcpu *v, const uint32_t *arg);
long hc_update_descriptor(struct vcpu *v, const uint32_t *arg);
long hc_xen_version(struct vcpu *v, const uint32_t *arg);
long hc_vm_assist(struct vcpu *v, const uint32_t *arg);

#endif
