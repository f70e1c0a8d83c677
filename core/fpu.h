/*
 * fpu.h - each domain's floating-point state.
 */
#ifndef CORE_FPU_H
#define CORE_FPU_H

#include <stdint.h>
#include "core/domain.h"

/* At boot: how to save the FPU (FXSAVE if the CPU has it), and the state
 * a vCPU starts with. */
void fpu_init(void);

/* A new vCPU's state: the CPU's state after FNINIT. */
void fpu_vcpu_init(struct vcpu *v);

/* On the way into v: CR0.TS set unless v owns the FPU and its own
 * (virtual) TS is clear. */
void fpu_enter(struct vcpu *v);

/* #NM in v: deliver it if v's TS is set, and load v's state. */
void fpu_device_not_available(struct vcpu *v);

/* v is going away: it no longer owns the FPU. */
void fpu_forget(struct vcpu *v);

long hc_fpu_taskswitch(struct vcpu *v, const uint32_t *arg);

#endif
