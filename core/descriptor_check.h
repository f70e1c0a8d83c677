/*
 * descriptor_check.h - checking a segment descriptor that a guest wants in
 * its GDT or LDT, before it goes into a table the CPU uses.
 *
 * Guests install their own descriptors (set_gdt, update_descriptor, or a
 * write to a descriptor-table page), and the CPU trusts what it finds
 * there.  So each one passes through descriptor_check() first, which does
 * what Xen's check_descriptor does for 32-bit guests, minus call gates.
 */
#ifndef CORE_DESCRIPTOR_CHECK_H
#define CORE_DESCRIPTOR_CHECK_H

#include <stdint.h>

/*
 * Check and fix the 8-byte descriptor *d.  NULL means *d may be installed,
 * perhaps fixed: DPL 0 raised to 1, the accessed bit set, the limit cut so
 * that the segment ends at or below 0xF5800000.  Not-present descriptors
 * pass unchanged.  Otherwise the result is a reason for a console line,
 * such as "system descriptor type 0x9 (32-bit TSS) is not allowed", and *d
 * is unchanged.  Every system descriptor is refused, call gates included
 * (Xen allows checked call gates; Warden does not yet).  Pure: no state.
 */
const char *descriptor_check(uint64_t *d);

#endif
