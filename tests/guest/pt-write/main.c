/*
 * pt-write: changing a page-table entry by hypercall and by a plain write.
 *
 * Shows: our L1 tables are mapped read-only, yet a whole-entry write to
 * them with an ordinary instruction (cmpxchg8b here) works: Warden traps
 * it, checks it and applies it, as Xen's writable page tables do.  Either
 * way -- mmu_update or direct write -- mapping a frame makes the address
 * read that frame, and clearing the entry makes it fault (not present,
 * CR2 the address), at once, with no flush of our own.  That holds for an
 * L1 table no access has gone through yet (the bootstrap region's last
 * page), which Warden has not shadowed: it is a page table all the same.
 * Cannot show: writes that Warden refuses (a bad whole entry crashes the
 * domain: contain-bad-pte).
 */
#include "guest/lib/hypercall.h"
#include "guest/lib/console.h"
#include "guest/lib/probe.h"
#include "guest/lib/pt.h"
#include "guest/lib/test.h"

static uint32_t win[PAGE_SIZE / 4] PAGE_ALIGNED = { 1 };
static uint32_t other[PAGE_SIZE / 4] PAGE_ALIGNED = { 2 };

#define WIN	((uint32_t)(uintptr_t)win)
#define RW	(PTE_P | PTE_RW)

static void by_hypercall(volatile pte_t *e, pte_t val)
{
	struct mmu_update u = { virt_to_maddr(e), val };

	test_eq("mmu_update", hc_mmu_update(&u, 1, 0, DOMID_SELF), 0);
}

static void by_write(volatile pte_t *e, pte_t val)
{
	pte_write_whole(e, val);
}

/* Map other at va, unmap va, map va's own frame (holding own_word) back. */
static void map_check_unmap(const char *how, void (*write)(volatile pte_t *, pte_t),
			    uint32_t va, uint32_t own_word)
{
	volatile pte_t *e = pt_l1e(va);
	volatile uint32_t *p = (volatile uint32_t *)(uintptr_t)va;
	pte_t own = *e;

	printk("%s, at 0x%x\n", how, va);
	write(e, pte_make(virt_to_pfn(other), RW));
	test_eq("the entry", *e == pte_make(virt_to_pfn(other), RW), 1);
	test_eq("reads the other frame", p[0], 2);
	write(e, 0);
	test_eq("the entry is clear", *e == 0, 1);
	expect_fault("cleared entry", PROBE_READ, va, EXINFO_PF(0));
	expect_fault("cleared entry", PROBE_WRITE, va + 4, EXINFO_PF(PF_W));
	write(e, own);
	test_eq("reads its own frame", p[0], own_word);
}

void test_main(void)
{
	uint32_t last = pt_alloc_frame() * PAGE_SIZE + VIRT_BASE - PAGE_SIZE;

	expect_fault("our L1 table is mapped to us", PROBE_READ,
		     (uint32_t)(uintptr_t)pt_l1e(WIN), 0);
	expect_fault("our L1 table is read-only to us", PROBE_WRITE | PROBE_USER,
		     (uint32_t)(uintptr_t)pt_l1e(WIN), EXINFO_PF(PF_P | PF_W | PF_U));
	map_check_unmap("by mmu_update", by_hypercall, WIN, 1);
	map_check_unmap("by a direct write", by_write, WIN, 1);
	map_check_unmap("by a direct write to a table nothing used yet", by_write, last, 0);
}
