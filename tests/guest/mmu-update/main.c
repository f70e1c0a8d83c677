/*
 * mmu-update: batched page-table writes by address (mmu_update).
 *
 * Shows: a normal update changes what an address maps (the L1 entry is
 * named by its pseudo-physical address); PRESERVE_AD keeps the entry's
 * accessed and dirty bits; a not-present entry may hold anything; the
 * machine-to-physical update is accepted only as the identity; a batch
 * stops at its first bad request and says how many it did.  Refused:
 * frames past our memory and reserved bits (-EINVAL), a misaligned or
 * foreign entry address (-EINVAL), an unknown command (-ENOSYS), another
 * domain (-EPERM), unreadable requests and an unwritable done count
 * (-EFAULT).
 * Cannot show: that the refused updates changed nothing in Warden's
 * shadows (only that our tables and our view did not change).
 */
#include "guest/lib/hypercall.h"
#include "guest/lib/pt.h"
#include "guest/lib/test.h"
#include "include/public/errno.h"

static uint32_t win[PAGE_SIZE / 4] PAGE_ALIGNED = { 1 };
static uint32_t other[PAGE_SIZE / 4] PAGE_ALIGNED = { 2 };

#define WIN	((uint32_t)(uintptr_t)win)
#define RW	(PTE_P | PTE_RW)

static long update(uint64_t ptr, uint64_t val)
{
	struct mmu_update u = { ptr, val };

	return hc_mmu_update(&u, 1, 0, DOMID_SELF);
}

static void batch(uint64_t l1e)
{
	struct mmu_update u[3] = {
		{ l1e, pte_make(virt_to_pfn(other), RW) },
		{ l1e, pte_make(start_info->nr_pages + 1, RW) },
		{ l1e, pte_make(virt_to_pfn(win), RW) },
	};
	uint32_t done = 99;

	test_eq("batch with a bad second request", hc_mmu_update(u, 3, &done, DOMID_SELF),
		-XEN_EINVAL);
	test_eq("requests done", done, 1);
	test_eq("the first was applied", win[0], 2);
	test_eq("whole batch", hc_mmu_update(u + 2, 1, &done, DOMID_SELF), 0);
	test_eq("requests done", done, 1);
	test_eq("unwritable done", hc_mmu_update(u, 1, (uint32_t *)0x1000, DOMID_SELF),
		-XEN_EFAULT);
	test_eq("unreadable requests", hc_mmu_update((void *)0x1000, 1, 0, DOMID_SELF),
		-XEN_EFAULT);
	test_eq("empty batch", hc_mmu_update(u, 0, 0, DOMID_SELF), 0);
	test_eq("another domain", hc_mmu_update(u, 1, 0, 5), -XEN_EPERM);
}

void test_main(void)
{
	uint64_t l1e = virt_to_maddr(pt_l1e(WIN));
	uint32_t own = virt_to_pfn(win), pfn = start_info->nr_pages;

	test_eq("normal update", update(l1e, pte_make(virt_to_pfn(other), RW)), 0);
	test_eq("maps the other frame", win[0], 2);
	test_eq("update with A and D", update(l1e, pte_make(own, RW | PTE_A | PTE_D)), 0);
	test_eq("preserve A/D", update(l1e | MMU_PT_UPDATE_PRESERVE_AD, pte_make(own, RW)), 0);
	test_eq("A and D kept", (uint32_t)pt_read(WIN) & (PTE_A | PTE_D), PTE_A | PTE_D);
	test_eq("not present, any frame", update(l1e, 0xfffff000), 0);
	test_eq("present, frame past our memory", update(l1e, pte_make(pfn + 1, RW)), -XEN_EINVAL);
	test_eq("reserved bit 40", update(l1e, pte_make(own, RW) | 1ull << 40), -XEN_EINVAL);
	test_eq("misaligned entry", update(l1e + 4, pte_make(own, RW)), -XEN_EINVAL);
	test_eq("entry past our memory", update((uint64_t)(pfn + 1) << PAGE_SHIFT, 0), -XEN_EINVAL);
	test_eq("unknown command", update(l1e | 3, pte_make(own, RW)), -XEN_ENOSYS);
	test_eq("still not present", pt_read(WIN), 0xfffff000);
	test_eq("map back", update(l1e, pte_make(own, RW)), 0);
	test_eq("our own frame", win[0], 1);
	batch(l1e);
	test_eq("M2P identity", update((uint64_t)own << PAGE_SHIFT | MMU_MACHPHYS_UPDATE, own), 0);
	test_eq("M2P change", update((uint64_t)own << PAGE_SHIFT | MMU_MACHPHYS_UPDATE, own + 1),
		-XEN_EINVAL);
}
