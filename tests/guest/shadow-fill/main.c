/*
 * shadow-fill: many pages, each filled into the shadow on first touch.
 *
 * Shows: a new L1 table (written with one batched mmu_update of 512
 * entries into a frame not mapped anywhere) hung into our L2 makes 2 MiB of
 * fresh frames appear, each page its own frame (a value written to every
 * page reads back from every page, and the rest of each page is zero);
 * clearing the L2 entry makes the whole range fault at once, and putting
 * it back brings the same frames back.
 * Cannot show: how many fills Warden made (its count is printed when the
 * domain ends, outside this test's view).
 */
#include "guest/lib/hypercall.h"
#include "guest/lib/probe.h"
#include "guest/lib/pt.h"
#include "guest/lib/test.h"
#include "include/public/errno.h"

#define PAGES	512
#define RW	(PTE_P | PTE_RW)

static struct mmu_update reqs[PAGES];
static uint32_t frames[PAGES];

/* The first 2 MiB of the top GiB that our tables leave unmapped. */
static uint32_t free_range(uint32_t *l2_index)
{
	const volatile pte_t *l2 = pfn_to_virt(pte_pfn(pt_top()[VIRT_BASE >> 30]));
	unsigned i = 0;

	while (i < 512 && (l2[i] & PTE_P))
		i++;
	if (i == 512)
		test_fatal("no free 2 MiB range");
	*l2_index = i;
	return VIRT_BASE + i * (PAGES * PAGE_SIZE);
}

static void set_l2(uint32_t l2_index, pte_t val)
{
	uint32_t l2 = pte_pfn(pt_top()[VIRT_BASE >> 30]);

	reqs[0] = (struct mmu_update){ (uint64_t)l2 << PAGE_SHIFT | l2_index * 8, val };
	test_eq("mmu_update of the L2 entry", hc_mmu_update(reqs, 1, 0, DOMID_SELF), 0);
}

static void touch_all(uint32_t base)
{
	for (unsigned i = 0; i < PAGES; i++)
		*(volatile uint32_t *)(base + i * PAGE_SIZE) = frames[i];
	for (unsigned i = 0; i < PAGES; i++) {
		volatile uint32_t *page = (volatile uint32_t *)(base + i * PAGE_SIZE);

		if (page[0] != frames[i] || page[PAGE_SIZE / 4 - 1] != 0)
			test_fatal("page %u reads 0x%x ... 0x%x, expected frame 0x%x",
				   i, page[0], page[PAGE_SIZE / 4 - 1], frames[i]);
	}
}

void test_main(void)
{
	uint32_t l1 = pt_alloc_frame(), done = 0, l2_index;
	uint32_t base = free_range(&l2_index);

	for (unsigned i = 0; i < PAGES; i++) {
		frames[i] = pt_alloc_frame();
		reqs[i] = (struct mmu_update){ (uint64_t)l1 << PAGE_SHIFT | i * 8,
					       pte_make(frames[i], RW) };
	}
	test_eq("512 entries in one batch", hc_mmu_update(reqs, PAGES, &done, DOMID_SELF), 0);
	test_eq("done", done, PAGES);
	set_l2(l2_index, pte_make(l1, RW | PTE_US));
	touch_all(base);
	set_l2(l2_index, 0);
	expect_fault("the range without its L2 entry", PROBE_READ, base, EXINFO_PF(0));
	expect_fault("the range without its L2 entry", PROBE_WRITE, base + 0x1ff000,
		     EXINFO_PF(PF_W));
	set_l2(l2_index, pte_make(l1, RW | PTE_US));
	for (unsigned i = 0; i < PAGES; i += 37)
		test_eq("a page after the L2 entry came back",
			*(volatile uint32_t *)(base + i * PAGE_SIZE), frames[i]);
}
