/*
 * privileged.h - what a ring-1 kernel may not do itself, and what Warden
 * does for it instead.
 */
#ifndef CORE_PRIVILEGED_H
#define CORE_PRIVILEGED_H

#include <stdint.h>
#include "core/domain.h"

/* #GP in a guest: a software `int n` to a guest handler, an emulated
 * `mov` from CR2/CR3, or the guest's own #GP. */
void guest_general_protection(struct vcpu *v, uint32_t error_code);

/* #UD in a guest: Xen's forced CPUID, or the guest's own #UD. */
void guest_invalid_opcode(struct vcpu *v);

#endif
