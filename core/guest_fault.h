/*
 * guest_fault.h - a page fault raised while a guest ran.
 */
#ifndef CORE_GUEST_FAULT_H
#define CORE_GUEST_FAULT_H

#include <stdint.h>
#include "core/domain.h"
#include "shadow/fault_classify.h"

void guest_page_fault(struct vcpu *v, uint32_t va, uint32_t error_code);

/* One line: how many faults of each outcome domain d took. */
void guest_fault_print_counts(const struct domain *d);

#endif
