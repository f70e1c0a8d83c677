/*
 * watch_fault.h - writes to protected pages: watched, or page tables.
 */
#ifndef CORE_WATCH_FAULT_H
#define CORE_WATCH_FAULT_H

#include <stdint.h>
#include "core/domain.h"
#include "shadow/guest_walk.h"

/*
 * A write fault at va on a page Warden protects (a watched page or a page
 * table): walk is the classifier's walk of va (walk->pfn the guest
 * frame), whose mapping the guest's tables make writable (guest_allows)
 * or not (a page table it maps read-only).  The instruction is run once
 * without effect to see what it would write; a write into a watched
 * range becomes a watch event and v waits for a verdict; otherwise the
 * instruction is emulated for real (a near miss, or a page-table write)
 * and v goes on.
 */
void watch_fault(struct vcpu *v, uint32_t va, struct guest_walk *walk,
		 bool guest_allows);

/* A fetch at va (guest frame pfn) from a page under an execute watch. */
void watch_exec_fault(struct vcpu *v, uint32_t va, uint32_t pfn);

/* Apply the monitor's (or the default) verdict to v's pending event. */
void watch_fault_apply(struct vcpu *v, uint8_t verdict, uint8_t flags,
		       uint64_t value);

#endif
