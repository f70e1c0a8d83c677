/*
 * vcpu.h - entering a guest, and coming back.
 */
#ifndef CORE_VCPU_H
#define CORE_VCPU_H

#include "core/domain.h"

/* Run vCPU v from its saved registers; returns only by a new trap. */
_Noreturn void vcpu_enter(struct vcpu *v);

/* The vCPU's event mask byte in its shared-info page (Xen's
 * vcpu_info.evtchn_upcall_mask): read and set it. */
uint8_t vcpu_upcall_mask(const struct vcpu *v);
void vcpu_set_upcall_mask(struct vcpu *v, uint8_t mask);

/* Record a page-fault address where the guest reads it (vcpu_info's
 * arch.cr2, and emulated `mov %cr2`). */
void vcpu_set_cr2(struct vcpu *v, uint32_t cr2);

#endif
