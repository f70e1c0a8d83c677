/*
 * table_find.c - finding a page table that no shadow copies yet.
 *
 * Xen guests map their page tables read-only and write them anyway (Xen's
 * "writable page tables"): the write faults and the hypervisor emulates
 * it.  Warden knows a frame is a page table when a shadow copies it; but a
 * table the guest has not used since its last new base pointer has no
 * shadow yet.  So, on that rare fault, Warden looks: is the frame named by
 * an entry of the guest's L3 (then it is an L2) or of one of its L2s (then
 * an L1)?  At most 4 + 4 x 512 entries, read through the P2M.
 */
#include "shadow/table_find.h"
#include "arch/x86_32/memlayout.h"
#include "arch/x86_32/pae.h"
#include "mm/mapslot.h"

#define L3_ENTRIES 4

static const pte_t *map_pfn(const struct p2m *m, uint32_t pfn)
{
	const struct pfn_info *g = p2m_info(m, pfn);

	return g ? frame_map(g->mfn) : 0;
}

static uint32_t entry_pfn(pte_t e)
{
	return (uint32_t)(pte_addr(e) >> PAGE_SHIFT);
}

/* Whether a present, 4 KiB-table entry of the L2 at l2_pfn names pfn. */
static int named_by_l2(const struct p2m *m, uint32_t l2_pfn, uint32_t pfn)
{
	const pte_t *l2 = map_pfn(m, l2_pfn);
	int found = 0;

	for (unsigned i = 0; l2 && i < PAE_ENTRIES && !found; i++)
		found = (l2[i] & PTE_P) && !(l2[i] & PTE_PS) && entry_pfn(l2[i]) == pfn;
	if (l2)
		frame_unmap((void *)l2);
	return found;
}

unsigned table_find_level(const struct p2m *m, uint32_t cr3, uint32_t pfn)
{
	const uint8_t *page = (const uint8_t *)map_pfn(m, cr3 >> PAGE_SHIFT);
	pte_t l3[L3_ENTRIES];
	unsigned level = 0;

	if (!page)
		return 0;
	for (unsigned i = 0; i < L3_ENTRIES; i++)
		l3[i] = ((const pte_t *)(page + (cr3 & (PAGE_SIZE - 1) & ~31u)))[i];
	frame_unmap((void *)page);
	for (unsigned i = 0; i < L3_ENTRIES && !level; i++) {
		if (!(l3[i] & PTE_P))
			continue;
		if (entry_pfn(l3[i]) == pfn)
			level = 2;
		else if (named_by_l2(m, entry_pfn(l3[i]), pfn))
			level = 1;
	}
	return level;
}
