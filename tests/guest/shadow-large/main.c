/*
 * shadow-large: a 2 MiB page (Warden's extension: Xen forbids them).
 *
 * Shows: an L2 entry with PS (and the PAT bit 12 set, which is not part
 * of the frame) maps 512 consecutive frames from FIRST: a value written
 * through each 4 KiB of it is read back through a 4 KiB mapping of the
 * frame it should be in; A and D live in the L2 entry (a read sets A, a
 * write D; cleared by us, they come back); NX and a missing US in the L2
 * entry hold for every 4 KiB of it; an entry with bits 20:13 set is
 * refused.  test.conf checks the fills: one per 4 KiB touched.
 * Cannot show: that Warden's 4 KiB shadow entries carry no PS or PAT bit
 * (unit/test_shadow does).
 */
#include "include/public/errno.h"
#include "guest/lib/probe.h"
#include "tests/guest/shadow-lib/shadow_lib.h"

#define FIRST	0x800u				/* 2 MiB aligned; mem=16 */
#define PAT	(1ull << 12)			/* in a 2 MiB entry */
#define VIEW	(VIRT_BASE + 0x300000)		/* an unused page of ours */

static uint32_t top_pfn(void)
{
	return pte_pfn(pt_top()[3]);
}

static uint32_t word(uint32_t va)
{
	return *(volatile uint32_t *)(uintptr_t)va;
}

static void map_large(unsigned slot, uint64_t flags)
{
	set_entry(top_pfn(), slot, pte_make(FIRST, flags | PTE_PS) | PAT);
}

static void fill_and_check(uint32_t base)
{
	static const unsigned samples[] = { 0, 1, 255, 510, 511 };

	for (unsigned k = 0; k < 512; k++)
		*(volatile uint32_t *)(uintptr_t)(base + k * PAGE_SIZE) = 0x1000 + k;
	for (unsigned i = 0; i < sizeof(samples) / sizeof(samples[0]); i++) {
		test_eq("a 4 KiB view", pt_map(VIEW, FIRST + samples[i], PTE_P), 0);
		test_eq("the frame behind it", word(VIEW), 0x1000 + samples[i]);
	}
}

static void accessed_dirty(unsigned slot, uint32_t base)
{
	map_large(slot, RW);
	test_eq("L2 entry untouched", top_l2()[slot] & AD, 0);
	(void)word(base + 5 * PAGE_SIZE);
	test_eq("L2 entry after a read", top_l2()[slot] & AD, PTE_A);
	*(volatile uint32_t *)(uintptr_t)(base + 6 * PAGE_SIZE) = 6;
	test_eq("L2 entry after a write", top_l2()[slot] & AD, AD);
	test_eq("the rest of the entry", top_l2()[slot] & ~AD,
		pte_make(FIRST, RW | PTE_PS) | PAT);
}

static void rights(unsigned slot, uint32_t base)
{
	struct mmu_update bad = { (uint64_t)top_pfn() << PAGE_SHIFT | slot * 8u,
				  pte_make(FIRST, RW | PTE_PS) | 1ull << 13 };

	map_large(slot, RW | PTE_US | PTE_NX);
	expect_fault("NX page, fetch", PROBE_EXEC, base + 7 * PAGE_SIZE,
		     EXINFO_PF(PF_P | PF_ID));
	map_large(slot, RW);
	expect_fault("supervisor page, ring-3 read", PROBE_READ | PROBE_USER,
		     base + 8 * PAGE_SIZE, EXINFO_PF(PF_P | PF_U));
	test_eq("bits 20:13 set", hc_mmu_update(&bad, 1, 0, DOMID_SELF), -XEN_EINVAL);
}

void test_main(void)
{
	unsigned slot = free_l2_slot();
	uint32_t base = slot_va(slot);

	if (start_info->nr_pages < FIRST + 512)
		test_fatal("needs mem=16");
	map_large(slot, RW);
	fill_and_check(base);
	accessed_dirty(slot, base);
	rights(slot, base);
}
