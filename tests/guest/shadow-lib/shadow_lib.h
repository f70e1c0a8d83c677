/*
 * shadow_lib.h - what the shadow-* test guests share: changing an entry of
 * any of our tables by its frame (mmu_update, so it works whether or not
 * the table is mapped, and whatever Warden thinks of it), and finding room
 * in our top-GiB L2.  Not a guest itself (no main.c).
 */
#ifndef TESTS_GUEST_SHADOW_LIB_H
#define TESTS_GUEST_SHADOW_LIB_H

#include "guest/lib/hypercall.h"
#include "guest/lib/pt.h"
#include "guest/lib/test.h"

#define TWO_MIB		0x200000u
#define RW		(PTE_P | PTE_RW)
#define AD		(PTE_A | PTE_D)

/* Entry index of the table in frame pfn becomes val (the test fails if
 * Warden refuses). */
static inline void set_entry(uint32_t pfn, unsigned index, pte_t val)
{
	struct mmu_update u = { (uint64_t)pfn << PAGE_SHIFT | index * 8u, val };

	test_eq("mmu_update", hc_mmu_update(&u, 1, 0, DOMID_SELF), 0);
}

/* Our L2 table for the top GiB, through the bootstrap mapping (read-only). */
static inline const volatile pte_t *top_l2(void)
{
	return pfn_to_virt(pte_pfn(pt_top()[VIRT_BASE >> 30]));
}

/* The first 2 MiB of the top GiB that our tables leave unmapped: its
 * index in top_l2(). */
static inline unsigned free_l2_slot(void)
{
	unsigned i = 0;

	while (i < 512 && (top_l2()[i] & PTE_P))
		i++;
	if (i == 512)
		test_fatal("no free 2 MiB in the top GiB");
	return i;
}

static inline uint32_t slot_va(unsigned l2_index)
{
	return VIRT_BASE + l2_index * TWO_MIB;
}

#endif
