/*
 * bounce.h - handing an exception to the guest kernel's own handler.
 */
#ifndef CORE_BOUNCE_H
#define CORE_BOUNCE_H

#include <stdbool.h>
#include <stdint.h>
#include "core/domain.h"

#define BOUNCE_NO_ERROR_CODE	0xffffffffu

/*
 * Make vCPU v continue in its handler for `vector`, with the frame a
 * 32-bit PV kernel expects on its stack (Xen's layout): pushed on the
 * current stack if the guest kernel was interrupted, on the stack set with
 * stack_switch if a ring-3 program was.  No handler, or a frame that cannot
 * be written, crashes the domain.
 */
void bounce_to_guest(struct vcpu *v, unsigned vector, uint32_t error_code);

/* Send v into its event callback, events masked (an upcall). */
void bounce_upcall(struct vcpu *v);

/* A page fault at cr2 the guest's own tables raise: record CR2 first. */
void bounce_page_fault(struct vcpu *v, uint32_t cr2, uint32_t error_code);

#endif
