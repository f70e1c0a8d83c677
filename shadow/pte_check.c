/*
 * pte_check.c - the checks on an entry a guest puts in its page tables.
 *
 * A guest names pseudo-physical frames 0..nr_pfns-1 in its tables; Warden
 * puts the matching machine frames in the shadows.  An entry naming any
 * other frame would have no machine frame to become, so it is refused.
 * Reserved bits are refused as well (Intel SDM vol. 3, 4.4.2, with
 * MAXPHYADDR 36 and EFER.NXE=1): bits 62:36 of an L2 or L1 entry, and bits
 * 20:13 of an L2 entry that maps a 2 MiB page.  They come first, because an
 * entry with them set has no meaningful frame number.
 *
 * A present L3 entry is checked for its frame alone: Xen guests write
 * RW|US|A|D|P there, which a real CPU refuses, and Warden ignores every
 * flag but P (see guest_walk.c).
 *
 * Frame numbers are compared in 64 bits: an L3 entry may name a frame above
 * 2^32, which must not pass by being truncated.
 */
#include <stdarg.h>
#include <stdbool.h>

#include "arch/x86_32/memlayout.h"
#include "arch/x86_32/pae.h"
#include "lib/format.h"
#include "lib/reason.h"
#include "shadow/pte_check.h"

#define LARGE_FRAMES	(LARGE_PAGE_SIZE / PAGE_SIZE)

/* The first (or only) frame an entry names must be the guest's. */
static const char *check_frame(pte_t e, uint32_t nr_pfns)
{
	uint64_t pfn = pte_addr(e) >> PAGE_SHIFT;

	if (pfn < nr_pfns)
		return NULL;
	return reason("entry 0x%llx maps frame 0x%llx, beyond the guest's "
		      "0x%x frames", (unsigned long long)e,
		      (unsigned long long)pfn, nr_pfns);
}

/* An L2 entry with PS maps 2 MiB, which must all be the guest's. */
static const char *check_large(pte_t e, uint32_t nr_pfns)
{
	uint64_t first = (e & PDE_LARGE_ADDR_MASK) >> PAGE_SHIFT;

	if (e & PDE_LARGE_RSVD_MASK)
		return reason("L2 entry 0x%llx maps a 2 MiB page with bits "
			      "20:13 set", (unsigned long long)e);
	if (first < nr_pfns && LARGE_FRAMES <= nr_pfns - first)
		return NULL;
	return reason("L2 entry 0x%llx maps a 2 MiB page that runs past the "
		      "guest's memory (0x%x frames)", (unsigned long long)e,
		      nr_pfns);
}

const char *pte_check(uint64_t entry, unsigned level, uint32_t nr_pfns)
{
	if (level < 1 || level > 3)
		return reason("level %u is not 1, 2 or 3", level);
	if (!(entry & PTE_P))
		return NULL;
	if (level != 3 && (entry & PTE_RSVD_MASK))
		return reason("entry 0x%llx has reserved bits 0x%llx set",
			      (unsigned long long)entry,
			      (unsigned long long)(entry & PTE_RSVD_MASK));
	if (level == 2 && (entry & PTE_PS))
		return check_large(entry, nr_pfns);
	return check_frame(entry, nr_pfns);
}
