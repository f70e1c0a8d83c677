/*
 * pte_check.h - may a guest page-table entry be installed?
 *
 * Every entry a guest writes into one of its page tables, directly or by
 * hypercall, is checked here before any shadow is built from it: it may name
 * only the guest's own frames and may not set reserved bits.  The rules are
 * those guest_walk follows, so an entry that passes here never makes a walk
 * bad or a reserved-bit fault.
 */
#ifndef SHADOW_PTE_CHECK_H
#define SHADOW_PTE_CHECK_H

#include <stdint.h>

/*
 * Whether a guest page-table entry may be installed at the given level
 * (1 = L1, 2 = L2, 3 = L3): NULL if yes, else a short reason naming the
 * value ("entry 0x... maps frame 0x..., beyond the guest's 0x... frames",
 * "entry 0x... has reserved bits 0x... set", "L2 entry 0x... maps a 2 MiB
 * page with bits 20:13 set", "L2 entry 0x... maps a 2 MiB page that runs
 * past the guest's memory").  A not-present entry is always fine.  nr_pfns
 * is the number of pseudo-physical frames the guest owns (a 2 MiB page must
 * lie wholly inside).  Of a present L3 entry only P and the address count,
 * as in guest_walk.  The reason lives in a static buffer that the next call
 * overwrites.
 */
const char *pte_check(uint64_t entry, unsigned level, uint32_t nr_pfns);

#endif
